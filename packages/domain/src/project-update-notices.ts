import { formatSom, type Locale, type LocalizedText, type Project } from '@mekendesh/contracts';
import { notifyAfterCommit } from './notifications.js';
import type { ReportDeps } from './report-ports.js';

/** Pledges read per page when telling funders (bounded reads through the project's pledge index), as for `project_funded`. */
const PAGE = 100;
/** Pledges whose investors funded the project: money pledged or received, not cancelled, released or refunded. */
const FUNDING: readonly string[] = ['pledged', 'partially_received', 'received'];

const pick = (t: LocalizedText, l: Locale) => t[l] ?? t.ky ?? t.ru ?? t.en ?? '';

const WORDS = {
  ky: {
    report: (p: string) => `Мекендеш: «${p}» долбоору иштин жүрүшү тууралуу отчет жарыялады`,
    disbursement: (p: string) => `Мекендеш: «${p}» долбоору акча жумшалганын жазды`,
    text: (p: string) => `Сиз колдогон «${p}» долбоорунда жаңылык бар.`,
    milestone: 'Этап',
    spent: 'Жумшалды',
    purpose: 'Эмнеге',
    page: 'Барак',
  },
  ru: {
    report: (p: string) => `Мекендеш: проект «${p}» опубликовал отчёт о ходе работ`,
    disbursement: (p: string) => `Мекендеш: проект «${p}» записал расход средств`,
    text: (p: string) => `В проекте «${p}», который вы поддержали, есть новости.`,
    milestone: 'Этап',
    spent: 'Потрачено',
    purpose: 'На что',
    page: 'Страница',
  },
  en: {
    report: (p: string) => `Mekendesh: "${p}" posted a progress report`,
    disbursement: (p: string) => `Mekendesh: "${p}" recorded spending`,
    text: (p: string) => `There is news from "${p}", which you supported.`,
    milestone: 'Milestone',
    spent: 'Spent',
    purpose: 'For',
    page: 'Page',
  },
} as const satisfies Record<Locale, unknown>;

/** What the notice says of the update itself: a report's milestone and excerpt, or a disbursement's amount and purpose. */
export type UpdateDetail =
  { what: 'report'; milestone: LocalizedText; text: LocalizedText } | { what: 'disbursement'; amountKgs: number; purpose: string };

/** Report text is Markdown: the excerpt drops its markup and keeps the first EXCERPT characters (a word boundary). */
const EXCERPT = 280;

/** Plain-text excerpt of Markdown: no heading marks, emphasis, links' targets or images; at most EXCERPT characters. */
export function markdownExcerpt(markdown: string, max = EXCERPT): string {
  const plain = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|[-*+]|\d+[.)]|>)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40)).trimEnd()}…`;
}

function detailLines(d: UpdateDetail, l: Locale): string {
  const w = WORDS[l];
  if (d.what === 'report') return `${w.milestone}: ${pick(d.milestone, l)}\n\n${markdownExcerpt(pick(d.text, l))}`;
  return `${w.spent}: ${formatSom(d.amountKgs, l)}\n${w.purpose}: ${d.purpose}`;
}

/**
 * Tells everyone who funded `project` (its pledges that still hold money; club contributions are pledges of their
 * members, as for `project_funded`) that it posted a report or recorded a disbursement, in their language, as a
 * `project_update` notice about `about` (`report-<id>` / `disbursement-<id>`): a retry or a second pledge of the same
 * person sends nothing more. Reads the project's pledge index PAGE at a time; answers how many were sent or queued.
 */
export async function notifyProjectUpdate(
  deps: Pick<ReportDeps, 'money' | 'notices'>,
  project: Pick<Project, 'id' | 'title'>,
  update: { about: string } & UpdateDetail,
): Promise<number> {
  const notices = deps.notices;
  if (!notices) return 0;
  let cursor: string | undefined;
  let count = 0;
  const seen = new Set<string>();
  do {
    const page = await deps.money.listProjectPledges({ projectId: project.id, limit: PAGE, ...(cursor ? { cursor } : {}) });
    const investors = page.items
      .filter((p) => FUNDING.includes(p.status) && !seen.has(p.investorId))
      .map((p) => (seen.add(p.investorId), p.investorId));
    const link = (l: Locale) => `${notices.webOrigin}/${l}/projects/${encodeURIComponent(project.id)}#progress`;
    const outcomes = await notifyAfterCommit(
      notices.notifier,
      investors.map((userId) => ({
        kind: 'project_update' as const,
        userId,
        about: update.about,
        message: (l: Locale) => ({
          subject: WORDS[l][update.what](pick(project.title, l)),
          text: `${WORDS[l].text(pick(project.title, l))}\n\n${detailLines(update, l)}\n\n${WORDS[l].page}: ${link(l)}`,
        }),
      })),
    );
    count += outcomes.filter((o) => o === 'sent' || o === 'queued').length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return count;
}
