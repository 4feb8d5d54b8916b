import { notifyAfterCommit } from './notifications.js';
import { refundNotice } from './transactional-notices.js';
import type { CardState, Locale, PaymentOptions, Pledge, TrilingualName } from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import type { CardEvent, CardPayments, CheckoutSession } from './card-payments.js';
import { cardStateOf, refundDecision } from './card-refunds.js';
import { CARD_MESSAGES } from './card-messages.js';
import { conflictIn, DomainError, notFound } from './errors.js';
import { isPublic } from './lifecycle.js';
import { today, type MoneyDeps } from './money-deps.js';
import { bookFresh } from './money-commit.js';
import { bookingProject } from './money-ports.js';
import { authorize } from './policy.js';
import { bookReceipt, receiptIds } from './receipts.js';

/** Webhook events already handled, so a redelivery is answered without work. Receipt ids keep the books right without it. */
export interface ProcessedEvents {
  has(eventId: string): Promise<boolean>;
  /** Marks an event handled (kept 30 days); marking twice is harmless. */
  mark(eventId: string): Promise<void>;
}

/** What the card path needs: the money core, the gateway (absent when card payments are not configured) and the web app's origin. */
export interface CardDeps {
  money: MoneyDeps;
  cards: CardPayments | undefined;
  processed: ProcessedEvents;
  webOrigin: string;
}

export const CARDS_NOT_CONFIGURED: TrilingualName = CARD_MESSAGES.notConfigured;

/** Whether investors can pay by card, and in which currencies; the reason in three languages when they cannot. */
export function paymentOptions(deps: Pick<CardDeps, 'cards'>): PaymentOptions {
  return deps.cards
    ? { cardPayments: { enabled: true, currencies: [...deps.cards.currencies] } }
    : { cardPayments: { enabled: false, currencies: [], reason: CARDS_NOT_CONFIGURED } };
}

const PAYABLE: readonly Pledge['status'][] = ['pledged', 'partially_received'];
// Stripe Checkout has no Kyrgyz; Russian is read by nearly everyone who reads Kyrgyz.
const CHECKOUT_LOCALE = { ky: 'ru', ru: 'ru', en: 'en' } as const;

async function payablePledge(deps: CardDeps, actor: Actor, pledgeId: string): Promise<{ pledge: Pledge; cards: CardPayments }> {
  authorize(actor, { action: 'account:use' });
  const pledge = await deps.money.money.getPledge(pledgeId);
  if (!pledge) throw notFound('pledge');
  try {
    authorize(actor, { action: 'pledge:pay', pledge });
  } catch {
    throw notFound('pledge'); // a pledge's existence is private
  }
  // Each refusal in three languages: the pledge page shows it to the investor as the API says it.
  if (!deps.cards) throw conflictIn(CARD_MESSAGES.notConfigured);
  if (pledge.channel !== 'card' || !pledge.amount) throw conflictIn(CARD_MESSAGES.paidByTransfer);
  if (!PAYABLE.includes(pledge.status)) throw conflictIn(CARD_MESSAGES.nothingDue);
  const currency = pledge.amount.currency;
  if (!deps.cards.currencies.includes(currency)) {
    const messages = CARD_MESSAGES.currencyNotByCard(currency, deps.cards.currencies);
    throw new DomainError('unprocessable', messages.en, [], messages);
  }
  const project = await deps.money.projects.get(pledge.projectId);
  if (!project || !isPublic(project.status) || project.status === 'expired' || project.status === 'cancelled') {
    throw conflictIn(CARD_MESSAGES.projectClosed);
  }
  return { pledge, cards: deps.cards };
}

/**
 * Opens (or reopens: one session per pledge and attempt) a Stripe Checkout for what is still due on a card pledge
 * of the actor's own. Checkouts that expired or failed are skipped: the next attempt gets a new session.
 * @example const { url } = await startCardCheckout(deps, actor, { pledgeId, locale: 'ky' }) // redirect the investor there
 */
export async function startCardCheckout(
  deps: CardDeps,
  actor: Actor,
  input: { pledgeId: string; locale: Locale },
): Promise<{ url: string }> {
  const { pledge, cards } = await payablePledge(deps, actor, input.pledgeId);
  const amount = pledge.amount!;
  const due = amount.amount - (pledge.received?.amount ?? 0);
  const back = (query: string) => `${deps.webOrigin}/${input.locale}/pledges/${encodeURIComponent(pledge.id)}?${query}`;
  let closed = cardStateOf(pledge).closedSessions.length;
  for (let tries = 0; tries < 3; tries++) {
    const session = await cards.startCheckout({
      pledgeId: pledge.id,
      amount: due,
      currency: amount.currency,
      description:
        pledge.projectTitle[input.locale] ?? pledge.projectTitle.en ?? pledge.projectTitle.ru ?? pledge.projectTitle.ky ?? 'Mekendesh',
      successUrl: back('paid=1'),
      cancelUrl: back('cancelled=1'),
      locale: CHECKOUT_LOCALE[input.locale],
      // The first checkout of the full amount keeps the plain per-pledge key; later ones differ by attempt and amount.
      ...(closed === 0 && due === amount.amount ? {} : { attempt: `${closed}-${due}` }),
    });
    if (session.status === 'open' && session.url) return { url: session.url };
    if (session.paid) throw conflictIn(CARD_MESSAGES.alreadyPaid);
    // Expired (or completed unpaid) before its event reached us: close it and open the next attempt.
    await closeSession(deps, session, 'expired');
    closed += 1;
  }
  throw conflictIn(CARD_MESSAGES.noCheckout);
}

function withCard(pledge: Pledge, patch: Partial<CardState>): Pledge {
  return { ...pledge, card: { ...cardStateOf(pledge), ...patch } };
}

/** Records a checkout that can no longer be paid; the pledge stays unpaid. Once per session, whatever the order. */
async function closeSession(deps: CardDeps, session: CheckoutSession, status: 'expired' | 'failed'): Promise<string> {
  if (!session.pledgeId) return 'ignored';
  const out = await bookFresh<string>(deps.money, {
    pledgeId: session.pledgeId,
    decide: ({ pledge, project }) => {
      const card = cardStateOf(pledge);
      if (card.closedSessions.includes(session.id)) return { skip: `already_${status}` };
      const at = deps.money.clock.now().toISOString();
      // A card payment booked meanwhile (through another session) keeps its status; the session is closed all the same.
      const keep = card.status === 'paid' || card.status === 'partially_refunded' || card.status === 'refunded';
      const next = withCard(pledge, {
        closedSessions: [...card.closedSessions, session.id].slice(-50),
        status: keep && pledge.card ? card.status : status,
      });
      return {
        booking: {
          entries: [],
          project: bookingProject(project),
          pledge: { next: { ...next, version: pledge.version + 1, updatedAt: at }, expectedVersion: pledge.version },
        },
        value: status,
      };
    },
  });
  return out.kind === 'booked' ? out.value : `already_${status}`;
}

async function onCheckout(
  deps: CardDeps,
  cards: CardPayments,
  event: Extract<CardEvent, { sessionId: string }>,
): Promise<{ outcome: string; final: boolean }> {
  // Events arrive in any order and may be stale: the session as the gateway holds it now decides.
  const session = await cards.getSession(event.sessionId);
  if (!session.pledgeId) return { outcome: 'ignored', final: true };
  if (session.paid && session.paymentIntentId) {
    const pi = session.paymentIntentId;
    const out = await bookReceipt(deps.money, {
      pledgeId: session.pledgeId,
      amount: { amount: session.amount, currency: session.currency },
      receivedOn: today(deps.money.clock),
      receiptId: receiptIds.card(pi),
      bankReference: pi,
      source: 'card',
      annotate: (next) => withCard(next, { status: 'paid', paymentIntentId: pi }),
    });
    return { outcome: out.kind, final: true };
  }
  if (session.status === 'expired') return { outcome: await closeSession(deps, session, 'expired'), final: true };
  if (event.kind === 'checkout_failed') return { outcome: await closeSession(deps, session, 'failed'), final: true };
  // Completed but not paid yet (an async method, or the event outran the payment): a later delivery books it.
  return { outcome: 'not_paid', final: false };
}

async function onRefund(deps: CardDeps, event: Extract<CardEvent, { kind: 'refunded' }>): Promise<string> {
  const receipt = await deps.money.money.getReceipt(receiptIds.card(event.paymentIntentId));
  // The refund outran the payment's own event: refuse, so the gateway delivers it again after the payment is booked.
  if (!receipt)
    throw new DomainError('conflict', `the card payment ${event.paymentIntentId} is not booked yet: deliver this event again later`);
  if (receipt.amount.currency !== event.currency)
    throw new DomainError('unprocessable', `the refund is in ${event.currency}, the payment was in ${receipt.amount.currency}`);
  const once = `card-refund:${event.paymentIntentId}:${event.amountRefunded}`;
  const out = await bookFresh(deps.money, {
    pledgeId: receipt.pledgeId,
    decide: (state) =>
      refundDecision({ state, receipt, refundedTotal: event.amountRefunded, once, at: deps.money.clock.now().toISOString() }),
  });
  if (out.kind === 'booked' && deps.money.notices) {
    const pledge = await deps.money.money.getPledge(receipt.pledgeId);
    const amount = { amount: event.amountRefunded, currency: event.currency };
    const { notifier, webOrigin } = deps.money.notices;
    if (pledge) await notifyAfterCommit(notifier, [refundNotice({ pledge, amount, about: `refund-${once}`, webOrigin })]);
  }
  return out.kind === 'booked' ? out.value : 'already_refunded';
}

/**
 * Handles one verified gateway event: a paid checkout books its receipt once (the receipt id is the payment
 * intent's), an expired or failed one leaves the pledge unpaid, a refund books its share back. An event seen
 * before is answered without work; the marker is written only after the event was handled, and only when the
 * outcome is final (a completed-but-unpaid session is looked at again on the next delivery).
 * @example const outcome = await handleCardEvent(deps, await cards.parseEvent(rawBody, signature))
 */
export async function handleCardEvent(deps: CardDeps, event: CardEvent): Promise<string> {
  const cards = deps.cards;
  if (!cards) throw new DomainError('conflict', 'card payments are not configured');
  if (event.kind === 'ignored') return 'ignored';
  if (await deps.processed.has(event.id)) return 'duplicate';
  const { outcome, final } =
    event.kind === 'refunded' ? { outcome: await onRefund(deps, event), final: true } : await onCheckout(deps, cards, event);
  if (final) await deps.processed.mark(event.id);
  return outcome;
}
