import { createHmac } from 'node:crypto';
import type Stripe from 'stripe';
import type { Currency } from '@mekendesh/contracts';
import { UnavailableError } from '@mekendesh/domain/errors';
import { WebhookSignatureError, type CardEvent, type CardPayments, type CheckoutSession } from '@mekendesh/domain/card-payments';

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  /** Tests point the SDK at a fake server of their own; unset in real use. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Milliseconds per attempt and retries after the first; defaults: STRIPE_TIMEOUTS. */
  timeouts?: Partial<typeof STRIPE_TIMEOUTS>;
}

/**
 * The budget of one Stripe call on a request path: a slow or failing Stripe answers the investor within about
 * 2 × 6 s (inside API Gateway's 29 s) with a 503 in their language, and the pledge stays as it was. Retries are
 * safe: every session create carries an idempotency key. Source: issue 9 fault injection; Stripe's own advice to
 * retry with idempotency keys (stripe-node `maxNetworkRetries`).
 */
export const STRIPE_TIMEOUTS = { timeoutMs: 6_000, maxNetworkRetries: 1 };

/**
 * Stripe not answering (connection refused or reset, timed out) or answering 5xx or 429 after the SDK's own retries
 * becomes UnavailableError('payments'), the API's 503 with Retry-After; Stripe's refusals of the request itself
 * (4xx: card, parameters, keys) stay what they are.
 */
function unavailableOr(e: unknown): unknown {
  const err = e as { type?: string; statusCode?: number; message?: string };
  const down =
    err?.type === 'StripeConnectionError' ||
    err?.type === 'StripeAPIError' ||
    err?.type === 'StripeRateLimitError' ||
    (err?.statusCode ?? 0) >= 500;
  return down
    ? new UnavailableError('payments', `Stripe did not answer: ${err.type ?? 'error'} ${err.message ?? ''}`.trim(), {
        cause: e,
        retryAfterSeconds: 60,
      })
    : e;
}

// Stripe charges KGS, USD, EUR and KZT; it does not settle RUB for this account type, so RUB pledges pay by transfer.
const CARD_CURRENCIES: readonly Currency[] = ['KGS', 'USD', 'EUR', 'KZT'];
const TOLERANCE_SECONDS = 300;

function toSession(s: Stripe.Checkout.Session): CheckoutSession {
  return {
    id: s.id,
    url: s.url,
    status: (s.status ?? 'open') as CheckoutSession['status'],
    paid: s.payment_status === 'paid',
    amount: s.amount_total ?? 0,
    currency: (s.currency ?? 'usd').toUpperCase() as Currency,
    pledgeId: s.client_reference_id ?? s.metadata?.pledgeId ?? null,
    paymentIntentId: typeof s.payment_intent === 'string' ? s.payment_intent : (s.payment_intent?.id ?? null),
  };
}

/** Card payments through Stripe Checkout, with the real SDK. */
export class StripePayments implements CardPayments {
  readonly currencies = CARD_CURRENCIES;
  private client: Promise<Stripe> | undefined;

  constructor(private readonly config: StripeConfig) {}

  /**
   * The SDK, imported and configured on first use: a cold start (or an instance) that takes no card payment never
   * loads Stripe's ~240 KB (issue 14). A failed import is forgotten, so the next call tries again.
   */
  private stripe(): Promise<Stripe> {
    this.client ??= import('stripe').then(
      ({ default: StripeSdk }) => {
        const t = { ...STRIPE_TIMEOUTS, ...this.config.timeouts };
        return new StripeSdk(this.config.secretKey, {
          maxNetworkRetries: t.maxNetworkRetries,
          timeout: t.timeoutMs,
          ...(this.config.host ? { host: this.config.host, port: this.config.port, protocol: this.config.protocol ?? 'http' } : {}),
        });
      },
      (e: unknown) => {
        this.client = undefined;
        throw e;
      },
    );
    return this.client;
  }

  async startCheckout(input: Parameters<CardPayments['startCheckout']>[0]): Promise<CheckoutSession> {
    const session = await (
      await this.stripe()
    ).checkout.sessions
      .create(
        {
          mode: 'payment',
          client_reference_id: input.pledgeId,
          metadata: { pledgeId: input.pledgeId },
          payment_intent_data: { metadata: { pledgeId: input.pledgeId } },
          line_items: [
            {
              quantity: 1,
              price_data: { currency: input.currency.toLowerCase(), unit_amount: input.amount, product_data: { name: input.description } },
            },
          ],
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          locale: input.locale,
        },
        // One pledge, one session, however often the investor presses the button.
        { idempotencyKey: `checkout-${input.pledgeId}${input.attempt ? `-${input.attempt}` : ''}` },
      )
      .catch((e: unknown) => {
        throw unavailableOr(e);
      });
    return toSession(session);
  }

  async getSession(id: string): Promise<CheckoutSession> {
    return toSession(
      await (await this.stripe()).checkout.sessions.retrieve(id).catch((e: unknown) => {
        throw unavailableOr(e);
      }),
    );
  }

  async parseEvent(rawBody: string, signature: string | undefined): Promise<CardEvent> {
    if (!signature) throw new WebhookSignatureError('no Stripe-Signature header');
    const stripe = await this.stripe();
    let event: Stripe.Event;
    try {
      event = await stripe.webhooks.constructEventAsync(rawBody, signature, this.config.webhookSecret, TOLERANCE_SECONDS);
    } catch (e) {
      throw new WebhookSignatureError((e as Error).message);
    }
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded':
        return { id: event.id, kind: 'checkout_completed', sessionId: event.data.object.id };
      case 'checkout.session.expired':
        return { id: event.id, kind: 'checkout_expired', sessionId: event.data.object.id };
      case 'checkout.session.async_payment_failed':
        return { id: event.id, kind: 'checkout_failed', sessionId: event.data.object.id };
      case 'charge.refunded': {
        const charge = event.data.object;
        const paymentIntentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : (charge.payment_intent?.id ?? '');
        return {
          id: event.id,
          kind: 'refunded',
          paymentIntentId,
          amountRefunded: charge.amount_refunded,
          currency: charge.currency.toUpperCase() as Currency,
        };
      }
      default:
        return { id: event.id, kind: 'ignored', type: event.type };
    }
  }

  /**
   * Signs a payload the way Stripe does (`Stripe-Signature: t=<unix seconds>,v1=<HMAC-SHA256 hex of "t.payload">`, Stripe
   * docs "Verify webhook signatures manually"), without loading the SDK; tests use it to deliver webhooks offline.
   */
  signForTest(payload: string, timestamp: number = Math.floor(Date.now() / 1000)): string {
    const v1 = createHmac('sha256', this.config.webhookSecret).update(`${timestamp}.${payload}`).digest('hex');
    return `t=${timestamp},v1=${v1}`;
  }
}
