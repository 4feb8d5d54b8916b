import Papa from 'papaparse';
import { CURRENCIES, type Currency, type Money, type StatementFileProblem, type StatementReason } from '@mekendesh/contracts';
import { decideDecimalSeparator, readAmount, type DecimalSeparator } from './statement-amounts.js';
import { hasUndecodable } from './text-decoding.js';

/** Why a line could not be read (a subset of the statement reasons). */
export type StatementLineProblem = Extract<
  StatementReason,
  'undecodable' | 'row_malformed' | 'quote_unterminated' | 'date_invalid' | 'amount_invalid' | 'amount_ambiguous' | 'currency_unknown'
>;

/** A bank statement line as read: its fields, or why it cannot be booked as it is. */
export interface StatementLine {
  /** The line of the file the record starts on (header: 1); a quoted field may span lines. */
  line: number;
  date: string | null;
  /** In minor units; null when unreadable or ambiguous. */
  amount: Money | null;
  /** An ambiguous amount's possible meanings, for staff to confirm one; otherwise empty. */
  readings: Money[];
  /** Description / payment details, where the payment reference (and the payer's name) is. */
  text: string;
  /** The bank's transaction id, when the statement has such a column. */
  bankReference: string | null;
  /** The date, amount and currency cells as written. */
  cells: { date: string; amount: string; currency: string };
  error: StatementLineProblem | null;
}

export type StatementDelimiter = ';' | ',' | '\t';

export interface StatementFile {
  lines: StatementLine[];
  delimiter: StatementDelimiter;
  /** The file's decimal separator, decided once from all its amounts; null when undecided. */
  decimalSeparator: DecimalSeparator | null;
}

/** The whole statement cannot be read; `problem` says why (nothing of it is booked). */
export class StatementFileError extends RangeError {
  constructor(
    readonly problem: StatementFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'StatementFileError';
  }
}

/** Lines beyond this many are refused: split the statement. */
export const MAX_STATEMENT_LINES = 1000;
const DELIMITERS: readonly StatementDelimiter[] = [';', ',', '\t'];

/** "2026-03-02" or "02.03.2026" -> "2026-03-02"; undefined for anything else or an impossible day. */
export function parseDay(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  const day = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : dotted ? `${dotted[3]}-${dotted[2]}-${dotted[1]}` : undefined;
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day ? day : undefined;
}

type Column = 'date' | 'amount' | 'currency' | 'text' | 'bankReference';
const COLUMN_NAMES: Record<Column, readonly string[]> = {
  date: ['date', 'дата', 'kuni', 'күнү'],
  amount: ['amount', 'сумма', 'суммасы'],
  currency: ['currency', 'валюта'],
  text: ['description', 'reference', 'details', 'назначение', 'purpose', 'memo'],
  bankReference: ['bank_reference', 'transaction_id', 'id', 'номер'],
};
const HEADER_PROBLEM: Record<Exclude<Column, 'bankReference'>, StatementFileProblem> = {
  date: 'header_no_date',
  amount: 'header_no_amount',
  currency: 'header_no_currency',
  text: 'header_no_text',
};

/** Where each column is, or which required column the header lacks. */
function columnsOf(header: readonly string[]): Partial<Record<Column, number>> | StatementFileProblem {
  const lower = header.map((h) => h.trim().toLowerCase());
  const at: Partial<Record<Column, number>> = {};
  for (const [key, names] of Object.entries(COLUMN_NAMES) as [Column, readonly string[]][]) {
    const i = lower.findIndex((h) => names.includes(h));
    if (i >= 0) at[key] = i;
    else if (key !== 'bankReference') return HEADER_PROBLEM[key];
  }
  return at;
}

interface RawRecord {
  line: number;
  cells: string[];
  /** Broken quotes (papaparse reported an error in this record). */
  malformed: boolean;
  /** A quote opened on this line never closed where a field could end: only this line was read as the record. */
  unterminated?: boolean;
}

/**
 * The records of a CSV text, parsed by papaparse (quoted fields may hold separators, quotes and line
 * breaks), each with the line it starts on; blank records are dropped. Stops reading past `limit` records.
 * A record whose quotes break across lines (a quote that never closes, or closes in the middle of a later
 * line) would swallow the lines after it: it is cut to its first line, marked `unterminated`, and reading
 * starts again on the next line, so every later line is read and reported on its own.
 */
function readRecords(
  text: string,
  delimiter: StatementDelimiter | '',
  limit: number,
): { records: RawRecord[]; delimiter: StatementDelimiter } {
  const records: RawRecord[] = [];
  let used: string = delimiter;
  let offset = 0;
  let line = 1;
  while (offset < text.length && records.length <= limit) {
    const rest = text.slice(offset);
    let cursor = 0;
    let restart: number | null = null;
    Papa.parse<string[]>(rest, {
      delimiter: used,
      delimitersToGuess: [...DELIMITERS],
      newline: '\n',
      skipEmptyLines: false,
      step: (row, parser) => {
        used = row.meta.delimiter;
        const start = line;
        const raw = rest.slice(cursor, row.meta.cursor);
        const firstBreak = raw.indexOf('\n');
        const quotes = row.errors.some((e) => e.type === 'Quotes');
        if (quotes && firstBreak >= 0 && (firstBreak < raw.length - 1 || row.errors.some((e) => e.code === 'MissingQuotes'))) {
          records.push({ line: start, cells: firstLineCells(raw.slice(0, firstBreak), used), malformed: true, unterminated: true });
          restart = offset + cursor + firstBreak + 1;
          line = start + 1;
          parser.abort();
          return;
        }
        for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) === 10) line++;
        cursor = row.meta.cursor;
        if (row.data.every((c) => c.trim() === '')) return;
        records.push({
          line: start,
          cells: row.data.map((c) => c.trim()),
          malformed: row.errors.length > 0,
          unterminated: row.errors.some((e) => e.code === 'MissingQuotes'),
        });
        if (records.length > limit) parser.abort();
      },
    });
    if (restart === null) break;
    offset = restart;
  }
  return { records, delimiter: (DELIMITERS as readonly string[]).includes(used) ? (used as StatementDelimiter) : ',' };
}

/** The cells of one physical line cut from a broken record: split on the separator, the stray quotes kept as written. */
function firstLineCells(text: string, delimiter: string): string[] {
  return text.split(delimiter || ',').map((c) => c.trim());
}

/** The records and columns: papaparse's guess of the separator, or the first other one whose header has every column. */
function readTable(text: string): { records: RawRecord[]; columns: Partial<Record<Column, number>>; delimiter: StatementDelimiter } {
  const limit = MAX_STATEMENT_LINES + 1;
  const guessed = readRecords(text, '', limit);
  if (guessed.records.length < 2) throw new StatementFileError('statement_empty', 'the statement needs a header row and at least one line');
  const header = guessed.records[0]!;
  if (header.cells.some(hasUndecodable))
    throw new StatementFileError('header_undecodable', 'the header row did not decode: choose another encoding');
  const columns = columnsOf(header.cells);
  if (typeof columns !== 'string') return { ...guessed, columns };
  for (const delimiter of DELIMITERS.filter((d) => d !== guessed.delimiter)) {
    const again = readRecords(text, delimiter, limit);
    const found = again.records[0] ? columnsOf(again.records[0].cells) : columns;
    if (typeof found !== 'string') return { ...again, columns: found };
  }
  const problem = columns;
  throw new StatementFileError(problem, `the header has no ${problem.replace('header_no_', '')} column`);
}

/** One record as a statement line, its amount read under the file's decimal separator. */
function readLine(record: RawRecord, columns: Partial<Record<Column, number>>, rule: DecimalSeparator | null): StatementLine {
  const cell = (key: Column) => (columns[key] === undefined ? '' : (record.cells[columns[key]!] ?? ''));
  const cells = { date: cell('date'), amount: cell('amount'), currency: cell('currency') };
  const date = parseDay(cells.date) ?? null;
  const reading = readAmount(cells.amount, rule);
  const code = cells.currency.toUpperCase();
  const currency = (CURRENCIES as readonly string[]).includes(code) ? (code as Currency) : null;
  const error: StatementLineProblem | null = record.cells.some(hasUndecodable)
    ? 'undecodable'
    : record.unterminated
      ? 'quote_unterminated'
      : record.malformed
        ? 'row_malformed'
        : !date
          ? 'date_invalid'
          : reading.kind === 'invalid'
            ? 'amount_invalid'
            : !currency
              ? 'currency_unknown'
              : reading.kind === 'ambiguous'
                ? 'amount_ambiguous'
                : null;
  return {
    line: record.line,
    date,
    text: cell('text'),
    bankReference: cell('bankReference') || null,
    cells,
    error,
    amount: currency && reading.kind === 'amount' ? { amount: reading.minor, currency } : null,
    readings: currency && reading.kind === 'ambiguous' ? reading.readings.map((amount) => ({ amount, currency })) : [],
  };
}

/**
 * Reads a bank statement CSV (already decoded to text: see `decodeText`): a header row naming date,
 * amount, currency and description (reference, details; Russian and Kyrgyz names too) columns, optionally
 * bank_reference; separated by `;`, `,` or tab (papaparse guesses it; another is tried when the header
 * lacks a column). Quoted fields may hold separators, quotes and line breaks. Amounts are read with one
 * decimal separator for the file (`decideDecimalSeparator`), in minor units; dates YYYY-MM-DD or
 * DD.MM.YYYY. A line that cannot be booked as it is comes back with an `error` code rather than stopping
 * the import: `undecodable` (U+FFFD or control characters after decoding: never booked), `row_malformed`,
 * `date_invalid`, `amount_invalid`, `currency_unknown`, `amount_ambiguous` (staff confirm a reading).
 * Throws StatementFileError when the file as a whole cannot be read (no line, over MAX_STATEMENT_LINES,
 * an undecodable header, a missing column).
 * @example parseStatementCsv('Дата;Сумма;Валюта;Назначение\n02.03.2026;1 000,00;KGS;MK-2222-2222').lines[0].amount
 * // { amount: 100_000, currency: 'KGS' }
 */
export function parseStatementCsv(csv: string): StatementFile {
  const text = csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { records, columns, delimiter } = readTable(text);
  if (records.length - 1 > MAX_STATEMENT_LINES)
    throw new StatementFileError('statement_too_long', `at most ${MAX_STATEMENT_LINES} lines per statement`);
  const body = records.slice(1);
  const amountColumn = columns.amount!;
  const decimalSeparator = decideDecimalSeparator(body.filter((r) => !r.malformed).map((r) => r.cells[amountColumn] ?? ''));
  return { lines: body.map((r) => readLine(r, columns, decimalSeparator)), delimiter, decimalSeparator };
}
