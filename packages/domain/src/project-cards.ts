import type { Programme } from '@mekendesh/contracts';
import type { Clock } from './accounts.js';
import { bishkekToday } from './bishkek-calendar.js';
import { cofinancedOneSom, isOpenWithBudget, type OneSomLine } from './cofinancing.js';
import type { ProgrammeStore } from './money-ports.js';
import type { DiscoveredProject } from './ports.js';
import { keptPerInstance } from './instance-cache.js';

/**
 * Co-financing on discovery's cards: the programmes open today, read once per instance and minute (discovery is
 * the busiest public read; programmes are few and change rarely), and the recommendations' rule for each card.
 */

/**
 * How long a listed set of programmes is reused in one function instance, as RATE_CACHE_MS is for rates: a new
 * programme or a budget running out shows on cards within a minute (the list answer is itself cached 15 s).
 */
export const PROGRAMME_CACHE_MS = 60_000;
/** Programmes listed at most (they are few; the store caps its list too). */
const MAX_PROGRAMMES = 50;

/** The programmes listed from each store (one per function instance), reused for PROGRAMME_CACHE_MS. */
const programmeCache = keptPerInstance<Pick<ProgrammeStore, 'list'>, Programme[]>(PROGRAMME_CACHE_MS);

/**
 * The programmes that could match a som received today (Bishkek day): within their period, with budget left
 * (isOpenWithBudget). One bounded Query of the store per PROGRAMME_CACHE_MS; concurrent requests share it.
 */
export async function openProgrammesToday(
  store: Pick<ProgrammeStore, 'list'>,
  clock: Clock,
): Promise<{ day: string; programmes: Programme[] }> {
  const listed = programmeCache.get(store, () => store.list(MAX_PROGRAMMES));
  const day = bishkekToday(clock);
  return { day, programmes: (await listed).filter((g) => isOpenWithBudget(g, day)) };
}

/**
 * What one som of a donation becomes on a project's card (null when no programme co-finances it, or it no longer
 * takes pledges: only a published project before its deadline does). The rule is the recommendations' own
 * (cofinancedOneSom, donations), with the open programmes of `openProgrammesToday`.
 * @example cardOneSom(narynSchool, { day: '2026-05-01', programmes: [mekenim1plus1] }) // { multiplier: '2', programmes: [{ ky: 'Мекеним 1+1', ... }] }
 */
export function cardOneSom(project: DiscoveredProject, open: { day: string; programmes: readonly Programme[] }): OneSomLine | null {
  if (project.status !== 'published' || project.deadline < open.day) return null;
  return cofinancedOneSom({ programmes: open.programmes, project, day: open.day }).oneSom;
}
