import type { JWTVerifyGetKey } from 'jose';

/**
 * jose, imported when the first token is verified, not with this module: an anonymous request verifies none, and an API
 * cold start should not parse it (issue 14, API cold start). Shared by every verifier; a failed import is tried again.
 */
let jose: Promise<typeof import('jose')> | undefined;
function loadJose(): Promise<typeof import('jose')> {
  jose ??= import('jose').catch((e: unknown) => {
    jose = undefined;
    throw e;
  });
  return jose;
}
import { ROLES, type Role } from '@mekendesh/contracts';
import { IdentityError, type TokenVerifier, type VerifiedToken } from '@mekendesh/domain/account-ports';
import { UnavailableError } from '@mekendesh/domain/errors';

export interface VerifierConfig {
  /** Configured, never derived: cognito-local's issuer differs from real Cognito's. */
  issuer: string;
  jwksUrl: string;
  clientId: string;
}

/** How the pool's signing keys are kept (milliseconds); defaults: JWKS_CACHE. */
export interface JwksCacheOptions {
  /** Keys older than this are fetched again when a token arrives. */
  maxAgeMs: number;
  /** After a failed fetch, or a fetch for an unknown key id, no other fetch for this long. */
  cooldownMs: number;
  /** One fetch may take this long. */
  timeoutMs: number;
}

/** Source: Cognito rotates pool keys rarely and publishes a new key before signing with it; jose's defaults (10 min, 30 s, 5 s), shorter timeout. */
export const JWKS_CACHE: JwksCacheOptions = { maxAgeMs: 600_000, cooldownMs: 30_000, timeoutMs: 3_000 };

/**
 * The pool's public signing keys (JWKS) for jwtVerify, cached stale-if-error: fetched on first use, again when older
 * than `maxAgeMs` or when a token names a key id not among them (at most once per `cooldownMs`). When the fetch
 * fails (Cognito down, slow or answering 5xx) the keys fetched last keep verifying, so people already signed in
 * keep working through an identity outage until their tokens expire (issue 9 fault injection); only with no keys
 * ever fetched does verification throw UnavailableError('identity') (503), never a 401 that would sign them out.
 * @example new JwtTokenVerifier(config, cachedJwks(new URL(config.jwksUrl)))
 */
export function cachedJwks(url: URL, options: Partial<JwksCacheOptions> = {}): JWTVerifyGetKey {
  const o = { ...JWKS_CACHE, ...options };
  // jose fetches (timeout, one fetch at a time, JSON checks); this function decides when, and what to use when it fails.
  let remote: ReturnType<typeof import('jose').createRemoteJWKSet> | undefined;
  let local: JWTVerifyGetKey | undefined;
  let fetchedAt = -Infinity;
  let triedAt = -Infinity;
  const refresh = async () => {
    triedAt = Date.now();
    try {
      const { createLocalJWKSet, createRemoteJWKSet } = await loadJose();
      remote ??= createRemoteJWKSet(url, { timeoutDuration: o.timeoutMs, cooldownDuration: 0, cacheMaxAge: Number.MAX_SAFE_INTEGER });
      await remote.reload();
      local = createLocalJWKSet(remote.jwks()!);
      fetchedAt = Date.now();
    } catch (e) {
      if (!local) throw new UnavailableError('identity', `the signing keys could not be fetched: ${(e as Error).message}`, { cause: e });
    }
  };
  const cooling = () => Date.now() - triedAt < o.cooldownMs;
  return async (header, token) => {
    if (!local || (Date.now() - fetchedAt > o.maxAgeMs && !cooling())) await refresh();
    try {
      return await local!(header, token);
    } catch (e) {
      if (!(e instanceof (await loadJose()).errors.JWKSNoMatchingKey) || cooling()) throw e;
      await refresh();
      return local!(header, token);
    }
  };
}

/**
 * Verifies Cognito access tokens: RS256 signature against the pool's JWKS, issuer, expiry, token use,
 * and the app client (an access token's audience is its client_id claim).
 */
export class JwtTokenVerifier implements TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly config: VerifierConfig,
    keys?: JWTVerifyGetKey,
  ) {
    this.keys = keys ?? cachedJwks(new URL(config.jwksUrl));
  }

  async verify(token: string): Promise<VerifiedToken> {
    // Outside the try: a module that failed to load says nothing about the token (not a 401).
    const { jwtVerify } = await loadJose();
    try {
      const { payload } = await jwtVerify(token, this.keys, { issuer: this.config.issuer, algorithms: ['RS256'], clockTolerance: 5 });
      if (payload.token_use !== 'access') throw new Error('not an access token');
      if (payload.client_id !== this.config.clientId) throw new Error('token of another app client');
      if (!payload.sub || typeof payload.iat !== 'number') throw new Error('token lacks sub or iat');
      const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as string[]) : [];
      return {
        userId: payload.sub,
        roles: groups.filter((g): g is Role => (ROLES as readonly string[]).includes(g)),
        issuedAt: payload.iat,
      };
    } catch (e) {
      // Keys that cannot be fetched say nothing about the token: 503, not 401.
      if (e instanceof UnavailableError) throw e;
      throw new IdentityError('invalid_token', (e as Error).message);
    }
  }
}
