import { createRoute, z } from '@hono/zod-openapi';
import { FollowParamsSchema, MyFollowsSchema, SavedSearchSchema, SaveSearchRequestSchema, text } from '@mekendesh/contracts';
import { followThing, listFollows, removeSearch, saveSearch, unfollowThing } from '@mekendesh/domain/follows';
import type { HomeNoticeDeps } from '@mekendesh/domain/home-notices';
import type { Deps } from '../composition.js';
import { requestLocale } from '../middleware/problem.js';
import { bearer, json, jsonBody, problems, resource } from './shared.js';

const noStore = { 'cache-control': 'private, no-store' };

const list = createRoute({
  method: 'get',
  path: '/follows',
  tags: ['follows'],
  summary: 'What you follow and your saved searches',
  description:
    'One Query of your own list (at most 200 follows and 20 saved searches), then one BatchGet of the followed projects and ' +
    "organisations' names; territories are named from the reference data in ky/ru/en. A project no longer public, or an " +
    'organisation no longer approved, has name null. A saved search without a typed name is named from its filters in the ' +
    'language of Accept-Language.',
  security: bearer,
  responses: { 200: json(MyFollowsSchema, 'Your follows and saved searches'), ...problems(401) },
});
const follow = createRoute({
  method: 'put',
  path: '/follows/{type}/{id}',
  tags: ['follows'],
  summary: 'Follow a project, an organisation or a territory (rayon or oblast SOATE)',
  description:
    'Idempotent. 400 naming `id` for a code that is no rayon or oblast; 404 for a project that is not public or an ' +
    'organisation not approved (as unknown ones); 409 past 200 follows (message in ky/ru/en after Accept-Language).',
  security: bearer,
  request: { params: FollowParamsSchema },
  responses: {
    200: json(z.object({ status: z.enum(['following', 'already_following']) }), 'Followed'),
    ...problems(400, 401, 404, 409),
  },
});
const unfollow = createRoute({
  method: 'delete',
  path: '/follows/{type}/{id}',
  tags: ['follows'],
  summary: 'Stop following',
  description: 'Removes your follow and its entry in the followed thing’s list. 404 when you did not follow it.',
  security: bearer,
  request: { params: FollowParamsSchema },
  responses: { 200: json(z.object({ status: z.literal('unfollowed') }), 'Unfollowed'), ...problems(400, 401, 404) },
});
const save = createRoute({
  method: 'post',
  path: '/saved-searches',
  tags: ['follows'],
  summary: 'Save a search of the projects page (its filters and words)',
  description:
    'The query takes exactly the filters of GET /v1/projects (without limit and cursor), held to the same rules (territory ' +
    'levels, a searchable word in q), and is stored normalised with the name only if one is given; without one, the name ' +
    'is made of the filters in the reader’s language whenever it is read. One per person and query: the same query ' +
    '(same filters, same search words) saved again answers 200 with the one stored, nothing added. 400 naming the field ' +
    '(`query.q`, `query.rayon`, ...), nothing stored; 409 past 20 saved searches.',
  security: bearer,
  request: { body: jsonBody(SaveSearchRequestSchema) },
  responses: {
    200: json(SavedSearchSchema, 'Saved already: the stored search'),
    201: json(SavedSearchSchema, 'Saved'),
    ...problems(400, 401, 409),
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/saved-searches/{id}',
  tags: ['follows'],
  summary: 'Remove a saved search',
  security: bearer,
  request: { params: z.object({ id: text().max(64) }) },
  responses: { 200: json(z.object({ status: z.literal('removed') }), 'Removed'), ...problems(400, 401, 404) },
});

/** Following and saved searches of the signed-in person, mounted at /me (each acts on the caller's own list only). */
export function followRoutes(deps: Deps) {
  const f = deps.follows;
  return resource()
    .openapi(list, async (c) => c.json(await listFollows(f, c.var.actor, requestLocale(c)), 200, noStore))
    .openapi(follow, async (c) => c.json(await followThing(f, c.var.actor, c.req.valid('param')), 200, noStore))
    .openapi(unfollow, async (c) => c.json(await unfollowThing(f, c.var.actor, c.req.valid('param')), 200, noStore))
    .openapi(save, async (c) => {
      const { search, created } = await saveSearch(f, c.var.actor, { ...c.req.valid('json'), locale: requestLocale(c) });
      return created ? c.json(search, 201, noStore) : c.json(search, 200, noStore);
    })
    .openapi(remove, async (c) => c.json(await removeSearch(f, c.var.actor, c.req.valid('param').id), 200, noStore));
}

/** What the home-project notice needs, from the composition (sent inline after a staff approval commits). */
export const homeNoticeDeps = (deps: Deps): HomeNoticeDeps => ({
  follows: deps.follows.follows,
  notifier: deps.notifier,
  placeName: deps.follows.placeName,
  webOrigin: deps.organisations.webOrigin,
});
