import { createRoute, z } from '@hono/zod-openapi';
import { MeSchema, ProfileSchema } from '@mekendesh/contracts';
import { deleteAccount, getMe, updateProfile } from '@mekendesh/domain/accounts';
import { followHomeRayon } from '@mekendesh/domain/follows';
import type { Deps } from '../composition.js';
import { bearer, json, jsonBody, problems, resource } from './shared.js';

const get = createRoute({
  method: 'get',
  path: '/',
  tags: ['account'],
  summary: 'Your account and profile',
  security: bearer,
  responses: { 200: json(MeSchema, 'Your account'), ...problems(401) },
});
const put = createRoute({
  method: 'put',
  path: '/profile',
  tags: ['account'],
  summary: 'Replace your profile',
  security: bearer,
  description:
    'The home rayon must be a rayon or city lying in the home oblast (a rayon alone gets its oblast filled in); lists take ' +
    'each value once. 404 when the account was deleted meanwhile; 409 when other saves of the same profile kept winning (try again).',
  request: { body: jsonBody(ProfileSchema) },
  responses: { 200: json(MeSchema, 'Your account'), ...problems(400, 401, 404, 409) },
});
const del = createRoute({
  method: 'delete',
  path: '/',
  tags: ['account'],
  summary: 'Delete your account, your personal data and your name wherever it was public',
  security: bearer,
  description:
    'First every public trace of you becomes anonymous: each ledger entry of your pledges that showed your name (pledged, ' +
    'received) shows no name any more (pages show "anonymous"), and your pledges become anonymous, so money received for ' +
    'them later is listed without a name too. Amounts, the entries themselves and every total stay as they were: the ' +
    'ledger is the record of the money. Then the sign-in account and your profile are deleted and every session ends. ' +
    'Asking again after a failure finishes the job; 409 when your pledges kept changing meanwhile (try again).',
  responses: { 200: json(z.object({ status: z.literal('deleted') }), 'Deleted'), ...problems(401, 409) },
});

/** The signed-in person's account, mounted at /me. */
export function meRoutes(deps: Deps) {
  return resource()
    .openapi(get, async (c) => {
      c.header('cache-control', 'private, no-store');
      return c.json(await getMe(deps.accounts, c.var.actor), 200);
    })
    .openapi(put, async (c) => {
      const me = await updateProfile(
        { users: deps.accounts.users, territories: deps.projectDeps.territories },
        c.var.actor,
        c.req.valid('json'),
      );
      // A home rayon named or changed is followed (issue 12); the same home saved again leaves a removed follow removed.
      await followHomeRayon(deps.follows, me.id, me.profile.homeRayonSoate);
      return c.json(me, 200);
    })
    .openapi(del, async (c) => c.json(await deleteAccount(deps.accounts, c.var.actor), 200));
}
