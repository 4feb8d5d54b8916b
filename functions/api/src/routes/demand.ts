import { createRoute, z } from '@hono/zod-openapi';
import { DemandSchema, SoateSchema } from '@mekendesh/contracts';
import { readDemand } from '@mekendesh/domain/demand-read';
import { territoryBySoate } from '@mekendesh/territories';
import type { Deps } from '../composition.js';
import { bearer, json, problems, resource } from './shared.js';

const get = createRoute({
  method: 'get',
  path: '/{soate}',
  tags: ['demand'],
  summary: 'Demand signals of a rayon or oblast: consenting investors from it, by sector, amount range and country',
  description:
    'Read from running aggregates kept with each profile save (one query of the territory). Counts only investors who ' +
    'agreed in their profile; never an exact count, a name or an id: a cell under 5 people is `fewer_than_5`, one of 5 ' +
    'or more its band of 5 (`{ from: 5, to: 9 }`); countries under 5 are folded into `otherCountries`, never named. Staff read any ' +
    "rayon or oblast; an officer of an approved organisation only its own territory (a rayon's, or an oblast's); " +
    'everyone else 403. 404 for a code that is not a rayon- or oblast-level unit.',
  security: bearer,
  request: { params: z.object({ soate: SoateSchema }) },
  responses: { 200: json(DemandSchema, 'The demand of the territory'), ...problems(400, 401, 403, 404) },
});

/** Demand signals for local governments, mounted at /demand. */
export function demandRoutes(deps: Deps) {
  return resource().openapi(get, async (c) => {
    const { soate } = c.req.valid('param');
    const demand = await readDemand(deps.demand, c.var.actor, soate);
    c.header('cache-control', 'private, no-store');
    return c.json({ ...demand, name: territoryBySoate(soate)!.name }, 200);
  });
}
