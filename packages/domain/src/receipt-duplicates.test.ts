import { describe, expect, it } from 'vitest';
import { FIRST_RECEIPT_DAY, type DuplicateOf } from '@mekendesh/contracts';
import { dayInReceiptWindow, possibleDuplicateOf, PossibleDuplicateError } from './receipt-duplicates.js';
import { findPaymentReferences, paymentReference } from './pledge-rules.js';

const booked = (receiptId: string): DuplicateOf => ({
  receiptId,
  receivedOn: '2026-11-29',
  bankReference: receiptId.slice(5),
  source: 'manual',
});

describe('possible duplicates', () => {
  it('a hand receipt FT-777 and the statement line of the same money without a bank reference may be one transfer', () => {
    const hand = booked('bank:FT-777');
    expect(possibleDuplicateOf([hand], 'stmt:2026-11-29|5000|KGS|ПОЖЕРТВОВАНИЕ K')).toBe(hand);
    expect(possibleDuplicateOf([booked('stmt:2026-11-29|5000|KGS|X')], 'bank:FT-777')?.receiptId).toBe('stmt:2026-11-29|5000|KGS|X');
    expect(possibleDuplicateOf([booked('stmt:2026-11-29|5000|KGS|X')], 'stmt:2026-11-29|5000|KGS|Y')).toBeDefined();
    expect(possibleDuplicateOf([booked('card:pi_1')], 'bank:FT-1')).toBeDefined();
  });

  it('two bank references (or two card payments) are two transfers, and the same id is not this question', () => {
    expect(possibleDuplicateOf([booked('bank:FT-777')], 'bank:FT-778')).toBeUndefined();
    expect(possibleDuplicateOf([booked('card:pi_1')], 'card:pi_2')).toBeUndefined();
    expect(possibleDuplicateOf([booked('bank:FT-777')], 'bank:FT-777')).toBeUndefined();
    expect(possibleDuplicateOf([], 'bank:FT-777')).toBeUndefined();
  });

  it('says which receipt in three languages, as a conflict naming confirmDuplicate', () => {
    const e = new PossibleDuplicateError(booked('bank:FT-777'), { amount: 5_000, currency: 'KGS' });
    expect(e).toMatchObject({ kind: 'conflict', errors: [{ field: 'confirmDuplicate' }] });
    expect(e.messages!.ru).toContain('«FT-777»');
    expect(e.messages!.ru).toContain('50\u00a0сом');
    expect(e.messages!.en).toContain('November 29, 2026');
    expect(e.messages!.ky).toContain('Баары бир каттоо');
  });
});

describe('the days money can have been received on', () => {
  const clock = { now: () => new Date('2026-11-29T17:59:59Z') }; // 23:59:59 on 29 November in Bishkek
  it('from the programme start to today in Bishkek', () => {
    expect(['2099-12-31', '1900-01-01', '2020-01-01', '2026-11-30'].map((d) => dayInReceiptWindow(d, clock))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect([FIRST_RECEIPT_DAY, '2026-11-29'].map((d) => dayInReceiptWindow(d, clock))).toEqual([true, true]);
    expect(dayInReceiptWindow('2026-11-30', { now: () => new Date('2026-11-29T18:00:00Z') })).toBe(true);
  });
});

describe('payment references in a line', () => {
  it('finds each distinct one, so a line naming two is not booked on the first', () => {
    const [a, b] = [paymentReference(), paymentReference()];
    expect(findPaymentReferences(`за ${a} и ${b}`)).toEqual([a, b]);
    expect(findPaymentReferences(`${a} (${a.toLowerCase().replace(/-/g, ' ')})`)).toEqual([a]);
  });
});
