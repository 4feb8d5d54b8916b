import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ANONYMOUS, DomainError, IdentityError, newUserRecord, UnavailableError, type Actor, type IdentityProvider, type TokenVerifier, type UserRepository } from '@mekendesh/domain';

export type AuthVariables = { actor: Actor; accessToken: string | null };

export interface AuthDeps {
  verifier: TokenVerifier;
  users: UserRepository;
  identity: IdentityProvider;
}

const unauthorized = (why: string) => new DomainError('unauthorized', why);

/**
 * Builds the actor from `Authorization: Bearer <access token>`: a verified token, plus the platform's own
 * record (organisation, revocation). No header: anonymous. A bad, expired or revoked token: 401, on any route.
 */
export function authenticate(deps: AuthDeps) {
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) {
      c.set('actor', ANONYMOUS);
      c.set('accessToken', null);
      return next();
    }
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{20,4096})$/.exec(header);
    if (!match) throw unauthorized('malformed Authorization header');
    const token = match[1]!;
    const verified = await deps.verifier.verify(token).catch((e: unknown) => {
      throw e instanceof IdentityError ? unauthorized('invalid or expired token') : e;
    });
    let user = await deps.users.get(verified.userId);
    if (!user) {
      // First request of a user whose record is missing (e.g. created by an admin in the console).
      const email = await deps.identity.emailOf(token).catch((e: unknown) => {
        // Cognito down says nothing about the account: 503, not a 401 that signs the person out.
        throw e instanceof UnavailableError ? e : unauthorized('the account no longer exists');
      });
      user = await deps.users.ensure(
        newUserRecord({ id: verified.userId, email, displayName: email.split('@')[0]!, locale: 'ky', createdAt: new Date().toISOString() }),
      );
    }
    if (user.revokedBefore !== null && verified.issuedAt * 1000 < user.revokedBefore) throw unauthorized('the session was signed out');
    c.set('actor', {
      kind: 'user',
      id: user.id,
      roles: verified.roles,
      organisationId: user.organisationId,
      organisationRole: user.organisationRole,
    });
    c.set('accessToken', token);
    return next();
  });
}

export function actorOf(c: Context): Actor {
  return (c.get('actor' as never) as Actor | undefined) ?? ANONYMOUS;
}

function sourceIp(c: Context): string {
  const env = c.env as { event?: { requestContext?: { http?: { sourceIp?: string } } }; incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? 'unknown';
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
  return createMiddleware<{ Variables: { clientIp: string } }>(async (c, next) => {
    let ip = sourceIp(c);
    const forwarded = c.req.header('x-mekendesh-client-ip');
    if (proxySecret && forwarded && isIP(forwarded) && sameSecret(c.req.header('x-mekendesh-proxy-secret'), proxySecret)) ip = forwarded;
    c.set('clientIp', ip);
    await next();
  });
}

/** The caller's address, for rate limits (see clientAddress). */
export function clientIp(c: Context): string {
  return (c.get('clientIp' as never) as string | undefined) ?? sourceIp(c);
}
