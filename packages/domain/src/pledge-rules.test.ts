import { describe, expect, it } from 'vitest';
import type { Pledge } from '@mekendesh/contracts';
import {
  applyReceipt,
  canonicalJson,
  checkCharacter,
  findPaymentReference,
  paymentInstructions,
  paymentReference,
} from './pledge-rules.js';

const pledge = (overrides: Partial<Pledge> = {}): Pledge => ({
  id: 'p1',
  projectId: 'x',
  projectTitle: { en: 'Roof' },
  investorId: 'u1',
  type: 'donation',
  amount: { amount: 10_000, currency: 'USD' },
  amountKgs: 874_500,
  rate: { currency: 'USD', value: '87.45', nominal: 1, date: '2026-03-01' },
  termMonths: null,
  inKind: null,
  channel: 'bank_transfer',
  message: null,
  display: 'anonymous',
  displayName: null,
  paymentReference: 'MK-2222-2222',
  status: 'pledged',
  received: { amount: 0, currency: 'USD' },
  receivedKgs: 0,
  overpaid: null,
  matchedKgs: 0,
  matchedBy: {},
  receipts: 0,
  version: 1,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  ...overrides,
});

describe('payment references', () => {
  it('are MK-XXXX-XXXX with a check character that catches every single-character typo', () => {
    const ref = paymentReference(new Uint8Array([0, 1, 2, 3, 4, 5, 6]));
    expect(ref).toMatch(/^MK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const chars = ref.replace(/^MK-|-/g, '');
    expect(findPaymentReference(`payment for ${ref.toLowerCase()} thanks`)).toBe(ref);
    for (let i = 0; i < 8; i++) {
      const typo = chars.slice(0, i) + (chars[i] === 'Z' ? 'Y' : 'Z') + chars.slice(i + 1);
      expect(findPaymentReference(`MK-${typo.slice(0, 4)}-${typo.slice(4)}`)).toBeUndefined();
    }
  });

  it('are found however the sender wrote them', () => {
    const ref = paymentReference();
    const bare = ref.replace(/-/g, '');
    expect(findPaymentReference(`Perevod ${bare}`)).toBe(ref);
    expect(findPaymentReference(`mk ${ref.slice(3, 7)} ${ref.slice(8)}`)).toBe(ref);
    expect(findPaymentReference('no reference here')).toBeUndefined();
    expect(checkCharacter('2222222')).toHaveLength(1);
  });
});

describe('applyReceipt', () => {
  const at = '2026-03-02T00:00:00.000Z';
  it('marks a part payment partially received, then received with the over-payment kept', () => {
    const part = applyReceipt(pledge(), {
      inPledgeCurrency: 4_000,
      amountKgs: 349_800,
      matched: [{ programmeId: 'm', amountKgs: 349_800 }],
      at,
    });
    expect(part).toMatchObject({
      status: 'partially_received',
      received: { amount: 4_000, currency: 'USD' },
      overpaid: { amount: 0 },
      matchedKgs: 349_800,
      matchedBy: { m: 349_800 },
      version: 2,
    });
    const full = applyReceipt(part, { inPledgeCurrency: 7_000, amountKgs: 612_150, matched: [], at });
    expect(full).toMatchObject({
      status: 'received',
      received: { amount: 11_000 },
      overpaid: { amount: 1_000, currency: 'USD' },
      receivedKgs: 961_950,
      receipts: 2,
    });
  });

  it('refuses money for an in-kind or released pledge', () => {
    expect(() => applyReceipt(pledge({ amount: null }), { inPledgeCurrency: 1, amountKgs: 1, matched: [], at })).toThrow(/in-kind/);
    expect(() => applyReceipt(pledge({ status: 'released' }), { inPledgeCurrency: 1, amountKgs: 1, matched: [], at })).toThrow(/released/);
  });
});

describe('instructions and canonical JSON', () => {
  it('gives transfer instructions in three languages with the reference, none for cards', () => {
    const text = paymentInstructions(pledge());
    for (const l of ['ky', 'ru', 'en'] as const) expect(text?.[l]).toContain('MK-2222-2222');
    // Amounts as each language writes money: "Переведите 100,00 $", never "100.00 USD".
    expect(text?.en).toContain('Send $100.00 to');
    expect(text?.ru).toContain('Переведите 100,00\u00a0$ на');
    expect(text?.ky).toContain('100,00\u00a0USD суммасын');
    const som = paymentInstructions(pledge({ amount: { amount: 300_000, currency: 'KGS' } }));
    expect(som?.ky).toMatch(/^3\u00a0000\u00a0сом суммасын/);
    expect(som?.ru).toContain('Переведите 3\u00a0000\u00a0сом на');
    expect(paymentInstructions(pledge({ channel: 'card' }))).toBeNull();
  });

  it('compares request bodies whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: undefined } })).toBe(canonicalJson({ a: { d: [1, 2] }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
