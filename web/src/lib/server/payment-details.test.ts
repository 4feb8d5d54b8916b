import { MAX_INSTRUCTIONS_LENGTH } from '@mekendesh/contracts';
import { describe, expect, it } from 'vitest';
import { paymentDetailsParser } from './payment-details.js';

const at = '2026-01-01T00:00:00.000Z';
const purpose = (text: string) => ({ ky: text, ru: text, en: text });
const bank = {
	account: {
		kind: 'bank',
		currency: 'USD',
		active: true,
		bankName: 'Test Bank',
		bic: 'TESTKG22',
		accountNumber: '1990010000917364',
		beneficiaryName: 'Mekendesh Programme',
		beneficiaryTaxId: '02512202610037',
		purposeTemplate: purpose('Pledge {reference}'),
		id: 'usd-bank',
		version: 1,
		createdAt: at,
		updatedAt: at,
	},
	purpose: purpose('Pledge MK-AAAA-BBBB'),
	qr: { format: 'text', payload: 'MEKENDESH-TRANSFER/1' },
};
const transfer = (instructions: string) => ({
	account: {
		kind: 'money_transfer',
		currency: 'USD',
		active: true,
		company: 'Korona Pay',
		receiverName: 'Asanova Aigul',
		country: 'KG',
		city: purpose('Bishkek'),
		instructions: purpose(instructions),
		id: 'usd-korona',
		version: 1,
		createdAt: at,
		updatedAt: at,
	},
	purpose: purpose(instructions.replace('{reference}', 'MK-AAAA-BBBB')),
	qr: { format: 'text', payload: 'MEKENDESH-TRANSFER/1' },
});
const details = (options: unknown[]) => ({
	pledgeId: 'p1',
	paymentReference: 'MK-AAAA-BBBB',
	amount: { amount: 5000, currency: 'USD' },
	payBy: '2027-04-30',
	options,
	office: { email: 'office@example.kg', phone: null },
});

describe('reading payment details on the web', () => {
	it('leaves out (and logs) an option it cannot read, and shows the others', () => {
		const logged: string[] = [];
		const broken = { ...transfer('Put {reference} in the message'), purpose: { ky: 'only one language' } };
		const out = paymentDetailsParser((m) => logged.push(m)).safeParse(details([broken, bank]));
		expect(out.success).toBe(true);
		expect(out.success && out.data.options.map((o) => o.account.id)).toEqual(['usd-bank']);
		expect(logged).toHaveLength(1);
		expect(logged[0]).toContain('usd-korona');
	});

	it('reads instructions as long as the contract allows, with the reference in place', () => {
		// The template is the longest the domain keeps: the reference (12 characters) replaces the 11-character placeholder.
		const longest = `${'a'.repeat(MAX_INSTRUCTIONS_LENGTH - 12)}{reference}`;
		const logged: string[] = [];
		const out = paymentDetailsParser((m) => logged.push(m)).safeParse(details([bank, transfer(longest)]));
		expect(logged).toEqual([]);
		expect(out.success && out.data.options.map((o) => o.purpose.en.length)).toEqual([19, MAX_INSTRUCTIONS_LENGTH]);
	});

	it('fails only when the details themselves are malformed', () => {
		expect(paymentDetailsParser(() => {}).safeParse({ ...details([bank]), paymentReference: 5 }).success).toBe(false);
	});
});
