import { describe, expect, it } from 'vitest';
import { DomainError } from '@mekendesh/domain';
import { openCursor, signCursor, type CursorScope } from './cursor.js';

const secret = 'test-secret-1';
const scope: CursorScope = { fingerprint: '[["sort","newest"]]', keyNames: ['pk', 'sk'], pinned: { pk: 'PX#published' } };
const key = { pk: 'PX#published', sk: '2026-01-01#prj-1', extra: 'ignored' };

const refused = (s: string, sc: CursorScope, c: string) => {
  try {
    openCursor(s, sc, c);
  } catch (e) {
    return e instanceof DomainError && e.kind === 'validation' && e.errors.some((f) => f.field === 'cursor');
  }
  return false;
};

describe('signed cursors (HMAC-SHA256 bound to their query)', () => {
  it('round-trip a position for the same query and secret; none at the end', () => {
    const cursor = signCursor(secret, scope, key)!;
    expect(openCursor(secret, scope, cursor)).toEqual({ pk: 'PX#published', sk: '2026-01-01#prj-1' });
    expect(openCursor(secret, scope, undefined)).toBeUndefined();
    expect(signCursor(secret, scope, undefined)).toBeNull();
  });

  it('refuse, naming cursor: a tampered position, another query or filter, another secret, a moved partition, garbage', () => {
    const cursor = signCursor(secret, scope, key)!;
    const edited = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    edited.k.sk = '2099-01-01#prj-9';
    const tampered = Buffer.from(JSON.stringify(edited)).toString('base64url');
    expect(refused(secret, scope, tampered)).toBe(true);
    expect(refused(secret, { ...scope, fingerprint: '[["sector","water"],["sort","newest"]]' }, cursor)).toBe(true);
    expect(refused('another-secret', scope, cursor)).toBe(true);
    expect(refused(secret, { ...scope, pinned: { pk: 'PX#funded' } }, cursor)).toBe(true);
    for (const garbage of ['not a cursor', 'bnVsbA', '', 'e30', 'x'.repeat(5_000)])
      expect(refused(secret, scope, garbage), garbage).toBe(true);
  });

  it('accept only the spelling they were issued as: unused bits, padding, stray characters, JSON spaces and key order refused', () => {
    const cursor = signCursor(secret, scope, key)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const { k, c } = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { k: Record<string, string>; c: string };
    const b64 = (o: unknown) => Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString('base64url');
    // The signature's last character carries 2 unused bits: 3 other spellings of the same 32 bytes.
    const sigs = [0, 1, 2, 3].map((low) => `${c.slice(0, -1)}${alphabet[(alphabet.indexOf(c.at(-1)!) & ~3) | low]}`).filter((s) => s !== c);
    expect(sigs).toHaveLength(3);
    // The whole cursor's last character, when its length leaves unused bits, likewise.
    const outer =
      cursor.length % 4 === 0 ? [] : [1, 2, 3].map((x) => `${cursor.slice(0, -1)}${alphabet[alphabet.indexOf(cursor.at(-1)!) ^ x]}`);
    const variants = [
      ...sigs.map((s) => b64({ k, c: s })),
      ...outer.filter((v) => Buffer.from(v, 'base64url').equals(Buffer.from(cursor, 'base64url'))),
      `${cursor}=`,
      `${cursor.slice(0, 10)}!${cursor.slice(10)}`,
      b64(JSON.stringify({ k, c }, null, 1)),
      b64({ k: { sk: k.sk, pk: k.pk }, c }),
    ];
    for (const v of variants) {
      expect(JSON.parse(Buffer.from(v, 'base64url').toString())).toEqual({ k, c: expect.any(String) });
      expect(refused(secret, scope, v), v).toBe(true);
    }
    expect(openCursor(secret, scope, cursor)).toEqual(k);
  });

  it('cannot be forged by recomputing a plain hash: the signature needs the secret', () => {
    const cursor = signCursor(secret, scope, key)!;
    const { k } = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    const forged = Buffer.from(
      JSON.stringify({ k: { ...k, sk: '2099#x' }, c: signCursor('guess', scope, { ...k, sk: '2099#x' }) }),
    ).toString('base64url');
    expect(refused(secret, scope, forged)).toBe(true);
  });
});
