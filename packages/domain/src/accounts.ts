import type { AuditEntry, Locale, Me, Profile, SignInResult, Tokens } from '@mekendesh/contracts';
import { PASSWORD_RULES } from '@mekendesh/contracts';
import { lacksSecondFactor, type Actor, type UserActor } from './actor.js';
import { ensureUser } from './user-provisioning.js';
import { boundChallenge } from './two-step-tokens.js';
import type { IdentityProvider, Mailer, RateLimiter, SessionStore, TokenVerifier, UserRecord, UserRepository } from './account-ports.js';
import { IdentityError } from './account-ports.js';
import { DomainError } from './errors.js';
import { EMAILS } from './messages.js';
import { authorize } from './policy.js';
import { RATE_WINDOWS, withinBackoff, withinWindow, type RateLimits } from './rate-limits.js';
import { anonymiseInvestor, type PublicTraceStore } from './public-traces.js';
import { eraseCounted, saveProfileCounted } from './demand-profile.js';
import { checkHomeTerritories, type TerritoryLookup } from './territory-rules.js';
import { removeMemberships, type MembershipRemoval } from './clubs.js';
import type { FollowStore } from './follows.js';
import { anonymiseQuestions } from './questions.js';
import type { QuestionStore } from './question-ports.js';

// Exported from here (accounts.js is in the package index): account deletion is what they are for.
export { anonymiseInvestor, type LedgerEntryRef, type PublicTraceStore } from './public-traces.js';

// The new account's record and the clock type live with provisioning (user-provisioning.ts), which the API's sign-in
// path loads on every request: that module must not import account deletion's stores and rules from here.
import { newUserRecord, type Clock } from './user-provisioning.js';

export { newUserRecord, type Clock };

export interface AccountDeps {
  identity: IdentityProvider;
  users: UserRepository;
  sessions: SessionStore;
  verifier: TokenVerifier;
  limiter: RateLimiter;
  mailer: Mailer;
  /** The investor's pledges and ledger entries, so that deleting an account leaves no name in public. */
  publicTraces: PublicTraceStore;
  clock: Clock;
  newId(): string;
  /** Attempts per window; tests raise them, the rate-limit test lowers them. */
  limits: RateLimits;
  /** Signs two-step challenge tokens and seals authenticator secrets: twoStepKey(CURSOR_SECRET) (two-step-tokens.ts). */
  twoStepKey: Buffer;
  /** Club memberships, removed with the account; the person's contributions stay pledges in the ledger (issue 12). */
  clubs?: MembershipRemoval;
  /** Follows and saved searches, erased with the account (issue 12). */
  follows?: Pick<FollowStore, 'eraseAll'>;
  /** The person's questions, anonymised with the account: the text stays, the name and the link go (issue 12). */
  questions?: Pick<QuestionStore, 'askedBy' | 'save'>;
}

async function limit(deps: AccountDeps, key: string, max: number, windowSeconds: number) {
  await withinWindow(deps.limiter, { key, limit: max, windowSeconds });
}

/** The window of wrong codes for one account (see RateLimits.codeAttemptsPerAccount); `kind` tells confirmation from reset. */
export const codeWindow = (deps: Pick<AccountDeps, 'limits'>, kind: 'confirm' | 'reset-confirm' | 'totp-setup', email: string) => ({
  key: `${kind}:email:${email}`,
  limit: deps.limits.codeAttemptsPerAccount,
  windowSeconds: RATE_WINDOWS.codeAttempts,
});

const invalidCredentials = () => new DomainError('unauthorized', 'email or password is wrong');

/**
 * Cognito refusing a password our policy let through (a policy changed in the pool first) is the caller's
 * input, not a fault: a 400 on the password field, naming the rules it breaks where they are ours.
 */
function weakPassword(password: string): DomainError {
  const broken = PASSWORD_RULES.filter((r) => !r.pattern.test(password)).map((r) => r.message);
  const message = broken.length ? broken.join('; ') : 'the identity provider refused this password: choose another';
  return new DomainError('validation', 'the password does not meet the policy', [{ field: 'password', message }]);
}

/** Self sign-up as an investor. The answer is the same whether or not the email already has an account. */
export async function signUp(
  deps: AccountDeps,
  input: { email: string; password: string; displayName: string; locale: Locale; ip: string },
) {
  await limit(deps, `sign-up:ip:${input.ip}`, deps.limits.signUpPerIp, RATE_WINDOWS.signUpPerIp);
  try {
    const { userId } = await deps.identity.signUp(input);
    await deps.users.ensure(
      newUserRecord({
        id: userId,
        email: input.email,
        displayName: input.displayName,
        locale: input.locale,
        createdAt: deps.clock.now().toISOString(),
      }),
    );
    await deps.identity.addToGroup(userId, 'investor');
  } catch (e) {
    if (e instanceof IdentityError && e.code === 'weak_password') throw weakPassword(input.password);
    if (!(e instanceof IdentityError && e.code === 'account_exists')) throw e;
    const mail = EMAILS.signUpAttempt()[input.locale];
    await deps.mailer.send({ to: input.email, ...mail });
  }
  return { status: 'accepted' as const };
}

/**
 * Confirms the email with its code. At most `limits.codeAttemptsPerAccount` tries per account in 15 minutes (then a
 * RateLimitedError, 429); the right code forgets the count. A wrong or expired code: 400 naming `code`.
 */
export async function confirmSignUp(deps: AccountDeps, input: { email: string; code: string }) {
  const window = codeWindow(deps, 'confirm', input.email);
  await withinWindow(deps.limiter, window);
  try {
    await deps.identity.confirm(input);
  } catch (e) {
    if (e instanceof IdentityError)
      throw new DomainError('validation', 'the code is wrong or expired', [{ field: 'code', message: 'wrong or expired code' }]);
    throw e;
  }
  await deps.limiter.clear(window);
  return { status: 'confirmed' as const };
}

/**
 * Signs in with email and password; tokens on success. Limits (RateLimits): `signInPerIp` tries per address in 5
 * minutes, and per (address, email) pair `signInPerPair` at once, then a delay doubling from 1 s to 15 minutes, forgotten
 * on success. Nothing is keyed by the email alone, so failures from another address never lock the owner out.
 * @throws RateLimitedError (429, Retry-After), DomainError unauthorized (401) or conflict (409: email not confirmed).
 */
export async function signIn(deps: AccountDeps, input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  await limit(deps, `sign-in:ip:${input.ip}`, deps.limits.signInPerIp, RATE_WINDOWS.signInPerIp);
  const pair = `sign-in:pair:${input.ip}:${input.email}`;
  const longest = RATE_WINDOWS.signInPairMaxDelay;
  await withinBackoff(deps.limiter, {
    key: pair,
    free: deps.limits.signInPerPair,
    baseSeconds: 1,
    maxSeconds: longest,
    forgetSeconds: longest,
  });
  let result: SignInResult;
  try {
    result = await deps.identity.signIn(input);
  } catch (e) {
    if (e instanceof IdentityError && e.code === 'not_confirmed') throw new DomainError('conflict', 'confirm your email first');
    if (e instanceof IdentityError) throw invalidCredentials();
    throw e;
  }
  await deps.limiter.clear({ key: pair });
  // The password was right; with two-step sign-in the tokens wait for the code (answerTotpChallenge), and the
  // challenge goes out bound to this email, so the code is checked for this account only.
  if ('challenge' in result) return boundChallenge(deps.twoStepKey, deps.clock.now().getTime(), input.email, result.session);
  return startSession(deps, result, { passedTotp: false });
}

/**
 * Remembers the session of fresh tokens (for refresh and "sign out everywhere") and records whether its sign-in
 * passed the TOTP code on the user (UserRecord.twoStepAt): set after the code, removed when Cognito let a sign-in
 * through without it (two-step sign-in turned off in the pool), so staff powers follow what Cognito enforces.
 */
export async function startSession(deps: AccountDeps, tokens: Tokens, sign: { passedTotp: boolean }): Promise<Tokens> {
  const verified = await deps.verifier.verify(tokens.accessToken);
  if (tokens.refreshToken)
    await deps.sessions.remember(tokens.refreshToken, { userId: verified.userId, issuedAt: deps.clock.now().getTime() });
  if (sign.passedTotp) {
    // The record may not exist yet (an account made in the console): create it so the fact has somewhere to live.
    await ensureUser(deps, { ...verified, accessToken: tokens.accessToken });
    await deps.users.setTwoStep({ id: verified.userId, at: deps.clock.now().getTime() });
  } else {
    await deps.users.setTwoStep({ id: verified.userId, at: null });
  }
  return tokens;
}

/** New tokens for a session this platform started, unless the account signed out everywhere since. */
export async function refreshSession(deps: AccountDeps, refreshToken: string): Promise<Tokens> {
  const ended = () => new DomainError('unauthorized', 'the session has ended');
  const session = await deps.sessions.find(refreshToken);
  if (!session) throw ended();
  const user = await deps.users.get(session.userId);
  if (!user || (user.revokedBefore !== null && session.issuedAt < user.revokedBefore)) {
    await deps.sessions.forget(refreshToken);
    await deps.identity.revoke(refreshToken).catch(() => undefined);
    throw ended();
  }
  try {
    return await deps.identity.refresh(refreshToken);
  } catch (e) {
    if (e instanceof IdentityError) throw ended();
    throw e;
  }
}

/** Ends this session, or every session of the user when `everywhere` is set. */
export async function signOut(deps: AccountDeps, actor: Actor, input: { refreshToken?: string; everywhere: boolean }) {
  authorize(actor, { action: 'account:use' });
  if (input.refreshToken) {
    await deps.sessions.forget(input.refreshToken);
    await deps.identity.revoke(input.refreshToken).catch(() => undefined);
  }
  if (input.everywhere) await deps.users.revokeTokens(actor.id, deps.clock.now().getTime());
  return { status: 'signed_out' as const };
}

/**
 * Emails a reset code (same answer whether or not the account exists); a new code forgets the wrong codes tried.
 * Limits per hour: `resetPerEmail` per (address, email) pair, four times that per email (no mail-bombing, and one
 * address cannot use up the owner's codes), `signUpPerIp * 2` per address. Beyond: RateLimitedError (429).
 */
export async function forgotPassword(deps: AccountDeps, input: { email: string; ip: string }) {
  await limit(deps, `reset:ip:${input.ip}`, deps.limits.signUpPerIp * 2, RATE_WINDOWS.resetPerEmail);
  await limit(deps, `reset:pair:${input.ip}:${input.email}`, deps.limits.resetPerEmail, RATE_WINDOWS.resetPerEmail);
  await limit(deps, `reset:email:${input.email}`, deps.limits.resetPerEmail * 4, RATE_WINDOWS.resetPerEmail);
  await deps.identity.forgotPassword(input.email).catch((e: unknown) => {
    if (!(e instanceof IdentityError)) throw e;
  });
  await deps.limiter.clear(codeWindow(deps, 'reset-confirm', input.email));
  return { status: 'accepted' as const };
}

/**
 * Sets a new password with the emailed code. At most `limits.codeAttemptsPerAccount` tries per account in 15 minutes
 * (then 429); the right code, or a new one from forgotPassword, forgets the count. Wrong code: 400 naming `code`.
 */
export async function resetPassword(deps: AccountDeps, input: { email: string; code: string; password: string }) {
  const window = codeWindow(deps, 'reset-confirm', input.email);
  await withinWindow(deps.limiter, window);
  try {
    await deps.identity.resetPassword(input);
  } catch (e) {
    if (e instanceof IdentityError && e.code === 'weak_password') throw weakPassword(input.password);
    if (e instanceof IdentityError)
      throw new DomainError('validation', 'the code is wrong or expired', [{ field: 'code', message: 'wrong or expired code' }]);
    throw e;
  }
  await deps.limiter.clear(window);
  return { status: 'reset' as const };
}

/** The signed-in person as the API shows them; `twoStep` from the actor's sign-in (see Me). */
export function meView(record: UserRecord, actor: UserActor): Me {
  return {
    id: record.id,
    email: record.email,
    roles: [...actor.roles],
    twoStep: lacksSecondFactor(actor) ? 'required' : record.twoStepAt !== undefined ? 'on' : 'off',
    profile: record.profile,
    organisationId: record.organisationId,
    organisationRole: record.organisationRole,
    createdAt: record.createdAt,
  };
}

export async function getMe(deps: Pick<AccountDeps, 'users'>, actor: Actor): Promise<Me> {
  authorize(actor, { action: 'account:use' });
  const record = await deps.users.get(actor.id);
  if (!record) throw new DomainError('not_found', 'account was not found');
  return meView(record, actor);
}

/**
 * Replaces the signed-in person's profile. The home territory is checked against the reference data first
 * (checkHomeTerritories: 400 naming homeRayonSoate / homeOblastSoate, nothing saved; a rayon alone gets its
 * oblast), since demand counts are keyed by it. Errors: 404 when the account is gone, 409 on save contention.
 */
export async function updateProfile(
  deps: Pick<AccountDeps, 'users'> & { territories: TerritoryLookup },
  actor: Actor,
  profile: Profile,
): Promise<Me> {
  authorize(actor, { action: 'account:use' });
  const checked = checkHomeTerritories(deps.territories, profile);
  return meView(await saveProfileCounted(deps.users, actor.id, checked), actor);
}

/**
 * Deletes the account. First every public trace becomes anonymous (the name on ledger entries of the
 * investor's pledges, and the pledges themselves, so later receipts are booked anonymous: see
 * public-traces.ts); then the Cognito user and the personal data go. Amounts and totals stay as they were.
 * A failure before the identity is deleted leaves the account usable, so asking again finishes the job.
 */
export async function deleteAccount(deps: AccountDeps, actor: Actor) {
  authorize(actor, { action: 'account:use' });
  const user: UserActor = actor;
  const audit: AuditEntry = {
    id: deps.newId(),
    at: deps.clock.now().toISOString(),
    actorId: user.id,
    actorRoles: [...user.roles],
    action: 'account.delete',
    objectType: 'user',
    objectId: user.id,
    reason: null,
    before: null,
    after: null,
  };
  await anonymiseInvestor({ traces: deps.publicTraces }, user.id);
  if (deps.clubs) await removeMemberships({ clubs: deps.clubs }, user.id);
  // Follows, saved searches and their reverse entries, so no list of followers still names the person.
  await deps.follows?.eraseAll(user.id);
  if (deps.questions) await anonymiseQuestions({ questions: deps.questions }, user.id);
  await deps.identity.deleteUser(user.id);
  await eraseCounted(deps.users, user.id, audit);
  return { status: 'deleted' as const };
}
