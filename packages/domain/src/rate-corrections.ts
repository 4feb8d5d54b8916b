import { FIRST_RECEIPT_DAY, type Locale } from '@mekendesh/contracts';
import { bishkekToday, daysBetween } from './bishkek-calendar.js';
import { DomainError, invalidIn } from './errors.js';
import type { ExchangeRate, RateTable } from './exchange-rates.js';

/**
 * Rules for a day's rates entered by hand (PUT /v1/rates/{date}; issue 13 attacker finding): the day lies from
 * FIRST_RECEIPT_DAY (the first day the platform took money, so the first rate it can need) to today in Bishkek; a
 * value is at most MAX_RATE_KGS som per nominal; and a change of more than half of the rate in force that day is
 * refused unless staff confirm it (a typo of a decimal point moves every conversion of the day).
 */

/** At most this many som for `nominal` units of a currency (the dearest NBKR rates are in the hundreds). */
export const MAX_RATE_KGS = 100_000;
/** A correction moving a rate by more than this share of the rate in force needs `confirmLargeChange`. */
export const LARGE_CHANGE_SHARE = 0.5;
/** Tables read back to find the rate in force on the day (as the conversions' own lookup reads). */
export const RATE_TABLES_BACK = 8;

type Messages = Readonly<Record<Locale, string>>;
const SCALE = 12;

/** A decimal string ('87.45') as an integer of 10^-12 units, or undefined when it is not one. */
function units(value: string): bigint | undefined {
  const m = /^(\d{1,12})(?:\.(\d{1,12}))?$/.exec(value);
  if (!m) return undefined;
  return BigInt(m[1]! + (m[2] ?? '').padEnd(SCALE, '0'));
}

/**
 * The day of a correction must be from FIRST_RECEIPT_DAY to today in Bishkek (`clock`).
 * @throws DomainError validation (400) naming `date`, in ky/ru/en.
 */
export function checkRateDay(date: string, clock: { now(): Date }): void {
  const today = bishkekToday(clock);
  if (date >= FIRST_RECEIPT_DAY && date <= today) return;
  throw invalidIn('date', {
    ky: `Курстардын күнү ${FIRST_RECEIPT_DAY} менен бүгүнкү күндүн (Бишкек, ${today}) ортосунда болушу керек.`,
    ru: `Дата курсов должна быть не раньше ${FIRST_RECEIPT_DAY} и не позже сегодняшнего дня (по Бишкеку, ${today}).`,
    en: `The day of the rates must be between ${FIRST_RECEIPT_DAY} and today (Bishkek, ${today}).`,
  });
}

/**
 * Each rate's value is at most MAX_RATE_KGS som per its nominal.
 * @throws DomainError validation (400) naming `rates.<i>.value`, in ky/ru/en.
 */
export function checkRateValues(rates: readonly { currency: string; value: string }[]): void {
  const max = BigInt(MAX_RATE_KGS) * 10n ** BigInt(SCALE);
  rates.forEach((r, i) => {
    const v = units(r.value);
    if (v !== undefined && v <= max) return;
    throw invalidIn(`rates.${i}.value`, {
      ky: `${r.currency} курсу номиналга ${MAX_RATE_KGS} сомдон ашпашы керек.`,
      ru: `Курс ${r.currency} должен быть не больше ${MAX_RATE_KGS} сомов за номинал.`,
      en: `The ${r.currency} rate must be at most ${MAX_RATE_KGS} som per nominal.`,
    });
  });
}

/** Whether new/newNominal differs from old/oldNominal by more than LARGE_CHANGE_SHARE of the old (exact, in integers). */
function isLargeChange(old: { value: string; nominal: number }, next: { value: string; nominal: number }): boolean {
  const o = units(old.value);
  const n = units(next.value);
  if (o === undefined || n === undefined || o === 0n) return false;
  // Per one unit: o/oldNominal vs n/newNominal; cross-multiplied so nothing is rounded.
  const oldPer = o * BigInt(next.nominal);
  const newPer = n * BigInt(old.nominal);
  const diff = newPer > oldPer ? newPer - oldPer : oldPer - newPer;
  return diff * 2n > oldPer;
}

/**
 * Refuses a correction that moves any currency's rate by more than half of the rate in force on that day (the
 * newest table on or before the day that has the currency, from `tables`, oldest first), unless `confirmed`.
 * @throws DomainError conflict (409) naming `rates.<i>.value`, saying the old and new rate, in ky/ru/en.
 */
export function checkLargeChanges(input: {
  rates: readonly { currency: string; value: string; nominal: number }[];
  tables: readonly RateTable[];
  confirmed: boolean;
}): void {
  if (input.confirmed) return;
  const errors = input.rates.flatMap((r, i) => {
    const old = input.tables.findLast((t) => t.rates[r.currency])?.rates[r.currency];
    if (!old || !isLargeChange(old, r)) return [];
    const was = `${old.value}/${old.nominal}`;
    const now = `${r.value}/${r.nominal}`;
    const messages: Messages = {
      ky: `${r.currency} курсу ${was} болчу, ${now} жарымынан ашык өзгөрөт: туура болсо, ырастаңыз (confirmLargeChange).`,
      ru: `Курс ${r.currency} был ${was}, новый ${now} отличается больше чем наполовину: если верно, подтвердите (confirmLargeChange).`,
      en: `The ${r.currency} rate was ${was}; ${now} changes it by more than half: confirm if it is right (confirmLargeChange).`,
    };
    return [{ field: `rates.${i}.value`, message: messages.en, messages }];
  });
  if (!errors.length) return;
  const whole: Messages = {
    ky: 'Курстардын бири жарымынан ашык өзгөрөт: текшерип, ырастаңыз.',
    ru: 'Один из курсов меняется больше чем наполовину: проверьте и подтвердите.',
    en: 'A rate changes by more than half: check and confirm.',
  };
  throw new DomainError('conflict', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors, whole);
}

/**
 * A correction over the rates in force on `day` (issue 13 review 10): the stored manual table wins over the day's
 * fetched one, so a currency staff left blank would vanish from that day; it keeps its in-force value instead. In force
 * = the newest table on or before `day` carrying the currency (`tables` oldest first, as pickRateForDay reads them) and
 * at most `maxAgeDays` old, so a stale rate is not made fresh by a correction of another currency.
 * @example withInForce({ day: '2026-12-01', corrected: { USD: usd }, tables: [nbkr1201], maxAgeDays: 7 }) // { EUR, RUB, ..., USD: usd }
 */
export function withInForce(input: {
  day: string;
  corrected: Readonly<Record<string, ExchangeRate>>;
  tables: readonly RateTable[];
  maxAgeDays: number;
}): Record<string, ExchangeRate> {
  const merged: Record<string, ExchangeRate> = {};
  for (const t of input.tables)
    if (t.date <= input.day && daysBetween(t.date, input.day) <= input.maxAgeDays) Object.assign(merged, t.rates);
  return { ...merged, ...input.corrected };
}
