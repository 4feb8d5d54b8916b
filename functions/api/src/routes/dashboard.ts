import { createRoute } from '@hono/zod-openapi';
import { DashboardQuerySchema, DashboardSchema } from '@mekendesh/contracts';
import { staffDashboard } from '@mekendesh/domain/staff-dashboard';
import type { Deps } from '../composition.js';
import { json, problems, resource, staffOnly } from './shared.js';

const dashboard = createRoute({
  method: 'get',
  path: '/dashboard',
  tags: ['money (staff)'],
  security: staffOnly,
  summary:
    'The staff dashboard: money by oblast, sector, corridor, currency and month; pipeline; review queue; pledges awaiting payment; programmes',
  description:
    'From running totals only (dashboard cells of the period, pipeline cells, programme items; never by reading pledges or ledger entries). ' +
    'Money in KGS tyiyn with USD cents beside it at the newest NBKR USD rate (`usdRate`; null when none is stored). `from`/`to` are Bishkek ' +
    'months (default the 12 months up to this one), `from` <= `to`, at most 60 months; `oblast` an oblast-level SOATE. The awaiting-payment ' +
    'list is the oldest `limit` pledges.',
  request: { query: DashboardQuerySchema },
  responses: { 200: json(DashboardSchema, 'The figures'), ...problems(400, 401, 403) },
});

/** The staff dashboard, mounted at /staff. */
export function dashboardRoutes(deps: Deps) {
  return resource().openapi(dashboard, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await staffDashboard(deps.dashboard, c.var.actor, c.req.valid('query')), 200);
  });
}
