import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '@mekendesh/contracts';
import { seedProjects } from '@mekendesh/db';
import { MAX_PENDING_APPLICATIONS } from '@mekendesh/domain';
import { authStack, newConfirmedInvestor, newUserInGroup, signInToken, uniqueEmail, type AuthStack } from '../fixtures/auth-stack.js';
import { makeProject } from '../fixtures/projects.js';
import { approvedOfficer, draftBody, fieldsOf, send } from '../fixtures/proposals.js';

/**
 * Issue 9, fault 5: unbounded text. Every text field has a maximum per language (contracts TEXT_LIMITS), lone
 * surrogates and bidi controls are refused, and an account may have only a few organisation applications pending.
 * An oversized body may be refused whole (413, middleware/body.ts) before its fields are read: either way a 4xx
 * problem and nothing stored; a body under that limit with one field too long is a 400 naming the field.
 */
let s: AuthStack;
let staff: string;
let officer: Awaited<ReturnType<typeof approvedOfficer>>;
let investor: string;
const live = makeProject();

const application = (overrides: Record<string, unknown> = {}) => ({
  name: { ky: 'Сынак айыл өкмөтү' },
  kind: 'ayil_okmotu',
  territorySoate: '41704220000000',
  applicantPosition: 'Башчы',
  contactPhone: '+996 555 000 111',
  contactEmail: uniqueEmail('office'),
  ...overrides,
});
const programme = (name: Record<string, string>) => ({
  name,
  ratio: { numerator: 1, denominator: 1 },
  budget: 1_000_000,
  capPerProject: 500_000,
  oblastSoates: 'all',
  sectors: 'all',
  kinds: 'all',
  startDate: '2026-01-01',
  endDate: '2030-12-31',
});
const refused = (res: { status: number; headers: Headers }) => {
  expect([400, 413]).toContain(res.status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
};
async function pendingWith(email: string): Promise<number> {
  const res = await send(s.app, 'GET', '/staff/organisations?status=pending&limit=50', { token: staff });
  return (res.body.items as { contactEmail: string }[]).filter((o) => o.contactEmail === email).length;
}

beforeAll(async () => {
  s = await authStack();
  await seedProjects(s.db, { organisations: [], projects: [live] });
  staff = await signInToken(s.app, await newUserInGroup('staff'));
  [officer, investor] = await Promise.all([
    approvedOfficer(s.app, staff, 'limits'),
    newConfirmedInvestor(s.app, 'limits-investor').then((e) => signInToken(s.app, e)),
  ]);
}, 120_000);
afterAll(() => s.drop());

describe('text fields have maximum lengths (issue 9, fault 5)', () => {
  it('POST /v1/organisations with a 1 MB name.ky is refused and stores nothing; a name one over the limit is a 400 on name.ky', async () => {
    const body = application({ name: { ky: 'а'.repeat(1_000_000) } });
    const huge = await send(s.app, 'POST', '/organisations', { token: investor, body });
    refused(huge);
    expect(await pendingWith(body.contactEmail as string)).toBe(0);

    const over = application({ name: { ky: 'а'.repeat(TEXT_LIMITS.name + 1), ru: 'Сынак' } });
    const res = await send(s.app, 'POST', '/organisations', { token: investor, body: over, headers: { 'accept-language': 'ru' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'name.ky', code: 'too_long', message: `Слишком длинно: не больше ${TEXT_LIMITS.name}.` }]);
    expect(await pendingWith(over.contactEmail as string)).toBe(0);
  });

  it('PUT /v1/projects/{draft} with a 450,000-character settlement.ky is refused and the draft stays as it was', async () => {
    const created = await send(s.app, 'POST', '/projects', { token: officer.token, body: draftBody() });
    expect(created.status).toBe(201);
    const huge = await send(s.app, 'PUT', `/projects/${created.body.id}`, {
      token: officer.token,
      body: { ...draftBody({ settlement: { ky: 'а'.repeat(450_000) } }), version: 1 },
    });
    refused(huge);
    const over = await send(s.app, 'PUT', `/projects/${created.body.id}`, {
      token: officer.token,
      body: { ...draftBody({ settlement: { ky: 'а'.repeat(TEXT_LIMITS.settlement + 1) } }), version: 1 },
    });
    expect(over.status).toBe(400);
    expect(fieldsOf(over.body)).toEqual(['settlement.ky']);
    const after = await send(s.app, 'GET', `/projects/${created.body.id}`, { token: officer.token });
    expect(after.body.version).toBe(1);
    expect(after.body.settlement ?? null).toBeNull();
  });

  it('POST /v1/programmes with a 100,000-character name.en is refused and the public list does not grow', async () => {
    const before = await (await s.app.request('/v1/programmes')).text();
    refused(await send(s.app, 'POST', '/programmes', { token: staff, body: programme({ en: 'x'.repeat(100_000) }) }));
    const over = await send(s.app, 'POST', '/programmes', { token: staff, body: programme({ en: 'x'.repeat(TEXT_LIMITS.name + 1) }) });
    expect(over.status).toBe(400);
    expect(fieldsOf(over.body)).toEqual(['name.en']);
    expect(await (await s.app.request('/v1/programmes')).text()).toBe(before);
  });

  it('a pledge message with a lone surrogate ("\\ud800 hi") is a 400 on message, in the caller\'s language', async () => {
    const res = await send(s.app, 'POST', `/projects/${live.id}/pledges`, {
      token: investor,
      headers: { 'idempotency-key': 'limits-lone-surrogate', 'accept-language': 'ky' },
      body: {
        type: 'donation',
        amount: { amount: 60_000, currency: 'KGS' },
        channel: 'money_transfer',
        display: 'anonymous',
        message: '\ud800 hi',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'message', code: 'invalid_characters', message: expect.stringMatching(/белгилер/) }]);
    const mine = await send(s.app, 'GET', '/me/pledges', { token: investor });
    expect(mine.body.items).toEqual([]);
  });

  it('bidi controls are refused in a one-line field (an organisation settlement), naming it', async () => {
    const body = application({ settlement: { en: 'Naryn\u202Etxt.exe' } });
    const res = await send(s.app, 'POST', '/organisations', { token: investor, body });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'settlement.en', code: 'invalid_characters' })]);
    expect(await pendingWith(body.contactEmail as string)).toBe(0);
  });
});

describe('pending organisation applications per account', () => {
  it(`allows ${MAX_PENDING_APPLICATIONS} pending, refuses the next with a 409 in ky/ru/en, and counts again once one is reviewed`, async () => {
    const applicant = await signInToken(s.app, await newConfirmedInvestor(s.app, 'many-applications'));
    const ids: string[] = [];
    for (let i = 0; i < MAX_PENDING_APPLICATIONS; i++) {
      const res = await send(s.app, 'POST', '/organisations', { token: applicant, body: application() });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const next = application();
    for (const [lang, words] of [
      ['ky', /арыз/],
      ['ru', /заявки/],
      ['en', /applications waiting/],
    ] as const) {
      const res = await send(s.app, 'POST', '/organisations', { token: applicant, body: next, headers: { 'accept-language': lang } });
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.detail).toMatch(words);
    }
    expect(await pendingWith(next.contactEmail as string)).toBe(0);

    expect(
      (await send(s.app, 'POST', `/organisations/${ids[0]}/reject`, { token: staff, body: { reason: 'Wrong territory' } })).status,
    ).toBe(200);
    expect((await send(s.app, 'POST', '/organisations', { token: applicant, body: next })).status).toBe(201);
    expect((await send(s.app, 'POST', '/organisations', { token: applicant, body: application() })).status).toBe(409);
  });
});
