import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ROLES, type Role } from '@mekendesh/contracts';
import { IdentityError, type TokenVerifier, type VerifiedToken } from '@mekendesh/domain';

export interface VerifierConfig {
  /** Configured, never derived: cognito-local's issuer differs from real Cognito's. */
  issuer: string;
  jwksUrl: string;
  clientId: string;
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
    this.keys = keys ?? createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  }

  async verify(token: string): Promise<VerifiedToken> {
    try {
      const { payload } = await jwtVerify(token, this.keys, { issuer: this.config.issuer, algorithms: ['RS256'], clockTolerance: 5 });
      if (payload.token_use !== 'access') throw new Error('not an access token');
      if (payload.client_id !== this.config.clientId) throw new Error('token of another app client');
      if (!payload.sub || typeof payload.iat !== 'number') throw new Error('token lacks sub or iat');
      const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as string[]) : [];
      return { userId: payload.sub, roles: groups.filter((g): g is Role => (ROLES as readonly string[]).includes(g)), issuedAt: payload.iat };
    } catch (e) {
      throw new IdentityError('invalid_token', (e as Error).message);
    }
  }
}
