import type { Demand } from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import type { OrganisationStore } from './account-ports.js';
import { demandView, type DemandCount } from './demand.js';
import { DomainError, notFound } from './errors.js';
import { authorize } from './policy.js';
import type { TerritoryRules } from './territory-rules.js';

/** The running demand aggregates (packages/db): one territory's cells, read with one bounded query. */
export interface DemandStore {
  read(soate: string): Promise<DemandCount[]>;
}

export interface DemandDeps {
  demand: DemandStore;
  organisations: Pick<OrganisationStore, 'get'>;
  territories: TerritoryRules;
}

/**
 * The territory whose demand an organisation reads: profiles are counted at rayon and oblast level, so an
 * organisation of a rayon or city reads it, one of an oblast (or Bishkek, Osh) reads the oblast, and a code
 * below a rayon (an ayil aimak) reads the rayon it lies in (SOATE digits 1-8), else its oblast (digits 1-5).
 * Undefined for a code the reference data does not place.
 * @example demandTerritoryOf(rules, '41704220000000') // '41704220000000' (a rayon reads itself)
 */
export function demandTerritoryOf(rules: TerritoryRules, soate: string): string | undefined {
  if (rules.place(soate)) return soate;
  const rayon = soate.slice(0, 8).padEnd(14, '0');
  if (rules.rayon(rayon)) return rayon;
  const oblast = soate.slice(0, 5).padEnd(14, '0');
  return rules.isOblast(oblast) ? oblast : undefined;
}

/**
 * Demand for a rayon- or oblast-level territory (GET /v1/demand/{soate}), without its name (the caller adds it
 * from the reference data). Staff read any; an officer of an approved organisation only the territory
 * demandTerritoryOf gives for theirs; anyone else 403 (401 for nobody) before anything is read. 404 for a
 * code that is not a rayon- or oblast-level unit.
 */
export async function readDemand(deps: DemandDeps, actor: Actor, soate: string): Promise<Omit<Demand, 'name'>> {
  if (actor.kind === 'anonymous') throw new DomainError('unauthorized', 'sign in first');
  const organisation = actor.organisationId ? await deps.organisations.get(actor.organisationId) : undefined;
  const organisationTerritory = organisation ? demandTerritoryOf(deps.territories, organisation.territorySoate) : undefined;
  authorize(actor, { action: 'demand:read', soate, organisation, organisationTerritory });
  if (!deps.territories.place(soate)) throw notFound('territory');
  return demandView(soate, await deps.demand.read(soate));
}
