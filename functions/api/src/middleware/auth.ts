import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ANONYMOUS, type UserActor } from '@mekendesh/domain/actor';
import { DomainError } from '@mekendesh/domain/errors';
import { IdentityError, type TokenVerifier, type UserRecord } from '@mekendesh/domain/account-ports';
import { signedIn, type ProvisioningDeps, type SignedInClaims } from '@mekendesh/domain/user-provisioning';
import type { ApiEnv } from '../env.js';

/** Settles a verified caller: their actor and platform record (signedIn, or a route's read-ahead). */
type SignIn = (claims: SignedInClaims) => Promise<{ actor: UserActor; user: UserRecord }>;

/**
 * A route's read-ahead: for a request it recognises (method, path, headers, read raw), a sign-in that reads the
 * caller's record together with what the route reads first, in one batch; for any other request, undefined.
 */
export type ReadAhead = (c: Context<ApiEnv>) => SignIn | undefined;

/** What authentication needs: the token verifier, what provisioning a first-time user needs (see signedIn), and read-aheads. */
export interface AuthDeps extends ProvisioningDeps {
  verifier: TokenVerifier;
  readAhead?: ReadAhead;
}

const unauthorized = (why: string) => new DomainError('unauthorized', why);

/**
 * Puts the actor on the context (`c.var.actor`) from `Authorization: Bearer <access token>`: no header is
 * anonymous; a verified token is its user, whose platform record the domain provisions on a first request
 * (signedIn; a route's `readAhead` may read its first items in the same batch). A malformed, bad, expired or revoked
 * token: 401, on any route.
 * @example app.use('*', authenticate({ verifier, users, identity, clock }));
 */
export function authenticate(deps: AuthDeps) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) {
      c.set('actor', ANONYMOUS);
      c.set('user', null);
      c.set('accessToken', null);
      return next();
    }
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{20,4096})$/.exec(header);
    if (!match) throw unauthorized('malformed Authorization header');
    const accessToken = match[1]!;
    const verified = await deps.verifier.verify(accessToken).catch((e: unknown) => {
      throw e instanceof IdentityError ? unauthorized('invalid or expired token') : e;
    });
    const signIn: SignIn = deps.readAhead?.(c) ?? ((claims) => signedIn(deps, claims));
    const { actor, user } = await signIn({ ...verified, accessToken });
    c.set('actor', actor);
    c.set('user', user);
    c.set('accessToken', accessToken);
    return next();
  });
}

function sourceIp(c: Context<ApiEnv>): string {
  return c.env?.event?.requestContext?.http?.sourceIp ?? c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Settles who the caller is for rate limits: API Gateway's source IP on Lambda, the socket locally; or,
 * for requests the web server makes for a visitor, the visitor's address it forwards, but only with the
 * shared secret (anyone can send the header; only the web server knows the secret).
 */
export function clientAddress(proxySecret: string | undefined) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    let ip = sourceIp(c);
    const forwarded = c.req.header('x-mekendesh-client-ip');
    if (proxySecret && forwarded && isIP(forwarded) && sameSecret(c.req.header('x-mekendesh-proxy-secret'), proxySecret)) ip = forwarded;
    c.set('clientIp', ip);
    await next();
  });
}
