import { DomainError } from '@mekendesh/domain';

/** Opaque cursors: the LastEvaluatedKey as base64url JSON, checked on the way back in. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export function decodeCursor(
  cursor: string | undefined,
  expectedKeys: readonly string[],
  /** Key values the cursor must carry, so a cursor from one list cannot be replayed on another. */
  pinned: Record<string, string> = {},
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const bad = () => new DomainError('validation', 'cursor is not valid', [{ field: 'cursor', message: 'not a cursor this list issued' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof parsed !== 'object' || parsed === null) throw bad();
  const entries = Object.entries(parsed);
  const ok =
    entries.length === expectedKeys.length &&
    entries.every(([k, v]) => expectedKeys.includes(k) && typeof v === 'string' && v.length <= 256) &&
    Object.entries(pinned).every(([k, v]) => (parsed as Record<string, unknown>)[k] === v);
  if (!ok) throw bad();
  return parsed as Record<string, string>;
}
