import type { StatementResult, StatementRow } from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import { DomainError } from './errors.js';
import type { MoneyDeps } from './money-deps.js';
import { findPaymentReference } from './pledge-rules.js';
import { authorize } from './policy.js';
import { bookReceipt, receiptIds } from './receipts.js';
import { parseStatementCsv, type StatementLine } from './statement-csv.js';

function readCsv(csv: string): StatementLine[] {
  try {
    return parseStatementCsv(csv);
  } catch (e) {
    throw new DomainError('validation', (e as Error).message, [{ field: 'csv', message: (e as Error).message }]);
  }
}

function receiptIdOf(l: StatementLine): string | null {
  if (!l.date || !l.amount) return null;
  return l.bankReference ? receiptIds.bank(l.bankReference) : receiptIds.statementRow({ date: l.date, amount: l.amount, text: l.text });
}

async function bookedAmong(deps: MoneyDeps, ids: string[]): Promise<Set<string>> {
  const booked = new Set<string>();
  for (let i = 0; i < ids.length; i += 100) for (const id of await deps.money.bookedReceipts(ids.slice(i, i + 100))) booked.add(id);
  return booked;
}

/** Classifies each line: invalid, unmatched (no valid reference or no such pledge), duplicate (in the file or booked), matched. */
async function classify(deps: MoneyDeps, lines: StatementLine[]): Promise<StatementRow[]> {
  const ids = lines.map(receiptIdOf);
  const booked = await bookedAmong(deps, [...new Set(ids.filter((id): id is string => id !== null))]);
  const seen = new Set<string>();
  const rows: StatementRow[] = [];
  for (const [i, l] of lines.entries()) {
    const receiptId = ids[i]!;
    const reference = findPaymentReference(l.text) ?? null;
    const row: StatementRow = { line: l.line, date: l.date, amount: l.amount, text: l.text, status: 'matched', reason: null, paymentReference: reference, pledgeId: null, receiptId };
    if (l.error) Object.assign(row, { status: 'invalid', reason: l.error });
    else if (booked.has(receiptId!)) Object.assign(row, { status: 'duplicate', reason: 'already booked' });
    else if (seen.has(receiptId!)) Object.assign(row, { status: 'duplicate', reason: 'the same line appears earlier in this statement' });
    else if (!reference) Object.assign(row, { status: 'unmatched', reason: 'no valid MK- payment reference in the description' });
    else {
      const pledgeId = await deps.money.pledgeIdByReference(reference);
      if (pledgeId) row.pledgeId = pledgeId;
      else Object.assign(row, { status: 'unmatched', reason: `no pledge has the reference ${reference}` });
    }
    if (receiptId) seen.add(receiptId);
    rows.push(row);
  }
  return rows;
}

function counted(rows: StatementRow[]): StatementResult {
  const counts = { matched: 0, unmatched: 0, duplicate: 0, invalid: 0, booked: 0 };
  for (const r of rows) counts[r.status] += 1;
  return { rows, counts };
}

/** What importing a statement would book, without booking anything. */
export async function previewStatement(deps: MoneyDeps, actor: Actor, csv: string): Promise<StatementResult> {
  authorize(actor, { action: 'money:manage' });
  return counted(await classify(deps, readCsv(csv)));
}

/**
 * Books the matched lines of a statement, each in its own transaction keyed by its receipt id, so
 * committing the same statement twice (or two overlapping ones) books every transfer once.
 */
export async function commitStatement(deps: MoneyDeps, actor: Actor, csv: string): Promise<StatementResult> {
  authorize(actor, { action: 'money:manage' });
  const rows = await classify(deps, readCsv(csv));
  for (const row of rows.filter((r) => r.status === 'matched')) {
    try {
      const out = await bookReceipt(deps, {
        pledgeId: row.pledgeId!, amount: row.amount!, receivedOn: row.date!, receiptId: row.receiptId!, bankReference: row.text.slice(0, 100), source: 'statement',
      });
      Object.assign(row, out.kind === 'booked' ? { status: 'booked' } : { status: 'duplicate', reason: 'already booked' });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      Object.assign(row, { status: 'unmatched', reason: e.message });
    }
  }
  return counted(rows);
}
