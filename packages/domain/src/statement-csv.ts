import { CURRENCIES, type Currency, type Money } from '@mekendesh/contracts';

/** A bank statement line as read: either the fields, or why it could not be read. */
export interface StatementLine {
  line: number;
  date: string | null;
  amount: Money | null;
  /** Description / payment details, where the payment reference is looked for. */
  text: string;
  /** The bank's transaction id, when the statement has such a column. */
  bankReference: string | null;
  error: string | null;
}

/** Lines beyond this many are refused: split the statement. */
export const MAX_STATEMENT_LINES = 1000;

function splitCsvLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) cells.push(cell), (cell = '');
    else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/** "1 234,56", "1234.56", "1,234.56" -> 123456 minor units; undefined when it is not an amount. */
export function parseAmount(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0']/g, '');
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:[.,](\d{1,2}))?$/.exec(t) ?? /^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/.exec(t);
  if (!m) return undefined;
  const whole = Number(m[1]!.replace(/[.,]/g, ''));
  const minor = Number((m[2] ?? '0').padEnd(2, '0'));
  const value = whole * 100 + minor;
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** "2026-03-02" or "02.03.2026" -> "2026-03-02". */
export function parseDay(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  const day = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : dotted ? `${dotted[3]}-${dotted[2]}-${dotted[1]}` : undefined;
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day ? day : undefined;
}

const COLUMN_NAMES: Record<string, readonly string[]> = {
  date: ['date', 'дата', 'kuni', 'күнү'],
  amount: ['amount', 'сумма', 'суммасы'],
  currency: ['currency', 'валюта'],
  text: ['description', 'reference', 'details', 'назначение', 'purpose', 'memo'],
  bankReference: ['bank_reference', 'transaction_id', 'id', 'номер'],
};

function columnsOf(header: string[]): Record<string, number> | string {
  const lower = header.map((h) => h.toLowerCase());
  const at: Record<string, number> = {};
  for (const [key, names] of Object.entries(COLUMN_NAMES)) {
    const i = lower.findIndex((h) => names.includes(h));
    if (i >= 0) at[key] = i;
    else if (key !== 'bankReference') return `the header has no ${key} column (expected one of: ${names.join(', ')})`;
  }
  return at;
}

/**
 * Reads a bank statement CSV: a header row naming date, amount, currency and description (reference,
 * details) columns, optionally bank_reference; comma or semicolon separated. Bad lines come back with an
 * error rather than stopping the import; a bad header throws a RangeError.
 */
export function parseStatementCsv(csv: string): StatementLine[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/).map((l, i) => ({ text: l, line: i + 1 })).filter((l) => l.text.trim() !== '');
  if (lines.length < 2) throw new RangeError('the statement needs a header row and at least one line');
  if (lines.length - 1 > MAX_STATEMENT_LINES) throw new RangeError(`at most ${MAX_STATEMENT_LINES} lines per statement`);
  const separator = (lines[0]!.text.match(/;/g)?.length ?? 0) > (lines[0]!.text.match(/,/g)?.length ?? 0) ? ';' : ',';
  const columns = columnsOf(splitCsvLine(lines[0]!.text, separator));
  if (typeof columns === 'string') throw new RangeError(columns);
  return lines.slice(1).map(({ text, line }) => {
    const cells = splitCsvLine(text, separator);
    const cell = (key: string) => (columns[key] === undefined ? '' : (cells[columns[key]!] ?? ''));
    const date = parseDay(cell('date')) ?? null;
    const minor = parseAmount(cell('amount'));
    const currency = cell('currency').toUpperCase();
    const known = (CURRENCIES as readonly string[]).includes(currency);
    const error = !date ? `line ${line}: the date "${cell('date')}" is not YYYY-MM-DD or DD.MM.YYYY`
      : minor === undefined ? `line ${line}: the amount "${cell('amount')}" is not a positive amount`
      : !known ? `line ${line}: the currency "${currency}" is not one of ${CURRENCIES.join(', ')}` : null;
    return {
      line, date, text: cell('text'), bankReference: cell('bankReference') || null, error,
      amount: minor !== undefined && known ? { amount: minor, currency: currency as Currency } : null,
    };
  });
}
