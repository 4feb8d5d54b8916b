import { describe, expect, it } from 'vitest';
import { IdentityError } from './account-ports.js';
import { resetPassword, signUp, type AccountDeps } from './accounts.js';
import { DomainError } from './errors.js';

/** Accounts with an identity provider that refuses every password, as Cognito does when its policy is stricter. */
function refusingDeps(): AccountDeps {
  const refuse = async () => {
    throw new IdentityError('weak_password', 'InvalidPasswordException');
  };
  return {
    identity: { signUp: refuse, resetPassword: refuse } as never,
    limiter: { hit: async () => ({ allowed: true, retryAfterSeconds: 0 }), clear: async () => undefined } as never,
    users: {} as never,
    sessions: {} as never,
    verifier: {} as never,
    mailer: {} as never,
    publicTraces: {} as never,
    clock: { now: () => new Date('2026-05-01T00:00:00Z') },
    newId: () => 'id',
    twoStepKey: Buffer.alloc(32),
    limits: {
      signInPerIp: 9,
      signInPerPair: 9,
      signUpPerIp: 9,
      resetPerEmail: 9,
      codeAttemptsPerAccount: 9,
      pledgesPerMinute: 9,
      pledgesPerDay: 9,
    },
  };
}

async function failure(run: Promise<unknown>): Promise<DomainError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('a password the identity provider refuses', () => {
  it('is a 400 on the password field at sign-up, naming the broken rule (not a 500)', async () => {
    const error = await failure(
      signUp(refusingDeps(), { email: 'a@example.kg', password: 'Mekendesh2026Ж', displayName: 'A', locale: 'ru', ip: '1' }),
    );
    expect(error.kind).toBe('validation');
    expect(error.errors).toEqual([{ field: 'password', message: expect.stringMatching(/^at least one symbol/) }]);
  });

  it('is a 400 on the password field at reset (not "the code is wrong")', async () => {
    const error = await failure(resetPassword(refusingDeps(), { email: 'a@example.kg', code: '123456', password: 'Mekendesh-2026!' }));
    expect(error.kind).toBe('validation');
    expect(error.errors).toEqual([{ field: 'password', message: expect.stringContaining('refused this password') }]);
  });
});
