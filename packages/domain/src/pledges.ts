import type { Page } from './ports.js';
import type { Pledge, PledgeRequest, PledgeView, Project } from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import { DomainError, notFound } from './errors.js';
import type { Booking } from './money-ports.js';
import { bishkekDay, dayHasPassed } from './bishkek-calendar.js';
import { kgsAt, rateOn, type MoneyDeps } from './money-deps.js';
import { assertMinimum, canonicalJson, deltas, paymentInstructions, paymentReference, pledgeRuleErrors } from './pledge-rules.js';
import { authorize } from './policy.js';
import { isPublic } from './lifecycle.js';
import { CARD_MESSAGES } from './card-messages.js';
import { admitPledge } from './rate-limits.js';

/** A pledge as its investor and staff see it: with the transfer instructions. */
export function pledgeView(pledge: Pledge): PledgeView {
  return { ...pledge, instructions: paymentInstructions(pledge) };
}

/**
 * The project, if it takes pledges now: published, and its deadline day not over in Bishkek (a pledge is
 * accepted while today in Bishkek is on or before the deadline day). 404 if not public, 409 otherwise; a
 * passed deadline is a 409 naming `deadline`.
 */
async function raisingProject(deps: MoneyDeps, projectId: string, now: Date): Promise<Project> {
  const project = await deps.projects.get(projectId);
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

function pledgeBooking(pledge: Pledge, project: Project, firstFromInvestor: boolean): Booking {
  return {
    entries: [{
      id: `${pledge.id}-p`, at: pledge.createdAt, kind: 'pledged', projectId: project.id, oblastSoate: project.oblastSoate,
      pledgeId: pledge.id, receiptId: null, programmeId: null, funder: 'diaspora',
      original: pledge.amount && pledge.amount.currency !== 'KGS' ? pledge.amount : null,
      deltas: deltas({ pledged: pledge.amountKgs, supporters: firstFromInvestor ? 1 : 0 }),
      publicName: pledge.display === 'name' ? pledge.displayName : null,
    }],
    project: { id: project.id, status: project.status, oblastSoate: project.oblastSoate, isPublic: true },
    pledge: { next: pledge, expectedVersion: null },
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
  const messages = currencies.length === 0 ? CARD_MESSAGES.notConfigured : CARD_MESSAGES.currencyNotByCard(request.amount.currency, currencies);
  throw new DomainError('conflict', messages.en, [{ field: 'channel', message: messages.en, messages }], messages);
}

/**
 * Pledges to a published project. Idempotent per investor and `Idempotency-Key`: a retry with the same
 * body returns the first pledge (`created: false`); the same key with another body is a 422. A new pledge
 * counts against the investor's limits (`deps.pledging.limits`: per minute and per Bishkek day; a 429 with
 * Retry-After beyond them, nothing written); a card pledge needs cards on for its currency (409 naming `channel`).
 * @example await createPledge(deps, actor, { projectId, idempotencyKey: 'c1f7...', request: { type: 'donation', amount: { amount: 10_000, currency: 'USD' }, channel: 'bank_transfer', display: 'anonymous' } })
 */
export async function createPledge(
  deps: MoneyDeps,
  actor: Actor,
  input: { projectId: string; idempotencyKey: string; request: PledgeRequest },
): Promise<{ pledge: PledgeView; created: boolean }> {
  authorize(actor, { action: 'account:use' });
  const idempotency = { scope: actor.id, key: input.idempotencyKey, hash: canonicalJson({ projectId: input.projectId, request: input.request }) };
  const earlier = await deps.money.findIdempotent(idempotency.scope, idempotency.key);
  if (earlier) return { pledge: pledgeView(await replay(deps, earlier, idempotency.hash)), created: false };
  // One reading of the clock: the deadline check and the pricing day cannot straddle Bishkek midnight.
  const now = deps.clock.now();
  const project = await raisingProject(deps, input.projectId, now);
  authorize(actor, { action: 'pledge:create', project });
  const errors = pledgeRuleErrors(input.request, project);
  if (errors.length) throw new DomainError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  assertChannelOpen(deps.pledging, input.request);
  const at = now.toISOString();
  const { rate, amountKgs } = await priced(deps, input.request, project, bishkekDay(now));
  // Counted last, so only a pledge about to be written uses up the investor's allowance.
  await admitPledge(deps.pledging.limiter, deps.pledging.limits, actor.id);
  const user = input.request.display === 'name' ? await deps.users.get(actor.id) : undefined;
  const r = input.request;
  const id = deps.newId();
  const build = (firstFromInvestor: boolean): Booking => {
    const pledge: Pledge = {
      id, projectId: project.id, projectTitle: project.title, investorId: actor.id, type: r.type, amount: r.amount ?? null, amountKgs, rate,
      termMonths: r.termMonths ?? null, inKind: r.inKind ?? null, channel: r.channel, message: r.message || null, display: r.display,
      displayName: user?.profile.displayName ?? null, paymentReference: paymentReference(), status: 'pledged',
      received: r.amount ? { amount: 0, currency: r.amount.currency } : null, receivedKgs: 0, overpaid: null, matchedKgs: 0, matchedBy: {},
      receipts: 0, version: 1, createdAt: at, updatedAt: at,
    };
    return pledgeBooking(pledge, project, firstFromInvestor);
  };
  const out = await deps.money.createPledge({ build, idempotency });
  return { pledge: pledgeView(out.pledge), created: out.created };
}

async function replay(deps: MoneyDeps, earlier: { hash: string; pledgeId: string }, hash: string): Promise<Pledge> {
  if (earlier.hash !== hash) {
    throw new DomainError('unprocessable', 'this Idempotency-Key was used with a different request: use a new key for a new pledge', [
      { field: 'Idempotency-Key', message: 'already used with a different body' },
    ]);
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

