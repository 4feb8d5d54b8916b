import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@mekendesh/domain/errors';

/**
 * Opaque cursors signed with a secret: the position (a DynamoDB key) and an HMAC-SHA256 over the query's
 * fingerprint (index, partition, filters, sort) and that position. A cursor edited, replayed on another
 * query or filter, or signed with another secret fails the check with a 400 naming `cursor`. The partition
 * is also pinned, so even a valid signature cannot move a read outside the list its query names.
 */
export interface CursorScope {
  /** Canonical description of the query (index, partition, filters, sort, words; not the limit). */
  fingerprint: string;
  /** Attribute names the position must have, exactly. */
  keyNames: readonly string[];
  /** Values the position must carry (the partition). */
  pinned: Record<string, string>;
  /** A required start of a sort attribute (prefix queries). */
  sortPrefix?: { name: string; prefix: string };
}

/** A secret made once per process where none is configured (local runs, tests): cursors do not outlive the process. */
const PROCESS_SECRET = randomBytes(32).toString('base64url');

/** The secret cursors are signed with: the configured one, else this process's random one. */
export function cursorSecretOr(configured: string | undefined): string {
  return configured && configured.length > 0 ? configured : PROCESS_SECRET;
}

const sign = (secret: string, scope: CursorScope, k: Record<string, string>) =>
  createHmac('sha256', secret).update(scope.fingerprint).update('\n').update(JSON.stringify(k)).digest();

/** The one spelling of a position and its signature: the key names in the scope's order, JSON, then base64url. */
function encode(secret: string, scope: CursorScope, key: Record<string, unknown>): string {
  const k = Object.fromEntries(scope.keyNames.map((n) => [n, key[n]])) as Record<string, string>;
  return Buffer.from(JSON.stringify({ k, c: sign(secret, scope, k).toString('base64url') })).toString('base64url');
}

/** Encodes a position for this query; null when there is nothing more to read. */
export function signCursor(secret: string, scope: CursorScope, key: Record<string, unknown> | undefined): string | null {
  return key ? encode(secret, scope, key) : null;
}

function isPosition(k: unknown, scope: CursorScope): k is Record<string, string> {
  if (typeof k !== 'object' || k === null || Array.isArray(k)) return false;
  const entries = Object.entries(k);
  const at = k as Record<string, string>;
  return (
    entries.length === scope.keyNames.length &&
    entries.every(([n, v]) => scope.keyNames.includes(n) && typeof v === 'string' && v.length <= 512) &&
    Object.entries(scope.pinned).every(([n, v]) => at[n] === v) &&
    (!scope.sortPrefix || (at[scope.sortPrefix.name] ?? '').startsWith(scope.sortPrefix.prefix))
  );
}

const invalid = () =>
  new DomainError('validation', 'cursor is not valid', [{ field: 'cursor', message: 'not a cursor this list issued for these filters' }]);

/**
 * The position a cursor holds, or DomainError validation (400 naming `cursor`) when this query did not issue it. Only
 * the exact string signCursor made is accepted: base64url decoding ignores the last character's unused bits, padding
 * and stray characters, and JSON.parse spaces and key order, so a cursor had many spellings (issue 12 review).
 */
export function openCursor(secret: string, scope: CursorScope, cursor: string | undefined): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  let parsed: { k?: unknown; c?: unknown } | null;
  try {
    parsed =
      cursor.length <= 4_096
        ? (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown; c?: unknown } | null)
        : null;
  } catch {
    parsed = null;
  }
  const k = parsed?.k;
  if (!parsed || typeof parsed.c !== 'string' || !isPosition(k, scope)) throw invalid();
  const given = Buffer.from(parsed.c, 'base64url');
  const expected = sign(secret, scope, k);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  if (encode(secret, scope, k) !== cursor) throw invalid();
  return k;
}
