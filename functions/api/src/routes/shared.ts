import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ProblemSchema } from '@mekendesh/contracts';
import type { ApiEnv } from '../env.js';
import { validationHook } from '../validation.js';

/**
 * A resource's sub-app, mounted by app.ts at its own prefix (paths inside are relative to it): the API's one
 * environment, so handlers read `c.var.actor` typed, and the one validation hook (400 problem+json naming fields).
 * @example export const auditRoutes = (deps: Deps) => resource().openapi(list, (c) => ...); // app.route('/audit', auditRoutes(deps))
 */
/** The `{id}` path parameter of a project, pledge, receipt, question or receiving account: up to 64 URL-safe characters. */
export const IdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
});

export const resource = () => new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

export const problemContent = { 'application/problem+json': { schema: ProblemSchema } } as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** The problem answers a route can give, for its OpenAPI entry. */
export const problems = (...codes: (keyof typeof PROBLEM_DESCRIPTIONS)[]) =>
  Object.fromEntries(codes.map((code) => [code, { description: PROBLEM_DESCRIPTIONS[code], content: problemContent }]));

const PROBLEM_DESCRIPTIONS = {
  400: 'Invalid input: the fields are named',
  401: 'Not signed in, or the token is invalid, expired or revoked',
  403: 'Signed in, but not allowed',
  404: 'Not found (or not visible to the caller)',
  409: 'Conflicts with the current state',
  413: 'The request body is larger than this route takes',
  415: 'The request body is not of a media type this route takes',
  422: 'The Idempotency-Key was used with a different body',
  429: 'Too many attempts',
} as const;

/** A route as the OpenAPI registry keeps it: the parts declareCommonAnswers reads and completes. */
interface RegisteredRoute {
  security?: Record<string, string[]>[];
  request?: { body?: unknown; headers?: unknown };
  responses?: Record<string, unknown>;
  'x-refused-roles'?: readonly string[];
}

/** Whether a route's declared request headers take an Idempotency-Key (a zod object of headers, or a list of them). */
function takesIdempotencyKey(headers: unknown): boolean {
  const list = Array.isArray(headers) ? headers : [headers];
  return list.some((h) => typeof h === 'object' && h !== null && 'shape' in h && 'idempotency-key' in (h as { shape: object }).shape);
}

/**
 * The answers the app's middleware gives on a route's behalf, added to every route's OpenAPI entry that lacks them
 * (issue 12 review: /v1/openapi.json left out the unsubscribe route's 415 and the club contribution's 422): 401 where
 * `security` is declared (middleware/access.ts), 403 where it names roles or refuses some; 400, 413 and 415 where a
 * body is declared (middleware/body.ts, and @hono/zod-openapi's media-type gate); 422 where an Idempotency-Key is
 * taken (a key reused with another body). A route's own description of a status is kept. Read from the same
 * declarations the middleware enforces, so the document cannot drift from them; app.ts calls it once the resources
 * are mounted. Each registered route is the app's own copy, so the sub-apps' route objects are left as declared.
 * @example declareCommonAnswers(app.openAPIRegistry)
 */
export function declareCommonAnswers(registry: { definitions: readonly { type: string; route?: object }[] }): void {
  for (const definition of registry.definitions) {
    if (definition.type !== 'route' || !definition.route) continue;
    const route = definition.route as RegisteredRoute;
    const codes: (keyof typeof PROBLEM_DESCRIPTIONS)[] = [];
    if (route.security?.length) codes.push(401);
    if (route.security?.some((s) => Object.values(s).some((roles) => roles.length > 0)) || route['x-refused-roles']?.length)
      codes.push(403);
    if (route.request?.body) codes.push(400, 413, 415);
    if (takesIdempotencyKey(route.request?.headers)) codes.push(422);
    route.responses = { ...problems(...codes), ...route.responses };
  }
}

/** Any signed-in user. Enforced from this declaration, before validation (middleware/access.ts). */
export const bearer = [{ bearerAuth: [] }];

/** Programme staff only: staff or admin (alternatives; OpenAPI 3.1 lets bearer requirements name roles). */
export const staffOnly = [{ bearerAuth: ['staff'] }, { bearerAuth: ['admin'] }];

/** Spread into a route programme staff may not use (they book money and review; they do not pledge or apply). */
export const notForStaff = { 'x-refused-roles': ['staff', 'admin'] } as const;
