import { describe, expect, it } from 'vitest';
import { cp1251, utf16, utf8 } from '../../../tests/fixtures/encodings.js';
import { MAX_STATEMENT_LINES, parseDay, parseStatementCsv, StatementFileError } from './statement-csv.js';
import { decodeText } from './text-decoding.js';

const problemOf = (csv: string) => {
  try {
    parseStatementCsv(csv);
  } catch (e) {
    return e instanceof StatementFileError ? e.problem : String(e);
  }
  return 'none';
};
const read = (bytes: Uint8Array) => parseStatementCsv(decodeText(bytes).text);

describe('bank statement CSV', () => {
  it('reads ISO and dotted dates, and refuses impossible ones', () => {
    expect(parseDay('2026-03-02')).toBe('2026-03-02');
    expect(parseDay('02.03.2026')).toBe('2026-03-02');
    expect(parseDay('2026-02-30')).toBeUndefined();
  });

  it('reads lines with quotes and semicolons, reporting bad lines with a reason code instead of stopping', () => {
    const { lines, delimiter } = parseStatementCsv(
      'Дата;Сумма;Валюта;Назначение;bank_reference\n02.03.2026;"1 000,00";kgs;"Оплата; MK-2222-2222";TX1\n2026-03-02;x;USD;bad\n31.02.2026;5;KGS;x\n2026-03-02;5;XYZ;x\n',
    );
    expect(delimiter).toBe(';');
    expect(lines[0]).toMatchObject({
      line: 2,
      date: '2026-03-02',
      amount: { amount: 100_000, currency: 'KGS' },
      text: 'Оплата; MK-2222-2222',
      bankReference: 'TX1',
      error: null,
    });
    expect(lines.slice(1).map((l) => [l.line, l.error])).toEqual([
      [3, 'amount_invalid'],
      [4, 'date_invalid'],
      [5, 'currency_unknown'],
    ]);
    expect(lines[1]!.cells).toEqual({ date: '2026-03-02', amount: 'x', currency: 'USD' });
  });

  it('refuses a statement without the columns it needs, or without lines, or too long, with a problem code', () => {
    expect(problemOf('when,how much\n2026-03-02,1')).toBe('header_no_date');
    expect(problemOf('date;amount;description\n2026-03-02;1;x')).toBe('header_no_currency');
    expect(problemOf('date,amount,currency,description')).toBe('statement_empty');
    expect(problemOf(`date,amount,currency,description\n${'2026-03-02,1,KGS,x\n'.repeat(MAX_STATEMENT_LINES + 1)}`)).toBe(
      'statement_too_long',
    );
    expect(problemOf(`date,amount,currency,description\n${'2026-03-02,1,KGS,x\n'.repeat(MAX_STATEMENT_LINES)}`)).toBe('none');
  });

  it('keeps quoted fields with line breaks, quotes and separators in one record, as the project’s own CSV writes them', () => {
    // web/src/lib/statement-view.ts csvCell: quoted when needed, quotes doubled, line breaks kept.
    const csv =
      'date,amount,currency,description,bank_reference\r\n2026-03-02,100,USD,"Асанов ""Бакыт""\r\nMK-2222-2222, school","x\ny"\r\n\r\n2026-03-03,5.50,USD,second,TX2\r\n';
    const { lines } = parseStatementCsv(csv);
    expect(lines.map((l) => [l.line, l.text, l.bankReference, l.error])).toEqual([
      [2, 'Асанов "Бакыт"\nMK-2222-2222, school', 'x\ny', null],
      [6, 'second', 'TX2', null],
    ]);
  });

  it('reports an unterminated quote on its own line and reads every line after it (issue 9: it swallowed the next line)', () => {
    const csv =
      'Дата;Сумма;Валюта;Назначение\n29.11.2026;50,00;KGS;"Пожертвование MK-2222-2222\n29.11.2026;60,00;KGS;MK-3333-3333\n30.11.2026;70,00;KGS;x\n';
    const { lines } = parseStatementCsv(csv);
    expect(lines.map((l) => [l.line, l.error, l.amount?.amount ?? null, l.text])).toEqual([
      [2, 'quote_unterminated', 5_000, '"Пожертвование MK-2222-2222'],
      [3, null, 6_000, 'MK-3333-3333'],
      [4, null, 7_000, 'x'],
    ]);
    expect(lines[0]!.cells).toEqual({ date: '29.11.2026', amount: '50,00', currency: 'KGS' });
    // A quote that closes only in the middle of a later line swallowed the lines between; so does one at the end of the file.
    const late = parseStatementCsv(
      'date;amount;currency;description\n2026-03-02;1;KGS;"abc\n2026-03-03;2;KGS;x\n2026-03-04;3;KGS;"y";z\n2026-03-05;4;KGS;"open',
    );
    expect(late.lines.map((l) => [l.line, l.error])).toEqual([
      [2, 'quote_unterminated'],
      [3, null],
      [4, null],
      [5, 'quote_unterminated'],
    ]);
    // A quoted field with a line break that does close stays one record.
    expect(
      parseStatementCsv('date;amount;currency;description\n2026-03-02;1;KGS;"a\nb"\n2026-03-03;2;KGS;c').lines.map((l) => [
        l.line,
        l.error,
        l.text,
      ]),
    ).toEqual([
      [2, null, 'a\nb'],
      [4, null, 'c'],
    ]);
  });

  it('finds a tab separator, and another separator when the guessed one gives no columns', () => {
    expect(parseStatementCsv('date\tamount\tcurrency\tdescription\n2026-03-02\t1,5\tKGS\tMK-2222-2222').lines[0]).toMatchObject({
      amount: { amount: 150, currency: 'KGS' },
      text: 'MK-2222-2222',
    });
    const commas = parseStatementCsv('date;amount;currency;description\n2026-03-02;10;KGS;a, b, c, d, e');
    expect([commas.delimiter, commas.lines[0]!.text]).toEqual([';', 'a, b, c, d, e']);
  });

  it('in one semicolon file, 1,5 is 1.50 and 1,000 waits for staff instead of being booked as a thousand', () => {
    const file = parseStatementCsv(
      'date;amount;currency;description\n2026-03-02;1,5;KGS;MK-2222-2222\n2026-03-02;1,000;KGS;MK-3333-3333\n',
    );
    expect(file.decimalSeparator).toBe(',');
    expect(file.lines[0]).toMatchObject({ amount: { amount: 150, currency: 'KGS' }, error: null });
    expect(file.lines[1]).toMatchObject({
      amount: null,
      error: 'amount_ambiguous',
      readings: [
        { amount: 100, currency: 'KGS' },
        { amount: 100_000, currency: 'KGS' },
      ],
    });
  });

  it('marks a row whose text did not decode, so it is never booked', () => {
    const { lines } = parseStatementCsv(
      'date,amount,currency,description\n2026-03-02,100,KGS,\uFFFD\uFFFD\uFFFD MK-2222-2222\n2026-03-02,100,KGS,Асанов MK-2222-2222\n',
    );
    expect(lines.map((l) => l.error)).toEqual(['undecodable', null]);
    expect(problemOf('d\uFFFDta,amount,currency,description\n2026-03-02,1,KGS,x')).toBe('header_undecodable');
  });

  it('reads a Windows-1251 statement with a Cyrillic header', () => {
    const { lines } = read(cp1251('Дата;Сумма;Валюта;Назначение\n02.03.2026;1 500,00;KGS;Асанов Бакыт Ёлкинович, взнос MK-2222-2222\n'));
    expect(lines[0]).toMatchObject({
      amount: { amount: 150_000, currency: 'KGS' },
      text: 'Асанов Бакыт Ёлкинович, взнос MK-2222-2222',
      error: null,
    });
  });

  it('reads a Windows-1251 statement with a Latin header and Cyrillic payer names, names intact', () => {
    // Windows-1251 has no Ө, Ү, Ң: banks' software writes О, У, Н for them.
    const { lines } = read(
      cp1251('date,amount,currency,description\n2026-03-02,100.00,USD,Омурбек уулу Айбек / Жолдошева Чолпон MK-2222-2222\n'),
    );
    expect(lines[0]!.text).toBe('Омурбек уулу Айбек / Жолдошева Чолпон MK-2222-2222');
    expect(lines[0]!.error).toBeNull();
  });

  it('reads UTF-8 with a byte-order mark and UTF-16 with one', () => {
    const csv = 'Күнү;Суммасы;Валюта;Назначение\n02.03.2026;1 000,00;KGS;Төлөм Асанов MK-2222-2222\n';
    for (const bytes of [utf8(csv, true), utf16(csv, 'le'), utf16(csv, 'be')]) {
      expect(read(bytes).lines[0]).toMatchObject({
        line: 2,
        amount: { amount: 100_000, currency: 'KGS' },
        text: 'Төлөм Асанов MK-2222-2222',
        error: null,
      });
    }
  });
});
