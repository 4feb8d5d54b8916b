/**
 * US dollars beside KGS on public figures (PRODUCT.md: "every total is shown in KGS, with USD beside it"): the NBKR USD
 * rate in force on a Bishkek day, picked by the rule that prices pledges (`rateOn`: newest table up to the day, a staff
 * correction after the fetched table of its day, at most MAX_RATE_AGE_DAYS old), and the one conversion of tyiyn to cents.
 */
import type { MoneyFigures, ProgrammeStats, ProjectFunds, UsdRate } from '@mekendesh/contracts';
import { bishkekToday } from './bishkek-calendar.js';
import { DomainError } from './errors.js';
import { exchangeRate } from './exchange-rates.js';
import { rateOn } from './money-deps.js';
import type { RateStore } from './money-ports.js';

/**
 * KGS tyiyn to US cents at an NBKR rate (`value` KGS per `nominal` USD), exactly: BigInt, rounded once, half up on the
 * magnitude (a negative amount mirrors the positive one). Unlike `convertFromKgs` it has no per-amount limit, since
 * programme totals may pass a single pledge's ceiling. Throws RangeError on a malformed rate.
 * @example usdCents(874_500, { value: '87.45', nominal: 1 }) // 10_000 ($100.00)
 * @example usdCents(4_372, { value: '87.45', nominal: 1 }) // 50 (49.994 cents, half up)
 */
export function usdCents(kgs: number, rate: Pick<UsdRate, 'value' | 'nominal'>): number {
  if (!Number.isSafeInteger(kgs)) throw new RangeError(`KGS tyiyn must be a safe integer, got ${kgs}`);
  const { value, nominal } = exchangeRate({ currency: 'USD', value: rate.value, nominal: rate.nominal });
  const [whole, fraction = ''] = value.split('.');
  const units = BigInt(whole! + fraction);
  // cents = tyiyn / 100 (som) / (value / nominal) (som per dollar) * 100: the hundreds cancel.
  const numerator = BigInt(Math.abs(kgs)) * BigInt(nominal) * 10n ** BigInt(fraction.length);
  let cents = numerator / units;
  if ((numerator % units) * 2n >= units) cents += 1n;
  return kgs < 0 ? -Number(cents) : Number(cents);
}

/**
 * The USD rate in force on `day` (YYYY-MM-DD, Bishkek) as `rateOn` picks it (reused per instance for 60 s), or null
 * when none recent enough is stored: the pages then show KGS only. Other errors (the store down) propagate.
 */
export async function usdRateOn(rates: RateStore, day: string): Promise<UsdRate | null> {
  try {
    const rate = await rateOn(rates, 'USD', day);
    return { value: rate.value, nominal: rate.nominal, date: rate.date };
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'conflict') return null;
    throw error;
  }
}

/** Today's (Bishkek) USD rate by the clock, or null: see `usdRateOn`. */
export function usdRateToday(deps: { rates: RateStore; clock: { now(): Date } }): Promise<UsdRate | null> {
  return usdRateOn(deps.rates, bishkekToday(deps.clock));
}

/** A project's funds with the same figures in US cents at `rate` beside them (`usd`: null without a rate). */
export function fundsWithUsd(funds: ProjectFunds, rate: UsdRate | null): ProjectFunds {
  if (!rate) return { ...funds, usd: null };
  const c = (kgs: number) => usdCents(kgs, rate);
  const byFunder = Object.fromEntries(
    Object.entries(funds.byFunder).map(([k, f]) => [k, { planned: c(f.planned), received: c(f.received), spent: c(f.spent) }]),
  ) as ProjectFunds['byFunder'];
  return { ...funds, usd: { byFunder, received: c(funds.received), spent: c(funds.spent), available: c(funds.available), rate } };
}

function figuresWithUsd<F extends MoneyFigures>(f: F, rate: UsdRate): F {
  return {
    ...f,
    usd: { received: usdCents(f.received, rate), matched: usdCents(f.matched, rate), disbursed: usdCents(f.disbursed, rate) },
  };
}

/** The programme statistics with every money row's figures in US cents at `rate` beside them, and the rate itself. */
export function statsWithUsd<S extends Omit<ProgrammeStats, 'currency'>>(stats: S, rate: UsdRate | null): S {
  if (!rate) return { ...stats, usdRate: null };
  return {
    ...stats,
    usdRate: rate,
    totals: figuresWithUsd(stats.totals, rate),
    byOblast: stats.byOblast.map((r) => figuresWithUsd(r, rate)),
    bySector: stats.bySector.map((r) => figuresWithUsd(r, rate)),
    cells: stats.cells.map((r) => figuresWithUsd(r, rate)),
  };
}
