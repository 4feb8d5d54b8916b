import {
  FOLLOW_LIMITS,
  type FollowSource,
  type FollowType,
  type Locale,
  type LocalizedText,
  type MyFollows,
  type SavedQuery,
  type SavedSearch,
  type SaveSearchRequest,
  type TrilingualName,
} from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import { conflictIn, invalidIn, notFound } from './errors.js';
import { SECTOR_NAMES } from './matching-words.js';
import { authorize } from './policy.js';
import { checkDiscoveryQuery } from './projects.js';
import type { Page } from './ports.js';
import type { TerritoryLookup } from './territory-rules.js';

/** One stored follow. */
export interface FollowRecord {
  type: FollowType;
  targetId: string;
  source: FollowSource;
  followedAt: string;
}

/** Where follows and saved searches are kept (packages/db/src/follow-store.ts); every read is one bounded Query. */
export interface FollowStore {
  /** One person's follows and saved searches: one Query of their partition (at most the caps + 1 items). */
  list(userId: string): Promise<{ follows: FollowRecord[]; searches: SavedSearch[] }>;
  /** Adds a follow and its reverse entry in one transaction; `full` when the person holds `cap` follows already. */
  follow(input: { userId: string; follow: FollowRecord; cap: number }): Promise<'added' | 'exists' | 'full'>;
  /** Removes a follow and its reverse entry; false when there was none. */
  unfollow(input: { userId: string; type: FollowType; targetId: string }): Promise<boolean>;
  saveSearch(input: { userId: string; search: SavedSearch; cap: number }): Promise<'added' | 'full'>;
  removeSearch(input: { userId: string; searchId: string }): Promise<boolean>;
  /** The home rayon last followed for the person (so a removed home follow stays removed until the home changes). */
  homeRayon(userId: string): Promise<string | null>;
  /** Records `rayon` as the home seen and follows it with source `home` (uncapped: the profile asked for it). */
  followHome(input: { userId: string; rayon: string; at: string }): Promise<void>;
  /** One page of a thing's followers (user ids), optionally only those who follow it as their home. */
  followers(input: {
    type: FollowType;
    targetId: string;
    homeOnly: boolean;
    limit: number;
    cursor?: string | undefined;
  }): Promise<Page<string>>;
  /** Deletes every follow (with its reverse entry), saved search, the counts and the digest subscription of a person. */
  eraseAll(userId: string): Promise<void>;
}

/**
 * Names of followed projects and organisations, each as written (one BatchGet), of those the public may see only:
 * projects in a public status (PUBLIC_STATUSES), approved organisations. Missing or hidden ones are left out, which
 * makes them unfollowable (404) and listed with name null.
 */
export interface FollowNames {
  names(refs: { type: 'project' | 'organisation'; id: string }[]): Promise<Map<string, LocalizedText>>;
}

export interface FollowDeps {
  follows: FollowStore;
  names: FollowNames;
  territories: TerritoryLookup;
  /** A territory's names in ky/ru/en (packages/territories), undefined for an unknown code. */
  placeName: (soate: string) => TrilingualName | undefined;
  clock: { now: () => Date };
  newId: () => string;
}

const refKey = (type: string, id: string) => `${type}:${id}`;

const TOO_MANY_FOLLOWS = {
  ky: `Сиз ${FOLLOW_LIMITS.follows} нерседен ашык көзөмөлдөй албайсыз: адегенде бирин алып салыңыз`,
  ru: `Можно следить не более чем за ${FOLLOW_LIMITS.follows} объектами: сначала уберите какой-нибудь`,
  en: `You can follow at most ${FOLLOW_LIMITS.follows} things: remove one first`,
};
const TOO_MANY_SEARCHES = {
  ky: `${FOLLOW_LIMITS.savedSearches} издөөдөн ашык сактоого болбойт: адегенде бирин өчүрүңүз`,
  ru: `Можно сохранить не более ${FOLLOW_LIMITS.savedSearches} поисков: сначала удалите какой-нибудь`,
  en: `You can save at most ${FOLLOW_LIMITS.savedSearches} searches: remove one first`,
};
const NOT_A_TERRITORY = {
  ky: 'Бул район же облусттун СОАТЕ коду эмес',
  ru: 'Это не код СОАТЕ района или области',
  en: 'is not the SOATE code of a rayon or an oblast',
};

/** What the person follows and their saved searches, each with its name (territories in ky/ru/en). */
export async function listFollows(deps: FollowDeps, actor: Actor): Promise<MyFollows> {
  authorize(actor, { action: 'account:use' });
  const { follows, searches } = await deps.follows.list(actor.id);
  const refs = follows.flatMap((f) => (f.type === 'territory' ? [] : [{ type: f.type, id: f.targetId }]));
  const names = await deps.names.names(refs);
  return {
    follows: follows.map((f) => ({
      type: f.type,
      id: f.targetId,
      source: f.source,
      followedAt: f.followedAt,
      name: (f.type === 'territory' ? deps.placeName(f.targetId) : names.get(refKey(f.type, f.targetId))) ?? null,
    })),
    searches,
  };
}

/**
 * Follows a project (public ones only), an organisation (approved ones only) or a rayon/oblast. Errors: 400 naming
 * `id` for a code that is no rayon or oblast; 404 for a project or organisation the public cannot see (pending,
 * rejected, draft: answered as unknown, so the id tells nothing); 409 past FOLLOW_LIMITS.follows (ky/ru/en).
 * Following twice is no change.
 */
export async function followThing(deps: FollowDeps, actor: Actor, input: { type: FollowType; id: string }) {
  authorize(actor, { action: 'account:use' });
  if (input.type === 'territory') {
    if (!deps.territories.isOblast(input.id) && !deps.territories.rayon(input.id)) throw invalidIn('id', NOT_A_TERRITORY);
  } else {
    const names = await deps.names.names([{ type: input.type, id: input.id }]);
    if (!names.has(refKey(input.type, input.id))) throw notFound(input.type);
  }
  const follow: FollowRecord = { type: input.type, targetId: input.id, source: 'manual', followedAt: deps.clock.now().toISOString() };
  const out = await deps.follows.follow({ userId: actor.id, follow, cap: FOLLOW_LIMITS.follows });
  if (out === 'full') throw conflictIn(TOO_MANY_FOLLOWS);
  return { status: out === 'added' ? ('following' as const) : ('already_following' as const) };
}

/** Stops following; 404 when the person did not follow it. */
export async function unfollowThing(deps: FollowDeps, actor: Actor, input: { type: FollowType; id: string }) {
  authorize(actor, { action: 'account:use' });
  if (!(await deps.follows.unfollow({ userId: actor.id, type: input.type, targetId: input.id }))) throw notFound('follow');
  return { status: 'unfollowed' as const };
}

/** Filter values as a saved search's default name says them (the web's labels say the same in its own messages). */
const FILTER_WORDS: Readonly<Record<string, TrilingualName>> = {
  community: { ky: 'коомдук', ru: 'общественный', en: 'community' },
  business: { ky: 'бизнес', ru: 'бизнес', en: 'business' },
  donation: { ky: 'кайрымдуулук', ru: 'пожертвование', en: 'donation' },
  loan: { ky: 'карыз', ru: 'заём', en: 'loan' },
  equity: { ky: 'үлүш', ru: 'доля', en: 'equity' },
  in_kind: { ky: 'натуралай', ru: 'натурой', en: 'in kind' },
  funded: { ky: 'каржыланган', ru: 'профинансирован', en: 'funded' },
  in_progress: { ky: 'ишке ашырылууда', ru: 'в работе', en: 'in progress' },
  completed: { ky: 'аяктаган', ru: 'завершён', en: 'completed' },
};

/** A search's name from its filters, in `locale`: words in quotes, then territory, sector, kind, pledge type, state. */
export function defaultSearchName(deps: Pick<FollowDeps, 'placeName'>, query: SavedQuery, locale: Locale): string {
  const parts: string[] = [];
  if (query.q) parts.push(`«${query.q}»`);
  const place = query.rayon ?? query.oblast;
  if (place) parts.push(deps.placeName(place)?.[locale] ?? place);
  if (query.sector) parts.push(SECTOR_NAMES[query.sector][locale]);
  for (const v of [query.kind, query.pledgeType, query.state === 'raising' ? undefined : query.state]) {
    if (v) parts.push(FILTER_WORDS[v]?.[locale] ?? v);
  }
  const all = { ky: 'Бардык долбоорлор', ru: 'Все проекты', en: 'All projects' }[locale];
  return (parts.join(' · ') || all).slice(0, FOLLOW_LIMITS.searchName);
}

/**
 * Saves a discovery query (its shape checked by SavedQuerySchema), held to every rule GET /v1/projects applies
 * (checkDiscoveryQuery), so the weekly digest can run it: 400 naming `query.oblast` (not oblast-level),
 * `query.rayon` (not rayon-level, or outside the oblast), `query.q` (no word of MIN_SEARCH_LETTERS letters) or
 * `query.sort` (not newest with words), nothing written. 409 past FOLLOW_LIMITS.savedSearches (ky/ru/en).
 */
export async function saveSearch(deps: FollowDeps, actor: Actor, input: SaveSearchRequest & { locale: Locale }): Promise<SavedSearch> {
  authorize(actor, { action: 'account:use' });
  const query = checkDiscoveryQuery(deps.territories, input.query);
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as SavedQuery;
  const search: SavedSearch = {
    id: deps.newId(),
    name: input.name ?? defaultSearchName(deps, clean, input.locale),
    query: clean,
    savedAt: deps.clock.now().toISOString(),
  };
  const out = await deps.follows.saveSearch({ userId: actor.id, search, cap: FOLLOW_LIMITS.savedSearches });
  if (out === 'full') throw conflictIn(TOO_MANY_SEARCHES);
  return search;
}

/** Removes a saved search; 404 when the person has none with that id. */
export async function removeSearch(deps: FollowDeps, actor: Actor, searchId: string) {
  authorize(actor, { action: 'account:use' });
  if (!(await deps.follows.removeSearch({ userId: actor.id, searchId }))) throw notFound('saved search');
  return { status: 'removed' as const };
}

/**
 * After a profile save: a home rayon named for the first time, or changed, is followed with source `home`. The
 * same home saved again changes nothing, so a person who removed it keeps it removed until the home changes.
 */
export async function followHomeRayon(deps: Pick<FollowDeps, 'follows' | 'clock'>, userId: string, rayon: string | null): Promise<void> {
  if (!rayon || (await deps.follows.homeRayon(userId)) === rayon) return;
  await deps.follows.followHome({ userId, rayon, at: deps.clock.now().toISOString() });
}
