import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INSTRUCTIONS_LENGTH, type PaymentDetails, type ReceivingAccount } from '@mekendesh/contracts';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { DEMO_RECEIVING_ACCOUNTS } from '@mekendesh/demo-data';
import { receivingAccountErrors, type Mailer } from '@mekendesh/domain';
import { call, donation, moneyStack, pledge, type MoneyStack } from '../fixtures/money.js';
import { paymentDetailsParser } from '../../web/src/lib/server/payment-details.js';

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(2);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

const PURPOSE = { ky: 'Мекендеш: {reference} убадасы', ru: 'Мекендеш: обещание {reference}', en: 'Mekendesh pledge {reference}' };
const usdBank = {
  kind: 'bank',
  currency: 'USD',
  active: true,
  bankName: 'Test Bank Ala-Too',
  bic: 'TESTKG22',
  accountNumber: '1990 0100 0091 7364',
  beneficiaryName: 'Mekendesh Programme',
  beneficiaryTaxId: '02512202610037',
  correspondent: 'Test Correspondent N.A., SWIFT TESTUS33',
  purposeTemplate: PURPOSE,
};
const kgsBank = { ...usdBank, currency: 'KGS', bic: '199001', accountNumber: '1990010000482731', correspondent: undefined };
const usdKorona = {
  kind: 'money_transfer',
  currency: 'USD',
  active: true,
  company: 'Korona Pay',
  receiverName: 'Asanova Aigul',
  country: 'KG',
  city: { ky: 'Бишкек', ru: 'Бишкек', en: 'Bishkek' },
  instructions: { ky: 'Билдирүүгө {reference} жазыңыз', ru: 'В сообщении укажите {reference}', en: 'Put {reference} in the message' },
};

const accounts = async () =>
  ((await (await call(s.app, s.staff, 'GET', '/staff/receiving-accounts')).json()) as { items: ReceivingAccount[] }).items;
const me = async (token: string) => (await (await call(s.app, token, 'GET', '/me')).json()) as { email: string };
const mailsTo = async (email: string) => (await s.deps.outbox!.latest(100)).filter((m) => m.to === email);

describe('receiving accounts (staff)', () => {
  it('staff add accounts per currency, audited; one active per kind and currency; bad input is a 400 naming the field and changes nothing', async () => {
    const created = await call(s.app, s.staff, 'POST', '/staff/receiving-accounts', usdBank);
    expect(created.status).toBe(201);
    const usd = (await created.json()) as ReceivingAccount;
    expect(usd).toMatchObject({ kind: 'bank', currency: 'USD', accountNumber: '1990010000917364', version: 1 });
    expect((await call(s.app, s.staff, 'POST', '/staff/receiving-accounts', kgsBank)).status).toBe(201);
    expect((await call(s.app, s.staff, 'POST', '/staff/receiving-accounts', usdKorona)).status).toBe(201);

    const before = await accounts();
    const second = await call(s.app, s.staff, 'POST', '/staff/receiving-accounts', { ...usdBank, bankName: 'Another bank' });
    expect(second.status).toBe(409);
    expect(JSON.stringify(await second.json())).toContain('"field":"active"');
    const bad = await call(s.app, s.staff, 'POST', '/staff/receiving-accounts', { ...usdBank, currency: 'EUR', accountNumber: '12345' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.stringify(await bad.json())).toContain('"field":"accountNumber"');
    const noReference = await call(s.app, s.staff, 'POST', '/staff/receiving-accounts', {
      ...usdBank,
      currency: 'EUR',
      purposeTemplate: { ...PURPOSE, ru: 'Пожертвование' },
    });
    expect(JSON.stringify(await noReference.json())).toContain('"field":"purposeTemplate.ru"');
    expect(await accounts()).toEqual(before);

    // Others may not read or change the configuration; nobody is told to sign in first, whatever they sent.
    expect((await call(s.app, s.investors[0], 'POST', '/staff/receiving-accounts', usdBank)).status).toBe(403);
    expect((await call(s.app, undefined, 'POST', '/staff/receiving-accounts', { nonsense: true })).status).toBe(401);
    expect((await call(s.app, s.investors[0], 'GET', '/staff/receiving-accounts')).status).toBe(403);

    // A stale edit is refused; a current one is audited with what changed.
    expect((await call(s.app, s.staff, 'PUT', `/staff/receiving-accounts/${usd.id}?version=9`, usdBank)).status).toBe(409);
    const edited = await call(s.app, s.staff, 'PUT', `/staff/receiving-accounts/${usd.id}?version=1`, {
      ...usdBank,
      bankName: 'Test Bank Ala-Too OJSC',
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ version: 2, bankName: 'Test Bank Ala-Too OJSC' });
    const audit = (await (await call(s.app, s.staff, 'GET', '/audit?limit=20')).json()) as {
      items: { action: string; objectId: string; before: unknown; after: unknown }[];
    };
    const entry = audit.items.find((e) => e.action === 'receiving-account.replace' && e.objectId === usd.id);
    expect(entry).toMatchObject({ before: { bankName: 'Test Bank Ala-Too' }, after: { bankName: 'Test Bank Ala-Too OJSC' } });
    expect(audit.items.filter((e) => e.action === 'receiving-account.create')).toHaveLength(3);
  });

  it('refuses line breaks and bidi controls in an account’s texts: a 400 naming the field, in the caller’s language', async () => {
    const before = await accounts();
    const evil = {
      ...usdBank,
      currency: 'EUR',
      bic: 'DEUTDEFF',
      accountNumber: 'DE89370400440532013000',
      beneficiaryName: 'Evil\nAccount: DE44500105175407324931\u202e',
    };
    const said: Record<string, string> = {};
    for (const lang of ['ky', 'ru', 'en'] as const) {
      const res = await s.app.request('/v1/staff/receiving-accounts', {
        method: 'POST',
        body: JSON.stringify(evil),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.staff}`, 'accept-language': lang },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const body = (await res.json()) as { errors: { field: string; code: string; message: string }[] };
      expect(body.errors).toMatchObject([{ field: 'beneficiaryName', code: 'invalid_format' }]);
      said[lang] = body.errors[0]!.message;
    }
    expect(said.ru).toMatch(/перевод/);
    expect(said.ky).toMatch(/[а-яң]/);
    expect(new Set(Object.values(said)).size).toBe(3);
    const multi = await call(s.app, s.staff, 'POST', '/staff/receiving-accounts', {
      ...usdKorona,
      currency: 'EUR',
      city: { ...usdKorona.city, en: 'Bishkek\u2066' },
      instructions: { ...usdKorona.instructions, ru: 'Строка\nстрока {reference}\u202e' },
    });
    expect(multi.status).toBe(400);
    expect(((await multi.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['city.en', 'instructions.ru']);
    expect(await accounts()).toEqual(before);
  });

  it('moves "the active one" with deactivation and deletion, in the same write', async () => {
    const eur = { ...usdBank, currency: 'EUR', bic: 'DEUTDEFF', accountNumber: 'DE89 3704 0044 0532 0130 00', correspondent: undefined };
    const post = (body: object) => call(s.app, s.staff, 'POST', '/staff/receiving-accounts', body);
    const first = (await (await post(eur)).json()) as ReceivingAccount;
    expect((await post({ ...eur, bankName: 'Second' })).status).toBe(409);
    expect((await call(s.app, s.staff, 'PUT', `/staff/receiving-accounts/${first.id}?version=1`, { ...eur, active: false })).status).toBe(
      200,
    );
    const second = await post({ ...eur, bankName: 'Second' });
    expect(second.status).toBe(201);
    const secondId = ((await second.json()) as ReceivingAccount).id;
    // Reactivating the first clashes with the second until the second is gone.
    expect((await call(s.app, s.staff, 'PUT', `/staff/receiving-accounts/${first.id}?version=2`, eur)).status).toBe(409);
    expect((await call(s.app, s.staff, 'DELETE', `/staff/receiving-accounts/${secondId}?version=1`)).status).toBe(200);
    expect((await call(s.app, s.staff, 'DELETE', `/staff/receiving-accounts/${secondId}?version=1`)).status).toBe(404);
    expect((await call(s.app, s.staff, 'PUT', `/staff/receiving-accounts/${first.id}?version=2`, eur)).status).toBe(200);
    const eurs = (await accounts()).filter((a) => a.currency === 'EUR');
    expect(eurs.map((a) => [a.id, a.active])).toEqual([[first.id, true]]);
    expect((await call(s.app, s.staff, 'DELETE', `/staff/receiving-accounts/${first.id}?version=3`)).status).toBe(200);
  });

  it('the demo accounts keep the rules they are shown with', () => {
    expect(DEMO_RECEIVING_ACCOUNTS.flatMap((a) => receivingAccountErrors(a))).toEqual([]);
    expect(DEMO_RECEIVING_ACCOUNTS.map((a) => `${a.kind} ${a.currency}`)).toEqual(['bank KGS', 'bank USD', 'money_transfer RUB']);
  });
});

describe('paying a pledge by transfer', () => {
  it('an investor who pledges in USD sees the USD account with the reference; nobody else does', async () => {
    const project = await s.project();
    const res = await pledge(s.app, s.investors[0]!, project.id, donation(10_000, 'USD'));
    expect(res.status).toBe(201);
    const p = await res.json();
    const details = await call(s.app, s.investors[0], 'GET', `/pledges/${p.id}/payment-details`);
    expect(details.status).toBe(200);
    const body = (await details.json()) as PaymentDetails;
    expect(body).toMatchObject({
      paymentReference: p.paymentReference,
      amount: { amount: 10_000, currency: 'USD' },
      payBy: project.deadline,
    });
    expect(body.options.map((o) => `${o.account.kind} ${o.account.currency}`)).toEqual(['bank USD', 'money_transfer USD']);
    expect(body.options[0]).toMatchObject({
      account: {
        bankName: 'Test Bank Ala-Too OJSC',
        accountNumber: '1990010000917364',
        beneficiaryName: 'Mekendesh Programme',
        bic: 'TESTKG22',
      },
      purpose: { en: `Mekendesh pledge ${p.paymentReference}` },
      qr: { format: 'text' },
    });
    expect(body.options[0]!.qr.payload).toContain(`Reference: ${p.paymentReference}`);
    // The text QR payload is labelled in the reader's language, the amount as they write money.
    const ru = (await (
      await s.app.request(`/v1/pledges/${p.id}/payment-details`, {
        headers: { authorization: `Bearer ${s.investors[0]}`, 'accept-language': 'ru' },
      })
    ).json()) as PaymentDetails;
    expect(ru.options[0]!.qr.payload.split('\n')).toEqual(
      expect.arrayContaining([
        'MEKENDESH-TRANSFER/1',
        'Получатель: Mekendesh Programme',
        'Сумма: 100,00\u00a0$',
        `Код платежа: ${p.paymentReference}`,
      ]),
    );

    expect((await call(s.app, s.staff, 'GET', `/pledges/${p.id}/payment-details`)).status).toBe(200);
    expect((await call(s.app, s.investors[1], 'GET', `/pledges/${p.id}/payment-details`)).status).toBe(404);
    const anonymous = await call(s.app, undefined, 'GET', `/pledges/${p.id}/payment-details`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
  });

  it('shows a money-transfer account with instructions of the maximum length beside the bank account, as the web reads them', async () => {
    const longest = `${'я'.repeat(MAX_INSTRUCTIONS_LENGTH - 12)}{reference}`;
    const rubBank = { ...kgsBank, currency: 'RUB' };
    const rubKorona = { ...usdKorona, currency: 'RUB', instructions: { ky: longest, ru: longest, en: longest } };
    expect((await call(s.app, s.staff, 'POST', '/staff/receiving-accounts', rubBank)).status).toBe(201);
    // One character more would be 1001 with the reference in place: refused when written, naming the field.
    const tooLong = await call(s.app, s.staff, 'POST', '/staff/receiving-accounts', {
      ...rubKorona,
      instructions: { ...rubKorona.instructions, en: `a${longest}` },
    });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(await tooLong.json())).toContain('"field":"instructions.en"');
    expect((await call(s.app, s.staff, 'POST', '/staff/receiving-accounts', rubKorona)).status).toBe(201);

    const project = await s.project();
    const p = await (await pledge(s.app, s.investors[0]!, project.id, donation(500_000, 'RUB'))).json();
    const body = await (await call(s.app, s.investors[0], 'GET', `/pledges/${p.id}/payment-details`)).json();
    const logged: string[] = [];
    const read = paymentDetailsParser((m) => logged.push(m)).safeParse(body);
    expect(logged).toEqual([]);
    expect(read.success && read.data.options.map((o) => `${o.account.kind} ${o.purpose.ru.length}`)).toEqual([
      `bank ${`Мекендеш: обещание ${p.paymentReference}`.length}`,
      `money_transfer ${MAX_INSTRUCTIONS_LENGTH}`,
    ]);
    for (const a of (await accounts()).filter((x) => x.currency === 'RUB')) {
      expect((await call(s.app, s.staff, 'DELETE', `/staff/receiving-accounts/${a.id}?version=${a.version}`)).status).toBe(200);
    }
  });

  it('says so when no account takes the currency, and whom to ask', async () => {
    const project = await s.project();
    const p = await (await pledge(s.app, s.investors[1]!, project.id, donation(500_000, 'KZT'))).json();
    const body = (await (await call(s.app, s.investors[1], 'GET', `/pledges/${p.id}/payment-details`)).json()) as PaymentDetails;
    expect(body.options).toEqual([]);
    expect(body.office.email).toContain('@');
    const [mail] = await mailsTo((await me(s.investors[1]!)).email);
    expect(mail!.text).toContain(`The programme has no account for KZT yet. Write to the programme office at ${body.office.email}`);
  });

  it('emails the investor once, in their language, however often the pledge request is retried', async () => {
    const token = s.investors[0]!;
    expect((await call(s.app, token, 'PUT', '/me/profile', { displayName: 'Айбек', locale: 'ru' })).status).toBe(200);
    const email = (await me(token)).email;
    const project = await s.project();
    const key = randomUUID();
    const first = await pledge(s.app, token, project.id, donation(10_000, 'USD'), key);
    expect(first.status).toBe(201);
    const p = await first.json();
    const retries = await Promise.all([1, 2, 3].map(() => pledge(s.app, token, project.id, donation(10_000, 'USD'), key)));
    expect(retries.map((r) => r.status)).toEqual([200, 200, 200]);

    const mails = (await mailsTo(email)).filter((m) => m.text.includes(p.paymentReference));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Мекендеш: взнос ${p.paymentReference} записан`);
    expect(mails[0]!.text).toContain('Здравствуйте, Айбек!');
    expect(mails[0]!.text).toContain('Сумма: 100,00\u00a0$');
    expect(mails[0]!.text).toContain('Счёт: 1990010000917364');
    expect(mails[0]!.text).toContain(`Назначение платежа: Мекендеш: обещание ${p.paymentReference}`);
    const day = new Intl.DateTimeFormat('ru', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${project.deadline}T00:00:00Z`));
    expect(day).toMatch(/^\d{1,2} [а-я]+ \d{4} г\.$/);
    expect(mails[0]!.text).toContain(`Оплатите до ${day} включительно`);
  });

  it('sends the email on a retry when the first send failed, and still once', async () => {
    let failures = 1;
    const flaky: Mailer = {
      send: async (m) => {
        if (failures-- > 0) throw new Error('mail service down');
        await s.deps.outbox!.send(m);
      },
    };
    const app = createApp(composeWithDb(s.db, { identity: s.deps.accounts.identity, verifier: s.deps.verifier, mailer: flaky }));
    const token = s.investors[1]!;
    const email = (await me(token)).email;
    const project = await s.project();
    const key = randomUUID();
    const first = await pledge(app, token, project.id, donation(20_000, 'USD'), key);
    expect(first.status).toBe(201); // the pledge stands though its email could not be sent
    const p = await first.json();
    const mine = async () => (await mailsTo(email)).filter((m) => m.text.includes(p.paymentReference));
    expect(await mine()).toHaveLength(0);
    expect((await pledge(app, token, project.id, donation(20_000, 'USD'), key)).status).toBe(200);
    expect((await pledge(app, token, project.id, donation(20_000, 'USD'), key)).status).toBe(200);
    expect(await mine()).toHaveLength(1);
  });
});
