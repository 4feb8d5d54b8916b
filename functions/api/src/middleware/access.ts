import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { mergePath } from 'hono/utils/url';
import { DomainError } from '@mekendesh/domain/errors';
import { lacksSecondFactor, type Actor } from '@mekendesh/domain/actor';
import { secondFactorRequired } from '@mekendesh/domain/policy';
import type { ApiEnv } from '../env.js';

/**
 * An operation's OpenAPI `security`: alternatives, any one of which lets the caller in. Each names a scheme
 * and, for `bearerAuth`, the roles it needs (OpenAPI 3.1 allows role names there); `[]` means any signed-in user.
 * @example [{ bearerAuth: [] }]                              // signed in
 * @example [{ bearerAuth: ['staff'] }, { bearerAuth: ['admin'] }] // staff or admin
 */
type SecurityRequirements = readonly Readonly<Record<string, readonly string[]>>[];

/**
 * Roles a route refuses whatever else holds (`x-refused-roles`, an OpenAPI extension): programme staff book
 * money and review, so they neither pledge nor apply. Checked with the security, before validation.
 */
const REFUSED_ROLES = 'x-refused-roles';

/** What a route declares about who may call it. */
interface DeclaredAccess {
  security?: SecurityRequirements;
  [REFUSED_ROLES]?: readonly string[];
}

/** The part of the OpenAPI registry this module reads: each route's method, path and declared access. */
export interface RouteRegistry {
  readonly definitions: readonly { type: string; route?: { method: string; path: string } & DeclaredAccess }[];
}

/**
 * What the actor lacks for an operation's declared access: null when it may go on. No security requirement
 * (or an empty one, `{}`, meaning "optional") is a public route; refused roles apply to signed-in callers.
 * @example accessDenied(ANONYMOUS, { security: [{ bearerAuth: [] }] }) // 'unauthorized'
 */
function accessDenied(actor: Actor, access: DeclaredAccess | undefined): 'unauthorized' | 'forbidden' | 'second-factor' | null {
  if (actor.kind === 'anonymous') {
    const security = access?.security;
    const open = !security || security.length === 0 || security.some((requirement) => Object.keys(requirement).length === 0);
    return open ? null : 'unauthorized';
  }
  const roles = new Set<string>(actor.roles);
  if (access?.[REFUSED_ROLES]?.some((role) => roles.has(role))) return 'forbidden';
  const security = access?.security;
  if (!security || security.length === 0) return null;
  const allows = (held: ReadonlySet<string>) =>
    security.some((requirement) => Object.values(requirement).every((needed) => needed.every((role) => held.has(role))));
  if (!allows(roles)) return 'forbidden';
  // Staff roles of a sign-in without the TOTP code do not count (policy.ts authorize says the same for every use case).
  if (!lacksSecondFactor(actor)) return null;
  return allows(new Set([...roles].filter((role) => role !== 'staff' && role !== 'admin'))) ? null : 'second-factor';
}

/** `GET /v1/projects/:id` for the route `GET /projects/{id}` registered under `base`, as Hono's router names it. */
function routeKey(method: string, base: string, path: string): string {
  return `${method.toUpperCase()} ${mergePath(base, path.replaceAll(/\/{(.+?)}/g, '/:$1'))}`;
}

/**
 * Enforces each route's declared `security` (and refused roles) for the route Hono matched, before that route's own middleware
 * and validators run: an anonymous caller of a secured route gets 401, a signed-in one without a required
 * role 403, whatever the body, query or path parameters. The declaration that documents the route is the
 * one that guards it, so a new route cannot validate before it authenticates. Register it after
 * `authenticate` (which settles the actor) and before the routes.
 * @example app.use('*', enforceDeclaredSecurity({ base: '/v1', registry: app.openAPIRegistry }));
 */
export function enforceDeclaredSecurity(options: { base: string; registry: RouteRegistry }): MiddlewareHandler<ApiEnv> {
  let table: Map<string, DeclaredAccess> | undefined;
  return async (c, next) => {
    // Built on the first request, when every route has been mounted.
    table ??= new Map(
      options.registry.definitions.flatMap((d) =>
        d.type === 'route' && d.route ? [[routeKey(d.route.method, options.base, d.route.path), d.route] as const] : [],
      ),
    );
    // The endpoint Hono will run is the first matched route that is not method-agnostic middleware.
    const endpoint = matchedRoutes(c).find((r) => r.method !== 'ALL');
    const denied = endpoint ? accessDenied(c.var.actor, table.get(`${endpoint.method} ${endpoint.path}`)) : null;
    if (denied === 'unauthorized') throw new DomainError('unauthorized', 'sign in first');
    if (denied === 'forbidden') throw new DomainError('forbidden', 'your role may not use this route');
    if (denied === 'second-factor') throw secondFactorRequired();
    await next();
  };
}
