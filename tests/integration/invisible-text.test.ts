import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, moneyStack, type MoneyStack } from '../fixtures/money.js';

/**
 * Issue 12 attack review: invisible or junk text. A question of only zero-width spaces was stored and emailed, a
 * club name of them showed as an invisible supporter, and a letter under 490 accents spilled over the page. Each is
 * a 400 naming its field in the caller's language (contracts text.ts) and nothing is written.
 */
let s: MoneyStack;
let investor: string;
let projectId: string;
const AT_BASHY = '41704220000000';
const ZERO_WIDTH_ONLY = '\u200b\u200b\u200b\u200b';
const ZALGO = `a${'\u0301\u0300\u0308\u0303\u0302'.repeat(98)}`;

beforeAll(async () => {
  s = await moneyStack(1);
  investor = s.investors[0]!;
  projectId = (await s.project()).id;
}, 120_000);
afterAll(() => s.drop());

type Problem = { errors?: { field: string; code: string; message: string }[] };

/** Posts `body` in each language; returns the field errors' [field, code] (the same in all three) and the messages. */
async function refusedIn3(path: string, body: unknown) {
  const said: Record<string, Problem> = {};
  for (const lang of ['ky', 'ru', 'en']) {
    const res = await s.app.request(`/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${investor}`, 'accept-language': lang },
      body: JSON.stringify(body),
    });
    expect(res.status, `${path} ${lang}`).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    said[lang] = (await res.json()) as Problem;
  }
  const codes = said.en!.errors!.map((e) => [e.field, e.code]);
  for (const lang of ['ky', 'ru']) expect(said[lang]!.errors!.map((e) => [e.field, e.code])).toEqual(codes);
  expect(new Set(['ky', 'ru', 'en'].map((l) => said[l]!.errors![0]!.message)).size).toBe(3);
  return codes;
}

async function myQuestions(): Promise<unknown[]> {
  const res = await call(s.app, investor, 'GET', `/projects/${projectId}/questions/mine`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: unknown[] }).items;
}

async function clubsOfRayon(): Promise<string[]> {
  const res = await call(s.app, undefined, 'GET', `/clubs?rayon=${AT_BASHY}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { name: string }[] }).items.map((c) => c.name);
}

const club = (name: string) => ({ name, homeRayon: AT_BASHY, residenceCountry: 'RU', residenceCity: 'Москва' });

describe('invisible and junk text is refused at the API (issue 12 review)', () => {
  it('a question of only zero-width spaces, or of one letter under 490 accents: 400 naming text, nothing stored', async () => {
    const path = `/projects/${projectId}/questions`;
    expect(await refusedIn3(path, { text: ZERO_WIDTH_ONLY, visibility: 'public', showName: true })).toEqual([['text', 'too_short']]);
    expect(await refusedIn3(path, { text: ZALGO, visibility: 'private', showName: false })).toEqual([['text', 'too_many_marks']]);
    expect(await refusedIn3(path, { text: '?!…', visibility: 'public', showName: true })).toEqual([['text', 'no_letters']]);
    expect(await myQuestions()).toEqual([]);
  });

  it('a club name of only zero-width spaces or without three letters: 400 naming name, no club', async () => {
    const before = await clubsOfRayon();
    expect(await refusedIn3('/clubs', club(ZERO_WIDTH_ONLY))).toEqual([['name', 'too_short']]);
    expect(await refusedIn3('/clubs', club('\u200bА.Б.\u2060'))).toEqual([['name', 'no_letters']]);
    expect(await refusedIn3('/clubs', club(`Ат-Башы${ZALGO.slice(0, 21)}`))).toEqual([['name', 'too_many_marks']]);
    expect(await clubsOfRayon()).toEqual(before);
    // The same name with its zero-width characters removed is a club like any other.
    const res = await call(s.app, investor, 'POST', '/clubs', club('\u200bАт-Башылыктар\ufeff'));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { name: string }).name).toBe('Ат-Башылыктар');
  });
});

describe('invisible "letters" are refused at the API (issue 12, second attack review)', () => {
  const FILLERS = ['\u3164', '\u115f', '\u1160', '\uffa0'];

  async function mySearches(): Promise<unknown[]> {
    const res = await call(s.app, investor, 'GET', '/me/follows');
    expect(res.status).toBe(200);
    return ((await res.json()) as { searches: unknown[] }).searches;
  }

  it('a club name of four Hangul fillers: 400 naming name, no club', async () => {
    const before = await clubsOfRayon();
    for (const f of FILLERS) expect(await refusedIn3('/clubs', club(f.repeat(4)))).toEqual([['name', 'too_short']]);
    expect(await clubsOfRayon()).toEqual(before);
  });

  it('a question of ten U+3164: 400 naming text, nothing stored and nobody emailed', async () => {
    const path = `/projects/${projectId}/questions`;
    for (const f of FILLERS)
      expect(await refusedIn3(path, { text: f.repeat(10), visibility: 'public', showName: true })).toEqual([['text', 'too_short']]);
    expect(await myQuestions()).toEqual([]);
  });

  it('a saved-search name of three U+3164: 400 naming name, no saved search', async () => {
    for (const f of FILLERS)
      expect(await refusedIn3('/me/saved-searches', { name: f.repeat(3), query: { q: 'мектеп' } })).toEqual([['name', 'required']]);
    expect(await mySearches()).toEqual([]);
  });
});
