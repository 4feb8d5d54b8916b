/**
 * The weekly digest's email text in ky/ru/en (issue 12): the subject names the week by its Bishkek dates, the body
 * greets the reader, says what it is, lists each section's items with their links and ends with the Following page,
 * where what arrives is changed. The notifier adds the unsubscribe footer.
 */
import { formatDayMonth, type Locale, type LocalizedText } from '@mekendesh/contracts';
import { addDays } from './bishkek-calendar.js';
import type { Digest, DigestProject } from './digests.js';
import { searchNameIn, type FollowDeps } from './follows.js';
import type { NoticeReader } from './notification-ports.js';

/** Projects one email lists at most, over all its sections (the rest are a link away). */
const DIGEST_SHOWN = 30;

const pick = (t: LocalizedText | undefined, locale: Locale) => t?.[locale] ?? t?.ru ?? t?.ky ?? t?.en ?? '';

// The brand as each language writes it in our emails (pledge-email.ts): Cyrillic in ky and ru. A saved search's name
// follows a dash, unquoted: a name made from the filters quotes its words already (searchNameIn).
const WORDS = {
  ky: {
    subject: (dates: string) => `Мекендеш: жуманын жаңылыктары (${dates})`,
    hello: (name: string | undefined) => (name ? `Саламатсызбы, ${name}!` : 'Саламатсызбы!'),
    intro: 'Сиз көз салган жерлерде жана долбоорлордо ушул жумада эмне жаңылык болду:',
    places: 'Сиз көз салган жерлердеги жаңы долбоорлор',
    search: (name: string) => `Сакталган издөөңүзгө дал келгендер — ${name}`,
    answers: 'Сиз көз салган долбоорлордогу жаңы жооптор',
    more: (n: number) => `Дагы ${n} долбоор`,
    following: 'Эмнеге көз салып, эмне келерин бул жерден өзгөртсөңүз болот:',
  },
  ru: {
    subject: (dates: string) => `Мекендеш: новости за неделю ${dates}`,
    hello: (name: string | undefined) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
    intro: 'Вот что нового за неделю в местах и проектах, за которыми вы следите:',
    places: 'Новые проекты в местах, за которыми вы следите',
    search: (name: string) => `По вашему сохранённому поиску — ${name}`,
    answers: 'Новые ответы в проектах, за которыми вы следите',
    more: (n: number) => `Ещё проектов: ${n}`,
    following: 'Изменить, за чем вы следите и что приходит в письмах:',
  },
  en: {
    subject: (dates: string) => `Mekendesh: news for ${dates}`,
    hello: (name: string | undefined) => (name ? `Hello ${name},` : 'Hello,'),
    intro: 'Here is what is new this week in the places and projects you follow.',
    places: 'New projects in places you follow',
    search: (name: string) => `Matching your saved search — ${name}`,
    answers: 'New answers on projects you follow',
    more: (n: number) => `${n} more projects`,
    following: 'Change what you follow and what these emails bring:',
  },
} as const;

/**
 * The week (its ISO Monday, `YYYY-MM-DD`) as its Bishkek days, Monday to Sunday, in `locale`.
 * @example digestDates('2026-11-30', 'ru') // "30 ноября – 6 декабря"
 */
export function digestDates(monday: string, locale: Locale): string {
  return `${formatDayMonth(monday, locale)} – ${formatDayMonth(addDays(monday, 6), locale)}`;
}

interface DigestText {
  digest: Digest;
  /** Titles of the followed projects with answers (those still public). */
  titles: Map<string, LocalizedText>;
  webOrigin: string;
  /** The ISO week's Monday (mondayOfIsoWeek), `YYYY-MM-DD`. */
  monday: string;
  placeName: FollowDeps['placeName'];
}

/** The project sections, at most DIGEST_SHOWN items in all, then a link to the rest. */
function projectLines(input: DigestText, locale: Locale): string[] {
  const w = WORDS[locale];
  const sections: [string, DigestProject[]][] = [
    [w.places, input.digest.places],
    ...input.digest.searches.map((s): [string, DigestProject[]] => [w.search(searchNameIn(input, s.search, locale)), s.projects]),
  ];
  const lines: string[] = [];
  let budget = DIGEST_SHOWN;
  let hidden = 0;
  for (const [title, projects] of sections) {
    if (!projects.length) continue;
    const shown = projects.slice(0, Math.max(budget, 0));
    hidden += projects.length - shown.length;
    budget -= shown.length;
    if (!shown.length) continue;
    lines.push(`${title}:`, '');
    for (const p of shown) lines.push(`- ${pick(p.title, locale)}`, `  ${input.webOrigin}/${locale}/projects/${p.id}`);
    lines.push('');
  }
  if (hidden) lines.push(`${w.more(hidden)}: ${input.webOrigin}/${locale}/projects`, '');
  return lines;
}

/** The answers section: each followed project with a link to its questions (#questions), then its questions and answers. */
function answerLines(input: DigestText, locale: Locale): string[] {
  if (!input.digest.answered.length) return [];
  const lines: string[] = [`${WORDS[locale].answers}:`, ''];
  for (const a of input.digest.answered) {
    lines.push(`${pick(input.titles.get(a.projectId), locale)}`, `  ${input.webOrigin}/${locale}/projects/${a.projectId}#questions`);
    for (const qa of a.answers) lines.push(`  ? ${qa.text}`, `  → ${qa.answer!.text}`);
    lines.push('');
  }
  return lines;
}

/**
 * The digest email as Notice.message: `(locale, reader?) => { subject, text }`, e.g. subject
 * "Мекендеш: жуманын жаңылыктары (30-ноябрь – 6-декабрь)" for the week of Monday 2026-11-30 in ky.
 */
export function digestMessage(input: DigestText) {
  return (locale: Locale, reader?: NoticeReader) => {
    const w = WORDS[locale];
    const lines = [
      w.hello(reader?.name),
      '',
      w.intro,
      '',
      ...projectLines(input, locale),
      ...answerLines(input, locale),
      w.following,
      `${input.webOrigin}/${locale}/following`,
    ];
    return { subject: w.subject(digestDates(input.monday, locale)), text: lines.join('\n') };
  };
}
