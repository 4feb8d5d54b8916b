import { createRoute } from '@hono/zod-openapi';
import { ProblemSchema, ProjectListQuerySchema, ProjectListSchema, ProjectSchema } from '@mekendesh/contracts';
import { checkDiscoveryQuery, discoverProjects } from '@mekendesh/domain/projects';
import { fundsWithUsd, usdRateToday } from '@mekendesh/domain/usd';
import { getProjectForActor } from '@mekendesh/domain/proposals';
import { isPublic } from '@mekendesh/domain/lifecycle';
import { withPublicFunds } from '@mekendesh/domain/transparency';
import type { Deps } from '../composition.js';
import { IdParams, resource } from './shared.js';

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['projects'],
  summary: 'Browse and search public projects: filters, three sorts, text search, cursor pagination',
  description:
    'Filters: oblast and rayon (SOATE), sector, kind, state (default raising), pledgeType. Sorts: newest (default), ' +
    'closing_soon, percent_funded. q matches word prefixes of titles in Kyrgyz, Russian and English, tolerating ' +
    'ө/ү/ң typed as о/у/н and Latin spellings. A cursor is bound to its filters. A page may be short when filters ' +
    'are narrow: continue with nextCursor until it is null. Each item says what one som of a donation becomes where ' +
    'programmes co-finance the project today (oneSom, null when none do or it no longer takes pledges).',
  request: { query: ProjectListQuerySchema },
  responses: {
    200: { description: 'A page of projects', content: { 'application/json': { schema: ProjectListSchema } } },
    400: { description: 'Invalid query', content: problemContent },
  },
});

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['projects'],
  summary: 'One project: public ones for anyone; drafts and proposals under review for their owners and staff',
  request: { params: IdParams },
  responses: {
    200: { description: 'The project', content: { 'application/json': { schema: ProjectSchema } } },
    400: { description: 'Invalid id', content: problemContent },
    404: { description: 'No project with this id that the caller may see', content: problemContent },
  },
});

/** Browsing, searching and reading projects, mounted at /projects. */
export function projectRoutes(deps: Deps) {
  return resource()
    .openapi(list, async (c) => {
      // Oblast-level oblast, rayon-level rayon lying in it, words with a searchable one: the rules a saved search is
      // held to as well (checkDiscoveryQuery), else 400 naming the field.
      // Each card's "1 som becomes N som" comes from the programmes recommendations read (deps.matching), cached briefly.
      const { programmes, clock } = deps.matching;
      const query = checkDiscoveryQuery(deps.projectDeps.territories, c.req.valid('query'));
      const page = await discoverProjects({ projects: deps.projects, programmes, clock }, query);
      c.header('cache-control', 'public, max-age=15');
      return c.json(page, 200);
    })
    .openapi(get, async (c) => {
      const { actor } = c.var;
      const project = await getProjectForActor(deps.projectDeps, actor, c.req.valid('param').id);
      // Owners and staff also see projects before publication: those answers are theirs alone.
      c.header('cache-control', actor.kind === 'anonymous' && isPublic(project.status) ? 'public, max-age=15' : 'private, no-store');
      c.header('etag', `"${project.version}"`);
      // A public project's money per funder type (issue 13) comes with it, from the running totals on its item.
      // USD beside KGS (US cents at today's NBKR rate, picked once a minute per instance like the pledges' rate).
      const answer = withPublicFunds(project);
      if (!answer.funding) return c.json(answer, 200);
      return c.json({ ...answer, funding: fundsWithUsd(answer.funding, await usdRateToday(deps.money)) }, 200);
    });
}
