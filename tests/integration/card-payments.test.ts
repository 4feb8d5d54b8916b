import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StripePayments } from '@mekendesh/payments';
import { CARD_MESSAGES } from '../../packages/domain/src/card-messages.js';
import { startFakeStripe, stripeEvent, type FakeStripe } from '../fixtures/fake-stripe.js';
import { call, donation, moneyStack, pledge, programmeBody, type MoneyStack } from '../fixtures/money.js';

/**
 * The card path end to end: the real app on DynamoDB Local and cognito-local, the real Stripe SDK talking to a
 * fake Stripe, webhooks signed as Stripe signs them. 100.00 USD is 874 500 tyiyn at the demo rate (87.4500), and a
 * 1:1 programme matches every som.
 */
let fake: FakeStripe;
let stripe: StripePayments;
let s: MoneyStack;

beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = new StripePayments({
    secretKey: 'sk_test_fake',
    webhookSecret: 'whsec_card_tests',
    host: '127.0.0.1',
    port: fake.port,
    protocol: 'http',
  });
  s = await moneyStack(2, { cards: stripe });
  expect((await call(s.app, s.staff, 'POST', '/programmes', programmeBody())).status).toBe(201);
}, 120_000);
afterAll(async () => {
  await s.drop();
  await fake.close();
});
afterEach(() => s.balanced());

const investor = () => s.investors[0]!;

async function cardPledge(amount = 10_000, currency = 'USD') {
  const project = await s.project();
  const res = await pledge(s.app, investor(), project.id, donation(amount, currency as 'USD', { channel: 'card' }));
  expect(res.status).toBe(201);
  return { project, pledge: (await res.json()) as { id: string; amountKgs: number } };
}

/**
 * A card pledge in RUB, which cards do not take: the API refuses to make one now (409 naming `channel`), so it is
 * made as if cards had taken RUB that day (a gateway can drop a currency after pledging) and checkout must refuse it.
 */
async function rubCardPledgeFromBefore() {
  const pledging = s.deps.money.pledging;
  s.deps.money.pledging = { ...pledging, cardCurrencies: [...pledging.cardCurrencies, 'RUB'] };
  try {
    return await cardPledge(1_000_000, 'RUB');
  } finally {
    s.deps.money.pledging = pledging;
  }
}

async function checkout(pledgeId: string, token = investor(), locale = 'ky') {
  return call(s.app, token, 'POST', `/pledges/${pledgeId}/checkout`, { locale });
}

/** Opens a checkout and returns the fake's session id. */
async function sessionFor(pledgeId: string): Promise<string> {
  const res = await checkout(pledgeId);
  expect(res.status).toBe(200);
  const { url } = await res.json();
  return /\/pay\/(cs_test_\w+)$/.exec(url)![1]!;
}

function deliver(body: string, signature: string | null = stripe.signForTest(body)) {
  return s.app.request('/v1/webhooks/stripe', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'stripe-signature': signature }) },
  });
}

async function outcome(body: string) {
  const res = await deliver(body);
  expect(res.status).toBe(200);
  return ((await res.json()) as { outcome: string }).outcome;
}

const completed = (sessionId: string) => stripeEvent('checkout.session.completed', { id: sessionId, object: 'checkout.session' });
const expiredEvent = (sessionId: string) => stripeEvent('checkout.session.expired', { id: sessionId, object: 'checkout.session' });
const refunded = (paymentIntent: string, amountRefunded: number) =>
  stripeEvent('charge.refunded', {
    id: `ch_${paymentIntent}`,
    object: 'charge',
    payment_intent: paymentIntent,
    amount_refunded: amountRefunded,
    currency: 'usd',
  });

const myPledge = async (id: string) => (await call(s.app, investor(), 'GET', `/pledges/${id}`)).json();
const funding = async (projectId: string) => (await call(s.app, undefined, 'GET', `/projects/${projectId}/funding`)).json();

/** A card pledge of 100.00 USD, paid and booked. */
async function paidPledge() {
  const made = await cardPledge();
  const sessionId = await sessionFor(made.pledge.id);
  const session = fake.complete(sessionId);
  expect(await outcome(completed(sessionId))).toBe('booked');
  return { ...made, sessionId, paymentIntent: session.payment_intent! };
}

describe('paying a pledge by card', () => {
  it('opens a Stripe Checkout for the investor’s own card pledge, once per pledge', async () => {
    const { pledge: p } = await cardPledge();
    const first = await checkout(p.id);
    expect(first.status).toBe(200);
    const { url } = await first.json();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${fake.port}/pay/cs_test_`));
    const session = [...fake.sessions.values()].find((x) => x.client_reference_id === p.id)!;
    expect(session).toMatchObject({
      amount_total: 10_000,
      currency: 'usd',
      success_url: `http://localhost:5173/ky/pledges/${p.id}?paid=1`,
      cancel_url: `http://localhost:5173/ky/pledges/${p.id}?cancelled=1`,
    });
    expect((await (await checkout(p.id)).json()).url).toBe(url);
    // Someone else's pledge does not exist for them; staff book transfers and do not pay.
    expect((await checkout(p.id, s.investors[1])).status).toBe(404);
    expect((await checkout(p.id, s.staff)).status).toBe(404);
    expect((await call(s.app, undefined, 'GET', '/payments/options')).status).toBe(200);
    expect(await (await call(s.app, undefined, 'GET', '/payments/options')).json()).toEqual({
      cardPayments: { enabled: true, currencies: ['KGS', 'USD', 'EUR', 'KZT'] },
    });
  });

  it('refuses a card pledge in a currency cards do not take, naming channel, and writes nothing', async () => {
    const project = await s.project();
    const res = await s.app.request(`/v1/projects/${project.id}/pledges`, {
      method: 'POST',
      body: JSON.stringify(donation(1_000_000, 'RUB', { channel: 'card' })),
      headers: {
        'content-type': 'application/json',
        'accept-language': 'ru',
        authorization: `Bearer ${investor()}`,
        'idempotency-key': 'rub-by-card-01',
      },
    });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.errors).toEqual([
      { field: 'channel', code: 'invalid', message: CARD_MESSAGES.currencyNotByCard('RUB', ['KGS', 'USD', 'EUR', 'KZT']).ru },
    ]);
    expect((await (await call(s.app, undefined, 'GET', `/projects/${project.id}/funding`)).json()).pledged).toBe(0);
  });

  it('sends RUB and transfer pledges to the transfer instructions', async () => {
    const rub = await rubCardPledgeFromBefore();
    const refused = await checkout(rub.pledge.id);
    expect(refused.status).toBe(422);
    expect((await refused.json()).detail).toMatch(/RUB cannot be paid by card/);
    const project = await s.project();
    const transfer = await (await pledge(s.app, investor(), project.id, donation(10_000, 'USD'))).json();
    expect((await checkout(transfer.id)).status).toBe(409);
  });

  it('says why a pledge cannot be paid by card in the reader’s language (the pledge page shows it as said)', async () => {
    const said = async (pledgeId: string, lang: string) => {
      const res = await s.app.request(`/v1/pledges/${pledgeId}/checkout`, {
        method: 'POST',
        body: JSON.stringify({ locale: lang }),
        headers: { 'content-type': 'application/json', 'accept-language': lang, authorization: `Bearer ${investor()}` },
      });
      return { status: res.status, ...((await res.json()) as { title: string; detail?: string }) };
    };
    const rub = await rubCardPledgeFromBefore();
    const transfer = await (await pledge(s.app, investor(), (await s.project()).id, donation(10_000, 'USD'))).json();
    const refusals = [
      { id: rub.pledge.id, status: 422, text: CARD_MESSAGES.currencyNotByCard('RUB', ['KGS', 'USD', 'EUR', 'KZT']) },
      { id: transfer.id, status: 409, text: CARD_MESSAGES.paidByTransfer },
    ];
    for (const { id, status, text } of refusals) {
      for (const lang of ['ky', 'ru', 'en'] as const)
        expect(await said(id, lang), `${id} ${lang}`).toMatchObject({ status, detail: text[lang] });
    }
    expect((await said(rub.pledge.id, 'ru')).detail).toBe(
      'Взнос в RUB нельзя оплатить картой (картой — только KGS, USD, EUR, KZT): оплатите его переводом.',
    );
    // Someone else's pledge: a title in the reader's language and no English detail.
    const other = await s.app.request(`/v1/pledges/${rub.pledge.id}/checkout`, {
      method: 'POST',
      body: JSON.stringify({ locale: 'ky' }),
      headers: { 'content-type': 'application/json', 'accept-language': 'ky', authorization: `Bearer ${s.investors[1]}` },
    });
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ title: 'Табылган жок' });
    expect(
      await (
        await s.app.request(`/v1/pledges/${rub.pledge.id}/checkout`, {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json', 'accept-language': 'ru', authorization: `Bearer ${s.investors[1]}` },
        })
      ).json(),
    ).not.toHaveProperty('detail');
  });

  it('books a signed checkout.session.completed delivered 5 times in parallel once, with its match', async () => {
    const { project, pledge: p } = await cardPledge();
    const sessionId = await sessionFor(p.id);
    fake.complete(sessionId);
    const body = completed(sessionId);
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => outcome(body)));
    expect(outcomes.filter((o) => o === 'booked')).toHaveLength(1);
    expect(outcomes.every((o) => ['booked', 'already_booked', 'duplicate'].includes(o))).toBe(true);
    expect(await outcome(body)).toBe('duplicate');
    expect(await myPledge(p.id)).toMatchObject({
      status: 'received',
      received: { amount: 10_000, currency: 'USD' },
      receivedKgs: 874_500,
      matchedKgs: 874_500,
      receipts: 1,
      card: { status: 'paid' },
    });
    expect(await funding(project.id)).toMatchObject({ pledged: 874_500, raised: 874_500, matched: 874_500 });
    // Paid: there is nothing left to check out.
    expect((await checkout(p.id)).status).toBe(409);
  });

  it('is right whatever order events arrive in', async () => {
    const { project, pledge: p } = await cardPledge();
    const sessionId = await sessionFor(p.id);
    // The completed event outruns the payment: the session, re-read, is not paid, so nothing is booked...
    const body = completed(sessionId);
    expect(await outcome(body)).toBe('not_paid');
    expect(await myPledge(p.id)).toMatchObject({ status: 'pledged', receivedKgs: 0 });
    // ...and the same event delivered again once it is paid books it.
    fake.complete(sessionId);
    expect(await outcome(body)).toBe('booked');
    // An expired event arriving late changes nothing: the session says it was paid.
    expect(await outcome(expiredEvent(sessionId))).toBe('already_booked');
    expect(await myPledge(p.id)).toMatchObject({ status: 'received', receivedKgs: 874_500, card: { status: 'paid' } });
    expect(await funding(project.id)).toMatchObject({ raised: 874_500 });
  });

  it('refuses a tampered body, a missing signature and one older than 5 minutes with 400, booking nothing', async () => {
    const { project, pledge: p } = await cardPledge();
    const sessionId = await sessionFor(p.id);
    fake.complete(sessionId);
    const body = completed(sessionId);
    const tampered = await deliver(body.replace('"livemode":false', '"livemode":true'), stripe.signForTest(body));
    const old = await deliver(body, stripe.signForTest(body, Math.floor(Date.now() / 1000) - 301));
    const missing = await deliver(body, null);
    for (const res of [tampered, old, missing]) {
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(await myPledge(p.id)).toMatchObject({ status: 'pledged', receivedKgs: 0, receipts: 0 });
    expect(await funding(project.id)).toMatchObject({ raised: 0, matched: 0 });
    // The genuine delivery still books: refusals left no marker behind.
    expect(await outcome(body)).toBe('booked');
  });

  it('leaves the pledge unpaid when the checkout expires, and opens a new one next time', async () => {
    const { project, pledge: p } = await cardPledge();
    const sessionId = await sessionFor(p.id);
    fake.expire(sessionId);
    const body = expiredEvent(sessionId);
    expect(await outcome(body)).toBe('expired');
    expect(await outcome(expiredEvent(sessionId))).toBe('already_expired');
    expect(await myPledge(p.id)).toMatchObject({
      status: 'pledged',
      receivedKgs: 0,
      card: { status: 'expired', closedSessions: [sessionId] },
    });
    expect(await funding(project.id)).toMatchObject({ pledged: 874_500, raised: 0 });
    const next = await sessionFor(p.id);
    expect(next).not.toBe(sessionId);
  });

  it('reopens a checkout that expired before its event arrived', async () => {
    const { pledge: p } = await cardPledge();
    const sessionId = await sessionFor(p.id);
    fake.expire(sessionId);
    const next = await sessionFor(p.id);
    expect(next).not.toBe(sessionId);
    expect(await myPledge(p.id)).toMatchObject({ status: 'pledged', card: { closedSessions: [sessionId] } });
  });
});

describe('card refunds', () => {
  it('takes a partial refund out of raised and gives the same share of the match back, once', async () => {
    const { project, pledge: p, paymentIntent } = await paidPledge();
    const body = refunded(paymentIntent, 3_000);
    expect(await outcome(body)).toBe('refunded');
    expect(await outcome(body)).toBe('duplicate');
    // The same cumulative amount in another event (Stripe sends charge.refund.updated too) books nothing more.
    expect(await outcome(refunded(paymentIntent, 3_000))).toBe('already_refunded');
    // 30% of 874 500 tyiyn is 262 350, of the receipt and of its match.
    expect(await myPledge(p.id)).toMatchObject({
      status: 'partially_received',
      received: { amount: 7_000 },
      receivedKgs: 612_150,
      matchedKgs: 612_150,
      card: { status: 'partially_refunded', refunded: 3_000 },
    });
    expect(await funding(project.id)).toMatchObject({ pledged: 874_500, raised: 612_150, matched: 612_150 });
  });

  it('refunds in full: the pledge is refunded, raised and matched go back to zero, parallel deliveries book once', async () => {
    const { project, pledge: p, paymentIntent } = await paidPledge();
    expect(await outcome(refunded(paymentIntent, 3_333))).toBe('refunded');
    const full = await Promise.all(Array.from({ length: 5 }, () => outcome(refunded(paymentIntent, 10_000))));
    expect(full.filter((o) => o === 'refunded')).toHaveLength(1);
    // A late partial event (lower cumulative amount) changes nothing.
    expect(await outcome(refunded(paymentIntent, 3_333))).toBe('already_refunded');
    expect(await myPledge(p.id)).toMatchObject({
      status: 'refunded',
      receivedKgs: 0,
      matchedKgs: 0,
      received: { amount: 0 },
      card: { status: 'refunded', refunded: 10_000 },
    });
    expect(await funding(project.id)).toMatchObject({ pledged: 0, raised: 0, matched: 0 });
  });

  it('asks Stripe to deliver a refund again when it outruns the payment it refunds', async () => {
    const res = await deliver(refunded('pi_test_unknown', 1_000));
    expect(res.status).toBe(409);
    expect(await outcome(stripeEvent('customer.created', { id: 'cus_1', object: 'customer' }))).toBe('ignored');
  });
});
