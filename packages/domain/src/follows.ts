import { createHash } from 'node:crypto';
import {
  FOLLOW_LIMITS,
  LOCALES,
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
import { checkDiscoveryQuery, queryWords } from './projects.js';
import type { Page } from './ports.js';
import type { TerritoryLookup } from './territory-rules.js';

/** One stored follow. */
export interface FollowRecord {
  type: FollowType;
  targetId: string;
  source: FollowSource;
  followedAt: string;
}

/**
 * One stored saved search: the normalised query and the name the person typed, if any (`undefined`: none; the name
 * shown is then made from the filters in the reader's language when read, searchNameIn). `id` is searchIdOf(query).
 */
export interface SavedSearchRecord {
  id: string;
  name?: string | undefined;
  query: SavedQuery;
  savedAt: string;
}

/** Where follows and saved searches are kept (packages/db/src/follow-store.ts); every read is one bounded Query. */
export interface FollowStore {
  /** One person's follows and saved searches: one Query of their partition (at most the caps + 1 items). */
  list(userId: string): Promise<{ follows: FollowRecord[]; searches: SavedSearchRecord[] }>;
  /** Adds a follow and its reverse entry in one transaction; `full` when the person holds `cap` follows already. */
  follow(input: { userId: string; follow: FollowRecord; cap: number }): Promise<'added' | 'exists' | 'full'>;
  /** Removes a follow and its reverse entry; false when there was none. */
  unfollow(input: { userId: string; type: FollowType; targetId: string }): Promise<boolean>;
  /**
   * Adds a saved search under its id (conditional: `exists` when the person holds that id already, so two saves of
   * one query at once store one) and counts it against `cap` in the same transaction (`full`).
   */
  saveSearch(input: { userId: string; search: SavedSearchRecord; cap: number }): Promise<'added' | 'exists' | 'full'>;
  removeSearch(input: { userId: string; searchId: string }): Promise<boolean>;
  /** The home rayon last followed for the person (so a removed home follow stays removed until the home changes). */
  homeRayon(userId: string): Promise<string | null>;
  /**
   * Records `rayon` as the home seen and follows it with source `home` (uncapped: the profile asked for it); the
   * `previous` home's follow, if the person still has it, becomes an ordinary (`manual`) one: one home at a time.
   */
  followHome(input: { userId: string; rayon: string; previous: string | null; at: string }): Promise<void>;
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
  /**
   * A territory's full name in ky/ru/en, saying what it is ("Баткен облусу", "Джалал-Абадская область", "Batken
   * Region": packages/territories `fullName`; issue 12 review), undefined for an unknown code.
   */
  placeName: (soate: string) => TrilingualName | undefined;
  clock: { now: () => Date };
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

/**
 * What the person follows and their saved searches, each with its name (territories in ky/ru/en; a saved search's
 * own name as typed, else one made from its filters in `locale`, the reader's: searchNameIn).
 */
export async function listFollows(deps: FollowDeps, actor: Actor, locale: Locale): Promise<MyFollows> {
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
    searches: searches.map((s) => searchView(deps, s, locale)),
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

/** Quotation marks around a search's words as each language writes them (ky and ru guillemets, English curly quotes). */
const QUOTES: Record<Locale, readonly [string, string]> = { ky: ['«', '»'], ru: ['«', '»'], en: ['“', '”'] };

/**
 * A search's name from its filters, in `locale`: words in quotes, then territory, sector, kind, pledge type, state.
 * @example defaultSearchName(deps, { q: 'туризм', oblast: NARYN, ... }, 'en') // '“туризм” · Naryn Region'
 */
export function defaultSearchName(
  deps: Pick<FollowDeps, 'placeName'>,
  query: SavedQuery,
  locale: Locale,
  quotes: readonly [string, string] = QUOTES[locale],
): string {
  const parts: string[] = [];
  if (query.q) parts.push(`${quotes[0]}${query.q}${quotes[1]}`);
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
 * The name typed for a stored search, or undefined when none was: a stored name equal to a default name of its query
 * in any language (as searches saved before names were made when read carry) counts as none, so it follows the reader.
 */
function typedName(deps: Pick<FollowDeps, 'placeName'>, search: SavedSearchRecord): string | undefined {
  const { name, query } = search;
  if (name === undefined) return undefined;
  const generated = LOCALES.some(
    (l) => madeFromFilters(deps, name, query, l, QUOTES[l]) || madeFromFilters(deps, name, query, l, ['«', '»']),
  );
  return generated ? undefined : name;
}

const ANY_PLACE = '\u0000';

/**
 * Whether `name` is the default name of `query` in `locale`, its place spelt any one way: searches saved before
 * names were made when read carry the territory's short name ("Нарын", the start of its full name), the default now
 * says its full one ("Нарын облусу"), and both count as no name typed.
 */
function madeFromFilters(
  deps: Pick<FollowDeps, 'placeName'>,
  name: string,
  query: SavedQuery,
  locale: Locale,
  quotes: readonly [string, string],
): boolean {
  if (name === defaultSearchName(deps, query, locale, quotes)) return true;
  const full = deps.placeName(query.rayon ?? query.oblast ?? '');
  if (!full) return false;
  const anywhere = { placeName: () => ({ ky: ANY_PLACE, ru: ANY_PLACE, en: ANY_PLACE }) };
  const [before = '', after = ''] = defaultSearchName(anywhere, query, locale, quotes).split(ANY_PLACE);
  const place = name.slice(before.length, name.length - after.length);
  // A short name is the full one without its kind word: "Нарынская" of "Нарынская область", "Naryn" of "Naryn Region".
  const short = place.length > 0 && LOCALES.some((l) => full[l].startsWith(place));
  return name.startsWith(before) && name.endsWith(after) && short;
}

/** The name a reader sees for a saved search: the one typed, else the filters' in `locale` (defaultSearchName). */
export function searchNameIn(deps: Pick<FollowDeps, 'placeName'>, search: SavedSearchRecord, locale: Locale): string {
  return typedName(deps, search) ?? defaultSearchName(deps, search.query, locale);
}

function searchView(deps: Pick<FollowDeps, 'placeName'>, search: SavedSearchRecord, locale: Locale): SavedSearch {
  return { id: search.id, name: searchNameIn(deps, search, locale), query: search.query, savedAt: search.savedAt };
}

/**
 * The canonical form of a discovery query (two queries with the same form find the same projects): filters in a fixed
 * order, no oblast beside a rayon (checkDiscoveryQuery holds the rayon inside it), and `q` as its sorted search words
 * (queryWords: case, NFKC so fullwidth ｒｏｏｆ is roof, spelling in either script and stop words do not change what search finds).
 */
export function canonicalQuery(query: SavedQuery): string {
  const words = query.q ? [...queryWords(query.q, 'query.q')].sort() : null;
  const { oblast, rayon, sector, kind, pledgeType, state, sort } = query;
  return JSON.stringify([
    rayon ? null : (oblast ?? null),
    rayon ?? null,
    sector ?? null,
    kind ?? null,
    pledgeType ?? null,
    state,
    sort ?? null,
    words,
  ]);
}

/**
 * A saved search's id: `s-` and 22 base64url characters of SHA-256 of canonicalQuery (132 bits). The same query saved
 * twice, at once or from two languages, gets one id, so the store's conditional write keeps one (docs/follows.md).
 */
export function searchIdOf(query: SavedQuery): string {
  return `s-${createHash('sha256').update(canonicalQuery(query)).digest('base64url').slice(0, 22)}`;
}

/**
 * Saves a discovery query (its shape checked by SavedQuerySchema), held to every rule GET /v1/projects applies
 * (checkDiscoveryQuery), so the weekly digest can run it: 400 naming `query.oblast` (not oblast-level),
 * `query.rayon` (not rayon-level, or outside the oblast), `query.q` (no word of MIN_SEARCH_LETTERS letters) or
 * `query.sort` (not newest with words), nothing written. 409 past FOLLOW_LIMITS.savedSearches (ky/ru/en).
 * One per person and canonical query (searchIdOf): saving it again answers the stored one with `created: false`,
 * whatever name is given. The name is kept only as typed; `locale` names the answer when none was.
 */
export async function saveSearch(
  deps: FollowDeps,
  actor: Actor,
  input: SaveSearchRequest & { locale: Locale },
): Promise<{ search: SavedSearch; created: boolean }> {
  authorize(actor, { action: 'account:use' });
  const query = checkDiscoveryQuery(deps.territories, input.query);
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as SavedQuery;
  const id = searchIdOf(clean);
  const key = canonicalQuery(clean);
  // A search stored before the rules held may have no canonical form (its q has no word): it is no match.
  const same = (s: SavedSearchRecord) => {
    try {
      return s.id === id || canonicalQuery(s.query) === key;
    } catch {
      return false;
    }
  };
  // One bounded Query (at most 20 searches): also finds a same query stored before ids were made from queries.
  const existing = async () => (await deps.follows.list(actor.id)).searches.find(same);
  const before = await existing();
  if (before) return { search: searchView(deps, before, input.locale), created: false };
  const record: SavedSearchRecord = { id, name: input.name, query: clean, savedAt: deps.clock.now().toISOString() };
  const out = await deps.follows.saveSearch({ userId: actor.id, search: record, cap: FOLLOW_LIMITS.savedSearches });
  if (out === 'full') throw conflictIn(TOO_MANY_SEARCHES);
  // Saved at the same moment by another request of the person's: answer that one.
  if (out === 'exists') return { search: searchView(deps, (await existing()) ?? record, input.locale), created: false };
  return { search: searchView(deps, record, input.locale), created: true };
}

/** Removes a saved search; 404 when the person has none with that id. */
export async function removeSearch(deps: FollowDeps, actor: Actor, searchId: string) {
  authorize(actor, { action: 'account:use' });
  if (!(await deps.follows.removeSearch({ userId: actor.id, searchId }))) throw notFound('saved search');
  return { status: 'removed' as const };
}

/**
 * After a profile save: a home rayon named for the first time, or changed, is followed with source `home`. The
 * same home saved again changes nothing, so a person who removed it keeps it removed until the home changes. The
 * old home stays followed as an ordinary follow (issue 12 review: the Following page showed two "home" districts).
 */
export async function followHomeRayon(deps: Pick<FollowDeps, 'follows' | 'clock'>, userId: string, rayon: string | null): Promise<void> {
  if (!rayon) return;
  const previous = await deps.follows.homeRayon(userId);
  if (previous === rayon) return;
  await deps.follows.followHome({ userId, rayon, previous, at: deps.clock.now().toISOString() });
}
