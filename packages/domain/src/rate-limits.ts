/**
 * Abuse limits: how often a person or an address may try something, and the 429 that says when to try again.
 * Counters live behind the RateLimiter port (DynamoDB by key, with TTL); the numbers are here, documented once.
 */
import type { Locale } from '@mekendesh/contracts';
import type { RateBackoff, RateLimiter, RateWindow } from './account-ports.js';
import { BISHKEK_OFFSET_MINUTES } from './bishkek-calendar.js';
import { DomainError } from './errors.js';

/** Attempts allowed per window. RATE_LIMITS (JSON) overrides them per deployment; tests lower or raise them. */
export interface RateLimits {
  /**
   * Sign-in attempts from one client address per 5 minutes, whatever the accounts: generous, since a campus or a
   * mobile carrier's NAT puts many people behind one address. Stops one address trying many accounts.
   */
  signInPerIp: number;
  /**
   * Sign-ins of one (address, email) pair that go at once; after them each further try from that pair waits 1 s,
   * doubling up to 15 minutes. A success forgets the count. Keyed by the pair, so guessing from one address never
   * locks the owner out from theirs (issue 9: a per-email limit let anyone lock a chosen account).
   */
  signInPerPair: number;
  /** Sign-ups from one client address per hour. */
  signUpPerIp: number;
  /** Reset codes asked for one email from one client address per hour; four times that per email from all addresses. */
  resetPerEmail: number;
  /**
   * Emailed codes (sign-up confirmation, password reset) tried for one account per 15 minutes; the next try is a 429.
   * A right code forgets the count, and so does a new reset code. Per account, not per address: a 6-digit code
   * must not be guessable from many addresses.
   */
  codeAttemptsPerAccount: number;
  /** Pledges one investor makes per minute. */
  pledgesPerMinute: number;
  /** Pledges one investor makes per Bishkek day (00:00 to 24:00 UTC+6). */
  pledgesPerDay: number;
  /** Hometown clubs one person founds per Bishkek day (issue 12 review: 30 at once all went through); CLUBS_PER_DAY unless set. */
  clubsPerDay?: number;
}

/** The production numbers (issue 9, "Abuse limits"). */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  signInPerIp: 50,
  signInPerPair: 5,
  signUpPerIp: 10,
  resetPerEmail: 5,
  codeAttemptsPerAccount: 5,
  pledgesPerMinute: 10,
  pledgesPerDay: 50,
};

/** Windows and delays of the limits above, seconds. */
export const RATE_WINDOWS = {
  signInPerIp: 300,
  /** The longest wait of a sign-in pair, and how long its count is kept after the wait ends. */
  signInPairMaxDelay: 900,
  signUpPerIp: 3600,
  resetPerEmail: 3600,
  codeAttempts: 900,
  pledgesPerMinute: 60,
  pledgesPerDay: 86_400,
} as const;

/** What was tried too often: says which sentence the 429 carries. */
export type LimitedAction = 'attempts' | 'pledges' | 'clubs';

type Unit = 'second' | 'minute' | 'hour';

/** A wait as a whole number of the largest unit that fits, rounded up: 61 s is 2 minutes, 3601 s 2 hours. */
export function waitOf(seconds: number): { n: number; unit: Unit } {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return { n: s, unit: 'second' };
  if (s < 3600) return { n: Math.ceil(s / 60), unit: 'minute' };
  return { n: Math.ceil(s / 3600), unit: 'hour' };
}

// Russian picks one of three forms by the number (1 минуту, 2 минуты, 5 минут, 21 минуту, 11 минут).
const RU_FORMS: Record<Unit, [string, string, string]> = {
  second: ['секунду', 'секунды', 'секунд'],
  minute: ['минуту', 'минуты', 'минут'],
  hour: ['час', 'часа', 'часов'],
};
function ruForm(n: number, unit: Unit): string {
  const [one, few, many] = RU_FORMS[unit];
  const d10 = n % 10;
  const d100 = n % 100;
  if (d10 === 1 && d100 !== 11) return one;
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return few;
  return many;
}
const KY_UNITS: Record<Unit, string> = { second: 'секунддан', minute: 'мүнөттөн', hour: 'сааттан' };

/**
 * The sentence of a 429 in Kyrgyz, Russian and English, saying when to try again.
 * @example rateLimitedMessages(125, 'attempts').en // 'Too many attempts. Try again in 3 minutes.'
 */
export function rateLimitedMessages(retryAfterSeconds: number, action: LimitedAction): Readonly<Record<Locale, string>> {
  const { n, unit } = waitOf(retryAfterSeconds);
  const en = `${n} ${unit}${n === 1 ? '' : 's'}`;
  const ru = `${n} ${ruForm(n, unit)}`;
  const ky = `${n} ${KY_UNITS[unit]}`;
  if (action === 'clubs')
    return {
      ky: `Сиз бүгүн өтө көп клуб түздүңүз. Жаңы клубду ${ky} кийин түзө аласыз.`,
      ru: `Вы создали слишком много клубов за сегодня. Новый клуб можно будет создать через ${ru}.`,
      en: `You have founded too many clubs today. You can found another in ${en}.`,
    };
  return action === 'pledges'
    ? {
        ky: `Сиз кыска убакыттын ичинде өтө көп салым коштуңуз. ${ky} кийин кайра салым кошо аласыз.`,
        ru: `Вы сделали слишком много взносов за короткое время. Новый взнос можно будет сделать через ${ru}.`,
        en: `You have made too many pledges in a short time. You can pledge again in ${en}.`,
      }
    : {
        ky: `Аракеттер өтө көп. ${ky} кийин кайра аракет кылыңыз.`,
        ru: `Слишком много попыток. Попробуйте снова через ${ru}.`,
        en: `Too many attempts. Try again in ${en}.`,
      };
}

/** A 429: the API sends `Retry-After: retryAfterSeconds` and the sentence in the caller's language. */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    action: LimitedAction = 'attempts',
  ) {
    const messages = rateLimitedMessages(retryAfterSeconds, action);
    super('rate_limited', messages.en, [], messages);
    this.name = 'RateLimitedError';
  }
}

/** Counts one attempt in a fixed window, or throws RateLimitedError (the refused attempt is not counted). */
export async function withinWindow(limiter: RateLimiter, window: RateWindow, action: LimitedAction = 'attempts'): Promise<void> {
  const { allowed, retryAfterSeconds } = await limiter.hit(window);
  if (!allowed) throw new RateLimitedError(retryAfterSeconds, action);
}

/** Claims one attempt under a growing delay, or throws RateLimitedError. */
export async function withinBackoff(limiter: RateLimiter, backoff: RateBackoff): Promise<void> {
  const { allowed, retryAfterSeconds } = await limiter.backoff(backoff);
  if (!allowed) throw new RateLimitedError(retryAfterSeconds);
}

/** Bishkek is this many seconds ahead of UTC: a "day" window of pledges runs from Bishkek midnight to midnight. */
const BISHKEK_OFFSET_SECONDS = BISHKEK_OFFSET_MINUTES * 60;

/**
 * The investor's two pledge limits as windows (per minute; per Bishkek day, 00:00 to 24:00 UTC+6). A pledge counts
 * itself in both inside its own transaction (PledgePlan.windows), so a pledge refused by either, or not written for
 * another reason, uses up neither; a full window is a 429 with the wait until it ends (RateLimitedError, 'pledges').
 * @example pledgeWindows(DEFAULT_RATE_LIMITS, 'inv-1')[1] // { key: 'pledge:day:inv-1', limit: 50, windowSeconds: 86400, offsetSeconds: 21600 }
 */
export function pledgeWindows(limits: Pick<RateLimits, 'pledgesPerMinute' | 'pledgesPerDay'>, investorId: string): RateWindow[] {
  return [
    { key: `pledge:minute:${investorId}`, limit: limits.pledgesPerMinute, windowSeconds: RATE_WINDOWS.pledgesPerMinute },
    {
      key: `pledge:day:${investorId}`,
      limit: limits.pledgesPerDay,
      windowSeconds: RATE_WINDOWS.pledgesPerDay,
      offsetSeconds: BISHKEK_OFFSET_SECONDS,
    },
  ];
}

/** Clubs one person founds per Bishkek day unless RateLimits.clubsPerDay says otherwise (issue 12 review). */
export const CLUBS_PER_DAY = 3;

/**
 * The founder's window of new clubs (per Bishkek day). The club's own transaction counts in it (club-store.ts), so a
 * club refused for its name, or not written, uses none; a full window is a 429 (RateLimitedError, 'clubs').
 * @example clubWindow(3, 'inv-1') // { key: 'club:day:inv-1', limit: 3, windowSeconds: 86400, offsetSeconds: 21600 }
 */
export function clubWindow(clubsPerDay: number, founderId: string): RateWindow {
  return { key: `club:day:${founderId}`, limit: clubsPerDay, windowSeconds: 86_400, offsetSeconds: BISHKEK_OFFSET_SECONDS };
}
