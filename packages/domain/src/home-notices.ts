import type { Locale, LocalizedText, Project, TrilingualName } from '@mekendesh/contracts';
import type { FollowStore } from './follows.js';
import type { Notifier, NotifyOutcome } from './notification-ports.js';

export interface HomeNoticeDeps {
  follows: Pick<FollowStore, 'followers'>;
  notifier: Notifier;
  placeName: (soate: string) => TrilingualName | undefined;
  webOrigin: string;
}

/** Followers read per page: the fan-out grows with a rayon's people, so they are read (and mailed) a page at a time. */
const FOLLOWERS_PAGE = 100;

const pick = (t: LocalizedText, locale: Locale) => t[locale] ?? t.ru ?? t.ky ?? t.en ?? '';

/** The notice's subject and text in one language: the project, its place and its page. */
export function homeProjectMessage(
  project: Pick<Project, 'id' | 'title' | 'summary'>,
  place: TrilingualName | undefined,
  webOrigin: string,
) {
  return (locale: Locale) => {
    const where = place?.[locale] ?? '';
    const subject = {
      ky: `Туулган жериңизде жаңы долбоор: ${pick(project.title, locale)}`,
      ru: `Новый проект в вашем родном районе: ${pick(project.title, locale)}`,
      en: `A new project in your home district: ${pick(project.title, locale)}`,
    }[locale];
    const lead = {
      ky: `${where} — жаңы долбоор жарыяланды.`,
      ru: `${where}: опубликован новый проект.`,
      en: `${where}: a new project was published.`,
    }[locale];
    const text = [
      lead,
      '',
      pick(project.title, locale),
      pick(project.summary, locale),
      '',
      `${webOrigin}/${locale}/projects/${project.id}`,
    ];
    return { subject, text: text.join('\n') };
  };
}

/**
 * Tells everyone who follows the project's rayon as their home (source `home`) that it was published: one notice of
 * kind `home_project` about `project-<id>` each, so a repeat (a retried request) sends nothing twice. Runs after the
 * publishing transaction has committed; followers are read a page of FOLLOWERS_PAGE at a time from the rayon's reverse
 * list. Answers the outcomes counted, e.g. `{ sent: 3, off: 1 }`; a project without a rayon notifies nobody.
 */
export async function noticeHomeFollowers(deps: HomeNoticeDeps, project: Project): Promise<Partial<Record<NotifyOutcome, number>>> {
  const counts: Partial<Record<NotifyOutcome, number>> = {};
  if (!project.rayonSoate || project.status !== 'published') return counts;
  const message = homeProjectMessage(project, deps.placeName(project.rayonSoate), deps.webOrigin);
  let cursor: string | undefined;
  do {
    const page = await deps.follows.followers({
      type: 'territory',
      targetId: project.rayonSoate,
      homeOnly: true,
      limit: FOLLOWERS_PAGE,
      cursor,
    });
    const outcomes = await Promise.all(
      page.items.map((userId) => deps.notifier.notify({ kind: 'home_project', userId, about: `project-${project.id}`, message })),
    );
    for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return counts;
}
