import { createRoute, z } from '@hono/zod-openapi';
import { CheckoutRequestSchema, CheckoutSchema, PaymentOptionsSchema, WebhookAckSchema } from '@mekendesh/contracts';
import { handleCardEvent, paymentOptions, startCardCheckout } from '@mekendesh/domain/card-checkout';
import { WebhookSignatureError } from '@mekendesh/domain/card-payments';
import type { Deps } from '../composition.js';
import { log } from '../middleware/logger.js';
import { problem } from '../middleware/problem.js';
import { maxBody, STRIPE_EVENT_BODY_LIMIT } from '../middleware/body.js';
import { bearer, IdParams, json, jsonBody, problemContent, problems, resource } from './shared.js';

const checkout = createRoute({
  method: 'post',
  path: '/{id}/checkout',
  tags: ['pledges'],
  security: bearer,
  summary: 'Open a card checkout for what is still due on your card pledge; redirect to the returned url',
  description: 'One checkout per pledge: asking again returns the same open checkout. RUB and transfer pledges pay by transfer (409/422).',
  request: { params: IdParams, body: jsonBody(CheckoutRequestSchema) },
  responses: {
    200: json(CheckoutSchema, 'Where the investor pays'),
    ...problems(400, 401, 404, 409),
    422: { description: 'The currency cannot be paid by card', content: problemContent },
  },
});

const options = createRoute({
  method: 'get',
  path: '/options',
  tags: ['pledges'],
  summary: 'How pledges can be paid here: whether card payments are on, in which currencies, and why not',
  responses: { 200: json(PaymentOptionsSchema, 'Payment options') },
});

const webhook = createRoute({
  method: 'post',
  path: '/stripe',
  tags: ['pledges'],
  ...maxBody(STRIPE_EVENT_BODY_LIMIT),
  summary: 'Stripe events (the Stripe-Signature header is the authentication)',
  description: 'Verified on the raw body with a 5-minute tolerance; events already handled and unknown event types are answered 200.',
  request: { headers: z.object({ 'stripe-signature': z.string().max(2048).optional() }) },
  responses: {
    200: json(WebhookAckSchema, 'Handled, already handled, or ignored'),
    400: { description: 'Missing, invalid or outdated signature: nothing is booked', content: problemContent },
    409: { description: 'Cannot be handled yet (a refund before its payment): Stripe delivers it again', content: problemContent },
    503: { description: 'Card payments are not configured', content: problemContent },
  },
});

/** Paying a card pledge, mounted at /pledges. */
export function cardCheckoutRoutes(deps: Deps) {
  return resource().openapi(checkout, async (c) => {
    c.header('cache-control', 'private, no-store');
    const out = await startCardCheckout(deps.card, c.var.actor, { pledgeId: c.req.valid('param').id, locale: c.req.valid('json').locale });
    return c.json(out, 200);
  });
}

/** How pledges can be paid, mounted at /payments. */
export function paymentOptionRoutes(deps: Deps) {
  return resource().openapi(options, (c) => {
    c.header('cache-control', 'public, max-age=60');
    return c.json(paymentOptions(deps.card), 200);
  });
}

/** Stripe's events, mounted at /webhooks. */
export function stripeWebhookRoutes(deps: Deps) {
  return resource().openapi(webhook, async (c) => {
    // The signature covers the exact bytes Stripe sent: read them before anything parses the body.
    const raw = await c.req.text();
    const cards = deps.card.cards;
    if (!cards) return problem(c, 'unavailable', { detail: 'card payments are not configured' }) as never;
    let event;
    try {
      event = await cards.parseEvent(raw, c.req.header('stripe-signature'));
    } catch (e) {
      if (!(e instanceof WebhookSignatureError)) throw e;
      log('warn', 'stripe webhook refused', { reason: e.message });
      return problem(c, 'validation', { detail: `the Stripe signature does not verify: ${e.message}` }) as never;
    }
    const outcome = await handleCardEvent(deps.card, event);
    log('info', 'stripe webhook', { event: event.id, kind: event.kind, outcome });
    return c.json({ received: true as const, outcome }, 200);
  });
}
