import type { AuditEntry, Locale, NotificationKind, PaymentDetails, ReceivingAccount, ReceivingAccountRequest } from '@mekendesh/contracts';
import type { Mailer, MailHeaders } from './account-ports.js';
import type { Actor, UserActor } from './actor.js';
import { DomainError, notFound } from './errors.js';
import type { MoneyDeps } from './money-deps.js';
import { getPledge } from './pledges.js';
import { authorize } from './policy.js';
import { activeClash, normaliseAccountRequest, payeeOptions, receivingAccountErrors } from './receiving-account-rules.js';
import { keptPerInstance } from './instance-cache.js';
import type { UnsubscribeLinks } from './unsubscribe.js';

/** Receiving accounts are few (a handful per currency at most): every read takes them all, up to this many. */
export const MAX_RECEIVING_ACCOUNTS = 100;

/**
 * Where the receiving accounts are kept: one small partition read by key. Each write carries its audit
 * entry in the same transaction, and keeps "one active account per kind and currency" with a guard item,
 * so two staff saving at once cannot both activate one (the loser gets a 409).
 */
export interface ReceivingAccountStore {
  list(): Promise<ReceivingAccount[]>;
  get(id: string): Promise<ReceivingAccount | undefined>;
  create(input: { account: ReceivingAccount; audit: AuditEntry }): Promise<void>;
  /** Replaces `previous` (conditioned on its version) with `account`. */
  replace(input: { previous: ReceivingAccount; account: ReceivingAccount; audit: AuditEntry }): Promise<void>;
  /** Deletes `previous`, conditioned on its version. */
  remove(input: { previous: ReceivingAccount; audit: AuditEntry }): Promise<void>;
}

/**
 * How long one function instance reuses the receiving accounts for pledge emails. Never stale where it matters: each
 * pledge's transaction checks the accounts its email lists (PledgePlan.listed), and staff saves here forget them.
 */
export const ACCOUNTS_CACHE_MS = 60_000;
const accountsCache = keptPerInstance<ReceivingAccountStore, ReceivingAccount[]>(ACCOUNTS_CACHE_MS);

/**
 * Every receiving account, from this instance's cache (ACCOUNTS_CACHE_MS) unless `fresh` or expired; a read refills it
 * (a failed one is forgotten). Only for what a transaction checks again (a pledge's email); staff pages read the store.
 */
export function cachedAccounts(store: ReceivingAccountStore, fresh: boolean): Promise<ReceivingAccount[]> {
  return accountsCache.get(store, () => store.list(), fresh);
}

/** An email to send once: keyed by `id`, delivered by claiming it, so retries and races send it one time. */
export interface QueuedMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** Extra header fields sent with it, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on notices. */
  headers?: MailHeaders;
  /**
   * On a notice (notifications.ts): whose it is and its kind, so that delivery checks again, when it sends, that the
   * account still exists and the kind is still on (mail-delivery.ts); a queued notice may wait for the stream or the
   * stuck-mail sweep. Absent on other mail (a pledge's payment details).
   */
  notice?: { userId: string; kind: NotificationKind };
}

/** Emails written before they are sent; packages/db keeps them on DynamoDB. */
export interface MailQueue {
  /** Writes the mail unless one with its id exists; true if this call wrote it. */
  enqueue(mail: QueuedMail, at: string): Promise<boolean>;
  exists(id: string): Promise<boolean>;
  /** Takes the mail for sending if it is pending (or a claim older than `staleBefore` was never finished). */
  claim(id: string, at: string, staleBefore: string): Promise<QueuedMail | undefined>;
  markSent(id: string, at: string): Promise<void>;
  /** Gives a claimed mail back (its send failed): the next attempt may take it. */
  release(id: string): Promise<void>;
  /** Ends a claimed mail unsent (`dropped`: its reader deleted the account or turned its kind off); never tried again. */
  drop(id: string, at: string): Promise<void>;
}

/** The programme office, for investors whose currency has no account yet. */
export interface ProgrammeOffice {
  email: string;
  phone: string | null;
}

/**
 * How a pledge's email leaves: `inline`, the request sends it right after its transaction (the local stack, tests);
 * `stream`, the request only writes it pending and a function on the table's stream sends it (functions/jobs/src/mail.ts).
 */
export type MailDelivery = 'inline' | 'stream';

/** What paying pledges by transfer needs: the money core, the accounts, the mail queue and mailer, the office. */
export interface PaymentDeps {
  money: MoneyDeps;
  accounts: ReceivingAccountStore;
  queue: MailQueue;
  mailer: Mailer;
  /** `inline` unless set (MailDelivery). */
  mailDelivery?: MailDelivery;
  office: ProgrammeOffice;
  /** The web app's origin, for the pledge page's link in emails. */
  webOrigin: string;
  /** The pledge email's unsubscribe footer and headers (kind 'pledge_received'); composition always sets it. */
  unsubscribe?: UnsubscribeLinks;
}

function auditEntry(
  deps: PaymentDeps,
  actor: UserActor,
  action: string,
  objectId: string,
  before: ReceivingAccount | null,
  after: ReceivingAccount | null,
): AuditEntry {
  return {
    id: deps.money.newId(),
    at: deps.money.clock.now().toISOString(),
    actorId: actor.id,
    actorRoles: [...actor.roles],
    action,
    objectType: 'receiving-account',
    objectId,
    reason: null,
    before: before as Record<string, unknown> | null,
    after: after as Record<string, unknown> | null,
  };
}

async function checked(deps: PaymentDeps, request: ReceivingAccountRequest, id?: string): Promise<ReceivingAccountRequest> {
  const errors = receivingAccountErrors(request);
  const normal = normaliseAccountRequest(request);
  if (errors.length) throw new DomainError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  const clash = activeClash(await deps.accounts.list(), { ...normal, ...(id ? { id } : {}) });
  if (clash) {
    throw new DomainError('conflict', `another ${clash.kind} account for ${clash.currency} is active: deactivate it first`, [
      { field: 'active', message: `another active ${clash.kind} account takes ${clash.currency}` },
    ]);
  }
  return normal;
}

/** Every receiving account, active or not, oldest first: for staff. */
export async function listReceivingAccounts(deps: PaymentDeps, actor: Actor): Promise<ReceivingAccount[]> {
  authorize(actor, { action: 'money:manage' });
  return deps.accounts.list();
}

/** Staff add a bank account or a money-transfer company for a currency (audited). */
export async function createReceivingAccount(deps: PaymentDeps, actor: Actor, request: ReceivingAccountRequest): Promise<ReceivingAccount> {
  authorize(actor, { action: 'money:manage' });
  const at = deps.money.clock.now().toISOString();
  const account = {
    ...(await checked(deps, request)),
    id: deps.money.newId(),
    version: 1,
    createdAt: at,
    updatedAt: at,
  } as ReceivingAccount;
  await deps.accounts.create({ account, audit: auditEntry(deps, actor, 'receiving-account.create', account.id, null, account) });
  accountsCache.forget(deps.accounts);
  return account;
}

/** Staff replace an account's details (or (de)activate it), from the version they read: 409 if it changed meanwhile. */
export async function replaceReceivingAccount(
  deps: PaymentDeps,
  actor: Actor,
  input: { id: string; version: number; request: ReceivingAccountRequest },
): Promise<ReceivingAccount> {
  authorize(actor, { action: 'money:manage' });
  const previous = await deps.accounts.get(input.id);
  if (!previous) throw notFound('receiving account');
  if (previous.version !== input.version) throw new DomainError('conflict', 'the account was changed meanwhile: reload it and edit again');
  const account = {
    ...(await checked(deps, input.request, input.id)),
    id: previous.id,
    version: previous.version + 1,
    createdAt: previous.createdAt,
    updatedAt: deps.money.clock.now().toISOString(),
  } as ReceivingAccount;
  await deps.accounts.replace({
    previous,
    account,
    audit: auditEntry(deps, actor, 'receiving-account.replace', account.id, previous, account),
  });
  accountsCache.forget(deps.accounts);
  return account;
}

/** Staff remove an account (its details stay in the audit log). */
export async function deleteReceivingAccount(deps: PaymentDeps, actor: Actor, input: { id: string; version: number }): Promise<void> {
  authorize(actor, { action: 'money:manage' });
  const previous = await deps.accounts.get(input.id);
  if (!previous) throw notFound('receiving account');
  if (previous.version !== input.version) throw new DomainError('conflict', 'the account was changed meanwhile: reload it and try again');
  await deps.accounts.remove({ previous, audit: auditEntry(deps, actor, 'receiving-account.delete', previous.id, previous, null) });
  accountsCache.forget(deps.accounts);
}

/** The project's last day of raising, for "pay by"; null when the project is gone. */
async function payBy(deps: PaymentDeps, projectId: string): Promise<string | null> {
  return (await deps.money.projects.get(projectId))?.deadline ?? null;
}

/**
 * Where and how to pay one pledge by transfer: for its investor and staff only (others get 404, as for
 * the pledge itself). Empty `options` means no account takes its currency yet: ask the office. The QR text
 * payloads are in `locale`, the reader's language.
 */
export async function paymentDetails(deps: PaymentDeps, actor: Actor, pledgeId: string, locale: Locale = 'en'): Promise<PaymentDetails> {
  const pledge = await getPledge(deps.money, actor, pledgeId);
  const options = payeeOptions(await deps.accounts.list(), pledge, locale);
  return {
    pledgeId: pledge.id,
    paymentReference: pledge.paymentReference,
    amount: pledge.amount,
    payBy: await payBy(deps, pledge.projectId),
    options,
    office: deps.office,
  };
}
