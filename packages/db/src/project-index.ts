/**
 * Discovery index items: what a project writes besides its main item so that every browse and search
 * reads a bounded number of items by key. Only public projects have them; each public project writes
 * 4-5 facet items (three sorts each, through the table's sort key and gsi3/gsi4) and one search item per
 * distinct word of its title, organisation name, place names and summary (at most MAX_SEARCH_TOKENS), plus
 * its share of the oblast aggregate.
 */
import type { LocalizedText, Project } from '@mekendesh/contracts';
import { PUBLIC_STATUSES } from '@mekendesh/contracts';
import { rankedSearchTokens } from '@mekendesh/domain/search-text';
import { territoryBySoate } from '@mekendesh/territories';
import { facetPartitionsOf, projectEntity, projectFacetEntity, searchWordEntity } from './entities/catalogue.js';

/**
 * Caps the search items of one project, so that any project write fits one transaction (100 actions): main
 * item 1 + facets 5 put and 5 deleted + search items MAX put and MAX deleted (every word changed) + oblast
 * totals 2 + audit entries 2 + the organisation's track record 1 = 16 + 2 * 40 = 96.
 */
export const MAX_SEARCH_TOKENS = 40;

/**
 * The layout of the search items; raise it when what a project indexes changes, so that loaders of existing
 * data (the demo marker) call reindexPublicProjects. 2: two-letter partitions; titles, summaries, names, places.
 * 3: hyphenated names also indexed joined (Ат-Башы as атбашы).
 */
export const SEARCH_INDEX_VERSION = 3;

type Item = Record<string, unknown>;

const texts = (t: LocalizedText | null | undefined): string[] =>
  t ? Object.values(t).filter((v): v is string => typeof v === 'string') : [];
const placeNames = (soate: string | null): string[] => {
  const place = soate ? territoryBySoate(soate) : undefined;
  return place ? [place.name.ky, place.name.ru, place.name.en] : [];
};

/**
 * The search words of a project, as skeletons, at most MAX_SEARCH_TOKENS, in this order of importance: title,
 * organisation name, places (settlement, rayon, oblast: short names in ky/ru/en from the territories), then
 * the summary. Every language the project has; the description is not indexed.
 */
export function projectSearchTokens(p: Project): string[] {
  return rankedSearchTokens(
    [
      texts(p.title),
      texts(p.organisationName),
      [...texts(p.settlement), ...placeNames(p.rayonSoate), ...placeNames(p.oblastSoate)],
      texts(p.summary),
    ],
    MAX_SEARCH_TOKENS,
  );
}

/** The index items of a project: none unless it is public. Attributes are short: 100,000 projects fit. */
export function projectIndexItems(p: Project): Item[] {
  if (!PUBLIC_STATUSES.includes(p.status)) return [];
  // The attributes residual filters need: kind and pledge types everywhere, sector for rayon lists.
  const filters = { id: p.id, se: p.sector, ki: p.kind, pt: p.pledgeTypes.join(' ') };
  const facets = facetPartitionsOf(p).map((partition) => projectFacetEntity.item({ ...p, partition }, filters));
  const tokens = projectSearchTokens(p);
  // Every word with a leading space, so contains(tk, ' word') is a prefix match on any word of the title.
  const tk = tokens.map((t) => ` ${t}`).join('');
  const search = tokens.map((word) =>
    searchWordEntity.item(
      { ...p, word },
      {
        ...filters,
        st: p.status,
        ob: p.oblastSoate,
        ...(p.rayonSoate ? { ry: p.rayonSoate } : {}),
        tk,
      },
    ),
  );
  return [...facets, ...search];
}

/** The main item of a project, with its status and organisation index keys. */
export function projectItem(project: Project): Item {
  return projectEntity.item(project);
}

/**
 * Every item a project is stored as: the main item first, then its index items. Every writer (seed,
 * create, update) goes through this, so that lists and search cannot miss a project.
 * @example await batchPut(db, projects.flatMap(projectItems));
 */
export function projectItems(project: Project): Item[] {
  return [projectItem(project), ...projectIndexItems(project)];
}

/** What a project adds to its oblast's running totals (zero unless it is public). */
export function oblastContribution(p: Project): { soate: string; projects: number; raising: number; raised: number } {
  const isPublic = PUBLIC_STATUSES.includes(p.status);
  return {
    soate: p.oblastSoate,
    projects: isPublic ? 1 : 0,
    raising: p.status === 'published' ? 1 : 0,
    raised: isPublic ? p.raised : 0,
  };
}

/**
 * The writes that move a stored project from `previous` to `next`: the main item and the index items that
 * are new or changed, stale index items to delete (status, oblast, sector or a searched text changed), and
 * the change to each oblast's totals and to the organisation's count of completed projects (`completed`: +1, -1, 0).
 */
export function projectWrites(previous: Project | undefined, next: Project) {
  const before = previous ? projectIndexItems(previous) : [];
  // An index item that is already stored as it would be written (a search word when only money moved) is left alone.
  const unchanged = new Set(before.map((i) => JSON.stringify(i)));
  const [main, ...index] = projectItems(next);
  const puts = [main!, ...index.filter((i) => !unchanged.has(JSON.stringify(i)))];
  const live = new Set(index.map((i) => `${i.pk}|${i.sk}`));
  const deletes = before.filter((i) => !live.has(`${i.pk}|${i.sk}`)).map((i) => ({ pk: i.pk as string, sk: i.sk as string }));
  const deltas = new Map<string, { projects: number; raising: number; raised: number }>();
  const add = (c: ReturnType<typeof oblastContribution>, sign: 1 | -1) => {
    const d = deltas.get(c.soate) ?? { projects: 0, raising: 0, raised: 0 };
    deltas.set(c.soate, {
      projects: d.projects + sign * c.projects,
      raising: d.raising + sign * c.raising,
      raised: d.raised + sign * c.raised,
    });
  };
  if (previous) add(oblastContribution(previous), -1);
  add(oblastContribution(next), 1);
  const stats = [...deltas].filter(([, d]) => d.projects || d.raising || d.raised).map(([soate, d]) => ({ soate, ...d }));
  return { puts, deletes, stats, completed: completedDelta(previous, next) };
}

/** How a write changes the organisation's count of completed projects (matchmaking's track record): +1, -1 or 0. */
export function completedDelta(previous: Pick<Project, 'status'> | undefined, next: Pick<Project, 'status'>): number {
  return (next.status === 'completed' ? 1 : 0) - (previous?.status === 'completed' ? 1 : 0);
}
