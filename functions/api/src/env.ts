import type { Actor } from '@mekendesh/domain/actor';
import type { PledgeRead } from '@mekendesh/domain/pledges';
import type { UserRecord } from '@mekendesh/domain/account-ports';

/**
 * What the entry points put in `c.env`: API Gateway's event on Lambda (hono/aws-lambda `handle`), the Node
 * request locally (@hono/node-server); nothing under `app.request()` in tests, hence every field optional.
 */
interface ApiBindings {
  event?: { requestContext?: { http?: { sourceIp?: string } } };
  incoming?: { socket?: { remoteAddress?: string } };
}

/** What the app's middleware settles for every request before a route runs, read as `c.var.<name>`. */
interface ApiVariables {
  /** Kept from a sane `x-request-id` or made up (middleware/request-context.ts); echoed and logged. */
  requestId: string;
  /** The caller's address for rate limits (middleware/auth.ts `clientAddress`). */
  clientIp: string;
  /** Who is asking: anonymous, or a verified token's user (middleware/auth.ts `authenticate`). */
  actor: Actor;
  /** The signed-in actor's platform record as authentication read it; null for anonymous callers. */
  user: UserRecord | null;
  /** The bearer token the actor was verified from; null for anonymous callers. */
  accessToken: string | null;
  /** A pledge's first read, made with authentication's (routes/pledges.ts `pledgeReadAhead`); unset elsewhere. */
  pledgeRead: PledgeRead | undefined;
}

/**
 * The one Hono environment of the API, declared once: the app, every resource's sub-app and the middleware
 * take it, so handlers read `c.var.actor` typed, without casts.
 * @example new OpenAPIHono<ApiEnv>().openapi(route, (c) => c.json(view(c.var.actor), 200));
 */
export interface ApiEnv {
  Bindings: ApiBindings;
  Variables: ApiVariables;
}
