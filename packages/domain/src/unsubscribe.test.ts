import { describe, expect, it } from 'vitest';
import { unsubscribeKey, unsubscribeToken, verifyUnsubscribeToken, withUnsubscribe } from './unsubscribe.js';

const key = unsubscribeKey('cursor-secret');
const links = { key, webOrigin: 'https://mekendesh.kg', apiOrigin: 'https://api.mekendesh.kg' };

describe('unsubscribe tokens', () => {
  it('reads back the person and kind it was made for', () => {
    const token = unsubscribeToken(key, { userId: 'u-1', kind: 'refund' });
    expect(token.startsWith('u-1.refund.')).toBe(true);
    expect(verifyUnsubscribeToken(key, token)).toEqual({ userId: 'u-1', kind: 'refund' });
  });

  it('refuses a token whose person or kind was changed, one signed with another key, and malformed ones', () => {
    const sig = unsubscribeToken(key, { userId: 'u-1', kind: 'refund' }).split('.')[2];
    expect(verifyUnsubscribeToken(key, `u-2.refund.${sig}`)).toBeUndefined();
    expect(verifyUnsubscribeToken(key, `u-1.digest.${sig}`)).toBeUndefined();
    expect(verifyUnsubscribeToken(unsubscribeKey('other'), unsubscribeToken(key, { userId: 'u-1', kind: 'refund' }))).toBeUndefined();
    expect(verifyUnsubscribeToken(key, `u-1.nonsense.${sig}`)).toBeUndefined();
    expect(verifyUnsubscribeToken(key, 'u-1.refund')).toBeUndefined();
    expect(verifyUnsubscribeToken(key, `u-1.refund.${sig}x`)).toBeUndefined();
  });

  it('accepts only the spelling it issued: the 3 other values of the last character’s unused bits, padding and stray characters are refused', () => {
    const token = unsubscribeToken(key, { userId: 'u-1', kind: 'refund' });
    const [userId, kind, sig] = token.split('.') as [string, string, string];
    expect(sig).toHaveLength(43);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(sig.at(-1)!);
    // The last character carries 4 bits of the 32nd byte and 2 unused ones: these four spellings decode alike.
    const variants = [0, 1, 2, 3].map((low) => `${sig.slice(0, -1)}${alphabet[(last & ~3) | low]}`);
    expect(variants).toContain(sig);
    for (const v of variants) {
      expect(Buffer.from(v, 'base64url').equals(Buffer.from(sig, 'base64url'))).toBe(true);
      expect(verifyUnsubscribeToken(key, `${userId}.${kind}.${v}`), v).toEqual(v === sig ? { userId, kind } : undefined);
    }
    for (const v of [`${sig}=`, `${sig.slice(0, 20)}*${sig.slice(20)}`, `${sig.slice(0, 20)}+${sig.slice(21)}`]) {
      expect(verifyUnsubscribeToken(key, `${userId}.${kind}.${v}`), v).toBeUndefined();
    }
  });

  it('differs from the key the same secret gives cursors (a distinct label)', () => {
    expect(key.equals(Buffer.from('cursor-secret'))).toBe(false);
    expect(unsubscribeKey('cursor-secret').equals(key)).toBe(true);
  });
});

describe('withUnsubscribe', () => {
  it('adds a footer in the reader language and both RFC 8058 headers', () => {
    const out = withUnsubscribe(links, { userId: 'u-1', kind: 'payment_received', locale: 'ru' }, { subject: 'S', text: 'Body' });
    const token = unsubscribeToken(key, { userId: 'u-1', kind: 'payment_received' });
    expect(out.subject).toBe('S');
    expect(out.text).toContain('Body\n\n-- \nЭто письмо из рассылки «Платёж получен».');
    expect(out.text).toContain(`https://mekendesh.kg/ru/unsubscribe?t=${token}`);
    expect(out.text).toContain('https://mekendesh.kg/ru/account/notifications');
    expect(out.headers).toEqual({
      'List-Unsubscribe': `<https://api.mekendesh.kg/v1/unsubscribe/${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});
