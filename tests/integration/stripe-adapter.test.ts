import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookSignatureError } from '@mekendesh/domain';
import { StripePayments } from '@mekendesh/payments';
import { startFakeStripe, stripeEvent, type FakeStripe } from '../fixtures/fake-stripe.js';

let fake: FakeStripe;
let payments: StripePayments;

beforeAll(async () => {
  fake = await startFakeStripe();
  payments = new StripePayments({
    secretKey: 'sk_test_fake',
    webhookSecret: 'whsec_test_secret',
    host: '127.0.0.1',
    port: fake.port,
    protocol: 'http',
  });
});
afterAll(() => fake.close());

describe('Stripe adapter with the real SDK', () => {
  const checkout = (pledgeId: string) =>
    payments.startCheckout({
      pledgeId,
      amount: 250_00,
      currency: 'USD',
      description: 'School roof',
      successUrl: 'http://x/ok',
      cancelUrl: 'http://x/no',
      locale: 'ru',
    });

  it('opens one Checkout session per pledge, however often it is asked', async () => {
    const a = await checkout('pl-1');
    const b = await checkout('pl-1');
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ status: 'open', paid: false, amount: 25_000, currency: 'USD', pledgeId: 'pl-1' });
    expect(fake.requests.filter((r) => r.path === '/v1/checkout/sessions').map((r) => r.idempotencyKey)).toEqual([
      'checkout-pl-1',
      'checkout-pl-1',
    ]);
  });

  it('re-reads a session as the truth after payment', async () => {
    const s = await checkout('pl-2');
    fake.complete(s.id);
    expect(await payments.getSession(s.id)).toMatchObject({
      status: 'complete',
      paid: true,
      paymentIntentId: expect.stringMatching(/^pi_test_/),
    });
  });

  it('accepts a signed event and maps it', async () => {
    const body = stripeEvent('checkout.session.completed', { id: 'cs_test_x', object: 'checkout.session' });
    expect(await payments.parseEvent(body, payments.signForTest(body))).toMatchObject({
      kind: 'checkout_completed',
      sessionId: 'cs_test_x',
    });
    const other = stripeEvent('customer.created', { id: 'cus_1' });
    expect((await payments.parseEvent(other, payments.signForTest(other))).kind).toBe('ignored');
  });

  it('refuses a tampered body, a missing signature and a signature older than 5 minutes', async () => {
    const body = stripeEvent('checkout.session.completed', { id: 'cs_test_y', object: 'checkout.session' });
    const signature = payments.signForTest(body);
    await expect(payments.parseEvent(body.replace('cs_test_y', 'cs_test_z'), signature)).rejects.toBeInstanceOf(WebhookSignatureError);
    await expect(payments.parseEvent(body, undefined)).rejects.toBeInstanceOf(WebhookSignatureError);
    const old = payments.signForTest(body, Math.floor(Date.now() / 1000) - 301);
    await expect(payments.parseEvent(body, old)).rejects.toBeInstanceOf(WebhookSignatureError);
  });
});
