import type {
  AuditActor,
  AuditEntry,
  Invitation,
  Locale,
  Me,
  Member,
  NotificationKind,
  Organisation,
  OrganisationApplication,
  OrganisationDetail,
  OrganisationStatus,
  Profile,
  Role,
  SignInResult,
  Tokens,
} from '@mekendesh/contracts';
import type { Page } from './ports.js';
import type { DemandChange } from './demand.js';

export class IdentityError extends Error {
  constructor(
    readonly code: 'account_exists' | 'invalid_credentials' | 'not_confirmed' | 'invalid_code' | 'invalid_token' | 'weak_password',
    message: string = code,
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}

/** Cognito in the cloud, cognito-local on a laptop: the same calls through the same adapter. */
export interface IdentityProvider {
  signUp(input: { email: string; password: string; displayName: string }): Promise<{ userId: string }>;
  confirm(input: { email: string; code: string }): Promise<void>;
  /** Tokens, or Cognito's SOFTWARE_TOKEN_MFA challenge when the account has two-step sign-in. */
  signIn(input: { email: string; password: string }): Promise<SignInResult>;
  /** Answers the TOTP challenge of `signIn`; IdentityError 'invalid_code' when the code or session is wrong. */
  answerTotp(input: { email: string; session: string; code: string }): Promise<Tokens>;
  /** Starts enrolment of an authenticator app for the token's user: the new shared secret (base32). */
  startTotp(accessToken: string): Promise<{ secret: string }>;
  /** Checks the first code against the secret of startTotp and makes TOTP the account's enabled, preferred MFA. */
  confirmTotp(input: { accessToken: string; code: string }): Promise<void>;
  refresh(refreshToken: string): Promise<Tokens>;
  revoke(refreshToken: string): Promise<void>;
  forgotPassword(email: string): Promise<void>;
  resetPassword(input: { email: string; code: string; password: string }): Promise<void>;
  addToGroup(userId: string, group: Role): Promise<void>;
  deleteUser(userId: string): Promise<void>;
  /** The email of the user an access token belongs to. */
  emailOf(accessToken: string): Promise<string>;
  /** Whether the token's user has an authenticator (TOTP) enabled as their MFA (Cognito GetUser UserMFASettingList). */
  hasTotp(accessToken: string): Promise<boolean>;
}

export interface VerifiedToken {
  userId: string;
  roles: Role[];
  issuedAt: number;
}

export interface TokenVerifier {
  /** Checks signature, issuer, audience (client id), use and expiry; throws IdentityError('invalid_token'). */
  verify(token: string): Promise<VerifiedToken>;
}

export interface UserRecord {
  id: string;
  email: string;
  profile: Profile;
  organisationId: string | null;
  organisationRole: 'admin' | 'officer' | null;
  /** Tokens issued before this time (epoch ms) are refused: "sign out everywhere". */
  revokedBefore: number | null;
  createdAt: string;
  /** How many times the profile was saved (absent before the first save): a save is conditioned on it. */
  profileVersion?: number;
  /**
   * The email kinds this person turned off (absent: all on), kept on the user item outside the versioned profile so
   * a notice reads it with the user (notifications.ts) and an unsubscribe adds to it without touching the profile.
   */
  notificationsOff?: readonly NotificationKind[];
  /**
   * When (epoch ms) a sign-in last passed the TOTP code; absent: two-step sign-in is off. Set by answerTotpChallenge,
   * removed by a sign-in Cognito let through without the code (TOTP turned off in the pool's console). With the
   * sessions before enrolment revoked (confirmTwoStep), every live session of an account with it passed the code.
   */
  twoStepAt?: number;
  /**
   * The enrolled authenticator's secret, sealed with twoStepKey (AES-GCM, two-step-tokens.ts): the API checks a current
   * code against it before the factor is replaced. Absent when enrolled outside the API (then replacing fails closed).
   */
  totpSealed?: string;
  /** The secret of an enrolment started (startTwoStep) and not yet confirmed, sealed the same way. */
  totpPendingSealed?: string;
}

export interface UserRepository {
  get(id: string): Promise<UserRecord | undefined>;
  /** Creates the record unless it exists; returns the stored one. */
  ensure(record: UserRecord): Promise<UserRecord>;
  /**
   * Replaces the profile if the record is still at `expectedVersion` (0: never saved) and adds `demand` to the demand
   * aggregates in the same transaction; 'changed' (nothing written) when another save came first.
   */
  saveProfile(input: {
    id: string;
    profile: Profile;
    expectedVersion: number;
    demand: readonly DemandChange[];
  }): Promise<'saved' | 'changed'>;
  revokeTokens(id: string, before: number): Promise<void>;
  /** Sets `twoStepAt` (a number) or removes it (null); nothing when the account does not exist or was deleted. */
  setTwoStep(input: { id: string; at: number | null }): Promise<void>;
  /** Keeps the sealed secret of a started enrolment (replacing any earlier one not confirmed); a missing account: nothing. */
  keepPendingTotp(input: { id: string; sealed: string }): Promise<void>;
  /** Makes the pending sealed secret the account's (totpSealed), once its first code was accepted; none pending: nothing. */
  promotePendingTotp(id: string): Promise<void>;
  /** Replaces the kinds turned off (`off`); 'not_found' when there is no such account (or it was deleted). */
  setNotificationsOff(input: { id: string; off: readonly NotificationKind[] }): Promise<'saved' | 'not_found'>;
  /** Turns one kind off (added to the set, so twice is once); 'not_found' as setNotificationsOff. */
  turnNotificationOff(input: { id: string; kind: NotificationKind }): Promise<'saved' | 'not_found'>;
  /** Removes personal data; what remains is an anonymous id. */
  /** Also removes the profile's demand contribution (`demand`), if the record is still at `expectedVersion`. */
  erase(input: { id: string; audit: AuditEntry; expectedVersion: number; demand: readonly DemandChange[] }): Promise<'erased' | 'changed'>;
}

export interface OrganisationStore {
  get(id: string): Promise<OrganisationDetail | undefined>;
  listByStatus(input: { status: OrganisationStatus; limit: number; cursor?: string }): Promise<Page<OrganisationDetail>>;
  /**
   * The application, the applicant's pending link and its audit entry, in one transaction; a 409 when the
   * applicant already has `maxPending` applications pending (checked in the same write, so two at once cannot pass).
   */
  apply(input: {
    organisation: Organisation;
    application: OrganisationApplication;
    applicantId: string;
    maxPending: number;
    audit: AuditEntry;
  }): Promise<void>;
  /** How many of the applicant's organisation applications are pending: one read by key, no query. */
  pendingApplications(applicantId: string): Promise<number>;
  /** Moves a pending organisation to approved or rejected (409 if it is not pending), with the audit entry. */
  review(input: {
    id: string;
    /** Whose pending application this was: it stops counting against them. */
    applicantId: string | null;
    status: 'approved' | 'rejected';
    reason: string | null;
    at: string;
    admin: Member | null;
    audit: AuditEntry;
  }): Promise<void>;
  createInvitation(input: { invitation: Invitation; audit: AuditEntry }): Promise<void>;
  getInvitation(token: string): Promise<Invitation | undefined>;
  /** Marks the invitation used and makes the user an officer of its organisation, atomically. */
  acceptInvitation(input: { token: string; member: Member; at: string; audit: AuditEntry }): Promise<void>;
}

/** Which index an audit search reads: one actor's, one object's or one action's entries (none: the whole log). */
export type AuditKey = { actorId: string } | { objectType: string; objectId: string } | { action: string };

export interface AuditLog {
  /**
   * Newest first, one bounded page: through `by`'s index, within [`fromAt`, `untilAt`) (ISO instants) when given.
   * A cursor from another search is a 400 on `cursor`.
   */
  list(input: { limit: number; cursor?: string; by?: AuditKey; fromAt?: string; untilAt?: string }): Promise<Page<AuditEntry>>;
  /** The named accounts' display names, one BatchGet (ids ≤ a page); an id with no live account comes back `deleted`. */
  actors(ids: readonly string[]): Promise<AuditActor[]>;
}

/**
 * The refresh tokens this platform handed out, so that "sign out everywhere" also ends sessions whose
 * access token has expired (a refresh would otherwise bring them back). Adapters store only a hash.
 */
export interface SessionStore {
  remember(refreshToken: string, session: { userId: string; issuedAt: number }): Promise<void>;
  find(refreshToken: string): Promise<{ userId: string; issuedAt: number } | undefined>;
  forget(refreshToken: string): Promise<void>;
}

/** A limiter's answer: allowed, or refused until `retryAfterSeconds` (whole seconds, at least 1) have passed. */
export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** A fixed window: `limit` attempts per `windowSeconds`; windows start at local midnights `offsetSeconds` ahead of UTC (0: UTC). */
export interface RateWindow {
  key: string;
  limit: number;
  windowSeconds: number;
  offsetSeconds?: number;
}

/**
 * A growing delay: the first `free` attempts go at once; after attempt n ≥ free the next waits
 * `baseSeconds * 2^(n - free)`, at most `maxSeconds`; the count is forgotten `forgetSeconds` after the wait ends.
 */
export interface RateBackoff {
  key: string;
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  forgetSeconds: number;
}

/** Counters kept by key (no scan), written atomically; adapters let old counts expire on their own. */
export interface RateLimiter {
  /** Counts one attempt in the key's current window if it is within the limit; a refused attempt is not counted. */
  hit(input: RateWindow): Promise<RateDecision>;
  /** Claims one attempt under a growing delay (see RateBackoff); a refused attempt is not counted. */
  backoff(input: RateBackoff): Promise<RateDecision>;
  /** Forgets the key's count: its current window (`windowSeconds` given) or its backoff (not given). */
  clear(input: { key: string; windowSeconds?: number; offsetSeconds?: number }): Promise<void>;
}

/** Header fields of an email beyond From/To/Subject, by name (e.g. `List-Unsubscribe`); ASCII values only. */
export type MailHeaders = Readonly<Record<string, string>>;

export interface Mailer {
  /** Sends one plain-text email; `headers` (optional) travel as header fields (SES: Simple content `Headers`). */
  send(message: { to: string; subject: string; text: string; headers?: MailHeaders }): Promise<void>;
}

export type MeView = Me;
export type { Locale };
