import type { Currency, Money } from '@mekendesh/contracts';
import { daysBetween, isIsoDay } from './bishkek-calendar.js';
import { MINOR_UNITS, money } from './money.js';
import { MAX_AMOUNT_MINOR } from '@mekendesh/contracts';
import { amountTooLarge, assertAmountWithinLimit } from './money-limits.js';

/**
 * An official rate as the National Bank publishes it: `value` KGS for `nominal` units of `currency`
 * (e.g. 4.7578 KGS for 10 JPY). The value is an exact decimal string, never a float, and the division
 * by the nominal happens only inside a conversion, so nothing is rounded before the final result.
 * Plain strings and integers, so a rate can be stored beside the pledge it priced.
 */
export interface ExchangeRate {
  /** ISO 4217 alpha code; any code the feed carries, not only the platform's five. */
  readonly currency: string;
  /** KGS for `nominal` units, decimal point, no exponent: "29.2717". */
  readonly value: string;
  /** Number of currency units the value is for: 1, 10, 100 ... */
  readonly nominal: number;
}

/** The rates in effect on one day, by currency code. */
export interface RateTable {
  /** YYYY-MM-DD, the day the rates are in effect. */
  readonly date: string;
  readonly rates: Readonly<Record<string, ExchangeRate>>;
}

/** A rate found for a day, with the date of the table it came from (store both with a pledge). */
export interface PickedRate {
  readonly date: string;
  readonly rate: ExchangeRate;
}

/** KGS against itself: converting with it is the identity. */
export const KGS_RATE: ExchangeRate = Object.freeze({ currency: 'KGS', value: '1', nominal: 1 });

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const ISO_CODE = /^[A-Z]{3}$/;
/** Enough for any published rate; bounds the BigInt sizes a hand-edited rate can cause. */
const MAX_SCALE = 12;

/** An exact decimal as an integer and a power of ten: "29.2717" -> { units: 292717n, scale: 4 }. */
interface Decimal {
  units: bigint;
  scale: number;
}

function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const fraction = m[2] ?? '';
  if (fraction.length > MAX_SCALE) return undefined;
  return { units: BigInt(m[1]! + fraction), scale: fraction.length };
}

/**
 * Builds a rate after checking it: a 3-letter code, a positive decimal value with a point and at most
 * 12 decimals, a positive integer nominal. Use it for rates a person typed, too.
 * @example exchangeRate({ currency: 'KZT', value: '0.3197', nominal: 1 })
 */
export function exchangeRate(input: { currency: string; value: string; nominal: number }): ExchangeRate {
  const { currency, value, nominal } = input;
  if (!ISO_CODE.test(currency)) throw new RangeError(`currency must be a 3-letter ISO code, got "${currency}"`);
  const decimal = parseDecimal(value);
  if (!decimal) throw new RangeError(`rate value for ${currency} must be a decimal like 29.2717, got "${value}"`);
  if (decimal.units <= 0n) throw new RangeError(`rate value for ${currency} must be positive, got "${value}"`);
  if (!Number.isSafeInteger(nominal) || nominal < 1) {
    throw new RangeError(`nominal for ${currency} must be a positive integer, got ${nominal}`);
  }
  return { currency, value, nominal };
}

function decimalOf(rate: ExchangeRate): Decimal {
  const decimal = parseDecimal(rate.value);
  if (!decimal || decimal.units <= 0n || !Number.isSafeInteger(rate.nominal) || rate.nominal < 1) {
    throw new RangeError(`not a valid rate for ${rate.currency}: ${rate.value} per ${rate.nominal}`);
  }
  return decimal;
}

/** numerator / denominator (denominator > 0), rounded half away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if ((magnitude % denominator) * 2n >= denominator) quotient += 1n;
  return negative ? -quotient : quotient;
}

function assertAmount(amount: Money): void {
  if (!Number.isSafeInteger(amount.amount)) {
    throw new RangeError(`money amount must be a safe integer of minor units, got ${amount.amount}`);
  }
  assertAmountWithinLimit(amount.amount);
}

/** A converted amount: past MAX_AMOUNT_MINOR it is a 400 on `amount`, never a RangeError (a 500). */
function withinLimit(value: bigint): number {
  const max = BigInt(MAX_AMOUNT_MINOR);
  if (value > max || value < -max) throw amountTooLarge();
  return Number(value);
}

function minorUnits(currency: string): number {
  if (!Object.hasOwn(MINOR_UNITS, currency)) throw new RangeError(`${currency} is not a platform currency`);
  return MINOR_UNITS[currency as Currency];
}

/**
 * Converts minor units of a currency to KGS tyiyn at an official rate, exactly: the whole product is
 * computed in BigInt and rounded once, at the end, half away from zero (0.5 tyiyn -> 1, -0.5 -> -1).
 * KGS is returned unchanged and needs no rate. Both the amount and the result must be at most
 * MAX_AMOUNT_MINOR (contracts money-limits.ts): past it, a 400 DomainError on `amount` (`amountTooLarge`).
 * @example convertToKgs(money(10_000, 'USD'), exchangeRate({ currency: 'USD', value: '29.2717', nominal: 1 }))
 * // { amount: 292_717, currency: 'KGS' }: 100.00 USD = 2,927.17 KGS
 */
export function convertToKgs(amount: Money, rate?: ExchangeRate): Money {
  assertAmount(amount);
  if (amount.currency === 'KGS') {
    if (rate && rate.currency !== 'KGS') throw new TypeError(`a ${rate.currency} rate cannot convert KGS`);
    return money(amount.amount, 'KGS');
  }
  if (!rate) throw new TypeError(`converting ${amount.currency} to KGS needs a rate`);
  if (rate.currency !== amount.currency) {
    throw new TypeError(`a ${rate.currency} rate cannot convert ${amount.currency}`);
  }
  const { units, scale } = decimalOf(rate);
  // tyiyn = amount / minor(F) / nominal * value * minor(KGS)
  const numerator = BigInt(amount.amount) * units * BigInt(MINOR_UNITS.KGS);
  const denominator = 10n ** BigInt(scale) * BigInt(rate.nominal) * BigInt(minorUnits(amount.currency));
  return money(withinLimit(divideRounded(numerator, denominator)), 'KGS');
}

/**
 * Converts KGS tyiyn to minor units of the rate's currency, for showing USD beside KGS; rounded once,
 * half away from zero, like `convertToKgs`. A round trip can differ by a minor unit: store the KGS
 * value, display the other. Amount and result at most MAX_AMOUNT_MINOR, like `convertToKgs`.
 * @example convertFromKgs(money(292_717, 'KGS'), usdRate) // { amount: 10_000, currency: 'USD' }
 */
export function convertFromKgs(kgs: Money, rate: ExchangeRate): Money {
  assertAmount(kgs);
  if (kgs.currency !== 'KGS') throw new TypeError(`convertFromKgs takes KGS, got ${kgs.currency}`);
  const target = rate.currency;
  const targetMinor = minorUnits(target);
  if (target === 'KGS') return money(kgs.amount, 'KGS');
  const { units, scale } = decimalOf(rate);
  const numerator = BigInt(kgs.amount) * BigInt(rate.nominal) * BigInt(targetMinor) * 10n ** BigInt(scale);
  const denominator = units * BigInt(MINOR_UNITS.KGS);
  return money(withinLimit(divideRounded(numerator, denominator)), target as Currency);
}

function assertDay(day: string, what: string): void {
  if (!isIsoDay(day)) throw new RangeError(`${what} must be a YYYY-MM-DD day, got "${day}"`);
}

/**
 * The rate for a currency on a day: from the latest table dated at or before that day that has the
 * currency (a pledge made on Sunday takes Friday's or Saturday's rate; a weekly currency takes its
 * last weekly table). Tables may come in any order; of two tables of the same date, the later one in
 * the array wins, so put staff corrections after fetched rates. KGS always gets `KGS_RATE`.
 * Returns undefined when no table qualifies, or when the newest is more than `maxAgeDays` old: then
 * refuse to price the pledge rather than use a stale rate.
 * @example pickRateForDay({ tables: [daily20131215], currency: 'USD', day: '2013-12-17' })
 * // { date: '2013-12-15', rate: { currency: 'USD', value: '29.2717', nominal: 1 } }
 */
export function pickRateForDay(input: {
  tables: readonly RateTable[];
  currency: string;
  day: string;
  maxAgeDays?: number;
}): PickedRate | undefined {
  const { tables, currency, day, maxAgeDays } = input;
  assertDay(day, 'day');
  if (currency === 'KGS') return { date: day, rate: KGS_RATE };
  let best: PickedRate | undefined;
  for (const table of tables) {
    assertDay(table.date, 'rate table date');
    const rate = Object.hasOwn(table.rates, currency) ? table.rates[currency] : undefined;
    if (!rate || table.date > day) continue;
    if (!best || table.date >= best.date) best = { date: table.date, rate };
  }
  if (best && maxAgeDays !== undefined && daysBetween(best.date, day) > maxAgeDays) return undefined;
  return best;
}
