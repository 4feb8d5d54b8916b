import type { Notifier } from './notification-ports.js';
import type { Money, StoredRate } from '@mekendesh/contracts';
import type { UserRepository } from './account-ports.js';
import { bishkekToday } from './bishkek-calendar.js';
import { DomainError } from './errors.js';
import { convertToKgs, pickRateForDay } from './exchange-rates.js';
import type { MoneyStore, ProgrammeStore, RateStore } from './money-ports.js';
import type { ProjectRepository } from './ports.js';
import type { RateLimits } from './rate-limits.js';

/**
 * What taking a pledge needs beyond the books: the abuse limits (counted in the pledge's own transaction, so no
 * limiter here), and which currencies cards take now.
 */
export interface PledgeIntake {
  limits: Pick<RateLimits, 'pledgesPerMinute' | 'pledgesPerDay'>;
  /** ISO codes a card pledge may be in; empty when card payments are off (no gateway configured). */
  cardCurrencies: readonly string[];
}

/** What the money use cases need, wired once in the API's composition (and in jobs and scripts). */
export interface MoneyDeps {
  projects: ProjectRepository;
  money: MoneyStore;
  rates: RateStore;
  programmes: ProgrammeStore;
  users: Pick<UserRepository, 'get'>;
  clock: { now(): Date };
  newId(): string;
  pledging: PledgeIntake;
  /** Emails to investors after money moves (payment received, match added, refund); none sent when absent. */
  notices?: { notifier: Notifier; webOrigin: string };
}

/** A pledge is priced with a rate at most this many days old; beyond that, staff must enter one. */
export const MAX_RATE_AGE_DAYS = 7;
/** Rate tables read per lookup: a week of daily and manual tables, plus weekly ones. */
const TABLES_PER_LOOKUP = 24;

/** How long a picked rate is reused in one function instance: short, since another instance may save a rate. */
export const RATE_CACHE_MS = 60_000;
/** Picked rates per store (one per function instance), by currency and Bishkek day; only found rates are kept. */
const rateCache = new WeakMap<RateStore, Map<string, { rate: StoredRate; until: number }>>();

/** Forgets the rates picked from this store: call it after staff save a rate, so this instance prices with it at once. */
export function forgetCachedRates(rates: RateStore): void {
  rateCache.delete(rates);
}

/**
 * The official rate of a currency on a day, as stored beside a pledge or receipt; 409 when there is none
 * recent enough (refusing to price beats pricing with a stale rate). A rate found is reused for RATE_CACHE_MS
 * in this instance (per currency and day), so a pledge normally reads no rates.
 */
export async function rateOn(rates: RateStore, currency: string, day: string): Promise<StoredRate> {
  if (currency === 'KGS') return { currency: 'KGS', value: '1', nominal: 1, date: day };
  const cache = rateCache.get(rates) ?? new Map<string, { rate: StoredRate; until: number }>();
  rateCache.set(rates, cache);
  const key = `${currency}|${day}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.rate;
  const picked = pickRateForDay({ tables: await rates.tablesUpTo(day, TABLES_PER_LOOKUP), currency, day, maxAgeDays: MAX_RATE_AGE_DAYS });
  if (!picked)
    throw new DomainError('conflict', `no ${currency} rate within ${MAX_RATE_AGE_DAYS} days before ${day}: staff must load or enter one`);
  const rate = { ...picked.rate, date: picked.date };
  cache.set(key, { rate, until: Date.now() + RATE_CACHE_MS });
  return rate;
}

/** Money in KGS tyiyn at a stored rate. */
export function kgsAt(amount: Money, rate: StoredRate): number {
  return convertToKgs(amount, amount.currency === 'KGS' ? undefined : rate).amount;
}

/** Today in Bishkek, 'YYYY-MM-DD', by the use cases' clock: the day of rates, receipts and programme periods. */
export const today = (clock: { now(): Date }): string => bishkekToday(clock);
