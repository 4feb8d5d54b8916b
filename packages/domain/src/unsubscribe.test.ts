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
