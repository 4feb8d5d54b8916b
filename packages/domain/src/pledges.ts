import type { Page } from './ports.js';
import type { Pledge, PledgeClub, PledgeRequest, PledgeView, Project, StoredRate } from '@mekendesh/contracts';
import type { Actor, UserActor } from './actor.js';
import type { UserRecord } from './account-ports.js';
import { DomainError, notFound } from './errors.js';
import { bookingProject, type ListedAccounts, type MoneyStore, type PledgeContext, type PledgePlan } from './money-ports.js';
import { optimistically, throwIfFinal, type Round } from './money-commit.js';
import { bishkekDay, dayHasPassed } from './bishkek-calendar.js';
import { kgsAt, rateOn, type MoneyDeps } from './money-deps.js';
import {
  assertMinimum,
  canonicalJson,
  deltas,
  ledgerName,
  paymentInstructions,
  paymentReference,
  pledgeRuleErrors,
  supporterIdOf,
} from './pledge-rules.js';
import { authorize } from './policy.js';
import { isPublic } from './lifecycle.js';
import { CARD_MESSAGES } from './card-messages.js';
import { pledgeWindows, RateLimitedError } from './rate-limits.js';
import type { QueuedMail } from './receiving-accounts.js';
import { signedIn, type ProvisioningDeps, type SignedInClaims } from './user-provisioning.js';

/** A pledge as its investor and staff see it: with the transfer instructions. */
export function pledgeView(pledge: Pledge): PledgeView {
  return { ...pledge, instructions: paymentInstructions(pledge) };
}

/**
 * The project, if it takes pledges now: published, and its deadline day not over in Bishkek (a pledge is
 * accepted while today in Bishkek is on or before the deadline day). 404 if not public, 409 otherwise; a
 * passed deadline is a 409 naming `deadline`.
 */
function raisingProject(project: Project | undefined, now: Date): Project {
  if (!project || !isPublic(project.status)) throw notFound('project');
  if (project.status !== 'published') throw new DomainError('conflict', `the project is ${project.status}: it no longer takes pledges`);
  if (dayHasPassed(project.deadline, now)) {
    const d = project.deadline;
    const messages = {
      ky: `Долбоордун мөөнөтү ${d} күнү Бишкек убактысы боюнча 23:59да (UTC+6) бүттү: салым кабыл алынбайт`,
      ru: `Срок проекта истёк ${d} в 23:59 по бишкекскому времени (UTC+6): взносы больше не принимаются`,
      en: `The project's deadline passed at the end of ${d}, 23:59 Bishkek time (UTC+6): it takes no more pledges`,
    };
    throw new DomainError('conflict', messages.en, [{ field: 'deadline', message: messages.en, messages }], messages);
  }
  return project;
}

async function priced(deps: MoneyDeps, request: PledgeRequest, project: Project, day: string) {
  if (!request.amount) return { rate: null, amountKgs: 0 };
  const rate = await rateOn(deps.rates, request.amount.currency, day);
  const amountKgs = kgsAt(request.amount, rate);
  assertMinimum(amountKgs, project);
  return { rate, amountKgs };
}

function pledgeBooking(pledge: Pledge, project: Project, firstFromInvestor: boolean): PledgePlan['booking'] {
  return {
    entries: [
      {
        id: `${pledge.id}-p`,
        at: pledge.createdAt,
        kind: 'pledged',
        projectId: project.id,
        oblastSoate: project.oblastSoate,
        pledgeId: pledge.id,
        receiptId: null,
        programmeId: null,
        funder: 'diaspora',
        country: pledge.investorCountry ?? null,
        original: pledge.amount && pledge.amount.currency !== 'KGS' ? pledge.amount : null,
        deltas: deltas({ pledged: pledge.amountKgs, supporters: firstFromInvestor ? 1 : 0 }),
        publicName: ledgerName(pledge),
      },
    ],
    project: { ...bookingProject(project), isPublic: true },
    pledge: { next: pledge, expectedVersion: null },
  };
}

/** The new pledge as decided: status `pledged`, nothing received, version 1, a fresh payment reference. */
function newPledge(input: {
  id: string;
  project: Project;
  investorId: string;
  request: PledgeRequest;
  price: { rate: StoredRate | null; amountKgs: number };
  displayName: string | null;
  /** The investor's country of residence from their profile (null: not given). */
  investorCountry: string | null;
  at: string;
  club?: PledgeClub | undefined;
}): Pledge {
  const { request: r, project, at } = input;
  return {
    id: input.id,
    projectId: project.id,
    projectTitle: project.title,
    investorId: input.investorId,
    type: r.type,
    amount: r.amount ?? null,
    amountKgs: input.price.amountKgs,
    rate: input.price.rate,
    termMonths: r.termMonths ?? null,
    inKind: r.inKind ?? null,
    channel: r.channel,
    message: r.message || null,
    display: r.display,
    displayName: input.displayName,
    paymentReference: paymentReference(),
    status: 'pledged',
    received: r.amount ? { amount: 0, currency: r.amount.currency } : null,
    receivedKgs: 0,
    overpaid: null,
    matchedKgs: 0,
    matchedBy: {},
    receipts: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...(input.club ? { club: input.club } : {}),
    investorCountry: input.investorCountry,
  };
}

/**
 * A card pledge only while cards take its currency: else a 409 naming `channel`, in ky/ru/en (issue 9: card
 * pledges were accepted while cards were off, and could never be paid). In-kind ones are the rules' 400.
 */
function assertChannelOpen(intake: MoneyDeps['pledging'], request: PledgeRequest): void {
  if (request.channel !== 'card' || !request.amount) return;
  const currencies = intake.cardCurrencies;
  if (currencies.length > 0 && currencies.includes(request.amount.currency)) return;
  const messages =
    currencies.length === 0 ? CARD_MESSAGES.notConfigured : CARD_MESSAGES.currencyNotByCard(request.amount.currency, currencies);
  throw new DomainError('conflict', messages.en, [{ field: 'channel', message: messages.en, messages }], messages);
}

/**
 * The email a new pledge is written with (pledge-email.ts), from the pledge and what its batch read, with the accounts
 * it lists; none: no email. `fresh`: a round after a conflict, which reads the accounts afresh instead of from a cache.
 */
export type PledgeMail = (
  pledge: PledgeView,
  context: PledgeContext,
  fresh: boolean,
) => Promise<{ mail: QueuedMail; listed: ListedAccounts; mailPending?: boolean } | undefined>;

/**
 * A pledge's context with its investor's record: the display name and what the email needs come from a live
 * record only (a deleted account has none). The store's batch and the read ahead of authentication both use it.
 */
export function withInvestor(
  context: Omit<PledgeContext, 'displayName' | 'investor' | 'user'>,
  user: UserRecord | undefined,
): PledgeContext {
  if (!user) return { ...context, displayName: null };
  const { displayName, locale } = user.profile;
  return { ...context, user, displayName, investor: { email: user.email, locale, displayName } };
}

/** A pledge's context read ahead for one investor, project and Idempotency-Key (signedInToPledge): createPledge's first round. */
export interface PledgeRead {
  scope: string;
  key: string;
  projectId: string;
  context: PledgeContext;
}

/**
 * Authentication and a pledge's first read in one strongly consistent batch: the investor's record, which
 * settles who is asking (signedIn: a revoked session is a 401 before the request's body is validated), read with
 * the idempotency record, the project and the supporter marker that createPledge decides from. Made for the
 * pledge route, where the caller's record would otherwise be read alone just before the same batch.
 * Errors: as signedIn. `target` comes from the request before validation: createPledge uses the read only when
 * it is for the same investor, project and key, and reads again otherwise.
 * @example const { actor, read } = await signedInToPledge(deps, claims, { projectId: 'p-1', idempotencyKey: 'c1f7...' });
 */
export async function signedInToPledge(
  deps: ProvisioningDeps & { money: Pick<MoneyStore, 'pledgeContext'> },
  claims: SignedInClaims,
  target: { projectId: string; idempotencyKey: string },
): Promise<{ actor: UserActor; user: UserRecord; read: PledgeRead }> {
  const at = { scope: claims.userId, key: target.idempotencyKey, projectId: target.projectId };
  const context = await deps.money.pledgeContext({ ...at, investorId: claims.userId, withUser: true });
  const { actor, user } = await signedIn(deps, claims, { user: context.user });
  // A first request provisions the record after the batch: the pledge takes the new one.
  return { actor, user, read: { ...at, context: withInvestor(context, user) } };
}

/**
 * Pledges to a published project. Idempotent per investor and `Idempotency-Key`: a retry with the same
 * body returns the first pledge (`created: false`); the same key with another body is a 422. A new pledge
 * counts against the investor's limits (`deps.pledging.limits`: per minute and per Bishkek day, counted in its
 * own transaction; a 429 with Retry-After beyond them, nothing written); a card pledge needs cards on for its
 * currency (409 naming `channel`). Reads once (pledgeContext: idempotency record, project, supporter marker and,
 * with `mail` or a named pledge, the user, in one batch; or `read`, when authentication read it ahead for this
 * investor, project and key: signedInToPledge), decides, commits once; a lost race (supporter marker,
 * payment reference) reads and decides again, a second call's record replays. `mail` writes the pledge's email in
 * the same transaction; the answer's `mail` is it when written (a new pledge), for the caller to send.
 * @example await createPledge(deps, actor, { projectId, idempotencyKey: 'c1f7...', request: { type: 'donation', amount: { amount: 10_000, currency: 'USD' }, channel: 'bank_transfer', display: 'anonymous' } })
 */
export async function createPledge(
  deps: MoneyDeps,
  actor: Actor,
  input: { projectId: string; idempotencyKey: string; request: PledgeRequest; mail?: PledgeMail; read?: PledgeRead; club?: PledgeClub },
): Promise<{ pledge: PledgeView; created: boolean; mail?: QueuedMail }> {
  authorize(actor, { action: 'account:use' });
  // A club contribution's key belongs to its club pledge: the same key on a pledge of one's own is another body (422).
  const club = input.club ? { clubPledgeId: input.club.clubPledgeId } : {};
  const idempotency = {
    scope: actor.id,
    key: input.idempotencyKey,
    hash: canonicalJson({ projectId: input.projectId, request: input.request, ...club }),
  };
  const r = input.request;
  const id = deps.newId();
  const windows = pledgeWindows(deps.pledging.limits, actor.id);
  return optimistically(async (attempt): Promise<Round<{ pledge: PledgeView; created: boolean; mail?: QueuedMail }>> => {
    const ahead = input.read;
    // A read ahead holds the investor's own supporter marker: a club contribution reads the club's (supporterIdOf).
    const context =
      attempt === 0 &&
      !input.club &&
      ahead &&
      ahead.scope === idempotency.scope &&
      ahead.key === idempotency.key &&
      ahead.projectId === input.projectId
        ? ahead.context
        : await deps.money.pledgeContext({
            ...idempotency,
            projectId: input.projectId,
            investorId: actor.id,
            supporterId: supporterIdOf({ investorId: actor.id, club: input.club }),
            withUser: r.display === 'name' || input.mail !== undefined,
          });
    if (context.idempotent)
      return { done: { pledge: pledgeView(await replay(deps, context.idempotent, idempotency.hash)), created: false } };
    // One reading of the clock: the deadline check and the pricing day cannot straddle Bishkek midnight.
    const now = deps.clock.now();
    const project = raisingProject(context.project, now);
    authorize(actor, { action: 'pledge:create', project });
    const errors = pledgeRuleErrors(r, project);
    if (errors.length) throw new DomainError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
    assertChannelOpen(deps.pledging, r);
    const price = await priced(deps, r, project, bishkekDay(now));
    const pledge = newPledge({
      id,
      project,
      investorId: actor.id,
      request: r,
      price,
      displayName: context.displayName,
      investorCountry: context.user?.profile.residenceCountry ?? null,
      at: now.toISOString(),
      club: input.club,
    });
    const view = pledgeView(pledge);
    const written = await input.mail?.(view, context, attempt > 0);
    const mail = written?.mail;
    const firstFromInvestor = !context.supporter;
    const out = await deps.money.commitPledge({
      booking: pledgeBooking(pledge, project, firstFromInvestor),
      idempotency,
      firstFromInvestor,
      windows,
      ...(written ? written : {}),
    });
    if (out.kind === 'committed') return { done: { pledge: view, created: true, ...(mail ? { mail } : {}) } };
    if (out.kind === 'limited') throw new RateLimitedError(out.retryAfterSeconds, 'pledges');
    throwIfFinal(out);
    // A duplicate (the same key won meanwhile) replays on the next read; a status change is refused by it.
    return { again: true };
  });
}

/** The one idempotency replay: the first pledge for the same body, else a 422 on `Idempotency-Key` in ky/ru/en. */
async function replay(deps: MoneyDeps, earlier: { hash: string; pledgeId: string }, hash: string): Promise<Pledge> {
  if (earlier.hash !== hash) {
    const messages = {
      ky: 'Бул Idempotency-Key башка сурам менен колдонулган: жаңы салым үчүн жаңы ачкыч колдонуңуз',
      ru: 'Этот Idempotency-Key уже использован с другим запросом: для нового взноса нужен новый ключ',
      en: 'this Idempotency-Key was used with a different request: use a new key for a new pledge',
    };
    throw new DomainError(
      'unprocessable',
      messages.en,
      [{ field: 'Idempotency-Key', message: 'already used with a different body', messages }],
      messages,
    );
  }
  const pledge = await deps.money.getPledge(earlier.pledgeId);
  if (!pledge) throw notFound('pledge');
  return pledge;
}

/** One pledge, for its investor or staff; others get 404 (a pledge's existence is private). */
export async function getPledge(deps: MoneyDeps, actor: Actor, id: string): Promise<PledgeView> {
  authorize(actor, { action: 'account:use' });
  const pledge = await deps.money.getPledge(id);
  if (!pledge) throw notFound('pledge');
  try {
    authorize(actor, { action: 'pledge:read', pledge });
  } catch {
    throw notFound('pledge');
  }
  return pledgeView(pledge);
}

/** The investor's portfolio: their pledges, newest first, one bounded page at a time. */
export async function listMyPledges(deps: MoneyDeps, actor: Actor, page: { limit: number; cursor?: string }): Promise<Page<PledgeView>> {
  authorize(actor, { action: 'account:use' });
  const out = await deps.money.listInvestorPledges({ investorId: actor.id, ...page });
  return { items: out.items.map(pledgeView), nextCursor: out.nextCursor };
}
