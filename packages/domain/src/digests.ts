import {
  SavedQuerySchema,
  type LocalizedText,
  type PledgeType,
  type ProjectKind,
  type SavedQuery,
  type Sector,
} from '@mekendesh/contracts';
import { addDays, bishkekDay, startOfBishkekDay } from './bishkek-calendar.js';
import { DomainError } from './errors.js';
import { digestMessage } from './digest-email.js';
import type { FollowDeps, FollowStore, SavedSearchRecord } from './follows.js';
import type { Notifier, NotifyOutcome } from './notification-ports.js';
import type { Page } from './ports.js';
import { checkDiscoveryQuery, queryWords } from './projects.js';
import type { TerritoryLookup } from './territory-rules.js';
import { byCodeUnit } from './text-order.js';

/** A project published in the digest's week, as the facet index and one BatchGet give it. */
export interface DigestProject {
  id: string;
  title: LocalizedText;
  oblastSoate: string;
  rayonSoate: string | null;
  sector: Sector;
  kind: ProjectKind;
  pledgeTypes: PledgeType[];
  publishedAt: string;
  /** The project's search skeletons (the same words the search index holds), for a saved search's `q`. */
  words: string[];
}

/** An answer given in the week on a followed project (Part C's question store: `answeredBetween`). */
export interface DigestAnswer {
  text: string;
  answer: { text: string } | null;
}

/** What the digest job reads; every read by key (packages/db/src/digest-source.ts). */
export interface DigestSource {
  /** Shards of the subscriber list (everyone who follows or saved anything). */
  readonly shards: number;
  subscribers(input: { shard: number; limit: number; cursor?: string | undefined }): Promise<Page<string>>;
  /**
   * Projects published (still raising) in [fromIso, toIso) in the most selective facet partition for `where`
   * (rayon > oblast+sector > oblast > sector > all), oldest first, at most `limit`; residual filters are the caller's.
   */
  publishedBetween(input: {
    where: Pick<SavedQuery, 'oblast' | 'rayon' | 'sector'>;
    fromIso: string;
    toIso: string;
    limit: number;
  }): Promise<DigestProject[]>;
  /** Titles of projects by id (followed projects with answers), of those still public only: the others' answers are left out. */
  titles(ids: string[]): Promise<Map<string, LocalizedText>>;
}

/** New answers on a project in a window; `null` until a question store provides it (then answers are left out). */
export type DigestAnswers = {
  answeredBetween(projectId: string, fromIso: string, toIso: string, limit: number): Promise<DigestAnswer[]>;
} | null;

export interface DigestDeps {
  follows: Pick<FollowStore, 'list'>;
  source: DigestSource;
  answers: DigestAnswers;
  notifier: Notifier;
  territories: TerritoryLookup;
  /** A territory's names in ky/ru/en (packages/territories): a saved search without a typed name is named from them. */
  placeName: FollowDeps['placeName'];
  webOrigin: string;
  /** Where a subscriber's failed digest is reported (the run goes on); a JSON line on stderr unless given. */
  logError?: (entry: { msg: string; userId: string; week: string; error: string }) => void;
}

/** Items per list one digest reads at most (new projects per followed territory or saved search; answers per project). */
export const DIGEST_READ_LIMIT = 50;

/** The ISO week (`2026-W48`) holding a Bishkek day (`YYYY-MM-DD`). */
export function isoWeekOfDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday (`YYYY-MM-DD`) of an ISO week (`2026-W48`); throws on another shape. */
export function mondayOfIsoWeek(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 53) throw new Error(`not an ISO week: ${week} (say 2026-W48)`);
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
  const monday1 = Date.UTC(Number(m[1]), 0, 4 - ((jan4.getUTCDay() + 6) % 7));
  return new Date(monday1 + (Number(m[2]) - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}

/** A Bishkek week's instants: Monday 00:00 Asia/Bishkek to the next Monday 00:00 (UTC ISO strings). */
export function bishkekWeek(week: string): { fromIso: string; toIso: string } {
  const monday = mondayOfIsoWeek(week);
  return { fromIso: startOfBishkekDay(monday).toISOString(), toIso: startOfBishkekDay(addDays(monday, 7)).toISOString() };
}

/** The last whole Bishkek week before `now` (a Monday-morning run sends the week that just ended). */
export function previousIsoWeek(now: Date): string {
  return isoWeekOfDay(addDays(bishkekDay(now), -7));
}

/**
 * A stored search as the digest runs it, with its search words ([] without q); null when it no longer passes what
 * GET /v1/projects accepts (SavedQuerySchema, then checkDiscoveryQuery): one saved before the rules held, or
 * written by hand. Such a search is skipped (and counted), never fatal to the run.
 */
export function runnableSearch(territories: TerritoryLookup, stored: unknown): { query: SavedQuery; words: string[] } | null {
  const parsed = SavedQuerySchema.safeParse(stored);
  if (!parsed.success) return null;
  try {
    const query = checkDiscoveryQuery(territories, parsed.data);
    return { query, words: query.q ? queryWords(query.q) : [] };
  } catch (e) {
    if (e instanceof DomainError && e.kind === 'validation') return null;
    throw e;
  }
}

/** Whether a project published in the window answers a saved search's residual filters (state is raising by the read). */
function matches(p: DigestProject, q: SavedQuery, words: string[]): boolean {
  if (q.state !== 'raising') return false;
  if (q.sector && p.sector !== q.sector) return false;
  if (q.kind && p.kind !== q.kind) return false;
  if (q.pledgeType && !p.pledgeTypes.includes(q.pledgeType)) return false;
  if (q.rayon && p.rayonSoate !== q.rayon) return false;
  if (q.oblast && p.oblastSoate !== q.oblast) return false;
  // Every query word must prefix one of the project's words, as search does (docs/discovery.md, Search words).
  return words.every((w) => p.words.some((t) => t.startsWith(w)));
}

/** One run's reads, shared by every subscriber: a rayon's new projects are read once, however many follow it. */
export function digestReads(deps: Pick<DigestDeps, 'source' | 'answers'>, week: string) {
  const { fromIso, toIso } = bishkekWeek(week);
  const projects = new Map<string, Promise<DigestProject[]>>();
  const answers = new Map<string, Promise<DigestAnswer[]>>();
  return {
    published(where: Pick<SavedQuery, 'oblast' | 'rayon' | 'sector'>) {
      const key = JSON.stringify([where.rayon ?? null, where.oblast ?? null, where.sector ?? null]);
      if (!projects.has(key)) projects.set(key, deps.source.publishedBetween({ where, fromIso, toIso, limit: DIGEST_READ_LIMIT }));
      return projects.get(key)!;
    },
    answered(projectId: string) {
      if (!deps.answers) return Promise.resolve([]);
      if (!answers.has(projectId)) answers.set(projectId, deps.answers.answeredBetween(projectId, fromIso, toIso, DIGEST_READ_LIMIT));
      return answers.get(projectId)!;
    },
  };
}
type Reads = ReturnType<typeof digestReads>;

/**
 * What one subscriber's digest holds, in sections: new projects in followed places, then per saved search those it
 * matches (a project shows once, in the first section that has it; each newest first), then answers per followed
 * project. `skippedSearches` counts their saved searches that no longer validate (runnableSearch), left out.
 */
export async function digestFor(deps: Pick<DigestDeps, 'follows' | 'territories'>, reads: Reads, userId: string) {
  const { follows, searches } = await deps.follows.list(userId);
  const seen = new Set<string>();
  const fresh = (found: DigestProject[]) => {
    const out = [...new Map(found.filter((p) => !seen.has(p.id)).map((p) => [p.id, p])).values()];
    for (const p of out) seen.add(p.id);
    return out.sort((a, b) => byCodeUnit(b.publishedAt, a.publishedAt));
  };
  const inPlaces: DigestProject[] = [];
  for (const f of follows.filter((f) => f.type === 'territory')) {
    // A followed code is an oblast (Bishkek and Osh too: their oblast list holds all) or a rayon.
    const where = deps.territories.isOblast(f.targetId) ? { oblast: f.targetId } : { rayon: f.targetId };
    inPlaces.push(...(await reads.published(where)));
  }
  const places = fresh(inPlaces);
  let skippedSearches = 0;
  const bySearch: { search: SavedSearchRecord; projects: DigestProject[] }[] = [];
  for (const s of searches) {
    const runnable = runnableSearch(deps.territories, s.query);
    if (!runnable) {
      skippedSearches += 1;
      continue;
    }
    const { query, words } = runnable;
    const where = query.rayon ? { rayon: query.rayon } : { oblast: query.oblast, sector: query.sector };
    const projects = fresh((await reads.published(where)).filter((p) => matches(p, query, words)));
    if (projects.length) bySearch.push({ search: { ...s, query }, projects });
  }
  const answered: { projectId: string; answers: DigestAnswer[] }[] = [];
  for (const f of follows.filter((f) => f.type === 'project')) {
    const answers = (await reads.answered(f.targetId)).filter((a) => a.answer);
    if (answers.length) answered.push({ projectId: f.targetId, answers });
  }
  return { places, searches: bySearch, answered, skippedSearches };
}
export type Digest = Awaited<ReturnType<typeof digestFor>>;

const isEmpty = (d: Digest) => !d.places.length && !d.searches.length && !d.answered.length;

/**
 * Sends one digest: nothing when it holds no item; otherwise a notice of kind `digest` about `digest-<week>`,
 * so a repeated run for the same week answers `duplicate` and sends nothing twice. Also says how many of the
 * subscriber's saved searches were skipped as invalid.
 */
export async function sendDigest(
  deps: DigestDeps,
  reads: Reads,
  userId: string,
  week: string,
): Promise<{ outcome: NotifyOutcome | 'empty'; skippedSearches: number }> {
  const digest = await digestFor(deps, reads, userId);
  const { skippedSearches } = digest;
  if (isEmpty(digest)) return { outcome: 'empty', skippedSearches };
  const titles = digest.answered.length
    ? await deps.source.titles(digest.answered.map((a) => a.projectId))
    : new Map<string, LocalizedText>();
  // A followed project no longer public (cancelled, say) has no title here: its answers stay out of the email.
  digest.answered = digest.answered.filter((a) => titles.has(a.projectId));
  if (isEmpty(digest)) return { outcome: 'empty', skippedSearches };
  const outcome = await deps.notifier.notify({
    kind: 'digest',
    userId,
    about: `digest-${week}`,
    message: digestMessage({ digest, titles, webOrigin: deps.webOrigin, monday: mondayOfIsoWeek(week), placeName: deps.placeName }),
  });
  return { outcome, skippedSearches };
}

const logToStderr: NonNullable<DigestDeps['logError']> = (entry) => console.error(JSON.stringify({ level: 'error', ...entry }));

/**
 * The weekly digest run (`pnpm jobs:digests`, and the Monday schedule in the cloud): every subscriber shard a page
 * of 100 at a time, one email each at most. Answers counts by outcome, e.g. `{ subscribers: 8, sent: 2, empty: 5,
 * failed: 1, skipped_searches: 1 }`. Each subscriber is on their own: an error in one digest is logged (logError)
 * and counted as `failed`, and the run goes on to the next; a rerun of the week retries the failed ones, the sent
 * ones answering `duplicate` (the notifier's idempotency). Reading the subscriber list itself failing stops the run.
 */
export async function runDigests(deps: DigestDeps, week: string): Promise<Record<string, number>> {
  const reads = digestReads(deps, week);
  const counts: Record<string, number> = { subscribers: 0 };
  for (let shard = 0; shard < deps.source.shards; shard++) {
    let cursor: string | undefined;
    do {
      const page = await deps.source.subscribers({ shard, limit: 100, cursor });
      for (const userId of page.items) {
        counts.subscribers! += 1;
        const outcome = await sendDigest(deps, reads, userId, week).then(
          (sent) => {
            if (sent.skippedSearches) counts.skipped_searches = (counts.skipped_searches ?? 0) + sent.skippedSearches;
            return sent.outcome;
          },
          (e: unknown) => {
            (deps.logError ?? logToStderr)({ msg: 'digest failed', userId, week, error: e instanceof Error ? e.message : String(e) });
            return 'failed' as const;
          },
        );
        counts[outcome] = (counts[outcome] ?? 0) + 1;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return counts;
}
