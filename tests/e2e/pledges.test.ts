import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Project } from '@mekendesh/contracts';
import { DEMO_PASSWORD, DEMO_RECEIVING_ACCOUNTS } from '@mekendesh/demo-data';
import { bishkekDay } from '@mekendesh/domain';
import { formatSom } from '../../web/src/lib/format.js';
import { cp1251 } from '../fixtures/encodings.js';
import { launchBrowser } from './browser.js';
import { api, newPage, signIn, web } from './account-helpers.js';

const INVESTOR = 'aibek.investor@demo.mekendesh.kg';
const STAFF = 'staff@demo.mekendesh.kg';
const USD_RATE_TYIYN = 8_745; // the demo stack's 87.45 som per dollar (seedDemoRates)
const LANGS = ['ky', 'ru', 'en'] as const;

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

const project = async (id: string): Promise<Project> => (await (await fetch(`${api()}/v1/projects/${id}`)).json()) as Project;
const axe = async (page: Page, label: string) =>
	(await new AxeBuilder({ page }).analyze()).violations.map((v) => `${label}: ${v.id} (${v.nodes.length})`);

/** A published demo project that takes donations and is still raising. */
async function raisingProject(): Promise<Project> {
	const { items } = (await (await fetch(`${api()}/v1/projects?limit=50`)).json()) as { items: { id: string; status: string }[] };
	const today = bishkekDay(new Date());
	for (const item of items.filter((p) => p.status === 'published')) {
		const p = await project(item.id);
		if (p.pledgeTypes.includes('donation') && p.deadline >= today && p.minimumPledge <= 500_000) return p;
	}
	throw new Error('no published demo project takes donations');
}

/** Fills and sends the pledge form; answers the payment reference shown on the pledge page. */
async function pledge(page: Page, lang: string, input: { currency: string; amount: string; channel: string }): Promise<string> {
	await page.locator('input[name=type][value=donation]').check();
	await page.locator('#f-currency').selectOption(input.currency);
	await page.locator('#f-amount').fill(input.amount);
	await page.locator(`input[name=channel][value=${input.channel}]`).check();
	await Promise.all([
		page.waitForURL(new RegExp(`/${lang}/pledges/[^/]+\\?created=1$`)),
		page.locator('main form.stack button[type=submit]').click(),
	]);
	expect(await page.getByRole('status').count()).toBe(1);
	return (await page.locator('[data-reference]').innerText()).trim();
}

describe('pledging by transfer', () => {
	it(
		'an investor pledges in three languages, staff import a statement that books it, the project and the portfolio show it',
		{ timeout: 120_000 },
		async () => {
			const target = await raisingProject();
			const before = target.raised;
			const violations: string[] = [];

			// Signed out, the pledge form sends the investor to sign in and back. No JavaScript anywhere.
			const investor = await newPage(browser, { javaScriptEnabled: false });
			const page = investor.page;
			investor.context.setDefaultTimeout(15_000); // a missing element fails its step, not the whole test's time
			await page.goto(`${web()}/ky/projects/${target.id}/pledge`);
			expect(new URL(page.url()).pathname).toBe('/ky/sign-in');
			expect(new URL(page.url()).searchParams.get('next')).toBe(`/ky/projects/${target.id}/pledge`);
			await page.locator('#f-email').fill(INVESTOR);
			await page.locator('#f-password').fill(DEMO_PASSWORD);
			await Promise.all([page.waitForURL(/\/pledge$/), page.locator('form.stack button[type=submit]').click()]);
			// Card payments are off in this stack: shown, disabled, with the reason.
			expect(await page.locator('input[name=channel][value=card]').isDisabled()).toBe(true);
			expect(await page.locator('#f-channel-card-hint').innerText()).not.toBe('');

			// A form with errors says what is wrong, next to the field.
			await page.locator('#f-amount').fill('12,345');
			await page.locator('main form.stack button[type=submit]').click();
			expect(await page.locator('#f-amount-error').count()).toBe(1);

			const kgs = 5_000;
			const refKy = await pledge(page, 'ky', { currency: 'KGS', amount: String(kgs), channel: 'bank_transfer' });
			expect(await page.locator('.instructions').innerText()).toContain(`${refKy} кодун жазыңыз`);
			const pledgePath = new URL(page.url()).pathname.replace(/^\/ky/, '');

			await page.goto(`${web()}/ru/projects/${target.id}/pledge`);
			const refRu = await pledge(page, 'ru', { currency: 'USD', amount: '100', channel: 'bank_transfer' });
			expect(await page.locator('.instructions').innerText()).toMatch(/Переведите 100,00\s\$ на/);
			expect(await page.locator('.pledge-amount').innerText()).toMatch(/100,00\s\$\s·\s8\s745\sсом/);

			await page.goto(`${web()}/en/projects/${target.id}/pledge`);
			const refEn = await pledge(page, 'en', { currency: 'KGS', amount: '6000', channel: 'money_transfer' });
			expect(await page.locator('.instructions').innerText()).toContain('through a money-transfer company');

			// A double submit of one rendering of the form (same Idempotency-Key) makes one pledge.
			await page.goto(`${web()}/en/projects/${target.id}/pledge`);
			const form = {
				key: await page.locator('input[name=key]').inputValue(),
				type: 'donation',
				currency: 'EUR',
				amount: '50',
				channel: 'bank_transfer',
				display: 'anonymous',
			};
			const submit = () =>
				page.request.post(page.url(), { form, headers: { origin: web(), accept: 'application/json' } }).then((r) => r.json());
			const [first, second] = (await Promise.all([submit(), submit()])) as { type: string; location: string }[];
			expect(first!.type).toBe('redirect');
			expect(second!.location).toBe(first!.location);

			// Staff import one statement, saved by a bank's software in Windows-1251 with a Cyrillic header: two
			// pledges paid in full, the third in part with an amount that reads two ways, one line without a reference.
			const staff = await newPage(browser);
			staff.context.setDefaultTimeout(15_000);
			await signIn(staff.page, 'ru', STAFF, DEMO_PASSWORD);
			const day = bishkekDay(new Date());
			const tag = Date.now().toString(36);
			const csv = [
				'Дата;Сумма;Валюта;Назначение;Номер',
				`${day};${kgs},00;KGS;Взнос Асанов Бакыт ${refKy};${tag}-1`,
				`${day};100.00;USD;Donation ${refRu.toLowerCase()};${tag}-2`,
				`${day};2,500;KGS;Перевод ${refEn.replace(/-/g, '')};${tag}-3`,
				`${day};700;KGS;без кода;${tag}-4`,
			].join('\r\n');
			for (const lang of ['ky', 'en', 'ru']) {
				for (const path of [`/${lang}/staff/programmes`, `/${lang}/staff/money`]) {
					expect((await staff.page.goto(`${web()}${path}`))?.status(), path).toBe(200);
					violations.push(...(await axe(staff.page, path)));
				}
			}
			await staff.page.locator('#f-file').setInputFiles({ name: 'vypiska.csv', mimeType: 'text/csv', buffer: Buffer.from(cp1251(csv)) });
			await staff.page.getByRole('button', { name: 'Проверить' }).click();
			const statuses = () =>
				staff.page.locator('table.statement-lines tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
			const reasons = () =>
				staff.page
					.locator('table.statement-lines tbody tr')
					.evaluateAll((rows) => rows.map((r) => r.querySelector('.row-reason')?.textContent ?? null));
			expect(await statuses()).toEqual(['matched', 'matched', 'ambiguous', 'unmatched']);
			expect(await staff.page.locator('.statement-read').innerText()).toContain('Windows-1251');
			expect(await staff.page.locator('.statement-text').first().innerText()).toBe(`Взнос Асанов Бакыт ${refKy}`);
			expect((await reasons())[3]).toBe('В назначении платежа нет правильного кода платежа MK-.');
			// Read as UTF-8 instead (as it was before), not even the header reads, and the page says so in Russian; then read it as detected.
			await staff.page.locator('#f-encoding').selectOption('utf-8');
			await staff.page.getByRole('button', { name: 'Прочитать заново в этой кодировке' }).click();
			expect(await statuses()).toEqual([]);
			expect(await staff.page.getByRole('alert').innerText()).toContain('Строка заголовков не прочиталась: выберите другую кодировку.');
			await staff.page.locator('#f-encoding').selectOption('auto');
			await staff.page.getByRole('button', { name: 'Прочитать заново в этой кодировке' }).click();
			expect(await statuses()).toEqual(['matched', 'matched', 'ambiguous', 'unmatched']);
			violations.push(...(await axe(staff.page, 'ru staff import preview')));
			expect((await project(target.id)).raised).toBe(before); // the preview booked nothing
			// "2,500" in a file that writes both 5000,00 and 100.00 reads two ways: staff say it is 2 500 som.
			await staff.page.getByRole('combobox', { name: 'Сумма строки 4' }).selectOption('250000');
			await staff.page.getByRole('button', { name: 'Провести найденные строки (2)' }).click();
			expect(await statuses()).toEqual(['booked', 'booked', 'booked', 'unmatched']);
			expect(await staff.page.getByRole('status').innerText()).toContain('Проведено: 3.');
			// The same first transfer from another export without the bank's number column (issue 9): it may be money
			// already booked, so it waits for "Всё равно провести" and booking the statement without it books nothing.
			await staff.page.locator('#f-csv').fill(`Дата;Сумма;Валюта;Назначение\n${day};${kgs},00;KGS;Асанов Б. ${refKy}`);
			await staff.page.getByRole('button', { name: 'Проверить' }).click();
			expect(await statuses()).toEqual(['duplicate']);
			expect(await staff.page.locator('table.statement-lines tbody tr').getAttribute('data-reason')).toBe('possible_duplicate');
			expect((await reasons())[0]).toContain(`Взнос Асанов Бакыт ${refKy}`);
			expect(await staff.page.getByRole('checkbox', { name: 'Всё равно провести строку 2' }).isChecked()).toBe(false);
			violations.push(...(await axe(staff.page, 'ru staff import possible duplicate')));
			await staff.page.getByRole('button', { name: 'Провести найденные строки (0)' }).click();
			expect(await statuses()).toEqual(['duplicate']);
			await staff.context.close();

			// The project's progress bar, in each language, shows exactly what was booked.
			const raised = before + kgs * 100 + 100 * USD_RATE_TYIYN + 250_000;
			expect((await project(target.id)).raised).toBe(raised);
			const paid = { ky: 'Төлөндү', ru: 'Оплачен', en: 'Paid' };
			const part = { ky: 'Жарым-жартылай төлөндү', ru: 'Оплачен частично', en: 'Partly paid' };
			for (const lang of LANGS) {
				await page.goto(`${web()}/${lang}/projects/${target.id}`);
				expect(await page.locator('section[aria-labelledby=funding] .progress-text').innerText(), lang).toContain(formatSom(raised, lang));
				await page.goto(`${web()}/${lang}/account/pledges`);
				const status = (ref: string) => page.locator(`li[data-pledge="${ref}"] .pledge-status`).innerText();
				expect([await status(refKy), await status(refRu), await status(refEn)], lang).toEqual([paid[lang], paid[lang], part[lang]]);
			}
			// The printable receipt of the part-paid pledge, in English.
			await page.locator(`li[data-pledge="${refEn}"]`).getByRole('link', { name: 'Printable receipt' }).click();
			expect(await page.locator('h1').innerText()).toBe('Pledge receipt');
			expect(await page.locator('.pledge-received').innerText()).toMatch(/^2,500\ssom$/);
			await investor.context.close();

			// axe needs JavaScript to run; the pages are the same HTML either way (no client JS is shipped).
			const checker = await newPage(browser);
			await signIn(checker.page, 'en', INVESTOR, DEMO_PASSWORD);
			for (const lang of LANGS) {
				for (const path of [`/projects/${target.id}/pledge`, pledgePath, '/account/pledges']) {
					expect((await checker.page.goto(`${web()}/${lang}${path}`))?.status(), path).toBe(200);
					violations.push(...(await axe(checker.page, `${lang}${path}`)));
				}
			}
			await checker.page.goto(`${web()}/ru/projects/${target.id}/pledge`);
			await checker.page.locator('main form.stack button[type=submit]').click();
			await checker.page.waitForSelector('#f-amount-error');
			violations.push(...(await axe(checker.page, 'ru pledge form with errors')));
			await checker.context.close();
			expect(violations).toEqual([]);
		},
	);
});

describe('where to send the money', () => {
	const usd = DEMO_RECEIVING_ACCOUNTS.find((a) => a.currency === 'USD' && a.kind === 'bank')!;
	const HEADING = { ky: 'Банктык которуу', ru: 'Банковский перевод', en: 'Bank transfer' };
	const PURPOSE = {
		ky: 'Мекендеш: {ref} кайрымдуулук салымы',
		ru: 'Мекендеш: благотворительный взнос {ref}',
		en: 'Mekendesh donation, pledge {ref}',
	};

	it(
		'the pledge page and the receipt show the bank, account number, beneficiary and reference in ky/ru/en, with an SVG QR code; the email says the same',
		{ timeout: 120_000 },
		async () => {
			if (usd.kind !== 'bank') throw new Error('the demo USD account is a bank account');
			const target = await raisingProject();
			const violations: string[] = [];
			const investor = await newPage(browser, { javaScriptEnabled: false });
			const page = investor.page;
			investor.context.setDefaultTimeout(15_000);
			await signIn(page, 'ru', INVESTOR, DEMO_PASSWORD);
			await page.goto(`${web()}/ru/projects/${target.id}/pledge`);
			const ref = await pledge(page, 'ru', { currency: 'USD', amount: '100', channel: 'bank_transfer' });
			const pledgePath = new URL(page.url()).pathname.replace(/^\/ru/, '');

			for (const lang of LANGS) {
				for (const path of [pledgePath, `${pledgePath}/receipt`]) {
					expect((await page.goto(`${web()}/${lang}${path}`))?.status(), path).toBe(200);
					const bank = page.locator('[data-payee=bank]');
					expect(await bank.count(), `${lang}${path}`).toBe(1);
					expect(await bank.locator('h2, h3').first().innerText()).toBe(HEADING[lang]);
					expect(await bank.locator('[data-field=bank]').innerText()).toBe(usd.bankName);
					expect(await bank.locator('[data-field=account]').innerText()).toBe(usd.accountNumber);
					expect(await bank.locator('[data-field=beneficiary]').innerText()).toBe(usd.beneficiaryName);
					expect(await bank.locator('[data-field=purpose]').innerText()).toBe(PURPOSE[lang].replace('{ref}', ref));
					// The QR code is SVG drawn on the server: it is there with JavaScript off.
					const qr = bank.locator('figure.qr svg[role=img]');
					expect(await qr.count()).toBe(1);
					expect(await qr.getAttribute('aria-label')).toContain(ref);
					expect(await qr.locator('path').count()).toBeGreaterThan(0);
				}
			}
			// RUB has a money-transfer company and no bank; KZT has nothing, and the page says whom to ask.
			await page.goto(`${web()}/en/projects/${target.id}/pledge`);
			await pledge(page, 'en', { currency: 'RUB', amount: '5000', channel: 'money_transfer' });
			expect(await page.locator('[data-payee=money_transfer] [data-field=company]').innerText()).toBe('Золотая Корона / Korona Pay');
			expect(await page.locator('[data-payee=bank]').count()).toBe(0);
			await page.goto(`${web()}/ky/projects/${target.id}/pledge`);
			const kzt = await pledge(page, 'ky', { currency: 'KZT', amount: '40000', channel: 'bank_transfer' });
			expect(await page.locator('[data-no-account]').innerText()).toContain(`KZT валютасы үчүн программанын эсеби азырынча жок`);
			expect(await page.locator('[data-no-account]').innerText()).toContain(kzt);
			await investor.context.close();

			// The email sent on pledging, in the investor's language (the demo investor reads Kyrgyz), once.
			const { items } = (await (await fetch(`${api()}/v1/dev/outbox`)).json()) as {
				items: { to: string; subject: string; text: string }[];
			};
			const mails = items.filter((m) => m.to === INVESTOR && m.text.includes(ref));
			expect(mails).toHaveLength(1);
			expect(mails[0]!.subject).toBe(`Мекендеш: ${ref} салымыңыз катталды`);
			expect(mails[0]!.text).toContain(`Эсеп: ${usd.accountNumber}`);
			expect(mails[0]!.text).toContain(`Алуучу: ${usd.beneficiaryName}`);

			// Staff keep the accounts on a page without JavaScript; a wrong account number is named next to its field.
			const staff = await newPage(browser, { javaScriptEnabled: false });
			staff.context.setDefaultTimeout(15_000);
			await signIn(staff.page, 'en', STAFF, DEMO_PASSWORD);
			await staff.page.goto(`${web()}/en/staff/receiving-accounts?kind=bank`);
			expect(await staff.page.locator(`article[data-account="${usd.id}"]`).innerText()).toContain(usd.accountNumber);
			await staff.page.locator('#f-currency').selectOption('EUR');
			await staff.page.locator('#f-bankName').fill('Demo Bank Europe (DEMO)');
			await staff.page.locator('#f-bic').fill('DEUTDEFF');
			await staff.page.locator('#f-accountNumber').fill('DE88 3704 0044 0532 0130 00');
			await staff.page.locator('#f-beneficiaryName').fill('Mekendesh Programme (DEMO)');
			await staff.page.locator('#f-beneficiaryTaxId').fill('02512202610037');
			for (const lang of LANGS) await staff.page.locator(`#f-purpose_${lang}`).fill(`Mekendesh {reference}`);
			await staff.page.getByRole('button', { name: 'Save' }).click();
			expect(await staff.page.locator('#f-accountNumber-error').innerText()).toContain('IBAN');
			await staff.page.locator('#f-accountNumber').fill('DE89 3704 0044 0532 0130 00');
			await Promise.all([staff.page.waitForURL(/saved=/), staff.page.getByRole('button', { name: 'Save' }).click()]);
			expect(await staff.page.getByRole('status').innerText()).toContain('Demo Bank Europe (DEMO) (EUR)');
			await staff.context.close();

			const checker = await newPage(browser);
			await signIn(checker.page, 'en', STAFF, DEMO_PASSWORD);
			for (const lang of LANGS) {
				for (const path of [
					`/${lang}/staff/receiving-accounts`,
					`/${lang}/staff/receiving-accounts?kind=money_transfer`,
					`/${lang}${pledgePath}`,
				]) {
					expect((await checker.page.goto(`${web()}${path}`))?.status(), path).toBe(200);
					violations.push(...(await axe(checker.page, path)));
				}
			}
			await checker.context.close();
			expect(violations).toEqual([]);
		},
	);
});
