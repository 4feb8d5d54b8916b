import { createRoute, z } from '@hono/zod-openapi';
import { LocaleSchema, OblastStatsListSchema, ProblemSchema, ProgrammeStatsSchema, type ProgrammeStats } from '@mekendesh/contracts';
import { OPEN_DATA_LICENCE, OPEN_DATA_LICENCE_URL, openDataCsv, programmeStatistics } from '@mekendesh/domain/programme-stats';
import { oblastStatistics } from '@mekendesh/domain/projects';
import { statsWithUsd, usdRateToday } from '@mekendesh/domain/usd';
import { OBLASTS, territoryBySoate } from '@mekendesh/territories';
import type { Deps } from '../composition.js';
import { resource } from './shared.js';

const unavailable = { description: 'The database is unavailable', content: { 'application/problem+json': { schema: ProblemSchema } } };
const invalidQuery = {
  description: 'Invalid query (an unknown parameter is named: query.x)',
  content: { 'application/problem+json': { schema: ProblemSchema } },
};
/** These reads take no parameters: an unknown one is a 400 naming it, as open-data.csv and the other public GETs answer. */
const NoQuery = z.object({}).strict();

const oblasts = createRoute({
  method: 'get',
  path: '/oblasts',
  tags: ['stats'],
  summary: 'For the map: public projects and money raised in each of the 9 oblast-level units',
  description: 'Read from running totals kept as projects are written (one query of nine items); money in KGS tyiyn.',
  request: { query: NoQuery },
  responses: {
    200: { description: 'One row per oblast-level unit', content: { 'application/json': { schema: OblastStatsListSchema } } },
    400: invalidQuery,
    503: unavailable,
  },
});

const programme = createRoute({
  method: 'get',
  path: '/programme',
  tags: ['stats'],
  summary: 'The programme in figures: money received, matched and disbursed by oblast and sector; projects completed, beneficiaries, jobs',
  description:
    'From running totals only (the dashboard cells of every month, the pipeline cells), never by reading pledges or entries; ' +
    'cached for 60 s. Money in KGS tyiyn, with `usd` (US cents) beside each row at `usdRate`, the NBKR rate in force today ' +
    '(Bishkek; null when none recent is stored). Open data under CC BY 4.0, Mekendesh.',
  request: { query: NoQuery },
  responses: {
    200: { description: 'The figures', content: { 'application/json': { schema: ProgrammeStatsSchema } } },
    400: invalidQuery,
    503: unavailable,
  },
});

const csv = createRoute({
  method: 'get',
  path: '/open-data.csv',
  tags: ['stats'],
  summary: 'The programme statistics as open data: one CSV row per oblast and sector (CC BY 4.0, Mekendesh)',
  description:
    'UTF-8 with a byte-order mark (Excel opens Cyrillic names right); the first line is the header (the licence is in the ' +
    '`Link: <...>; rel="license"` header). Amounts in KGS som with two decimals; the USD rate in the last three columns. ' +
    '`lang` picks the language of the oblast names (default en) and of the file name.',
  request: { query: z.object({ lang: LocaleSchema.optional() }).strict() },
  responses: {
    200: { description: 'The CSV', content: { 'text/csv': { schema: z.string() } } },
    400: invalidQuery,
    503: unavailable,
  },
});

const OBLAST_CODES = OBLASTS.map((o) => o.soate);
/** How long one instance keeps the figures: they move only when money is booked, and 60 s old is fresh enough for the public. */
const CACHE_MS = 60_000;

/** Figures for the map and the public statistics page, mounted at /stats. */
export function statsRoutes(deps: Deps) {
  let cached: { at: number; value: Promise<ProgrammeStats> } | undefined;
  const figures = (): Promise<ProgrammeStats> => {
    const now = Date.now();
    if (!cached || now - cached.at > CACHE_MS) {
      // USD beside KGS at today's NBKR rate (the rule that prices pledges), fixed with the figures for the cache's life.
      const value = Promise.all([programmeStatistics(deps.transparency.stats, OBLAST_CODES), usdRateToday(deps.money)]).then(
        ([s, rate]) => ({ currency: 'KGS' as const, ...statsWithUsd(s, rate) }),
      );
      // A failed read is not kept: the next request tries again.
      value.catch(() => (cached = undefined));
      cached = { at: now, value };
    }
    return cached.value;
  };
  return resource()
    .openapi(oblasts, async (c) => {
      const items = await oblastStatistics(deps.projects, OBLAST_CODES);
      c.header('cache-control', 'public, max-age=60');
      return c.json({ currency: 'KGS' as const, items }, 200);
    })
    .openapi(programme, async (c) => {
      c.header('cache-control', 'public, max-age=60');
      return c.json(await figures(), 200);
    })
    .openapi(csv, async (c) => {
      const lang = c.req.valid('query').lang ?? 'en';
      const body = openDataCsv(await figures(), (soate) => territoryBySoate(soate)?.fullName[lang] ?? soate);
      c.header('cache-control', 'public, max-age=60');
      // Names differ by language, so the file name does too: two downloads in two languages do not overwrite each other.
      c.header('content-disposition', `attachment; filename="mekendesh-open-data-${lang}.csv"`);
      c.header('link', `<${OPEN_DATA_LICENCE_URL}>; rel="license"`);
      c.header('x-licence', OPEN_DATA_LICENCE);
      return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8' });
    });
}
