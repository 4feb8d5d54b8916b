import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ProfileSchema, SavedQuerySchema, type Locale } from '@mekendesh/contracts';
import { DynamoFollowStore, DynamoOutbox, DynamoQuestionStore, DynamoUserRepository, seedProjects, type Db } from '@mekendesh/db';
import { digestJob } from '@mekendesh/jobs/digests';
import { freshTable } from '../fixtures/db.js';
import { makeOrganisation, makeProject } from '../fixtures/projects.js';

/**
 * The weekly digest on DynamoDB Local (issue 12): for the Bishkek week 2026-W10 (Monday 2 March 00:00 in Bishkek =
 * 1 March 18:00 UTC, to 8 March 18:00 UTC) each subscriber gets one email in their language listing the projects
 * published that week that match their followed territories and saved searches, and nothing else; a subscriber
 * with nothing new gets no email; a second run of the same week sends nothing.
 */

const NARYN = '41704000000000';
const AT_BASHY = '41704220000000';
const JUMGAL = '41704230000000';
const CHUI_RAYON = '41708203000000';
const WEEK = '2026-W10';
/** The week as the subjects name it, Monday to Sunday in Bishkek, in each language. */
const WEEK_DATES = ['(2-март – 8-март)', 'за неделю 2 марта – 8 марта', 'news for 2 March – 8 March'];

const organisation = makeOrganisation();
const at = (iso: string) => ({ publishedAt: iso, organisationId: organisation.id });
const atBashyEarly = makeProject({ ...at('2026-03-01T17:59:59.000Z'), rayonSoate: AT_BASHY }); // Sunday 23:59 in Bishkek: last week
const atBashyMonday = makeProject({ ...at('2026-03-01T18:00:00.000Z'), rayonSoate: AT_BASHY, sector: 'education' });
const atBashyHealth = makeProject({ ...at('2026-03-05T09:00:00.000Z'), rayonSoate: AT_BASHY, sector: 'health' });
const jumgalWater = makeProject({
  ...at('2026-03-04T06:00:00.000Z'),
  rayonSoate: JUMGAL,
  sector: 'water',
  title: { ky: 'Суу түтүгү', ru: 'Водопровод в Чаеке', en: 'Water pipe in Chaek' },
});
const atBashyNextWeek = makeProject({ ...at('2026-03-08T18:00:00.000Z'), rayonSoate: AT_BASHY }); // next Monday 00:00
const projects = [atBashyEarly, atBashyMonday, atBashyHealth, jumgalWater, atBashyNextWeek];

let db: Db;
let drop: () => Promise<void>;

async function person(id: string, locale: Locale) {
  await new DynamoUserRepository(db).ensure({
    id,
    email: `${id}@example.kg`,
    profile: ProfileSchema.parse({ displayName: id, locale }),
    organisationId: null,
    organisationRole: null,
    revokedBefore: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}

const settings = { mailDelivery: 'inline' as const, webOrigin: 'https://mekendesh.example', apiOrigin: 'https://api.mekendesh.example' };
const digestsTo = async (to: string) =>
  (await new DynamoOutbox(db, () => 'x').latest(200)).filter((m) => m.to === to && WEEK_DATES.some((d) => m.subject.includes(d)));

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  await seedProjects(db, { organisations: [organisation], projects });
  const store = new DynamoFollowStore(db);
  const follow = (userId: string, targetId: string) =>
    store.follow({ userId, follow: { type: 'territory', targetId, source: 'manual', followedAt: '2026-02-01T00:00:00.000Z' }, cap: 200 });
  const save = (userId: string, id: string, query: unknown) =>
    store.saveSearch({
      userId,
      cap: 20,
      search: { id, name: id, query: SavedQuerySchema.parse(query), savedAt: '2026-02-01T00:00:00.000Z' },
    });
  await person('aigerim', 'ky');
  await follow('aigerim', AT_BASHY);
  await person('boris', 'ru');
  await save('boris', 's-water', { oblast: NARYN, sector: 'water' });
  await save('boris', 's-health', { rayon: AT_BASHY, sector: 'health' });
  await person('emma', 'en');
  await save('emma', 's-words', { q: 'water pipe' });
  await follow('emma', NARYN);
  await person('quiet', 'ru');
  await follow('quiet', CHUI_RAYON);
});
afterAll(() => drop());

describe('the weekly digest', () => {
  it('sends each subscriber one email with the week’s matching projects in their language, and none to a reader with nothing new', async () => {
    const out = await digestJob(db, settings, WEEK);
    expect(out).toMatchObject({ week: WEEK, subscribers: 4, sent: 3, empty: 1 });

    const [ky, ...moreKy] = await digestsTo('aigerim@example.kg');
    expect(moreKy).toEqual([]);
    expect(ky!.subject).toBe('Мекендеш: жуманын жаңылыктары (2-март – 8-март)');
    expect(ky!.text.startsWith('Саламатсызбы, aigerim!\n\n')).toBe(true);
    expect(ky!.text).toContain('Сиз көз салган жерлердеги жаңы долбоорлор:\n\n');
    expect(ky!.text).toContain(`${atBashyMonday.title.ky}\n  https://mekendesh.example/ky/projects/${atBashyMonday.id}`);
    expect(ky!.text).toContain('https://mekendesh.example/ky/following');
    expect(ky!.text).toContain(`/ky/projects/${atBashyHealth.id}`);
    for (const p of [atBashyEarly, atBashyNextWeek, jumgalWater]) expect(ky!.text).not.toContain(p.id);

    const [ru, ...moreRu] = await digestsTo('boris@example.kg');
    expect(moreRu).toEqual([]);
    expect(ru!.subject).toBe('Мекендеш: новости за неделю 2 марта – 8 марта');
    expect(ru!.text.startsWith('Здравствуйте, boris!\n\n')).toBe(true);
    // Each saved search is a section of its own, named by its (typed) name.
    expect(ru!.text).toContain(
      `По вашему сохранённому поиску — s-water:\n\n- Водопровод в Чаеке\n  https://mekendesh.example/ru/projects/${jumgalWater.id}`,
    );
    expect(ru!.text).toContain(`По вашему сохранённому поиску — s-health:\n\n- ${atBashyHealth.title.ru}`);
    expect(ru!.text).not.toContain('местах, за которыми вы следите:');
    for (const p of [atBashyEarly, atBashyMonday, atBashyNextWeek]) expect(ru!.text).not.toContain(p.id);

    // A followed oblast lists all of its new projects; the saved words add none that are not already there.
    const [en] = await digestsTo('emma@example.kg');
    expect(en!.subject).toBe('Mekendesh: news for 2 March – 8 March');
    expect(en!.text).toContain('New projects in places you follow:');
    expect(en!.text.indexOf(atBashyHealth.id)).toBeLessThan(en!.text.indexOf(jumgalWater.id)); // newest first
    // A project shows once: the followed oblast's section holds them all, so the saved search adds no section.
    expect(en!.text).not.toContain('Matching your saved search');
    for (const p of [atBashyMonday, atBashyHealth, jumgalWater]) expect(en!.text.split(p.id)).toHaveLength(2);

    expect(await digestsTo('quiet@example.kg')).toEqual([]);
  });

  it('sends nothing when the same week runs again', async () => {
    const before = (await new DynamoOutbox(db, () => 'x').latest(200)).length;
    const out = await digestJob(db, settings, WEEK);
    expect(out).toMatchObject({ subscribers: 4, duplicate: 3, empty: 1 });
    expect(out.sent).toBeUndefined();
    expect((await new DynamoOutbox(db, () => 'x').latest(200)).length).toBe(before);
  });

  it('matches a saved search’s words against the project’s own search words', async () => {
    const outbox = new DynamoOutbox(db, () => 'x');
    await person('words-only', 'en');
    await new DynamoFollowStore(db).saveSearch({
      userId: 'words-only',
      cap: 20,
      search: { id: 's1', name: 'pipes', query: SavedQuerySchema.parse({ q: 'pipe chaek' }), savedAt: '2026-02-01T00:00:00.000Z' },
    });
    await digestJob(db, settings, WEEK);
    const [mail] = (await outbox.latest(200)).filter((m) => m.to === 'words-only@example.kg');
    expect(mail!.text).toContain(
      `Matching your saved search — pipes:\n\n- ${jumgalWater.title.en}\n  https://mekendesh.example/en/projects/${jumgalWater.id}`,
    );
  });

  it('lists the week’s answers on followed projects, and only those', async () => {
    const questions = new DynamoQuestionStore(db);
    const question = (id: string, answeredAt: string) => ({
      id,
      projectId: atBashyEarly.id,
      organisationId: organisation.id,
      askedAt: '2026-02-20T10:00:00.000Z',
      visibility: 'public' as const,
      text: `When does the work start? (${id})`,
      askerId: 'someone',
      askerName: null,
      hidden: false,
      moderation: null,
      answer: { text: `In April (${id})`, answeredAt, editedAt: null, answeredBy: 'officer', hidden: false, moderation: null },
      version: 1,
    });
    await questions.create(question('q-in-week', '2026-03-03T10:00:00.000Z'));
    await questions.create(question('q-last-week', '2026-02-27T10:00:00.000Z'));
    await person('asker', 'ru');
    await new DynamoFollowStore(db).follow({
      userId: 'asker',
      follow: { type: 'project', targetId: atBashyEarly.id, source: 'manual', followedAt: '2026-02-01T00:00:00.000Z' },
      cap: 200,
    });
    await digestJob(db, settings, WEEK);
    const [mail, ...more] = await digestsTo('asker@example.kg');
    expect(more).toEqual([]);
    expect(mail!.text).toContain(
      `Новые ответы в проектах, за которыми вы следите:\n\n${atBashyEarly.title.ru}\n  https://mekendesh.example/ru/projects/${atBashyEarly.id}`,
    );
    expect(mail!.text).toContain('  ? When does the work start? (q-in-week)\n  → In April (q-in-week)');
    expect(mail!.text).not.toContain('q-last-week');
    expect(mail!.text).not.toContain('Новые проекты');
    expect(mail!.text).not.toContain('сохранённому поиску');
  });
});
