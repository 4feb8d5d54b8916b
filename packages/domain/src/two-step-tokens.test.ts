import { describe, expect, it } from 'vitest';
import { openChallenge, openSealed, sealSecret, signChallenge, totpAt, totpMatches, twoStepKey } from './two-step-tokens.js';

const key = twoStepKey('cursor-secret');
const NOW = Date.parse('2026-12-01T00:00:00Z');

describe('two-step challenge tokens (issue 14 review: a session bound to its email)', () => {
  const token = signChallenge(key, { session: 'cognito-session', email: 'a@test.kg', expiresAt: NOW + 300_000 });

  it('opens with the same key before expiry, giving the bound email and a stable id', () => {
    const claim = openChallenge(key, token, NOW);
    expect(claim).toMatchObject({ session: 'cognito-session', email: 'a@test.kg', expiresAt: NOW + 300_000 });
    expect(claim!.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(openChallenge(key, token, NOW + 1)!.id).toBe(claim!.id);
  });

  it('refuses an expired, altered, foreign-key or made-up token', () => {
    expect(openChallenge(key, token, NOW + 300_000)).toBeUndefined();
    const [payload, sig] = token.split('.') as [string, string];
    const swapped = Buffer.from(JSON.stringify({ s: 'cognito-session', e: 'b@test.kg', x: NOW + 300_000 })).toString('base64url');
    expect(openChallenge(key, `${swapped}.${sig}`, NOW)).toBeUndefined();
    expect(openChallenge(twoStepKey('another-secret'), token, NOW)).toBeUndefined();
    expect(openChallenge(key, 'bogus', NOW)).toBeUndefined();
    expect(openChallenge(key, `${payload}.${sig}.x`, NOW)).toBeUndefined();
    // The key differs from the raw secret's HMAC: a token signed with the cursor secret itself does not pass.
    expect(openChallenge(Buffer.from('cursor-secret'), token, NOW)).toBeUndefined();
  });
});

describe('sealed authenticator secrets and the TOTP check', () => {
  it('seals and opens with the same key only, a new nonce each time', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealSecret(key, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(openSealed(key, sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(openSealed(twoStepKey('other'), sealed)).toBeUndefined();
    expect(openSealed(key, `${sealed.slice(0, -2)}AA`)).toBeUndefined();
  });

  it('computes RFC 6238 codes (SHA-1 test vector) and accepts one step either side only', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s -> 94287082 (8 digits), 287082 in 6.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpAt(secret, 1)).toBe('287082');
    expect(totpAt(secret, Math.floor(1111111109 / 30))).toBe('081804');
    const now = 100 * 30_000 + 5_000;
    expect(totpMatches(secret, totpAt(secret, 100), now)).toBe(true);
    expect(totpMatches(secret, totpAt(secret, 99), now)).toBe(true);
    expect(totpMatches(secret, totpAt(secret, 101), now)).toBe(true);
    expect(totpMatches(secret, totpAt(secret, 98), now)).toBe(false);
    expect(totpMatches(secret, '12345', now)).toBe(false);
  });
});
