import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { authStack, codeFor, newInvestor, PASSWORD, post, signInToken, uniqueEmail, type AuthStack } from '../fixtures/auth-stack.js';

// Each story here waits for codes cognito-local emails (up to 30 s apiece when the machine is loaded); a
// sign-up and a reset code together can outlast the default 30 s for one test.
vi.setConfig({ testTimeout: 90_000 });

let s: AuthStack;
beforeAll(async () => {
  s = await authStack();
});
afterAll(() => s.drop());

async function itemCount(db: AuthStack['db']) {
  // A bounded check of what a refused request wrote: the user partitions this test knows about.
  const out = await db.doc.send(
    new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'AUDIT' } }),
  );
  return out.Count ?? 0;
}

describe('accounts on cognito-local', () => {
  it('signs up, confirms with the emailed code, signs in and reads its account', async () => {
    const email = await newInvestor(s.app, 'story');
    const token = await signInToken(s.app, email);
    const me = await (await s.app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } })).json();
    expect(me).toMatchObject({ email, roles: ['investor'], organisationId: null, profile: { displayName: 'Test story', locale: 'en' } });
  });

  it('gives the same answer whether or not the email has an account', async () => {
    const email = await newInvestor(s.app, 'twice');
    const again = await post(s.app, '/auth/sign-up', { email, password: PASSWORD, displayName: 'Someone', locale: 'ru' });
    const fresh = await post(s.app, '/auth/sign-up', {
      email: uniqueEmail('fresh'),
      password: PASSWORD,
      displayName: 'Someone',
      locale: 'ru',
    });
    expect([again.status, fresh.status]).toEqual([200, 200]);
    expect(await again.json()).toEqual(await fresh.json());
    const forgotKnown = await post(s.app, '/auth/forgot-password', { email });
    const forgotUnknown = await post(s.app, '/auth/forgot-password', { email: uniqueEmail('nobody') });
    expect(await forgotKnown.json()).toEqual(await forgotUnknown.json());
    // The owner of the address hears about the attempt, in the language of the request.
    const outbox = await s.deps.outbox!.latest(10);
    expect(outbox.find((m) => m.to === email)?.subject).toContain('попытка регистрации');
  });

  it('refuses a wrong password and an unknown account alike', async () => {
    const email = await newInvestor(s.app, 'wrongpw');
    const wrong = await post(s.app, '/auth/sign-in', { email, password: 'Wrong-Password-1!' });
    const unknown = await post(s.app, '/auth/sign-in', { email: uniqueEmail('ghost'), password: 'Wrong-Password-1!' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a.detail).toBe(b.detail);
  });

  it('resets a password with the emailed code', async () => {
    const email = await newInvestor(s.app, 'reset');
    await post(s.app, '/auth/forgot-password', { email });
    const code = await codeFor(email, 1);
    const res = await post(s.app, '/auth/reset-password', { email, code, password: 'Brand-New-Pass-77!' });
    expect(res.status).toBe(200);
    await expect(signInToken(s.app, email, 'Brand-New-Pass-77!')).resolves.toMatch(/^ey/);
    const bad = await post(s.app, '/auth/reset-password', { email, code: '000000', password: 'Another-Pass-77!x' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].field).toBe('code');
  });

  it('refreshes tokens and signs out everywhere', async () => {
    const email = await newInvestor(s.app, 'signout');
    const tokens = await (await post(s.app, '/auth/sign-in', { email, password: PASSWORD })).json();
    const refreshed = await (await post(s.app, '/auth/refresh', { refreshToken: tokens.refreshToken })).json();
    expect(refreshed.accessToken).toMatch(/^ey/);
    await new Promise((r) => setTimeout(r, 1100)); // tokens carry whole seconds
    const out = await post(s.app, '/auth/sign-out', { everywhere: true }, refreshed.accessToken);
    expect(out.status).toBe(200);
    // The pledge route signs in with its first items in one batch (pledgeReadAhead): the same 401, before its body is read.
    const pledgeTo = (t: string, body: string) =>
      s.app.request('/v1/projects/p-none/pledges', {
        method: 'POST',
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json', 'idempotency-key': 'signed-out-key-1' },
        body,
      });
    for (const t of [tokens.accessToken, refreshed.accessToken]) {
      expect((await s.app.request('/v1/me', { headers: { authorization: `Bearer ${t}` } })).status).toBe(401);
      for (const body of ['{}', '{"type":"donation"']) expect((await pledgeTo(t, body)).status).toBe(401);
    }
    // An expired access token cannot come back through a refresh either.
    expect((await post(s.app, '/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 1100));
    const after = await signInToken(s.app, email);
    expect((await s.app.request('/v1/me', { headers: { authorization: `Bearer ${after}` } })).status).toBe(200);
    expect((await pledgeTo(after, '{}')).status).toBe(400);
  });

  it('edits the profile, refusing bad fields and writing nothing', async () => {
    const email = await newInvestor(s.app, 'profile');
    const token = await signInToken(s.app, email);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const profile = {
      displayName: 'Айгүл Осмонова',
      homeSettlement: 'Кара-Суу',
      homeRayonSoate: '41704220000000',
      homeOblastSoate: '41704000000000',
      residenceCountry: 'KR',
      residenceCity: 'Seoul',
      languages: ['ky', 'en'],
      sectors: ['education', 'water'],
      pledgeTypes: ['donation'],
      amountMin: 1_000_000,
      amountMax: 5_000_000,
      contactByEmail: true,
      telegram: '@aigul_o',
      showAsSupporter: true,
      locale: 'ky',
    };
    const ok = await s.app.request('/v1/me/profile', { method: 'PUT', headers: auth, body: JSON.stringify(profile) });
    expect(ok.status).toBe(200);
    // Consent to be counted in the demand signals is off unless given (issue 11).
    expect((await ok.json()).profile).toEqual({ ...profile, countInterest: false });
    for (const [field, value] of [
      ['residenceCountry', 'Korea'],
      ['amountMin', 9_000_000],
      ['sectors', ['space']],
      ['role', 'staff'],
    ] as const) {
      const bad = await s.app.request('/v1/me/profile', {
        method: 'PUT',
        headers: auth,
        body: JSON.stringify({ ...profile, [field]: value }),
      });
      expect(bad.status, field).toBe(400);
      expect(bad.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify((await bad.json()).errors)).toContain(field);
    }
    const me = await (await s.app.request('/v1/me', { headers: auth })).json();
    expect(me.profile).toEqual({ ...profile, countInterest: false });
  });

  it('answers bad input on every auth route with 400 naming the field', async () => {
    const cases: [string, unknown, string][] = [
      ['/auth/sign-up', { email: 'not-an-email', password: PASSWORD, displayName: 'X Y', locale: 'ky' }, 'email'],
      ['/auth/sign-up', { email: uniqueEmail('weak'), password: 'short', displayName: 'X Y', locale: 'ky' }, 'password'],
      ['/auth/sign-up', { email: uniqueEmail('lang'), password: PASSWORD, displayName: 'X Y', locale: 'de' }, 'locale'],
      ['/auth/confirm', { email: uniqueEmail('c'), code: '12' }, 'code'],
      ['/auth/sign-in', { email: 'x@y.kg' }, 'password'],
      ['/auth/refresh', { refreshToken: '' }, 'refreshToken'],
      ['/auth/forgot-password', { email: 'nope' }, 'email'],
      ['/auth/reset-password', { email: uniqueEmail('r'), code: '123456', password: 'weak' }, 'password'],
    ];
    const before = await itemCount(s.db);
    for (const [path, body, field] of cases) {
      const res = await post(s.app, path, body);
      expect(res.status, path).toBe(400);
      const problem = await res.json();
      expect(
        problem.errors.map((e: { field: string }) => e.field),
        path,
      ).toContain(field);
    }
    expect(await itemCount(s.db)).toBe(before);
  });

  it('deletes the account: the token stops working and the personal data is gone', async () => {
    const email = await newInvestor(s.app, 'delete');
    const token = await signInToken(s.app, email);
    const me = await (await s.app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } })).json();
    const res = await s.app.request('/v1/me', { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect((await s.app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    const stored = await s.db.doc.send(
      new QueryCommand({
        TableName: s.db.tableName,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': `USER#${me.id}` },
      }),
    );
    expect(JSON.stringify(stored.Items)).not.toContain(email);
    expect(JSON.stringify(stored.Items)).not.toContain('Test delete');
    await expect(signInToken(s.app, email)).rejects.toThrow(/401/);
  });
});

describe('abuse resistance', () => {
  it('slows sign-in attempts per address and account with 429 and Retry-After', async () => {
    const limited = await authStack({ limits: { signInPerIp: 100, signInPerPair: 3, signUpPerIp: 100, resetPerEmail: 100 } });
    try {
      const email = uniqueEmail('brute');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await post(limited.app, '/auth/sign-in', { email, password: 'Guess-Number-1!' })).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const res = await post(limited.app, '/auth/sign-in', { email, password: 'Guess-Number-1!' });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await res.json()).type).toMatch(/rate-limited$/);
    } finally {
      await limited.drop();
    }
  });
});
