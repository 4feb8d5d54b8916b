import { describe, expect, it } from 'vitest';
import { DomainError } from '@mekendesh/domain';
import { decodeQueryCursor, encodeQueryCursor, type QueryCursor } from './query-cursor.js';

const spec: QueryCursor = { fingerprint: '[["sort","newest"]]', keyNames: ['pk', 'sk'], pinned: { pk: 'PX#published' } };
const key = { pk: 'PX#published', sk: '2026-01-01#prj-1', extra: 'ignored' };

describe('query-bound cursors', () => {
  it('round-trip a position for the same query', () => {
    const cursor = encodeQueryCursor(spec, key)!;
    expect(decodeQueryCursor(spec, cursor)).toEqual({ pk: 'PX#published', sk: '2026-01-01#prj-1' });
    expect(encodeQueryCursor(spec, undefined)).toBeNull();
  });

  it('refuse a cursor replayed with other filters, an edited position or garbage', () => {
    const cursor = encodeQueryCursor(spec, key)!;
    const other = { ...spec, fingerprint: '[["sector","water"],["sort","newest"]]' };
    const edited = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    edited.k.sk = '2099-01-01#prj-9';
    const moved = { ...spec, pinned: { pk: 'PX#funded' } };
    for (const [s, c] of [[other, cursor], [spec, Buffer.from(JSON.stringify(edited)).toString('base64url')], [moved, cursor], [spec, 'not a cursor'], [spec, 'bnVsbA']] as const) {
      expect(() => decodeQueryCursor(s, c)).toThrow(DomainError);
    }
  });
});
