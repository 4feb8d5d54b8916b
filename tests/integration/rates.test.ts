import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadRatesFile } from '@mekendesh/jobs/rates';
import { DynamoRateStore } from '@mekendesh/db';
import { rateOn } from '@mekendesh/domain';
import { call, donation, moneyStack, pledge, today, type MoneyStack } from '../fixtures/money.js';

// The samples are kept in the repository (packages/domain/src/test-data), so a clone needs nothing beside it.
const SAMPLES = new URL('../../packages/domain/src/test-data/', import.meta.url);
let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(1);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

describe('exchange rates', () => {
  it('loads the shipped NBKR samples, and keeps the stored rates when a feed is malformed', async () => {
    const rates = new DynamoRateStore(s.db);
    expect(await loadRatesFile(s.db, readFileSync(new URL('daily_sample_2013-12-15.xml', SAMPLES)))).toMatchObject({
      ok: true,
      date: '2013-12-15',
    });
    expect(await loadRatesFile(s.db, readFileSync(new URL('weekly_sample_2013-12-14.xml', SAMPLES)))).toMatchObject({
      ok: true,
      date: '2013-12-14',
    });
    const before = await rates.tablesUpTo('2013-12-16', 10);
    expect(await rateOn(rates, 'USD', '2013-12-16')).toEqual({ currency: 'USD', value: '29.2717', nominal: 1, date: '2013-12-15' });
    const broken = new TextEncoder().encode(
      '<?xml version="1.0" encoding="windows-1251"?><CurrencyRates Name="Daily Exchange Rates" Date="16.12.2013"><Currency ISOCode="USD"><Nominal>1</Nominal><Value>abc</Value></Currency></CurrencyRates>',
    );
    const out = await loadRatesFile(s.db, broken);
    expect(out).toMatchObject({ ok: false, error: expect.stringMatching(/^NBKR feed: /) });
    expect(await rates.tablesUpTo('2013-12-16', 10)).toEqual(before);
  });

  it('lets staff enter a day’s rate by hand, which then prices pledges of that day', async () => {
    const day = today();
    const noReason = await call(s.app, s.staff, 'PUT', `/rates/${day}`, { rates: [{ currency: 'USD', value: '90.0000', nominal: 1 }] });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors[0].field).toBe('reason');
    const reason = 'The NBKR feed was late';
    const put = await call(s.app, s.staff, 'PUT', `/rates/${day}`, { rates: [{ currency: 'USD', value: '90.0000', nominal: 1 }], reason });
    expect(put.status).toBe(200);
    // Audited in the same transaction, with the table in force before (the demo one) and after.
    const audit = await (await call(s.app, s.staff, 'GET', `/audit?action=rates.correct&objectType=rates&objectId=${day}`)).json();
    expect(audit.status).toBe(400); // one key filter at a time
    const byAction = await (await call(s.app, s.staff, 'GET', '/audit?action=rates.correct')).json();
    expect(byAction.items).toHaveLength(1);
    expect(byAction.items[0]).toMatchObject({
      objectType: 'rates',
      objectId: day,
      reason,
      before: { source: 'demo', rates: { USD: '87.4500/1' } },
      after: { rates: { USD: '90.0000/1' } },
    });
    const project = await s.project();
    const p = await (await pledge(s.app, s.investors[0]!, project.id, donation(10_000, 'USD'))).json();
    expect(p).toMatchObject({ amountKgs: 900_000, rate: { value: '90.0000', date: day } });
    const bad = await call(s.app, s.staff, 'PUT', `/rates/${day}`, { rates: [{ currency: 'USD', value: '90,5' }], reason });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].field).toBe('rates.0.value');
  });
});
