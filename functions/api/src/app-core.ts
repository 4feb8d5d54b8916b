import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { Deps } from './composition.js';
import { handleError, problem } from './middleware/problem.js';
import { requestContext } from './middleware/request-context.js';
import { apiSecurityHeaders, docsSecurityHeaders } from './middleware/security-headers.js';
import { authenticate, clientAddress, type ReadAhead } from './middleware/auth.js';
import { enforceDeclaredSecurity } from './middleware/access.js';
import { enforceDeclaredBody } from './middleware/body.js';
import type { ApiEnv } from './env.js';
import { declareCommonAnswers } from './routes/shared.js';
import { validationHook } from './validation.js';

export const API_BASE = '/v1';

/**
 * Routes of the API under one first path segment (`/v1/<segment>/...`), or all of them (app.ts): `mount` adds them
 * to the app, `readAhead` is what authentication may read with the sign-in for them (middleware/auth.ts).
 */
export interface Resource {
  mount(app: OpenAPIHono<ApiEnv>, deps: Deps): void;
  readAhead?: (deps: Deps, base: string) => ReadAhead;
}

/**
 * `Cache-Control: no-store` on every answer under a token-bearing URL (an unsubscribe link or invitation is its
 * person's authority): the views, the one-click POST and the problems of a bad token, body or media type, so no shared
 * cache or history keeps the URL's answer. Mounted before the body checks, so their 413/415 carry it too.
 */
const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('cache-control', 'no-store');
};

/** The read-ahead of the first resource that has one for this request (each matches its own paths only). */
function readAheadOf(deps: Deps, resources: readonly Resource[]): ReadAhead | undefined {
  const aheads = resources.flatMap((r) => (r.readAhead ? [r.readAhead(deps, API_BASE)] : []));
  if (aheads.length === 0) return undefined;
  return (c) => {
    for (const ahead of aheads) {
      const signIn = ahead(c);
      if (signIn) return signIn;
    }
    return undefined;
  };
}

/**
 * An app with the API's middleware (request context, security headers, the client's address, authentication, then
 * each route's declared security and body rules, in that order) and `resources`' routes under /v1; with `document`
 * it also serves /v1/openapi.json, which only the app of every resource can describe. Unknown paths are 404
 * problem+json, failures problem+json (handleError). The one place the middleware order is written: app.ts (every
 * resource) and lazy-app.ts (one resource per cold request) both build through it.
 */
export function buildApp(deps: Deps, resources: readonly Resource[], { document = false }: { document?: boolean } = {}) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).basePath(API_BASE);
  app.use('*', requestContext);
  app.use('/unsubscribe/*', noStore);
  app.use('/invitations/*', noStore);
  app.use('*', (c, next) => (c.req.path.startsWith(`${API_BASE}/docs`) ? docsSecurityHeaders(c, next) : apiSecurityHeaders(c, next)));

  app.use('*', clientAddress(deps.proxySecret));
  const { users, identity, clock } = deps.accounts;
  const readAhead = readAheadOf(deps, resources);
  app.use('*', authenticate({ verifier: deps.verifier, users, identity, clock, ...(readAhead ? { readAhead } : {}) }));
  // Who may call a route is settled from its declared `security` before its validators read any input.
  app.use('*', enforceDeclaredSecurity({ base: API_BASE, registry: app.openAPIRegistry }));
  // Then each body by its route's declaration: size (413) while it streams in, media type (415), JSON depth.
  app.use('*', enforceDeclaredBody({ base: API_BASE, registry: app.openAPIRegistry }));

  for (const resource of resources) resource.mount(app, deps);
  // The middleware's answers (401/403, 400/413/415 on bodies, 422 on Idempotency-Keys) in every route's entry.
  declareCommonAnswers(app.openAPIRegistry);

  if (document) {
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
  }

  const notFound = (c: Context<ApiEnv>) => problem(c, 'not-found', { detail: `no route for ${c.req.method} ${c.req.path}` });
  app.notFound(async (c) => {
    if (c.req.path === API_BASE || c.req.path.startsWith(`${API_BASE}/`)) return notFound(c);
    // Outside /v1 (the API Gateway's own address, `/`) no middleware ran: the 404 still gets a request id and the
    // security headers every answer carries (attacker review).
    await requestContext(c, async () => {
      await apiSecurityHeaders(c, async () => {
        c.res = notFound(c);
      });
    });
    return c.res;
  });
  app.onError(handleError);
  return app;
}
