import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signChallenge } from '@mekendesh/domain';
import { authStack, newUserInGroup, PASSWORD, totpCode, totpSecretOf, type AuthStack } from '../fixtures/auth-stack.js';

/**
 * The attacks a review of staff two-step sign-in named (issue 14), against cognito-local, each held to the right
 * answer: a victim locked out by naming them, a challenge spent on another account, a stolen token replacing the
 * authenticator. Limits are the production numbers (5 codes per challenge, 5 free tries per address and account).
 */
vi.setConfig({ testTimeout: 90_000 });

let s: AuthStack;
beforeAll(async () => {
  s = await authStack({ limits: { codeAttemptsPerAccount: 5, signInPerPair: 5 } });
});
afterAll(() => s.drop());

/** A request from the given client address (the socket's, as on the local server). */
const from = (ip: string, path: string, body: unknown, token?: string) =>
  s.app.request(
    `/v1${path}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    },
    { incoming: { socket: { remoteAddress: ip } } },
  );

async function challenge(email: string, ip = '198.51.100.1'): Promise<string> {
  const res = await from(ip, '/auth/sign-in', { email, password: PASSWORD });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { challenge?: string; session?: string };
  expect(body.challenge).toBe('totp');
  return body.session!;
}

const fields = async (res: Response) => ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
const wrongCodeFor = (right: string) => String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');

describe('two-step sign-in holds against the named attacks', () => {
  it('counts nothing for a bogus or expired challenge: six of them naming a victim leave the victim free', async () => {
    const victim = await newUserInGroup('staff', 'mfa-victim');
    for (let i = 0; i < 6; i++) {
      const res = await from('203.0.113.66', '/auth/sign-in/totp', { email: victim, session: 'bogus', code: '000000' });
      expect(res.status).toBe(400);
      expect(await fields(res)).toEqual(['session']);
    }
    // A token that was real once but has expired is refused the same way, before anything is counted.
    const expired = signChallenge(s.deps.accounts.twoStepKey, { session: 'old', email: victim, expiresAt: Date.now() - 1 });
    const late = await from('203.0.113.66', '/auth/sign-in/totp', { session: expired, code: '000000' });
    expect(late.status).toBe(400);
    expect(await fields(late)).toEqual(['session']);

    const session = await challenge(victim);
    const right = await from('198.51.100.1', '/auth/sign-in/totp', { session, code: totpCode(totpSecretOf(victim)) });
    expect(right.status).toBe(200);
    expect(((await right.json()) as { accessToken: string }).accessToken).toEqual(expect.any(String));
  });

  it('limits codes per challenge (5, then 429) and per address and account, not per account alone', async () => {
    const email = await newUserInGroup('staff', 'mfa-guess');
    const wrong = wrongCodeFor(totpCode(totpSecretOf(email)));
    const session = await challenge(email, '203.0.113.7');
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.7', '/auth/sign-in/totp', { session, code: wrong })).status).toBe(400);
    const sixth = await from('203.0.113.7', '/auth/sign-in/totp', { session, code: totpCode(totpSecretOf(email)) });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    // The guessing address's pair waits too, even with a fresh challenge; the owner, elsewhere, signs in at once.
    const again = await from('203.0.113.7', '/auth/sign-in/totp', { session: await challenge(email, '203.0.113.7'), code: wrong });
    expect(again.status).toBe(429);
    const owner = await from('198.51.100.2', '/auth/sign-in/totp', {
      session: await challenge(email, '198.51.100.2'),
      code: totpCode(totpSecretOf(email)),
    });
    expect(owner.status).toBe(200);
  });

  it('binds the challenge to the account that signed in: A’s challenge with B’s code or email gets no tokens', async () => {
    const a = await newUserInGroup('staff', 'mfa-a');
    const b = await newUserInGroup('staff', 'mfa-b');
    const session = await challenge(a, '198.51.100.3');
    const swapped = await from('198.51.100.3', '/auth/sign-in/totp', { email: b, session, code: totpCode(totpSecretOf(b)) });
    expect(swapped.status).toBe(400);
    const swappedBody = (await swapped.json()) as Record<string, unknown>;
    expect(swappedBody.accessToken).toBeUndefined();
    expect((swappedBody.errors as { field: string }[]).map((e) => e.field)).toEqual(['email']);
    // Without the email the token still names A: B's code is a wrong code for A.
    const bCode = totpCode(totpSecretOf(b));
    if (bCode !== totpCode(totpSecretOf(a))) {
      const asA = await from('198.51.100.3', '/auth/sign-in/totp', { session, code: bCode });
      expect(asA.status).toBe(400);
      expect(await fields(asA)).toEqual(['code']);
    }
    // A forged token naming B (the payload changed, the signature kept) is no challenge at all.
    const [, sig] = session.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ s: 'x', e: b, x: Date.now() + 60_000 })).toString('base64url');
    const forged = await from('198.51.100.3', '/auth/sign-in/totp', { session: `${forgedPayload}.${sig}`, code: bCode });
    expect(forged.status).toBe(400);
    expect(await fields(forged)).toEqual(['session']);
  });

  it('answers a challenge once, and takes a code for one sign-in only (attacker review: cognito-local accepted both)', async () => {
    const staff = await newUserInGroup('staff', 'mfa-replay');
    const session = await challenge(staff, '198.51.100.4');
    const code = totpCode(totpSecretOf(staff));
    const first = await from('198.51.100.4', '/auth/sign-in/totp', { session, code });
    expect(first.status).toBe(200);
    // The same answer again: the challenge is spent (as Cognito's own session would be), no second session.
    const again = await from('198.51.100.4', '/auth/sign-in/totp', { session, code });
    expect(again.status).toBe(400);
    expect(((await again.clone().json()) as Record<string, unknown>).accessToken).toBeUndefined();
    expect(await fields(again)).toEqual(['session']);
    // The same code on a new challenge of the account: spent too.
    const other = await challenge(staff, '198.51.100.4');
    const reused = await from('198.51.100.4', '/auth/sign-in/totp', { session: other, code });
    expect(reused.status).toBe(400);
    expect(await fields(reused)).toEqual(['code']);
    // Two answers sent at once with one right code (another account, whose code is fresh): one session exactly.
    const twin = await newUserInGroup('staff', 'mfa-race');
    const racing = await challenge(twin, '198.51.100.5');
    const fresh = totpCode(totpSecretOf(twin));
    const both = await Promise.all([0, 1].map(() => from('198.51.100.5', '/auth/sign-in/totp', { session: racing, code: fresh })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 400]);
  });
});

describe('replacing the authenticator needs a code of the current one', () => {
  async function signInWithCode(email: string, secret: string): Promise<string> {
    const res = await from('198.51.100.9', '/auth/sign-in/totp', {
      session: await challenge(email, '198.51.100.9'),
      code: totpCode(secret),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }
  const outboxTo = async (email: string) => (await s.deps.outbox!.latest(50)).filter((m) => m.to === email).map((m) => m.subject);

  it('refuses a token alone, accepts it with the current code, and emails the owner each time', async () => {
    const email = await newUserInGroup('staff', 'mfa-replace', { twoStep: false });
    const signedIn = await from('198.51.100.9', '/auth/sign-in', { email, password: PASSWORD });
    const first = ((await signedIn.json()) as { accessToken: string }).accessToken;
    const setup = (await (await from('198.51.100.9', '/auth/two-step', {}, first)).json()) as { secret: string };
    expect((await from('198.51.100.9', '/auth/two-step/confirm', { code: totpCode(setup.secret) }, first)).status).toBe(200);
    expect(await outboxTo(email)).toEqual([
      expect.stringMatching(/two-step sign-in is on|двухэтапный вход включён|эки этаптуу кирүү күйгүзүлдү/),
    ]);

    // The attacker's position: a live token T of the enrolled account, and no authenticator.
    const t = await signInWithCode(email, setup.secret);
    const bare = await from('198.51.100.9', '/auth/two-step', {}, t);
    expect(bare.status).toBe(400);
    expect(await fields(bare)).toEqual(['currentCode']);
    for (const [lang, word] of [
      ['ky', 'Код туура эмес'],
      ['ru', 'Код неверный'],
      ['en', 'code is wrong'],
    ] as const) {
      const res = await s.app.request(
        '/v1/auth/two-step',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${t}`, 'accept-language': lang },
          body: JSON.stringify({ currentCode: wrongCodeFor(totpCode(setup.secret)) }),
        },
        { incoming: { socket: { remoteAddress: '198.51.100.9' } } },
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(body.errors[0]).toMatchObject({ field: 'currentCode' });
      expect(body.errors[0]!.message).toContain(word);
    }
    const confirmBare = await from('198.51.100.9', '/auth/two-step/confirm', { code: '123456' }, t);
    expect(confirmBare.status).toBe(400);
    expect(await fields(confirmBare)).toEqual(['currentCode']);
    expect(await outboxTo(email)).toHaveLength(1);

    // With the current code, the owner replaces it; the owner is told, and sign-in now takes the new app's code.
    const next = await from('198.51.100.9', '/auth/two-step', { currentCode: totpCode(setup.secret) }, t);
    expect(next.status).toBe(200);
    const second = (await next.json()) as { secret: string };
    expect(second.secret).not.toBe(setup.secret);
    const replaced = await from(
      '198.51.100.9',
      '/auth/two-step/confirm',
      { code: totpCode(second.secret), currentCode: totpCode(setup.secret) },
      t,
    );
    expect(replaced.status).toBe(200);
    const mails = await outboxTo(email);
    expect(mails).toHaveLength(2);
    expect(mails).toContainEqual(expect.stringMatching(/authenticator replaced|аутентификатор заменён|аутентификатор алмаштырылды/));
    expect(await signInWithCode(email, second.secret)).toEqual(expect.any(String));
  });

  it('fails closed when the current authenticator was set up outside the API (no sealed secret to check)', async () => {
    const email = await newUserInGroup('staff', 'mfa-outside');
    const t = await signInWithCode(email, totpSecretOf(email));
    const res = await from('198.51.100.9', '/auth/two-step', { currentCode: totpCode(totpSecretOf(email)) }, t);
    expect(res.status).toBe(400);
    expect(await fields(res)).toEqual(['currentCode']);
  });
});
