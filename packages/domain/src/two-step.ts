import type { Tokens, TwoStepSetup } from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import { IdentityError } from './account-ports.js';
import { codeWindow, startSession, type AccountDeps } from './accounts.js';
import { invalidIn } from './errors.js';
import { authorize } from './policy.js';
import { withinWindow } from './rate-limits.js';

/** Issuer shown by authenticator apps beside the account's email. */
export const TOTP_ISSUER = 'Mekendesh';

const wrongCode = () =>
  invalidIn('code', {
    en: 'The code is wrong or has expired: enter the 6 digits your authenticator app shows now.',
    ru: 'Код неверный или устарел: введите 6 цифр, которые приложение-аутентификатор показывает сейчас.',
    ky: 'Код туура эмес же мөөнөтү өттү: аутентификатор тиркемеси азыр көрсөткөн 6 цифраны жазыңыз.',
  });

const expiredChallenge = () =>
  invalidIn('session', {
    en: 'The sign-in has expired: enter your email and password again.',
    ru: 'Время входа истекло: введите email и пароль ещё раз.',
    ky: 'Кирүү убактысы өтүп кетти: email жана сырсөздү кайра жазыңыз.',
  });

/**
 * The otpauth:// URI of a TOTP secret (Google Authenticator's Key Uri Format: SHA-1, 6 digits, 30 s, Cognito's own
 * parameters), which authenticator apps read from a QR code.
 * @example totpUri('JBSWY3DPEHPK3PXP', 'staff@demo.mekendesh.kg') // 'otpauth://totp/Mekendesh:staff%40demo…?secret=JBSW…'
 */
export function totpUri(secret: string, email: string): string {
  const label = `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(email)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(TOTP_ISSUER)}&algorithm=SHA1&digits=6&period=30`;
}

/**
 * Answers the TOTP challenge of signIn with the code: tokens, and the sign-in counts as two-step (staff powers).
 * At most `limits.codeAttemptsPerAccount` codes per account in 15 minutes (then RateLimitedError, 429); the right
 * code forgets the count. A wrong code: 400 naming `code`; an expired challenge: 400 naming `session` (ky/ru/en).
 */
export async function answerTotpChallenge(deps: AccountDeps, input: { email: string; session: string; code: string }): Promise<Tokens> {
  const window = codeWindow(deps, 'totp', input.email);
  await withinWindow(deps.limiter, window);
  let tokens: Tokens;
  try {
    tokens = await deps.identity.answerTotp(input);
  } catch (e) {
    // Cognito refuses an expired or spent challenge session as NotAuthorized: the password step has to come again.
    if (e instanceof IdentityError && e.code === 'invalid_credentials') throw expiredChallenge();
    if (e instanceof IdentityError) throw wrongCode();
    throw e;
  }
  await deps.limiter.clear(window);
  return startSession(deps, tokens, { passedTotp: true });
}

/**
 * Starts two-step sign-in for the signed-in person (any role; staff and admins must have it): a new secret from
 * the identity provider and its otpauth:// URI. Until confirmTwoStep, the account signs in as before.
 */
export async function startTwoStep(deps: AccountDeps, actor: Actor, input: { accessToken: string; email: string }): Promise<TwoStepSetup> {
  authorize(actor, { action: 'account:use' });
  const { secret } = await deps.identity.startTotp(input.accessToken);
  return { secret, uri: totpUri(secret, input.email) };
}

/**
 * Confirms enrolment with the first code: from now on every sign-in asks for a code. Every session begun before
 * (this one too) is signed out, since none of them passed a code; the person signs in again with it. Tokens issued
 * earlier in the same second survive (`revokedBefore` is compared with the token's whole-second `iat`).
 * Limits as answerTotpChallenge; a wrong code: 400 naming `code`.
 */
export async function confirmTwoStep(deps: AccountDeps, actor: Actor, input: { accessToken: string; code: string }) {
  authorize(actor, { action: 'account:use' });
  const window = codeWindow(deps, 'totp-setup', actor.id);
  await withinWindow(deps.limiter, window);
  try {
    await deps.identity.confirmTotp(input);
  } catch (e) {
    if (e instanceof IdentityError) throw wrongCode();
    throw e;
  }
  await deps.limiter.clear(window);
  const second = Math.floor(deps.clock.now().getTime() / 1000) * 1000;
  await deps.users.revokeTokens(actor.id, second);
  return { status: 'two_step_on' as const };
}
