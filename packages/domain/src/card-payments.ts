import type { Currency } from '@mekendesh/contracts';

/** A card checkout as the platform needs it, whoever runs it (Stripe in test or live mode). */
export interface CheckoutSession {
  id: string;
  url: string | null;
  status: 'open' | 'complete' | 'expired';
  paid: boolean;
  /** Minor units and currency actually charged. */
  amount: number;
  currency: Currency;
  pledgeId: string | null;
  paymentIntentId: string | null;
}

export type CardEvent =
  | { id: string; kind: 'checkout_completed' | 'checkout_expired' | 'checkout_failed'; sessionId: string }
  | { id: string; kind: 'refunded'; paymentIntentId: string; amountRefunded: number; currency: Currency }
  | { id: string; kind: 'ignored'; type: string };

export class WebhookSignatureError extends Error {}

/** The port the pledge use cases call; packages/payments implements it with the Stripe SDK. */
export interface CardPayments {
  /** Currencies the gateway can charge in; others pay by transfer. */
  readonly currencies: readonly Currency[];
  startCheckout(input: {
    pledgeId: string;
    amount: number;
    currency: Currency;
    description: string;
    successUrl: string;
    cancelUrl: string;
    locale: 'ru' | 'en' | 'auto';
    /** Distinguishes a later checkout of the same pledge (after one expired); absent for the first. */
    attempt?: string;
  }): Promise<CheckoutSession>;
  /** Re-reads the session from the gateway: events may arrive in any order, the session is the truth. */
  getSession(id: string): Promise<CheckoutSession>;
  /** Verifies the signature on the raw body (300 s tolerance) and maps the event; throws WebhookSignatureError. */
  parseEvent(rawBody: string, signature: string | undefined): Promise<CardEvent>;
}
