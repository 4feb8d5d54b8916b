import { Hono } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { API_BASE, buildApp, type Resource } from './app-core.js';
import type { Deps } from './composition.js';
import type { ApiEnv } from './env.js';

type App = OpenAPIHono<ApiEnv>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each routes file's typed schema differs; app.route takes any.
type Routes = (deps: Deps) => Hono<ApiEnv, any, any>;
const at = (path: string, routes: Routes) => (app: App, deps: Deps) => void app.route(path, routes(deps));
const resource = (...mounts: ((app: App, deps: Deps) => void)[]): Resource => ({
  mount: (app, deps) => mounts.forEach((m) => m(app, deps)),
});

/**
 * Each first path segment under /v1 (and each part of /v1/projects/{id}/<part>: `projects:<file>`, loaderKeyOf) and
 * how to load its routes: the same sub-apps at the same prefixes, in the same order, as app.ts mountResources
 * (lazy-app.test.ts compares the two route by route). Each loader imports only its route modules, so a cold Lambda
 * answering GET /v1/projects evaluates the projects routes and their schemas, not the other thirty files' (issue 14:
 * the API's cold start). The dev outbox is never here: a deployed function has none.
 */
export const RESOURCE_LOADERS: Record<string, () => Promise<Resource>> = {
  health: async () => resource(at('/health', (await import('./routes/health.js')).healthRoutes)),
  auth: async () => resource(at('/auth', (await import('./routes/auth.js')).authRoutes)),
  me: async () => {
    const [me, pledges, matching, follows, notifications, clubs] = await Promise.all([
      import('./routes/me.js'),
      import('./routes/pledges.js'),
      import('./routes/matching.js'),
      import('./routes/follows.js'),
      import('./routes/notifications.js'),
      import('./routes/clubs.js'),
    ]);
    return resource(
      at('/me', me.meRoutes),
      at('/me', pledges.myPledgeRoutes),
      at('/me', matching.myRecommendationRoutes),
      at('/me', follows.followRoutes),
      at('/me', notifications.myNotificationRoutes),
      at('/me', clubs.myClubRoutes),
    );
  },
  unsubscribe: async () => resource(at('/unsubscribe', (await import('./routes/notifications.js')).unsubscribeRoutes)),
  recommendations: async () => resource(at('/recommendations', (await import('./routes/matching.js')).recommendationRoutes)),
  organisations: async () => {
    const [organisations, proposals] = await Promise.all([import('./routes/organisations.js'), import('./routes/proposals.js')]);
    return resource(at('/organisations', organisations.organisationRoutes), at('/organisations', proposals.organisationProjectRoutes));
  },
  invitations: async () => resource(at('/invitations', (await import('./routes/organisations.js')).invitationRoutes)),
  audit: async () => resource(at('/audit', (await import('./routes/audit.js')).auditRoutes)),
  territories: async () => {
    const { territoryRoutes } = await import('./routes/territories.js');
    return resource(at('/territories', () => territoryRoutes()));
  },
  stats: async () => resource(at('/stats', (await import('./routes/stats.js')).statsRoutes)),
  demand: async () => resource(at('/demand', (await import('./routes/demand.js')).demandRoutes)),
  // /v1/projects itself and /v1/projects/{id} (discovery, reading, proposals); each /v1/projects/{id}/<part> below
  // loads its own routes file (PROJECT_PARTS), so a cold GET /v1/projects evaluates neither pledges nor reports.
  projects: async () => {
    const [projects, proposals] = await Promise.all([import('./routes/projects.js'), import('./routes/proposals.js')]);
    return resource(at('/projects', projects.projectRoutes), at('/projects', proposals.proposalRoutes));
  },
  'projects:uploads': async () => resource(at('/projects', (await import('./routes/uploads.js')).uploadRoutes)),
  'projects:ledger': async () => resource(at('/projects', (await import('./routes/ledger.js')).ledgerRoutes)),
  'projects:pledges': async () => {
    const pledges = await import('./routes/pledges.js');
    // A pledge (POST /projects/{id}/pledges) reads its first items with the sign-in, as in app.ts.
    return { ...resource(at('/projects', pledges.projectPledgeRoutes)), readAhead: pledges.pledgeReadAhead };
  },
  'projects:questions': async () => resource(at('/projects', (await import('./routes/questions.js')).projectQuestionRoutes)),
  'projects:reports': async () => resource(at('/projects', (await import('./routes/reports.js')).projectReportRoutes)),
  'projects:clubs': async () => resource(at('/projects', (await import('./routes/clubs.js')).projectClubRoutes)),
  questions: async () => resource(at('/questions', (await import('./routes/questions.js')).questionRoutes)),
  clubs: async () => resource(at('/clubs', (await import('./routes/clubs.js')).clubRoutes)),
  'club-pledges': async () => resource(at('/club-pledges', (await import('./routes/clubs.js')).clubPledgeRoutes)),
  pledges: async () => {
    const [pledges, money, cards, accounts] = await Promise.all([
      import('./routes/pledges.js'),
      import('./routes/money-staff.js'),
      import('./routes/card-payments.js'),
      import('./routes/receiving-accounts.js'),
    ]);
    return resource(
      at('/pledges', pledges.pledgeRoutes),
      at('/pledges', money.receiptRoutes),
      at('/pledges', cards.cardCheckoutRoutes),
      at('/pledges', accounts.paymentDetailRoutes),
    );
  },
  payments: async () => resource(at('/payments', (await import('./routes/card-payments.js')).paymentOptionRoutes)),
  webhooks: async () => resource(at('/webhooks', (await import('./routes/card-payments.js')).stripeWebhookRoutes)),
  rates: async () => resource(at('/rates', (await import('./routes/money-staff.js')).rateRoutes)),
  programmes: async () => resource(at('/programmes', (await import('./routes/money-staff.js')).programmeRoutes)),
  staff: async () => {
    const [proposals, reports, dashboard, organisations, money, accounts, refunds] = await Promise.all([
      import('./routes/proposals.js'),
      import('./routes/reports.js'),
      import('./routes/dashboard.js'),
      import('./routes/organisations.js'),
      import('./routes/money-staff.js'),
      import('./routes/receiving-accounts.js'),
      import('./routes/refunds.js'),
    ]);
    return resource(
      at('/staff/projects', proposals.staffProjectRoutes),
      at('/staff/projects', reports.staffCofundingRoutes),
      at('/staff', reports.lateReportRoutes),
      at('/staff', dashboard.dashboardRoutes),
      at('/staff/organisations', organisations.staffOrganisationRoutes),
      at('/staff/statements', money.statementRoutes),
      at('/staff/receiving-accounts', accounts.receivingAccountRoutes),
      at('/staff/refunds', refunds.refundRoutes),
    );
  },
  docs: async () => {
    const { docsRoutes } = await import('./routes/docs.js');
    return resource(at('/docs', () => docsRoutes()));
  },
};

/**
 * Which loader serves /v1/projects/{id}/<part>: the routes file of that part. A part not listed (submit, review,
 * status, or none) is the projects loader's; lazy-app.test.ts checks every route of each loader maps back to it.
 */
const PROJECT_PARTS: Readonly<Record<string, string>> = {
  uploads: 'projects:uploads',
  media: 'projects:uploads',
  ledger: 'projects:ledger',
  supporters: 'projects:ledger',
  pledges: 'projects:pledges',
  funding: 'projects:pledges',
  questions: 'projects:questions',
  'pledge-messages': 'projects:questions',
  progress: 'projects:reports',
  reports: 'projects:reports',
  disbursements: 'projects:reports',
  clubs: 'projects:clubs',
};

/**
 * The loader a path under /v1 needs: its first segment (`me` of `/v1/me/profile`), or for /v1/projects/{id}/<part>
 * the part's (PROJECT_PARTS); '' for anything outside /v1.
 * @example loaderKeyOf('/v1/projects/p1/pledges') // 'projects:pledges'
 */
export function loaderKeyOf(path: string): string {
  if (!path.startsWith(`${API_BASE}/`)) return '';
  const [segment = '', , part] = path.slice(API_BASE.length + 1).split('/', 3);
  if (segment === 'projects' && part !== undefined && Object.hasOwn(PROJECT_PARTS, part)) return PROJECT_PARTS[part]!;
  return segment;
}

/**
 * The API as the Lambda entry serves it: a request under /v1/<segment> goes to an app of that segment's routes only
 * (RESOURCE_LOADERS by loaderKeyOf, built on the key's first request and kept for the instance), /v1/openapi.json to the app of
 * every route (app.ts createApp, loaded for it alone), anything else to an app of no route (404 problem+json). Every
 * app is buildApp's, so each has the same middleware in the same order and its own routes' declared security and
 * body rules. A loader that failed answers 500 problem+json and is tried again by the next request. `loaders` is for tests.
 */
export function lazyApp(deps: Deps, loaders: Record<string, () => Promise<Resource>> = RESOURCE_LOADERS): Hono<ApiEnv> {
  const apps = new Map<string, Promise<App>>();
  const load = (key: string): Promise<App> => {
    if (key === 'openapi.json') return import('./app.js').then((m) => m.createApp(deps));
    const loader = Object.hasOwn(loaders, key) ? loaders[key] : undefined;
    return loader ? loader().then((r) => buildApp(deps, [r])) : Promise.resolve(buildApp(deps, []));
  };
  const appFor = (wanted: string) => {
    const key = Object.hasOwn(loaders, wanted) || wanted === 'openapi.json' ? wanted : '';
    let app = apps.get(key);
    if (!app) {
      app = load(key);
      apps.set(key, app);
      app.catch(() => apps.delete(key));
    }
    return app;
  };
  // A loader that failed (a chunk that could not be read) answers through an app whose only route-less step throws: the
  // error leaves as every error does (handleError: 500 problem+json, security headers, request id, logged).
  let failed: App | undefined;
  const failedApp = () =>
    (failed ??= buildApp(deps, [
      {
        mount: (app) =>
          app.use('*', () => {
            throw new Error('the routes for this request could not be loaded');
          }),
      },
    ]));
  const front = new Hono<ApiEnv>();
  front.all('*', async (c) => {
    const app = await appFor(loaderKeyOf(c.req.path)).catch(() => failedApp());
    return app.fetch(c.req.raw, c.env);
  });
  return front;
}
