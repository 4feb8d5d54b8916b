import { describe, expect, it } from 'vitest';
import { parseAmount, parseDay, parseStatementCsv } from './statement-csv.js';

describe('bank statement CSV', () => {
  it('reads amounts exactly, in the ways banks write them', () => {
    expect(parseAmount('1234.56')).toBe(123_456);
    expect(parseAmount('1 234,56')).toBe(123_456);
    expect(parseAmount('1,234.5')).toBe(123_450);
    expect(parseAmount('1.234,56')).toBe(123_456);
    expect(parseAmount('0.10')).toBe(10);
    expect(parseAmount('-5')).toBeUndefined();
    expect(parseAmount('12.345')).toBe(1_234_500); // a dot between groups of three is a thousands separator
    expect(parseAmount('12.3456')).toBeUndefined();
    expect(parseAmount('abc')).toBeUndefined();
  });

  it('reads ISO and dotted dates, and refuses impossible ones', () => {
    expect(parseDay('2026-03-02')).toBe('2026-03-02');
    expect(parseDay('02.03.2026')).toBe('2026-03-02');
    expect(parseDay('2026-02-30')).toBeUndefined();
  });

  it('reads lines with quotes and semicolons, reporting bad lines instead of stopping', () => {
    const lines = parseStatementCsv('Дата;Сумма;Валюта;Назначение;bank_reference\n02.03.2026;"1 000,00";kgs;"Оплата; MK-2222-2222";TX1\n2026-03-02;x;USD;bad\n');
    expect(lines[0]).toMatchObject({ line: 2, date: '2026-03-02', amount: { amount: 100_000, currency: 'KGS' }, text: 'Оплата; MK-2222-2222', bankReference: 'TX1', error: null });
    expect(lines[1]!.error).toMatch(/line 3: the amount/);
  });

  it('refuses a statement without the columns it needs', () => {
    expect(() => parseStatementCsv('when,how much\n2026-03-02,1')).toThrow(/no date column/);
    expect(() => parseStatementCsv('date,amount,currency,description')).toThrow(/header row and at least one line/);
  });
});
