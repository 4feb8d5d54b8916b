import { createRoute, z } from '@hono/zod-openapi';
import {
  NotificationPreferencesSchema,
  NotificationPreferencesUpdateSchema,
  OneClickUnsubscribeSchema,
  UnsubscribeViewSchema,
} from '@mekendesh/contracts';
import {
  getNotificationPreferences,
  readUnsubscribe,
  setNotificationPreferences,
  unsubscribe,
} from '@mekendesh/domain/notification-preferences';
import type { Deps } from '../composition.js';
import { bearer, json, jsonBody, problems, resource } from './shared.js';

const getPreferences = createRoute({
  method: 'get',
  path: '/notifications',
  tags: ['account'],
  summary: 'Your email preferences: each kind of email you are shown, on or off',
  security: bearer,
  description: 'Officer kinds (new questions, pledges with a message, programme decisions) are listed only to members of an organisation.',
  responses: { 200: json(NotificationPreferencesSchema, 'Your preferences'), ...problems(401, 404) },
});
const putPreferences = createRoute({
  method: 'put',
  path: '/notifications',
  tags: ['account'],
  summary: 'Choose which kinds of email you get: `off` lists those turned off, every other kind is on',
  security: bearer,
  request: { body: jsonBody(NotificationPreferencesUpdateSchema) },
  responses: { 200: json(NotificationPreferencesSchema, 'Your preferences'), ...problems(400, 401, 404) },
});

const Token = z.object({
  token: z
    .string()
    .max(300)
    .regex(/^[A-Za-z0-9_-]+\.[a-z_]+\.[A-Za-z0-9_-]+$/, 'an unsubscribe token'),
});

const readLink = createRoute({
  method: 'get',
  path: '/{token}',
  tags: ['account'],
  summary: 'What an email’s unsubscribe link would stop (changes nothing: link scanners open links)',
  request: { params: Token },
  responses: { 200: json(UnsubscribeViewSchema, 'The kind of email and whether it is still on'), ...problems(400, 404) },
});
const oneClick = createRoute({
  method: 'post',
  path: '/{token}',
  tags: ['account'],
  summary: 'One-click unsubscribe (RFC 8058): stops the token’s kind of email for its person, that kind only',
  description:
    'The URL of each email’s List-Unsubscribe header. Mail providers post `List-Unsubscribe=One-Click` as ' +
    'application/x-www-form-urlencoded, with no cookies: the signed token is the authority. Repeating it is harmless; a ' +
    'malformed or forged token is a 400 or 404 and changes nothing.',
  request: {
    params: Token,
    body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: OneClickUnsubscribeSchema } } },
  },
  responses: { 200: json(UnsubscribeViewSchema, 'Turned off'), ...problems(400, 404) },
});

/** The signed-in person's email preferences, mounted at /me. */
export function myNotificationRoutes(deps: Deps) {
  const users = deps.accounts.users;
  return resource()
    .openapi(getPreferences, async (c) => {
      c.header('cache-control', 'private, no-store');
      return c.json(await getNotificationPreferences({ users }, c.var.actor), 200);
    })
    .openapi(putPreferences, async (c) => c.json(await setNotificationPreferences({ users }, c.var.actor, c.req.valid('json')), 200));
}

/**
 * Unsubscribe links, mounted at /unsubscribe: public, the signed token (unsubscribe.ts) says whose email of which kind.
 * Every answer is `no-store` (noStore, mounted by app-core.ts).
 */
export function unsubscribeRoutes(deps: Deps) {
  const links = { users: deps.accounts.users, key: deps.unsubscribeKey };
  return resource()
    .openapi(readLink, async (c) => c.json(await readUnsubscribe(links, c.req.valid('param').token), 200))
    .openapi(oneClick, async (c) => {
      c.req.valid('form');
      return c.json(await unsubscribe(links, c.req.valid('param').token), 200);
    });
}
