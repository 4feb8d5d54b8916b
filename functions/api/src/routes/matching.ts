import { createRoute } from '@hono/zod-openapi';
import { MatchAnswersQuerySchema, MyRecommendationsQuerySchema, RecommendationListSchema } from '@mekendesh/contracts';
import { checkDiscoveryTerritories } from '@mekendesh/domain/territory-rules';
import { preferencesFromAnswers, preferencesFromProfile, recommend } from '@mekendesh/domain/matching-recommend';
import type { Deps } from '../composition.js';
import { bearer, json, problems, resource } from './shared.js';

const HOW =
  'Ranked by the weights of docs/matching.md (home rayon, home oblast, interests, amount, co-financing, closing soon, the ' +
  "owner's completed projects, pledge types, languages); each project with its reasons in ky/ru/en. Closed, expired and " +
  'fully funded projects never appear. Read from a bounded number of items by key, whatever the number of projects.';

const mine = createRoute({
  method: 'get',
  path: '/recommendations',
  tags: ['matching'],
  summary: 'Projects for you, from your profile, with the reasons',
  description: `${HOW} Projects you already pledged to rank lower. near=home keeps your home rayon and oblast only; exclude leaves one project out.`,
  security: bearer,
  request: { query: MyRecommendationsQuerySchema },
  responses: { 200: json(RecommendationListSchema, 'Your recommendations, and which profile answers are missing'), ...problems(400, 401) },
});

const answers = createRoute({
  method: 'get',
  path: '/',
  tags: ['matching'],
  summary: "Projects for a visitor's answers (home oblast and rayon, interests, about how much), kept in the URL",
  description: `${HOW} A rayon must lie in the oblast (400 naming rayon). amount is in whole som.`,
  request: { query: MatchAnswersQuerySchema },
  responses: { 200: json(RecommendationListSchema, 'Recommendations, and which answers are missing'), ...problems(400) },
});

/** The signed-in investor's recommendations, mounted at /me. */
export function myRecommendationRoutes(deps: Deps) {
  return resource().openapi(mine, async (c) => {
    const user = c.var.user;
    // security: bearer has let only signed-in callers through, whose record authentication read.
    if (!user) throw new Error('a signed-in route ran without the caller record');
    const q = c.req.valid('query');
    const list = await recommend(deps.matching, {
      preferences: preferencesFromProfile(user.profile),
      investorId: user.id,
      near: q.near,
      exclude: q.exclude,
      limit: q.limit,
    });
    c.header('cache-control', 'private, no-store');
    return c.json(list, 200);
  });
}

/** A visitor's recommendations from their answers, mounted at /recommendations. */
export function recommendationRoutes(deps: Deps) {
  return resource().openapi(answers, async (c) => {
    const q = checkDiscoveryTerritories(deps.projectDeps.territories, c.req.valid('query'));
    const list = await recommend(deps.matching, {
      preferences: preferencesFromAnswers(q, deps.projectDeps.territories),
      investorId: null,
      limit: q.limit,
    });
    // The same answers give the same list to anyone: shared caches may keep it briefly.
    c.header('cache-control', 'public, max-age=60');
    return c.json(list, 200);
  });
}
