import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  KGS_RATE,
  convertFromKgs,
  convertToKgs,
  exchangeRate,
  pickRateForDay,
  type ExchangeRate,
  type RateTable,
} from './exchange-rates.js';
import { money } from './money.js';
import { DomainError } from './errors.js';
import { MAX_AMOUNT_MINOR } from '@mekendesh/contracts';
import { parseNbkrRates, rateTableFromNbkr } from './nbkr.js';

const sample = (name: string) => new Uint8Array(readFileSync(new URL(`./test-data/${name}`, import.meta.url)));
const daily = rateTableFromNbkr(parseNbkrRates(sample('daily_sample_2013-12-15.xml')));
const weekly = rateTableFromNbkr(parseNbkrRates(sample('weekly_sample_2013-12-14.xml')));
const rateOf = (table: RateTable, currency: string): ExchangeRate => {
  const rate = table.rates[currency];
  if (!rate) throw new Error(`no ${currency} in the sample`);
  return rate;
};
const usd = rateOf(daily, 'USD');

/** A tiny seeded PRNG (mulberry32), so random cases repeat exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('exchangeRate', () => {
  it('accepts exact decimals and positive integer nominals', () => {
    expect(exchangeRate({ currency: 'JPY', value: '4.7578', nominal: 10 })).toEqual({ currency: 'JPY', value: '4.7578', nominal: 10 });
    expect(exchangeRate({ currency: 'USD', value: '89', nominal: 1 }).value).toBe('89');
  });

  it('refuses floats in disguise, zero, negatives and bad codes', () => {
    for (const value of ['29,2717', '-1.5', '0', '0.0000', '1e3', '.5', '5.', ' 1.2', 'NaN', '1.1234567890123']) {
      expect(() => exchangeRate({ currency: 'USD', value, nominal: 1 }), value).toThrow(RangeError);
    }
    for (const nominal of [0, -1, 1.5, Number.NaN]) {
      expect(() => exchangeRate({ currency: 'USD', value: '1', nominal }), String(nominal)).toThrow(RangeError);
    }
    expect(() => exchangeRate({ currency: 'usd', value: '1', nominal: 1 })).toThrow(RangeError);
  });
});

describe('convertToKgs with the 15.12.2013 sample rates', () => {
  it('converts exactly when the product is whole', () => {
    // 100.00 USD * 29.2717 = 2,927.17 KGS
    expect(convertToKgs(money(10_000, 'USD'), usd)).toEqual({ amount: 292_717, currency: 'KGS' });
    // 1,000 KZT * 0.3197 = 319.70 KGS; 5,000 RUB * 1.4992 = 7,496.00 KGS
    expect(convertToKgs(money(100_000, 'KZT'), rateOf(daily, 'KZT'))).toEqual(money(31_970, 'KGS'));
    expect(convertToKgs(money(500_000, 'RUB'), rateOf(daily, 'RUB'))).toEqual(money(749_600, 'KGS'));
  });

  it('rounds once, at the end', () => {
    // 123.45 EUR * 67.8003 = 8,369.947035 KGS -> 8,369.95
    expect(convertToKgs(money(12_345, 'EUR'), rateOf(daily, 'EUR'))).toEqual(money(836_995, 'KGS'));
    // one cent is 29.2717 tyiyn -> 29; a thousand single cents are not a thousand roundings
    expect(convertToKgs(money(1, 'USD'), usd).amount).toBe(29);
    expect(convertToKgs(money(1_000, 'USD'), usd).amount).toBe(29_272);
  });

  it('rounds half away from zero', () => {
    // 50.00 USD * 29.2717 = 1,463.585 KGS exactly: the half goes up, and down for a refund
    expect(convertToKgs(money(5_000, 'USD'), usd).amount).toBe(146_359);
    expect(convertToKgs(money(-5_000, 'USD'), usd).amount).toBe(-146_359);
    const half = exchangeRate({ currency: 'USD', value: '1.5', nominal: 1 });
    expect(convertToKgs(money(1, 'USD'), half).amount).toBe(2);
    expect(convertToKgs(money(3, 'USD'), half).amount).toBe(5);
    expect(convertToKgs(money(-1, 'USD'), half).amount).toBe(-2);
    const justBelow = exchangeRate({ currency: 'USD', value: '1.499999999999', nominal: 1 });
    expect(convertToKgs(money(1, 'USD'), justBelow).amount).toBe(1);
    expect(convertToKgs(money(0, 'USD'), usd).amount).toBe(0);
  });

  it('divides by the nominal (KZT and RUB quoted per 100 or 10 give the same tyiyn)', () => {
    const kztPer1 = rateOf(daily, 'KZT');
    const kztPer100 = exchangeRate({ currency: 'KZT', value: '31.97', nominal: 100 });
    const rubPer1 = rateOf(daily, 'RUB');
    const rubPer10 = exchangeRate({ currency: 'RUB', value: '14.992', nominal: 10 });
    const random = prng(7);
    for (let i = 0; i < 2_000; i += 1) {
      // Within MAX_AMOUNT_MINOR on both sides of the conversion (RUB is ~1.5 KGS).
      const amount = Math.floor(random() * 1e10) - 5e9;
      expect(convertToKgs(money(amount, 'KZT'), kztPer100)).toEqual(convertToKgs(money(amount, 'KZT'), kztPer1));
      expect(convertToKgs(money(amount, 'RUB'), rubPer10)).toEqual(convertToKgs(money(amount, 'RUB'), rubPer1));
    }
    // 10,000 KZT at 17.65 KGS per 100 KZT = 1,765.00 KGS
    const kzt = exchangeRate({ currency: 'KZT', value: '17.65', nominal: 100 });
    expect(convertToKgs(money(1_000_000, 'KZT'), kzt)).toEqual(money(176_500, 'KGS'));
  });

  it('keeps KGS as it is', () => {
    expect(convertToKgs(money(12_345, 'KGS'))).toEqual(money(12_345, 'KGS'));
    expect(convertToKgs(money(12_345, 'KGS'), KGS_RATE)).toEqual(money(12_345, 'KGS'));
    expect(() => convertToKgs(money(1, 'KGS'), usd)).toThrow(TypeError);
  });

  it('refuses non-integer input, a missing rate and a rate of another currency', () => {
    expect(() => convertToKgs({ amount: 10.5, currency: 'USD' }, usd)).toThrow(RangeError);
    expect(() => convertToKgs({ amount: Number.NaN, currency: 'USD' }, usd)).toThrow(RangeError);
    expect(() => convertToKgs({ amount: 2 ** 60, currency: 'USD' }, usd)).toThrow(RangeError);
    expect(() => convertToKgs(money(1, 'USD'))).toThrow(TypeError);
    expect(() => convertToKgs(money(1, 'EUR'), usd)).toThrow(TypeError);
    expect(() => convertToKgs(money(1, 'USD'), { currency: 'USD', value: '29.27', nominal: 0 })).toThrow(RangeError);
    expect(() => convertToKgs(money(1, 'USD'), { currency: 'USD', value: '0.1e2', nominal: 1 })).toThrow(RangeError);
  });

  it('refuses an amount or a result past MAX_AMOUNT_MINOR with a 400 naming amount, never a RangeError', () => {
    const huge = exchangeRate({ currency: 'USD', value: '1000000', nominal: 1 });
    const fieldOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof DomainError ? `${e.kind}:${e.errors[0]?.field}:${e.errors[0]?.code}` : String(e);
      }
      return 'no error';
    };
    expect(fieldOf(() => convertToKgs(money(Number.MAX_SAFE_INTEGER, 'USD'), huge))).toBe('validation:amount:too_big');
    expect(fieldOf(() => convertToKgs(money(100_000_000_000_000, 'USD'), usd))).toBe('validation:amount:too_big');
    // 10^10 cents is within one amount's limit, but 100,000,000 USD is far more than 100,000,000 som.
    expect(fieldOf(() => convertToKgs(money(MAX_AMOUNT_MINOR, 'USD'), usd))).toBe('validation:amount:too_big');
    expect(fieldOf(() => convertFromKgs(money(MAX_AMOUNT_MINOR + 1, 'KGS'), usd))).toBe('validation:amount:too_big');
    expect(convertToKgs(money(MAX_AMOUNT_MINOR, 'KGS'))).toEqual(money(MAX_AMOUNT_MINOR, 'KGS'));
  });
});

describe('convertFromKgs', () => {
  it('shows USD beside KGS', () => {
    expect(convertFromKgs(money(292_717, 'KGS'), usd)).toEqual(money(10_000, 'USD'));
    // 100,000.00 KGS / 29.2717 = 3,416.2689... USD
    expect(convertFromKgs(money(10_000_000, 'KGS'), usd)).toEqual(money(341_627, 'USD'));
    expect(convertFromKgs(money(1, 'KGS'), usd)).toEqual(money(0, 'USD'));
    expect(convertFromKgs(money(-10_000_000, 'KGS'), usd)).toEqual(money(-341_627, 'USD'));
  });

  it('multiplies by the nominal', () => {
    const kztPer100 = exchangeRate({ currency: 'KZT', value: '31.97', nominal: 100 });
    // 1,000 KGS / 0.3197 = 3,127.9324... KZT
    expect(convertFromKgs(money(100_000, 'KGS'), kztPer100)).toEqual(money(312_793, 'KZT'));
    expect(convertFromKgs(money(100_000, 'KGS'), rateOf(daily, 'KZT'))).toEqual(money(312_793, 'KZT'));
  });

  it('round-trips within a minor unit', () => {
    const random = prng(11);
    for (let i = 0; i < 2_000; i += 1) {
      const cents = Math.floor(random() * (MAX_AMOUNT_MINOR / 30)); // the KGS result stays within the limit
      const back = convertFromKgs(convertToKgs(money(cents, 'USD'), usd), usd).amount;
      expect(Math.abs(back - cents)).toBeLessThanOrEqual(1);
    }
  });

  it('refuses non-KGS input and currencies the platform does not hold', () => {
    expect(() => convertFromKgs(money(1, 'USD'), usd)).toThrow(TypeError);
    expect(() => convertFromKgs(money(100, 'KGS'), rateOf(weekly, 'GBP'))).toThrow(RangeError);
    expect(() => convertFromKgs({ amount: 0.5, currency: 'KGS' }, usd)).toThrow(RangeError);
    expect(convertFromKgs(money(100, 'KGS'), KGS_RATE)).toEqual(money(100, 'KGS'));
  });
});

describe('pickRateForDay', () => {
  const usdAt = (value: string) => exchangeRate({ currency: 'USD', value, nominal: 1 });
  const table = (date: string, rates: ExchangeRate[]): RateTable => ({
    date,
    rates: Object.fromEntries(rates.map((r) => [r.currency, r])),
  });
  const friday = table('2013-12-13', [usdAt('29.20')]);
  const monday = table('2013-12-16', [usdAt('29.30')]);

  it('takes the latest rate at or before the day: Friday for a weekend pledge', () => {
    const tables = [monday, friday];
    expect(pickRateForDay({ tables, currency: 'USD', day: '2013-12-14' })).toEqual({ date: '2013-12-13', rate: usdAt('29.20') });
    expect(pickRateForDay({ tables, currency: 'USD', day: '2013-12-15' })?.date).toBe('2013-12-13');
    expect(pickRateForDay({ tables, currency: 'USD', day: '2013-12-16' })?.date).toBe('2013-12-16');
    expect(pickRateForDay({ tables, currency: 'USD', day: '2014-01-10' })?.date).toBe('2013-12-16');
    expect(pickRateForDay({ tables, currency: 'USD', day: '2013-12-12' })).toBeUndefined();
  });

  it('finds weekly currencies in their own, older table', () => {
    const tables = [daily, weekly];
    expect(pickRateForDay({ tables, currency: 'GBP', day: '2013-12-15' })).toEqual({
      date: '2013-12-14',
      rate: { currency: 'GBP', value: '80.5518', nominal: 1 },
    });
    expect(pickRateForDay({ tables, currency: 'USD', day: '2013-12-15' })?.rate).toEqual(usd);
    expect(pickRateForDay({ tables, currency: 'XYZ', day: '2013-12-15' })).toBeUndefined();
    expect(pickRateForDay({ tables, currency: 'toString', day: '2013-12-15' })).toBeUndefined();
  });

  it('lets a later table of the same day win (staff corrections)', () => {
    const corrected = table('2013-12-13', [usdAt('29.25')]);
    expect(pickRateForDay({ tables: [friday, corrected], currency: 'USD', day: '2013-12-14' })?.rate.value).toBe('29.25');
  });

  it('refuses a rate older than maxAgeDays', () => {
    expect(pickRateForDay({ tables: [friday], currency: 'USD', day: '2013-12-16', maxAgeDays: 3 })?.date).toBe('2013-12-13');
    expect(pickRateForDay({ tables: [friday], currency: 'USD', day: '2013-12-17', maxAgeDays: 3 })).toBeUndefined();
  });

  it('gives KGS its identity rate and checks days', () => {
    expect(pickRateForDay({ tables: [], currency: 'KGS', day: '2013-12-14' })).toEqual({ date: '2013-12-14', rate: KGS_RATE });
    expect(() => pickRateForDay({ tables: [], currency: 'USD', day: '14.12.2013' })).toThrow(RangeError);
    expect(() => pickRateForDay({ tables: [], currency: 'USD', day: '2013-02-30' })).toThrow(RangeError);
    expect(() => pickRateForDay({ tables: [table('2013-13-01', [])], currency: 'USD', day: '2013-12-14' })).toThrow(RangeError);
  });
});
