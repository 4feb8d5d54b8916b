import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { FIELD_ERROR_CODES, LOCALES, ProblemSchema, type Locale } from '@mekendesh/contracts';
import { DomainError, FIELD_ERROR_MESSAGES, invalid, notFound } from '@mekendesh/domain';
import { CARD_MESSAGES } from '../../../../packages/domain/src/card-messages.js';
import type { ApiEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { handleError, PROBLEM_TYPES, problem } from './problem.js';

const CYRILLIC = /^[^A-Za-z]*[А-Яа-яЁёҢңӨөҮү][^]*$/u;
const LATIN = /[A-Za-z]/;

/** A text said in three languages: none empty, ky and ru in Cyrillic, en not the same words as either. */
function expectTrilingual(text: Readonly<Record<Locale, string>>, label: string) {
  for (const l of LOCALES) expect(text[l]?.trim(), `${label} ${l}`).toBeTruthy();
  expect(text.ky, `${label} ky`).toMatch(/[А-Яа-яӨөҮүҢң]/);
  expect(text.ru, `${label} ru`).toMatch(/[А-Яа-яЁё]/);
  expect(text.en, `${label} en`).toMatch(LATIN);
  expect(new Set([text.ky, text.ru, text.en]).size, label).toBe(3);
  // Numbers said in one language are said in all three.
  const numbers = (s: string) => (s.match(/\d+/g) ?? []).sort();
  expect(numbers(text.ky), `${label} numbers`).toEqual(numbers(text.en));
  expect(numbers(text.ru), `${label} numbers`).toEqual(numbers(text.en));
}

describe('the message catalogs behind every code the API can emit', () => {
  it('has a title in ky, ru and en for every problem type', async () => {
    const app = new OpenAPIHono<ApiEnv>();
    app.get('/:type', (c) => problem(c, c.req.param('type') as never));
    for (const type of PROBLEM_TYPES) {
      const title = {} as Record<Locale, string>;
      for (const l of LOCALES)
        title[l] = ((await (await app.request(`/${type}`, { headers: { 'accept-language': l } })).json()) as { title: string }).title;
      expectTrilingual(title, type);
    }
  });

  it('has a message in ky, ru and en for every field error code, with its limits', () => {
    for (const code of FIELD_ERROR_CODES) expectTrilingual(FIELD_ERROR_MESSAGES[code]({ min: 3, max: 120, step: 5 }), code);
    expect(FIELD_ERROR_MESSAGES.too_long({ max: 80 }).ru).toBe('Слишком длинно: не больше 80.');
  });

  it('has every card refusal in ky, ru and en', () => {
    for (const [name, text] of Object.entries(CARD_MESSAGES)) {
      expectTrilingual(typeof text === 'function' ? text('RUB', ['USD', 'EUR']) : text, name);
    }
  });
});

describe('problem+json in the caller’s language', () => {
  const Body = z
    .object({ name: z.string().min(2).max(80), email: z.email(), kind: z.enum(['a', 'b']), count: z.number().int().max(10) })
    .strict();
  const route = createRoute({
    method: 'post',
    path: '/things',
    request: { body: { content: { 'application/json': { schema: Body } }, required: true } },
    responses: { 200: { description: 'ok' } },
  });
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.openapi(route, (c) => c.json({}, 200) as never);
  app.get('/missing', () => {
    throw notFound('pledge');
  });
  app.get('/deadline', () => {
    throw invalid('deadline', 'has passed: move it to a later date first');
  });
  app.get('/card', () => {
    throw new DomainError('conflict', CARD_MESSAGES.nothingDue.en, [], CARD_MESSAGES.nothingDue);
  });
  app.onError(handleError);
  const send = (path: string, locale: Locale, body?: unknown) =>
    app.request(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'accept-language': locale, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('names each refused field with a code and says why in ky, ru or en', async () => {
    const bad = { name: 'x'.repeat(81), email: 'nope', kind: 'c', count: 11, extra: true };
    const said = {} as Record<Locale, { field: string; code: string; message: string }[]>;
    for (const l of LOCALES) {
      const json = ProblemSchema.parse(await (await send('/things', l, bad)).json());
      said[l] = json.errors!.map((e) => ({ field: e.field, code: e.code!, message: e.message }));
    }
    const codes = Object.fromEntries(said.ru.map((e) => [e.field, e.code]));
    expect(codes).toEqual({ name: 'too_long', email: 'invalid_format', kind: 'invalid_choice', count: 'too_big', extra: 'unknown_field' });
    for (const e of said.ru) expect(FIELD_ERROR_CODES).toContain(e.code);
    expect(said.ru.find((e) => e.field === 'name')!.message).toBe('Слишком длинно: не больше 80.');
    expect(said.ky.find((e) => e.field === 'name')!.message).toBe('Өтө узун: эң көп 80.');
    for (const l of ['ky', 'ru'] as const) for (const e of said[l]) expect(e.message, `${l} ${e.field}`).not.toMatch(LATIN);
    const missing = ProblemSchema.parse(await (await send('/things', 'ru', { email: 'a@b.kg', kind: 'a', count: 1 })).json());
    expect(missing.errors).toEqual([{ field: 'name', code: 'required', message: 'Заполните это поле.' }]);
  });

  it('says a positive amount must be more than 0, not "0 or more", for 0 and -100 (issue 13 attacker 5)', async () => {
    const money = createRoute({
      method: 'post',
      path: '/money',
      request: {
        body: { content: { 'application/json': { schema: z.object({ amountKgs: z.number().int().positive() }) } }, required: true },
      },
      responses: { 200: { description: 'ok' } },
    });
    const moneyApp = new OpenAPIHono({ defaultHook: validationHook });
    moneyApp.openapi(money, (c) => c.json({}, 200) as never);
    const expected = {
      ky: 'Маани 0 санынан чоң болушу керек.',
      ru: 'Значение должно быть больше 0.',
      en: 'The value must be more than 0.',
    };
    for (const amountKgs of [0, -100])
      for (const l of LOCALES) {
        const res = await moneyApp.request('/money', {
          method: 'POST',
          headers: { 'accept-language': l, 'content-type': 'application/json' },
          body: JSON.stringify({ amountKgs }),
        });
        const json = ProblemSchema.parse(await res.json());
        expect(json.errors, `${amountKgs} ${l}`).toEqual([{ field: 'amountKgs', code: 'too_small', message: expected[l] }]);
      }
    expect(FIELD_ERROR_MESSAGES.too_small({ min: 0 }).en).toBe('The value must be 0 or more.');
  });

  it('never sends an English-only detail or field message to a ky or ru reader; English readers keep it', async () => {
    for (const path of ['/missing', '/deadline']) {
      for (const l of ['ky', 'ru'] as const) {
        const json = ProblemSchema.parse(await (await send(path, l)).json());
        expect(json.detail, `${l} ${path}`).toBeUndefined();
        expect(`${json.title} ${json.errors?.map((e) => e.message).join(' ') ?? ''}`, `${l} ${path}`).toMatch(CYRILLIC);
        expect(`${json.title} ${json.errors?.map((e) => e.message).join(' ') ?? ''}`, `${l} ${path}`).not.toMatch(LATIN);
      }
    }
    const en = ProblemSchema.parse(await (await send('/deadline', 'en')).json());
    expect(en.detail).toBe('deadline: has passed: move it to a later date first');
    expect(en.errors).toEqual([{ field: 'deadline', code: 'invalid', message: 'has passed: move it to a later date first' }]);
  });

  it('sends a detail that exists in three languages in the reader’s', async () => {
    for (const l of LOCALES) expect(ProblemSchema.parse(await (await send('/card', l)).json()).detail).toBe(CARD_MESSAGES.nothingDue[l]);
  });
});
