import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  authStack,
  newConfirmedInvestor,
  newUserInGroup,
  PASSWORD,
  post,
  totpCode,
  totpSecretOf,
  type AuthStack,
} from '../fixtures/auth-stack.js';

/**
 * Staff accounts with MFA (issue 14), against cognito-local, which checks TOTP codes against the secret it issued:
 * staff without two-step sign-in are refused staff routes until they set it up; with it, sign-in asks for the code.
 */
vi.setConfig({ testTimeout: 60_000 });

let s: AuthStack;
beforeAll(async () => {
  s = await authStack();
});
afterAll(() => s.drop());

const get = (path: string, token: string, lang = 'en') =>
  s.app.request(`/v1${path}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': lang } });

async function signInBody(email: string): Promise<Record<string, unknown>> {
  const res = await post(s.app, '/auth/sign-in', { email, password: PASSWORD });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/** A code other than the right one now (and than its neighbours in the ±1 step cognito-local accepts). */
const wrongCodeFor = (right: string) => String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');

describe('staff two-step sign-in (TOTP)', () => {
  it('refuses staff routes to staff without it, lets them enrol, then challenges every sign-in for the code', async () => {
    const email = await newUserInGroup('staff', 'mfa-staff', { twoStep: false });
    const first = await signInBody(email);
    expect(first.accessToken).toEqual(expect.any(String));
    const token = first.accessToken as string;

    // Staff powers wait: a staff route answers 403 naming what unlocks it, in the caller's language.
    const refused = await get('/audit', token, 'ru');
    expect(refused.status).toBe(403);
    const problem = (await refused.json()) as { type: string; detail: string };
    expect(problem.type).toBe('https://mekendesh.kg/problems/two-step-required');
    expect(problem.detail).toContain('двухэтапный вход');
    // Same before validation: a bad body on a staff route is still the 403, not a 400.
    const bad = await post(s.app, '/programmes', { nonsense: true }, token);
    expect(bad.status).toBe(403);
    const me = (await (await get('/me', token)).json()) as { twoStep: string };
    expect(me.twoStep).toBe('required');

    // Enrolment: a secret and its otpauth:// URI; a wrong first code is refused naming `code`.
    const setupRes = await post(s.app, '/auth/two-step', {}, token);
    expect(setupRes.status).toBe(200);
    const setup = (await setupRes.json()) as { secret: string; uri: string };
    expect(setup.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(setup.uri).toBe(
      `otpauth://totp/Mekendesh:${encodeURIComponent(email)}?secret=${setup.secret}&issuer=Mekendesh&algorithm=SHA1&digits=6&period=30`,
    );
    const wrongSetup = await post(s.app, '/auth/two-step/confirm', { code: wrongCodeFor(totpCode(setup.secret)) }, token);
    expect(wrongSetup.status).toBe(400);
    expect(((await wrongSetup.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['code']);
    const confirmed = await post(s.app, '/auth/two-step/confirm', { code: totpCode(setup.secret) }, token);
    expect(confirmed.status).toBe(200);

    // Now sign-in asks for the code: no tokens until it is answered.
    const challenged = await signInBody(email);
    expect(Object.keys(challenged).sort()).toEqual(['challenge', 'session']);
    expect(challenged.challenge).toBe('totp');
    const wrong = await post(s.app, '/auth/sign-in/totp', {
      session: challenged.session,
      code: wrongCodeFor(totpCode(setup.secret)),
    });
    expect(wrong.status).toBe(400);
    const wrongBody = (await wrong.json()) as { errors: { field: string; message: string }[] };
    expect(wrongBody.errors.map((e) => e.field)).toEqual(['code']);
    const right = await post(s.app, '/auth/sign-in/totp', { session: challenged.session, code: totpCode(setup.secret) });
    expect(right.status).toBe(200);
    const tokens = (await right.json()) as { accessToken: string; refreshToken?: string };

    // With the code, staff routes work and the account shows it.
    expect((await get('/audit', tokens.accessToken)).status).toBe(200);
    expect(((await (await get('/me', tokens.accessToken)).json()) as { twoStep: string }).twoStep).toBe('on');
  });

  it('answers a wrong code 400 in each language and never hands out tokens for it', async () => {
    const email = await newUserInGroup('staff', 'mfa-lang');
    const challenged = await signInBody(email);
    for (const [lang, word] of [
      ['ky', 'Код туура эмес'],
      ['ru', 'Код неверный'],
      ['en', 'code is wrong'],
    ] as const) {
      const res = await s.app.request('/v1/auth/sign-in/totp', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': lang },
        body: JSON.stringify({ email, session: challenged.session, code: wrongCodeFor(totpCode(totpSecretOf(email))) }),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(body.errors[0]).toMatchObject({ field: 'code' });
      expect(body.errors[0]!.message).toContain(word);
    }
  });

  it('never challenges an investor, and investors cannot reach staff routes by any code', async () => {
    const email = await newConfirmedInvestor(s.app, 'no-mfa');
    const body = await signInBody(email);
    expect(body.challenge).toBeUndefined();
    expect(body.accessToken).toEqual(expect.any(String));
    const refused = await get('/audit', body.accessToken as string);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { type: string }).type).toBe('https://mekendesh.kg/problems/forbidden');
  });
});
