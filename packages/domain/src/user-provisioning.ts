import type { UserActor } from './actor.js';
import type { IdentityProvider, UserRecord, UserRepository, VerifiedToken } from './account-ports.js';
import type { Locale } from '@mekendesh/contracts';
import { ProfileSchema } from '@mekendesh/contracts';
import { DomainError, UnavailableError } from './errors.js';

export interface Clock {
  now(): Date;
}

/** A new account's record: no organisation, the profile's defaults in the person's language. */
export function newUserRecord(input: { id: string; email: string; displayName: string; locale: Locale; createdAt: string }): UserRecord {
  return {
    id: input.id,
    email: input.email,
    profile: ProfileSchema.parse({ displayName: input.displayName, locale: input.locale, languages: [input.locale] }),
    organisationId: null,
    organisationRole: null,
    revokedBefore: null,
    createdAt: input.createdAt,
  };
}

/** What provisioning needs: the platform's user records, the identity provider (for the email) and a clock. */
export interface ProvisioningDeps {
  users: Pick<UserRepository, 'get' | 'ensure'>;
  identity: Pick<IdentityProvider, 'emailOf'>;
  clock: Clock;
}

/** A verified access token (see TokenVerifier) and the token itself, which the identity provider reads the email from. */
export interface SignedInClaims extends VerifiedToken {
  accessToken: string;
}

/** The caller's record as another read fetched it in the same batch (signedInToPledge); `user` undefined: it does not exist. */
export interface AlreadyRead {
  user: UserRecord | undefined;
}

const unauthorized = (why: string) => new DomainError('unauthorized', why);

/**
 * The platform's record of a signed-in person, created on their first request when it is missing (an account
 * made by an admin in the identity provider's console has none). Concurrent first requests create one record:
 * `users.ensure` writes only if absent and answers the stored one. `read`: the record read already (not read again).
 * Errors: DomainError 'unauthorized' when the identity provider no longer knows the account; UnavailableError
 * when it does not answer (an outage says nothing about the account: 503, not a 401 that signs the person out).
 * @example const user = await ensureUser(deps, { userId: 'u-1', roles: ['investor'], issuedAt: 1767225600, accessToken });
 */
export async function ensureUser(deps: ProvisioningDeps, claims: SignedInClaims, read?: AlreadyRead): Promise<UserRecord> {
  const found = read ? read.user : await deps.users.get(claims.userId);
  if (found) return found;
  const email = await deps.identity.emailOf(claims.accessToken).catch((e: unknown) => {
    throw e instanceof UnavailableError ? e : unauthorized('the account no longer exists');
  });
  const record = newUserRecord({
    id: claims.userId,
    email,
    displayName: email.split('@')[0]!,
    locale: 'ky',
    createdAt: deps.clock.now().toISOString(),
  });
  return deps.users.ensure(record);
}

/**
 * The actor of a verified token: its roles, and the organisation from the platform's record (provisioned by
 * ensureUser). Errors: DomainError 'unauthorized' when the token was issued before the account signed out
 * everywhere (`revokedBefore`, epoch ms; `issuedAt` is epoch seconds), or as ensureUser.
 * Answers the record too: a use case that needs the caller's email, language or name (a pledge's email) takes
 * it from here instead of reading it again. `read`: as ensureUser.
 */
export async function signedIn(
  deps: ProvisioningDeps,
  claims: SignedInClaims,
  read?: AlreadyRead,
): Promise<{ actor: UserActor; user: UserRecord }> {
  const user = await ensureUser(deps, claims, read);
  if (user.revokedBefore !== null && claims.issuedAt * 1000 < user.revokedBefore) throw unauthorized('the session was signed out');
  const actor: UserActor = {
    kind: 'user',
    id: user.id,
    roles: claims.roles,
    organisationId: user.organisationId,
    organisationRole: user.organisationRole,
    // Two-step sign-in, as the record keeps it (see UserRecord.twoStepAt); isStaff needs it.
    mfa: user.twoStepAt !== undefined,
  };
  return { actor, user };
}
