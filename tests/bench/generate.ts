import { SECTORS, type Project, type ProjectStatus } from '@mekendesh/contracts';
import { DEMO_PROJECTS } from '@mekendesh/demo-data';
import { bishkekDay } from '@mekendesh/domain';
import { OBLASTS, rayonsOf } from '@mekendesh/territories';

/** A small deterministic PRNG (mulberry32), so that every run loads the same projects. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
const TEMPLATES = DEMO_PROJECTS;
const RAYONS_OF = new Map(OBLASTS.map((o) => [o.soate, rayonsOf(o.soate)]));
// Mostly raising, as a growing platform would be; the rest spread over the later public states.
const STATUS_WEIGHTS: ReadonlyArray<readonly [ProjectStatus, number]> = [
  ['published', 0.7],
  ['funded', 0.1],
  ['in_progress', 0.1],
  ['completed', 0.1],
];
const DAY = 86_400_000;

function status(rnd: () => number): ProjectStatus {
  let r = rnd();
  for (const [s, w] of STATUS_WEIGHTS) if ((r -= w) < 0) return s;
  return 'published';
}

/**
 * The n-th benchmark project: a demo project's texts and plan, moved to a random oblast, rayon and sector,
 * its title suffixed with the rayon's name (so titles and search words vary), with its own dates and money.
 */
export function benchProject(n: number): Project {
  const rnd = random(n * 2_654_435_761);
  const t = pick(rnd, TEMPLATES);
  const oblast = pick(rnd, OBLASTS);
  const rayons = RAYONS_OF.get(oblast.soate) ?? [];
  const rayon = rayons.length ? pick(rnd, rayons) : null;
  const place = rayon ?? oblast;
  const s = status(rnd);
  const published = Date.UTC(2025, 0, 1) + Math.floor(rnd() * 700 * DAY);
  const raisedShare = s === 'published' ? rnd() : 1;
  const raised = Math.floor((t.goal * raisedShare) / 100) * 100;
  const title = Object.fromEntries(
    Object.entries(t.title).map(([locale, text]) => [locale, `${text} (${place.name[locale as 'ky' | 'ru' | 'en']})`]),
  ) as Project['title'];
  return {
    ...t,
    id: `bench-${String(n).padStart(6, '0')}`,
    slug: `${t.slug}-${n}`,
    status: s,
    oblastSoate: oblast.soate,
    rayonSoate: rayon?.soate ?? null,
    sector: pick(rnd, SECTORS),
    title,
    raised,
    pledged: Math.max(raised, t.pledged),
    publishedAt: new Date(published).toISOString(),
    createdAt: new Date(published - 20 * DAY).toISOString(),
    updatedAt: new Date(published).toISOString(),
    deadline: bishkekDay(published + (120 + Math.floor(rnd() * 400)) * DAY),
  };
}
