import { describe, expect, it } from 'vitest';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { IdentityError } from '@mekendesh/domain';
import { JwtTokenVerifier } from './token-verifier.js';

const issuer = 'http://127.0.0.1:9229/local_pool';
const clientId = 'client-1';
const good = await generateKeyPair('RS256');
const evil = await generateKeyPair('RS256');
const jwk = { ...(await exportJWK(good.publicKey)), kid: 'k1', alg: 'RS256' };
const verifier = new JwtTokenVerifier({ issuer, clientId, jwksUrl: 'http://unused' }, createLocalJWKSet({ keys: [jwk] }));

async function token(claims: Record<string, unknown> = {}, options: { key?: CryptoKey; iss?: string; exp?: string | number } = {}) {
  return new SignJWT({ token_use: 'access', client_id: clientId, 'cognito:groups': ['investor', 'not-a-role'], ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setSubject('user-1')
    .setIssuer(options.iss ?? issuer)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '1h')
    .sign(options.key ?? good.privateKey);
}

describe('access token verification', () => {
  it('accepts a good token and keeps only known roles', async () => {
    const verified = await verifier.verify(await token());
    expect(verified.userId).toBe('user-1');
    expect(verified.roles).toEqual(['investor']);
    expect(verified.issuedAt).toBeGreaterThan(1_700_000_000);
  });

  it.each([
    ['forged signature', () => token({}, { key: evil.privateKey })],
    ['another issuer', () => token({}, { iss: 'https://cognito-idp.eu-central-1.amazonaws.com/other' })],
    ['expired', () => token({}, { exp: Math.floor(Date.now() / 1000) - 60 })],
    ['another app client (audience)', () => token({ client_id: 'client-2' })],
    ['an id token', () => token({ token_use: 'id' })],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses %s', async (_name, make) => {
    await expect(verifier.verify(await make())).rejects.toBeInstanceOf(IdentityError);
  });
});
