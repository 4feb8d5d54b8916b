import { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import { ProblemSchema } from '@mekendesh/contracts';
import type { ApiEnv } from '../env.js';
import { validationHook } from '../validation.js';

/**
 * A resource's sub-app, mounted by app.ts at its own prefix (paths inside are relative to it): the API's one
 * environment, so handlers read `c.var.actor` typed, and the one validation hook (400 problem+json naming fields).
 * @example export const auditRoutes = (deps: Deps) => resource().openapi(list, (c) => ...); // app.route('/audit', auditRoutes(deps))
 */
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
export const problems = (...codes: (400 | 401 | 403 | 404 | 409 | 429)[]) =>
  Object.fromEntries(codes.map((code) => [code, { description: PROBLEM_DESCRIPTIONS[code], content: problemContent }]));

const PROBLEM_DESCRIPTIONS = {
  400: 'Invalid input: the fields are named',
  401: 'Not signed in, or the token is invalid, expired or revoked',
  403: 'Signed in, but not allowed',
  404: 'Not found (or not visible to the caller)',
  409: 'Conflicts with the current state',
  429: 'Too many attempts',
} as const;

/** Any signed-in user. Enforced from this declaration, before validation (middleware/access.ts). */
export const bearer = [{ bearerAuth: [] }];

/** Programme staff only: staff or admin (alternatives; OpenAPI 3.1 lets bearer requirements name roles). */
export const staffOnly = [{ bearerAuth: ['staff'] }, { bearerAuth: ['admin'] }];

/** Spread into a route programme staff may not use (they book money and review; they do not pledge or apply). */
export const notForStaff = { 'x-refused-roles': ['staff', 'admin'] } as const;
