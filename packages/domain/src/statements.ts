import type {
  DuplicateOf,
  Pledge,
  StatementEncoding,
  StatementEncodingChoice,
  StatementReason,
  StatementResult,
  StatementRow,
} from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import { DomainError, invalidIn } from './errors.js';
import type { MoneyDeps } from './money-deps.js';
import { kgsAt, rateOn } from './money-deps.js';
import { findPaymentReferences, takesMoney } from './pledge-rules.js';
import { authorize } from './policy.js';
import { bookReceipt, receiptIds } from './receipts.js';
import { dayInReceiptWindow, possibleDuplicateOf, PossibleDuplicateError } from './receipt-duplicates.js';
import { parseStatementCsv, StatementFileError, type StatementFile, type StatementLine } from './statement-csv.js';
import { CONFIRMATION_MESSAGES, STATEMENT_FILE_MESSAGES } from './statement-messages.js';
import { decodeText } from './text-decoding.js';

/**
 * A statement to import: text as typed or pasted (`csv`), or a file's bytes read in `encoding` ('auto'
 * detects it: see decodeText). `confirmedAmounts` are staff's readings (minor units) of ambiguous amounts,
 * by line; each must be one of that line's `readings`. `confirmedDuplicates` are the lines staff book although
 * they may repeat money already received (`possible_duplicate`).
 */
export type StatementImport = ({ csv: string } | { bytes: Uint8Array; encoding: StatementEncodingChoice }) & {
  confirmedAmounts?: readonly { line: number; amount: number }[];
  confirmedDuplicates?: readonly number[];
};

interface ReadStatement extends StatementFile {
  encoding: StatementEncoding | null;
}

/** Decodes and parses; a statement that cannot be read at all is a 400 on `csv` (or `content`), in three languages. */
function readStatement(input: StatementImport): ReadStatement {
  const field = 'csv' in input ? 'csv' : 'content';
  const decoded = 'csv' in input ? { text: input.csv, encoding: null } : decodeText(input.bytes, input.encoding);
  try {
    return { ...parseStatementCsv(decoded.text), encoding: decoded.encoding };
  } catch (e) {
    if (e instanceof StatementFileError) throw invalidIn(field, STATEMENT_FILE_MESSAGES[e.problem]);
    throw e;
  }
}

/** Staff's confirmations of ambiguous amounts, applied; one that is not a reading of an ambiguous line is a 400. */
function applyConfirmations(lines: StatementLine[], confirmed: StatementImport['confirmedAmounts'] = []): StatementLine[] {
  const out = lines.map((l) => ({ ...l }));
  confirmed.forEach((c, i) => {
    const line = out.find((l) => l.line === c.line);
    const reading = line?.error === 'amount_ambiguous' ? line.readings.find((r) => r.amount === c.amount) : undefined;
    if (!line || !reading) throw invalidIn(`confirmedAmounts.${i}.amount`, CONFIRMATION_MESSAGES(c.line));
    Object.assign(line, { amount: reading, error: null });
  });
  return out;
}

function receiptIdOf(l: StatementLine): string | null {
  if (!l.date || !l.amount || l.error) return null;
  return l.bankReference ? receiptIds.bank(l.bankReference) : receiptIds.statementRow({ date: l.date, amount: l.amount, text: l.text });
}

async function bookedAmong(deps: MoneyDeps, ids: string[]): Promise<Set<string>> {
  const booked = new Set<string>();
  for (let i = 0; i < ids.length; i += 100) for (const id of await deps.money.bookedReceipts(ids.slice(i, i + 100))) booked.add(id);
  return booked;
}

/**
 * Why a found pledge cannot take this line's money now, checked as bookReceipt will at commit: the pledge
 * is in kind or closed, its project expired or was cancelled, or no rate prices the line's (or the
 * pledge's) currency on its day. Reads are cached per statement.
 */
function bookability(deps: MoneyDeps) {
  const pledges = new Map<string, Promise<Pledge | undefined>>();
  const rates = new Map<string, Promise<boolean>>();
  const hasRate = (currency: string, day: string) => {
    const key = `${currency}|${day}`;
    if (!rates.has(key))
      rates.set(
        key,
        rateOn(deps.rates, currency, day).then(
          () => true,
          (e) => (e instanceof DomainError ? false : Promise.reject(e)),
        ),
      );
    return rates.get(key)!;
  };
  /** The line's amount in tyiyn stays within MAX_AMOUNT_MINOR (checked now, so a commit never fails half-way on it). */
  const pricesWithinLimit = async (line: StatementLine): Promise<boolean> => {
    try {
      kgsAt(line.amount!, await rateOn(deps.rates, line.amount!.currency, line.date!));
      return true;
    } catch (e) {
      if (e instanceof DomainError) return false;
      throw e;
    }
  };
  return async (pledgeId: string, line: StatementLine): Promise<StatementReason | null> => {
    if (!pledges.has(pledgeId)) pledges.set(pledgeId, deps.money.getPledge(pledgeId));
    const pledge = await pledges.get(pledgeId)!;
    if (!pledge) return 'pledge_not_found';
    if (!takesMoney(pledge)) return 'pledge_closed';
    const project = await deps.projects.get(pledge.projectId);
    if (!project || project.status === 'expired' || project.status === 'cancelled') return 'project_closed';
    const currencies = new Set([line.amount!.currency, pledge.amount!.currency]);
    for (const currency of currencies) if (!(await hasRate(currency, line.date!))) return 'no_rate';
    if (!(await pricesWithinLimit(line))) return 'amount_invalid';
    return null;
  };
}

/**
 * What a line found on a pledge may repeat: money the pledge already received that day with that amount
 * (one read by key per pledge, day and amount) or an earlier line of this statement. Reads are cached.
 */
function duplicates(deps: MoneyDeps) {
  const booked = new Map<string, Promise<DuplicateOf[]>>();
  const inFile = new Map<string, DuplicateOf[]>();
  const keyOf = (pledgeId: string, l: StatementLine) => `${pledgeId}|${l.date}|${l.amount!.currency}|${l.amount!.amount}`;
  return {
    async find(pledgeId: string, l: StatementLine, receiptId: string): Promise<DuplicateOf | undefined> {
      const key = keyOf(pledgeId, l);
      if (!booked.has(key)) booked.set(key, deps.money.receiptsOnDay({ pledgeId, receivedOn: l.date!, amount: l.amount! }));
      return possibleDuplicateOf([...(await booked.get(key)!), ...(inFile.get(key) ?? [])], receiptId);
    },
    /** A line that would be booked (or may be, once confirmed): later lines of the same money may repeat it. */
    add(pledgeId: string, l: StatementLine, receiptId: string) {
      const key = keyOf(pledgeId, l);
      inFile.set(key, [
        ...(inFile.get(key) ?? []),
        { receiptId, receivedOn: l.date!, bankReference: oneLine(l.text), source: 'statement' },
      ]);
    },
  };
}

/** A line's text as a receipt keeps it: one line, at most 100 characters. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 100);

/**
 * Classifies each line: invalid (a cell, or a day outside FIRST_RECEIPT_DAY..today in Bishkek), ambiguous,
 * duplicate (in the file, booked, or possibly the same money under another id unless staff confirmed the line),
 * unmatched (no reference, several, no such pledge, or it cannot take money), matched.
 */
async function classify(deps: MoneyDeps, lines: StatementLine[], confirmedDuplicates: ReadonlySet<number>): Promise<StatementRow[]> {
  const ids = lines.map(receiptIdOf);
  const booked = await bookedAmong(deps, [...new Set(ids.filter((id): id is string => id !== null))]);
  const canBook = bookability(deps);
  const repeats = duplicates(deps);
  const seen = new Set<string>();
  const rows: StatementRow[] = [];
  for (const [i, l] of lines.entries()) {
    const receiptId = ids[i]!;
    const references = l.error === 'undecodable' ? [] : findPaymentReferences(l.text);
    const reference = references.length === 1 ? references[0]! : null;
    const row: StatementRow = {
      line: l.line,
      date: l.date,
      amount: l.amount,
      text: l.text,
      cells: l.cells,
      readings: l.readings,
      status: 'matched',
      reason: null,
      paymentReference: reference,
      pledgeId: null,
      receiptId,
      duplicateOf: null,
    };
    const pledgeId = reference ? ((await deps.money.pledgeIdByReference(reference)) ?? null) : null;
    if (l.error === 'amount_ambiguous') Object.assign(row, { status: 'ambiguous', reason: l.error, pledgeId });
    else if (l.error) Object.assign(row, { status: 'invalid', reason: l.error });
    else if (!dayInReceiptWindow(l.date!, deps.clock)) Object.assign(row, { status: 'invalid', reason: 'date_out_of_range' });
    else if (booked.has(receiptId!)) Object.assign(row, { status: 'duplicate', reason: 'already_booked' });
    else if (seen.has(receiptId!)) Object.assign(row, { status: 'duplicate', reason: 'repeated_in_statement' });
    else if (references.length > 1) Object.assign(row, { status: 'unmatched', reason: 'several_references' });
    else if (!reference) Object.assign(row, { status: 'unmatched', reason: 'no_reference' });
    else if (!pledgeId) Object.assign(row, { status: 'unmatched', reason: 'unknown_reference' });
    else {
      const refused = await canBook(pledgeId, l);
      const repeated = refused || confirmedDuplicates.has(l.line) ? undefined : await repeats.find(pledgeId, l, receiptId!);
      if (refused) Object.assign(row, { status: refused === 'amount_invalid' ? 'invalid' : 'unmatched', reason: refused, pledgeId });
      else if (repeated) Object.assign(row, { status: 'duplicate', reason: 'possible_duplicate', pledgeId, duplicateOf: repeated });
      else Object.assign(row, { pledgeId });
      if (!refused) repeats.add(pledgeId, l, receiptId!);
    }
    if (receiptId) seen.add(receiptId);
    rows.push(row);
  }
  return rows;
}

function counted(rows: StatementRow[], file: ReadStatement): StatementResult {
  const counts = { matched: 0, unmatched: 0, duplicate: 0, invalid: 0, ambiguous: 0, booked: 0 };
  for (const r of rows) counts[r.status] += 1;
  return { rows, counts, encoding: file.encoding, delimiter: file.delimiter, decimalSeparator: file.decimalSeparator };
}

async function prepare(deps: MoneyDeps, actor: Actor, input: StatementImport) {
  authorize(actor, { action: 'money:manage' });
  const file = readStatement(input);
  const confirmedDuplicates = new Set(input.confirmedDuplicates ?? []);
  return {
    file,
    confirmedDuplicates,
    rows: await classify(deps, applyConfirmations(file.lines, input.confirmedAmounts), confirmedDuplicates),
  };
}

/**
 * What importing a statement would book, without booking anything: each line matched, unmatched,
 * duplicate, invalid or ambiguous (an amount for staff to confirm), with a reason code. Throws
 * DomainError('validation') for a statement that cannot be read at all, or a confirmation that fits no line.
 * @example await previewStatement(deps, staff, { bytes, encoding: 'auto' }) // { rows, counts, encoding: 'windows-1251', ... }
 */
export async function previewStatement(deps: MoneyDeps, actor: Actor, input: StatementImport): Promise<StatementResult> {
  const { file, rows } = await prepare(deps, actor, input);
  return counted(rows, file);
}

/**
 * Books the matched lines of a statement (ambiguous ones only once confirmed), each in its own transaction
 * keyed by its receipt id, so committing the same statement twice (or two overlapping ones) books every
 * transfer once. A line whose text did not decode is never booked. Every line is classified and checked
 * (pledge, project, rate, amount within MAX_AMOUNT_MINOR once in KGS) before any is booked; a line that still
 * fails when booked is reported on its row (`not_bookable`, logged), never a 500 after earlier lines were booked.
 * A line that may repeat money already received under another id (`possible_duplicate`, also when it was
 * booked meanwhile) is booked only when its line number is in `confirmedDuplicates`.
 */
export async function commitStatement(deps: MoneyDeps, actor: Actor, input: StatementImport): Promise<StatementResult> {
  const { file, rows, confirmedDuplicates } = await prepare(deps, actor, input);
  authorize(actor, { action: 'money:manage' }); // (prepare checked it; this narrows `actor` for the audit entries)
  // One id per commit, in each booked line's receipt.record entry: the audit log groups a statement's lines by it.
  const statement = `stmt-${deps.newId()}`;
  for (const row of rows.filter((r) => r.status === 'matched')) {
    try {
      const out = await bookReceipt(deps, {
        pledgeId: row.pledgeId!,
        amount: row.amount!,
        receivedOn: row.date!,
        receiptId: row.receiptId!,
        bankReference: oneLine(row.text),
        source: 'statement',
        duplicates: confirmedDuplicates.has(row.line) ? 'book' : 'refuse',
        by: { actor, statement },
      });
      Object.assign(row, out.kind === 'booked' ? { status: 'booked' } : { status: 'duplicate', reason: 'already_booked' });
    } catch (e) {
      // Booked meanwhile under another id (another statement, a receipt by hand): staff decide, as in the preview.
      if (e instanceof PossibleDuplicateError) {
        Object.assign(row, { status: 'duplicate', reason: 'possible_duplicate', duplicateOf: e.duplicateOf });
        continue;
      }
      if (!(e instanceof DomainError))
        console.error(JSON.stringify({ level: 'error', msg: 'statement line not booked', line: row.line, error: String(e) }));
      Object.assign(row, {
        status: 'unmatched',
        reason: e instanceof DomainError && e.kind === 'not_found' ? 'pledge_not_found' : 'not_bookable',
      });
    }
  }
  return counted(rows, file);
}
