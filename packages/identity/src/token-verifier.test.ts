import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { IdentityError, UnavailableError } from '@mekendesh/domain';
import { cachedJwks, JwtTokenVerifier } from './token-verifier.js';

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

describe('the pool’s signing keys when Cognito is down (cachedJwks, issue 9 fault injection)', () => {
  /** A JWKS endpoint that can be taken down; counts its fetches. */
  async function jwksServer() {
    const state = { up: true, fetches: 0 };
    const server = createServer((_req, res) => {
      state.fetches += 1;
      if (!state.up) return res.writeHead(503).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));
    return { state, url: new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`), close: () => new Promise((r) => server.close(r)) };
  }

  it('keeps verifying with the keys fetched last when they are stale and the fetch fails, and refuses forged tokens', async () => {
    const jwks = await jwksServer();
    let now = Date.now();
    const realNow = Date.now;
    Date.now = () => now;
    try {
      const v = new JwtTokenVerifier(
        { issuer, clientId, jwksUrl: jwks.url.href },
        cachedJwks(jwks.url, { maxAgeMs: 1_000, cooldownMs: 500 }),
      );
      expect((await v.verify(await token())).userId).toBe('user-1');
      jwks.state.up = false;
      now += 5_000; // stale: a fetch is tried, fails, and the last keys answer
      expect((await v.verify(await token())).userId).toBe('user-1');
      expect(jwks.state.fetches).toBe(2);
      // Within the cooldown no fetch is tried again on each request.
      await v.verify(await token());
      expect(jwks.state.fetches).toBe(2);
      await expect(v.verify(await token({}, { key: evil.privateKey }))).rejects.toBeInstanceOf(IdentityError);
    } finally {
      Date.now = realNow;
      await jwks.close();
    }
  });

  it('says Cognito is unavailable (not that the token is bad) when no keys were ever fetched', async () => {
    const jwks = await jwksServer();
    jwks.state.up = false;
    const v = new JwtTokenVerifier({ issuer, clientId, jwksUrl: jwks.url.href });
    try {
      await expect(v.verify(await token())).rejects.toBeInstanceOf(UnavailableError);
    } finally {
      await jwks.close();
    }
  });
});
