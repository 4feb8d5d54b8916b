import type { Locale, Tokens, TwoStepSetup } from '@mekendesh/contracts';
import type { Actor, UserActor } from './actor.js';
import { IdentityError, type UserRecord } from './account-ports.js';
import { codeWindow, startSession, type AccountDeps } from './accounts.js';
import { invalidIn } from './errors.js';
import { authorize } from './policy.js';
import { RATE_WINDOWS, withinBackoff, withinWindow } from './rate-limits.js';
import { openChallenge, openSealed, sealSecret, totpMatches } from './two-step-tokens.js';

/** Issuer shown by authenticator apps beside the account's email. */
export const TOTP_ISSUER = 'Mekendesh';

const wrongCode = (field: 'code' | 'currentCode' = 'code') =>
  invalidIn(field, {
    en: 'That code is wrong or has already changed. Enter the code your app shows now (it changes every 30 seconds).',
    ru: 'Код неверный или уже сменился. Введите код, который приложение показывает сейчас.',
    ky: 'Код туура эмес же алмашып кетти. Тиркеме азыр көрсөткөн кодду жазыңыз.',
  });

const expiredChallenge = () =>
  invalidIn('session', {
    en: 'The sign-in has expired: enter your email and password again.',
    ru: 'Время входа истекло: введите адрес почты и пароль ещё раз.',
    ky: 'Кирүү убактысы өтүп кетти: электрондук почтаңызды жана сырсөздү кайра жазыңыз.',
  });

const otherEmail = () =>
  invalidIn('email', {
    en: 'This code step belongs to another sign-in: enter your email and password again.',
    ru: 'Этот шаг входа относится к другому входу: введите адрес почты и пароль ещё раз.',
    ky: 'Бул кадам башка кирүүгө тиешелүү: электрондук почтаңызды жана сырсөздү кайра жазыңыз.',
  });

const currentCodeNeeded = () =>
  invalidIn('currentCode', {
    en: 'Two-step sign-in is already on: enter the 6-digit code your current authenticator app shows.',
    ru: 'Двухэтапный вход уже включён: введите 6-значный код из вашего текущего приложения-аутентификатора.',
    ky: 'Эки этаптуу кирүү мурунтан күйгүзүлгөн: учурдагы аутентификатор тиркемеңиз көрсөткөн 6 цифралуу кодду жазыңыз.',
  });

const currentFactorUnknown = () =>
  invalidIn('currentCode', {
    en: 'Your current authenticator was set up outside this site, so its code cannot be checked here: ask the programme office to reset two-step sign-in.',
    ru: 'Текущий аутентификатор подключён не через этот сайт, и его код здесь не проверить: попросите офис программы сбросить двухэтапный вход.',
    ky: 'Учурдагы аутентификатор бул сайт аркылуу туташтырылган эмес, анын кодун бул жерде текшерүү мүмкүн эмес: программанын кеңсесинен эки этаптуу кирүүнү жаңыртып берүүнү сураныңыз.',
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
 * Answers the TOTP challenge of signIn: `session` is the token signIn returned; the account is the one it is bound
 * to (`email`, if sent, must be that one: else 400 naming `email`). A forged, altered or expired token is a 400 naming
 * `session` and counts nothing, so nobody locks an account out by naming it. Each challenge takes
 * `limits.codeAttemptsPerAccount` codes in 15 minutes, and each (address, account) pair `limits.signInPerPair` at once,
 * then a delay doubling from 1 s to 15 minutes, as sign-in (then RateLimitedError, 429); the right code forgets both.
 * A wrong code: 400 naming `code`; Cognito's session expired: 400 naming `session` (ky/ru/en).
 */
export async function answerTotpChallenge(
  deps: AccountDeps,
  input: { session: string; code: string; email?: string | undefined; ip: string },
): Promise<Tokens> {
  const claim = openChallenge(deps.twoStepKey, input.session, deps.clock.now().getTime());
  if (!claim) throw expiredChallenge();
  if (input.email !== undefined && input.email !== claim.email) throw otherEmail();
  const perChallenge = {
    key: `totp:challenge:${claim.id}`,
    limit: deps.limits.codeAttemptsPerAccount,
    windowSeconds: RATE_WINDOWS.codeAttempts,
  };
  await withinWindow(deps.limiter, perChallenge);
  const pair = `totp:pair:${input.ip}:${claim.email}`;
  const longest = RATE_WINDOWS.signInPairMaxDelay;
  await withinBackoff(deps.limiter, {
    key: pair,
    free: deps.limits.signInPerPair,
    baseSeconds: 1,
    maxSeconds: longest,
    forgetSeconds: longest,
  });
  let tokens: Tokens;
  try {
    tokens = await deps.identity.answerTotp({ email: claim.email, session: claim.session, code: input.code });
  } catch (e) {
    // Cognito refuses an expired or spent challenge session as NotAuthorized: the password step has to come again.
    if (e instanceof IdentityError && e.code === 'invalid_credentials') throw expiredChallenge();
    if (e instanceof IdentityError) throw wrongCode();
    throw e;
  }
  // Each challenge is answered once, and each code serves one sign-in of the account (RFC 6238 5.2: a verifier must
  // not accept an OTP twice; cognito-local accepted both replays, and the rule is ours so it holds whatever the
  // identity provider does). Claimed only once the code was right, so wrong codes spend neither; of two answers sent at
  // once, one wins. An authenticator shows a new code every 30 s: a person signing in twice waits for it.
  if (!(await claimOnce(deps.limiter, `totp:answered:${claim.id}`))) throw expiredChallenge();
  if (!(await claimOnce(deps.limiter, `totp:code:${claim.email}:${input.code}`))) throw wrongCode();
  await deps.limiter.clear(perChallenge);
  await deps.limiter.clear({ key: pair });
  return startSession(deps, tokens, { passedTotp: true });
}

/** Half a day: far longer than a challenge (300 s) or a code (30 s, and a step of drift either side) lives. */
const ONCE_SECONDS = 12 * 60 * 60;

/**
 * Claims `key` once: false when it was claimed before, within the time a challenge or a code can still be answered.
 * The limiter's windows are fixed buckets, so the key is claimed in two sets of buckets offset by half their length:
 * a repeat minutes later shares a bucket with the first claim in at least one of them, whichever boundary lies between.
 */
async function claimOnce(limiter: AccountDeps['limiter'], key: string): Promise<boolean> {
  const first = await limiter.hit({ key, limit: 1, windowSeconds: ONCE_SECONDS * 2 });
  const second = await limiter.hit({ key: `${key}:offset`, limit: 1, windowSeconds: ONCE_SECONDS * 2, offsetSeconds: ONCE_SECONDS });
  return first.allowed && second.allowed;
}

/**
 * With two-step sign-in already on, the current authenticator's code must come with any change of it (issue 14
 * review: a stolen token must not replace the factor). Checked against the secret sealed at enrolment, counted in the
 * account's 'totp-setup' window (a right one forgets it). Returns whether this replaces a factor, and the record.
 * Errors: 400 naming `currentCode` when it is missing, wrong, or the factor was enrolled outside the API (no sealed
 * secret: fail closed); 429 past the limit.
 */
async function checkCurrentFactor(
  deps: AccountDeps,
  user: UserActor,
  input: { accessToken: string; currentCode?: string | undefined },
): Promise<{ replacing: boolean; record: UserRecord | undefined }> {
  const record = await deps.users.get(user.id);
  const on = record?.twoStepAt !== undefined || record?.totpSealed !== undefined || (await deps.identity.hasTotp(input.accessToken));
  if (!on) return { replacing: false, record };
  if (!input.currentCode) throw currentCodeNeeded();
  const window = codeWindow(deps, 'totp-setup', user.id);
  await withinWindow(deps.limiter, window);
  const secret = record?.totpSealed === undefined ? undefined : openSealed(deps.twoStepKey, record.totpSealed);
  if (secret === undefined) throw currentFactorUnknown();
  if (!totpMatches(secret, input.currentCode, deps.clock.now().getTime())) throw wrongCode('currentCode');
  // A right code forgets the wrong ones, as every code check does (confirmTwoStep then counts its own code).
  await deps.limiter.clear(window);
  return { replacing: true, record };
}

/**
 * Starts two-step sign-in for the signed-in person (any role; staff and admins must have it): a new secret from
 * the identity provider and its otpauth:// URI; the secret is kept sealed (AES-GCM) until confirmTwoStep. Until then
 * the account signs in as before. With two-step already on, `currentCode` is required (checkCurrentFactor).
 */
export async function startTwoStep(
  deps: AccountDeps,
  actor: Actor,
  input: { accessToken: string; email: string; currentCode?: string | undefined },
): Promise<TwoStepSetup> {
  authorize(actor, { action: 'account:use' });
  await checkCurrentFactor(deps, actor, input);
  const { secret } = await deps.identity.startTotp(input.accessToken);
  await deps.users.keepPendingTotp({ id: actor.id, sealed: sealSecret(deps.twoStepKey, secret) });
  return { secret, uri: totpUri(secret, input.email) };
}

const TWO_STEP_EMAILS: Record<'on' | 'replaced', Record<Locale, { subject: string; text: string }>> = {
  on: {
    ky: {
      subject: 'Мекендеш: эки этаптуу кирүү күйгүзүлдү',
      text: 'Аккаунтуңузда эки этаптуу кирүү күйгүзүлдү: мындан ары кирүүдө аутентификатор тиркемесинин коду суралат. Эгер бул сиз эмес болсоңуз, дароо сырсөздү алмаштырып, программанын кеңсесине кайрылыңыз.',
    },
    ru: {
      subject: 'Мекендеш: двухэтапный вход включён',
      text: 'В вашем аккаунте включён двухэтапный вход: теперь при входе будет нужен код из приложения-аутентификатора. Если это были не вы, сразу смените пароль и свяжитесь с офисом программы.',
    },
    en: {
      subject: 'Mekendesh: two-step sign-in is on',
      text: 'Two-step sign-in was turned on for your account: signing in now asks for the code from your authenticator app. If this was not you, change your password at once and contact the programme office.',
    },
  },
  replaced: {
    ky: {
      subject: 'Мекендеш: аутентификатор алмаштырылды',
      text: 'Аккаунтуңуздун эки этаптуу кирүүсү үчүн жаңы аутентификатор туташтырылды; мурунку коддор мындан ары иштебейт. Эгер бул сиз эмес болсоңуз, дароо сырсөздү алмаштырып, программанын кеңсесине кайрылыңыз.',
    },
    ru: {
      subject: 'Мекендеш: аутентификатор заменён',
      text: 'Для двухэтапного входа в ваш аккаунт подключён новый аутентификатор; коды прежнего больше не действуют. Если это были не вы, сразу смените пароль и свяжитесь с офисом программы.',
    },
    en: {
      subject: 'Mekendesh: authenticator replaced',
      text: 'A new authenticator app was set up for two-step sign-in to your account; the old one’s codes no longer work. If this was not you, change your password at once and contact the programme office.',
    },
  },
};

/**
 * Confirms enrolment with the first code of the new authenticator (`code`; with two-step already on, `currentCode` of
 * the existing one too, as startTwoStep): from now on every sign-in asks for a code. The sealed secret becomes the
 * account's, and the owner is emailed in their language (turned on, or replaced). Every session begun before (this one
 * too) is signed out, since none of them passed the new code. Tokens issued earlier in the same second survive
 * (`revokedBefore` is compared with the token's whole-second `iat`). A wrong code: 400 naming `code`; 429 past the limit.
 */
export async function confirmTwoStep(
  deps: AccountDeps,
  actor: Actor,
  input: { accessToken: string; code: string; currentCode?: string | undefined },
) {
  authorize(actor, { action: 'account:use' });
  const { replacing, record } = await checkCurrentFactor(deps, actor, input);
  const window = codeWindow(deps, 'totp-setup', actor.id);
  await withinWindow(deps.limiter, window);
  try {
    await deps.identity.confirmTotp(input);
  } catch (e) {
    if (e instanceof IdentityError) throw wrongCode();
    throw e;
  }
  await deps.limiter.clear(window);
  await deps.users.promotePendingTotp(actor.id);
  const second = Math.floor(deps.clock.now().getTime() / 1000) * 1000;
  await deps.users.revokeTokens(actor.id, second);
  if (record) await deps.mailer.send({ to: record.email, ...TWO_STEP_EMAILS[replacing ? 'replaced' : 'on'][record.profile.locale] });
  return { status: 'two_step_on' as const };
}
