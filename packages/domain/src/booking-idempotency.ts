import { DomainError } from './errors.js';
import { canonicalJson } from './pledge-rules.js';
import type { ReportDeps } from './report-ports.js';

/**
 * Idempotency-Key of the requests that book money outside pledges (issue 13 attacker 1): a disbursement and a
 * co-funding receipt. The record is written in the booking's own transaction (Booking.idempotency), so a double click
 * or two requests at once book once; a retry with the same body gets the first answer again, another body a 422.
 */
export type IdempotentBooking = { scope: string; key: string; hash: string };

/** The record's scope and the request's hash: scoped to the project and what is booked (`disbursement` | `cofunding`). */
export function bookingIdempotency(
  kind: 'disbursement' | 'cofunding',
  projectId: string,
  key: string,
  request: unknown,
): IdempotentBooking {
  return { scope: `${kind}:${projectId}`, key, hash: canonicalJson(request) };
}

/** 422 naming `Idempotency-Key`: it was used with another body (ky/ru/en), as for pledges. */
function keyUsedElsewhere(): DomainError {
  const messages = {
    ky: 'Бул Idempotency-Key башка сурам менен колдонулган: жаңы жазуу үчүн жаңы ачкыч колдонуңуз',
    ru: 'Этот Idempotency-Key уже использован с другим запросом: для новой записи нужен новый ключ',
    en: 'this Idempotency-Key was used with a different request: use a new key for a new record',
  };
  return new DomainError(
    'unprocessable',
    messages.en,
    [{ field: 'Idempotency-Key', message: 'already used with a different body', messages }],
    messages,
  );
}

/**
 * What the first request with this key booked (its resultId), when there was one: undefined for a new key; throws
 * keyUsedElsewhere when the body differs. Read strongly consistent, so a retry after the commit always sees it.
 */
export async function earlierBooking(deps: ReportDeps, idem: IdempotentBooking): Promise<string | undefined> {
  const record = await deps.reports.idempotencyRecord(idem.scope, idem.key);
  if (!record) return undefined;
  if (record.hash !== idem.hash) throw keyUsedElsewhere();
  return record.resultId;
}
