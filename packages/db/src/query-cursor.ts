import { createHash } from 'node:crypto';
import { DomainError } from '@mekendesh/domain';

/**
 * Cursors bound to the query that issued them: the position (a DynamoDB key) plus a checksum over the
 * query's fingerprint and that key. A cursor replayed with other filters, another sort or an edited
 * position fails the check. The partition key is also pinned, so even a forged checksum cannot move a
 * read outside the list the query names.
 */
export interface QueryCursor {
  /** Canonical description of the query (filters, sort, words; not the limit). */
  fingerprint: string;
  /** Attribute names the position must have, exactly. */
  keyNames: readonly string[];
  /** Values the position must carry (the partition), and a required start of the sort key if any. */
  pinned: Record<string, string>;
  sortPrefix?: { name: string; prefix: string };
}

const checksum = (fingerprint: string, key: Record<string, string>) =>
  createHash('sha256').update(fingerprint).update('\n').update(JSON.stringify(key)).digest('base64url').slice(0, 22);

/** Encodes a position for this query; null when there is nothing more to read. */
export function encodeQueryCursor(spec: QueryCursor, key: Record<string, unknown> | undefined): string | null {
  if (!key) return null;
  const k = Object.fromEntries(spec.keyNames.map((n) => [n, key[n]])) as Record<string, string>;
  return Buffer.from(JSON.stringify({ k, c: checksum(spec.fingerprint, k) })).toString('base64url');
}

function isPosition(k: unknown, spec: QueryCursor): k is Record<string, string> {
  if (typeof k !== 'object' || k === null) return false;
  const entries = Object.entries(k);
  return (
    entries.length === spec.keyNames.length &&
    entries.every(([n, v]) => spec.keyNames.includes(n) && typeof v === 'string' && v.length <= 512) &&
    Object.entries(spec.pinned).every(([n, v]) => (k as Record<string, string>)[n] === v) &&
    (!spec.sortPrefix || ((k as Record<string, string>)[spec.sortPrefix.name] ?? '').startsWith(spec.sortPrefix.prefix))
  );
}

/** The position a cursor holds, or a 400 naming the cursor field when it is not one this query issued. */
export function decodeQueryCursor(spec: QueryCursor, cursor: string | undefined): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  let parsed: { k?: unknown; c?: unknown } | null;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown; c?: unknown } | null;
  } catch {
    parsed = null;
  }
  const k = parsed?.k;
  if (!parsed || !isPosition(k, spec) || parsed.c !== checksum(spec.fingerprint, k)) {
    throw new DomainError('validation', 'cursor is not valid', [{ field: 'cursor', message: 'not a cursor this list issued for these filters' }]);
  }
  return k;
}
