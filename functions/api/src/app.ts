import { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from './composition.js';
import { handleError, problem } from './middleware/problem.js';
import { requestContext } from './middleware/request-context.js';
import { apiSecurityHeaders, docsSecurityHeaders } from './middleware/security-headers.js';
import { authenticate, clientAddress } from './middleware/auth.js';
import { enforceDeclaredSecurity } from './middleware/access.js';
import { enforceDeclaredBody } from './middleware/body.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { devRoutes } from './routes/dev.js';
import { docsRoutes } from './routes/docs.js';
import { ledgerRoutes } from './routes/ledger.js';
import { meRoutes } from './routes/me.js';
import { organisationRoutes } from './routes/organisations.js';
import { healthRoutes } from './routes/health.js';
import { projectRoutes } from './routes/projects.js';
import { proposalRoutes } from './routes/proposals.js';
import { uploadRoutes } from './routes/uploads.js';
import { statsRoutes } from './routes/stats.js';
import { pledgeRoutes } from './routes/pledges.js';
import { moneyStaffRoutes } from './routes/money-staff.js';
import { cardPaymentRoutes } from './routes/card-payments.js';
import { receivingAccountRoutes } from './routes/receiving-accounts.js';
import { territoryRoutes } from './routes/territories.js';
import { validationHook } from './validation.js';

export const API_BASE = '/v1';

/**
 * The one Hono app: mounted by lambda.ts (API Gateway), server.ts (Node, locally) and tests (app.request()).
 * @example const app = createApp(composeFromEnv()); await app.request('/v1/health');
 */
export function createApp(deps: Deps) {
  const app = new OpenAPIHono({ defaultHook: validationHook }).basePath(API_BASE);
  app.use('*', requestContext);
  app.use('*', (c, next) => (c.req.path.startsWith(`${API_BASE}/docs`) ? docsSecurityHeaders(c, next) : apiSecurityHeaders(c, next)));

  app.use('*', clientAddress(deps.proxySecret));
  app.use('*', authenticate({ verifier: deps.verifier, users: deps.accounts.users, identity: deps.accounts.identity }));
  // Who may call a route is settled from its declared `security` before its validators read any input.
  app.use('*', enforceDeclaredSecurity({ base: API_BASE, registry: app.openAPIRegistry }));
  // Then each body by its route's declaration: size (413) while it streams in, media type (415), JSON depth.
  app.use('*', enforceDeclaredBody({ base: API_BASE, registry: app.openAPIRegistry }));

  app.route('/', healthRoutes(deps));
  app.route('/', authRoutes(deps));
  app.route('/', meRoutes(deps));
  app.route('/', organisationRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', ledgerRoutes(deps));
  if (deps.outbox) app.route('/', devRoutes(deps.outbox));
  app.route('/', territoryRoutes());
  app.route('/', projectRoutes(deps));
  app.route('/', proposalRoutes(deps));
  app.route('/', uploadRoutes(deps));
  app.route('/', pledgeRoutes(deps));
  app.route('/', moneyStaffRoutes(deps));
  app.route('/', cardPaymentRoutes(deps));
  app.route('/', receivingAccountRoutes(deps));
  app.route('/', statsRoutes(deps));
  app.route('/', docsRoutes());

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Mekendesh API',
      version: '0.1.0',
      description: 'Diaspora investment in the home regions of the Kyrgyz Republic. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/' }],
  });

  app.notFound((c) => problem(c, 'not-found', { detail: `no route for ${c.req.method} ${c.req.path}` }));
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
