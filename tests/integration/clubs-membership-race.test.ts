import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClubStore } from '@mekendesh/domain';
import { call, moneyStack, type MoneyStack } from '../fixtures/money.js';

/**
 * A club contribution's transaction checks the contributor's membership (a ConditionCheck on their ClubMember item):
 * a member who leaves between the use case's read and the commit contributes nothing, and hears a 403 in their language.
 */
let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(2);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

function contribute(token: string, clubPledgeId: string, key: string, locale = 'en') {
  return s.app.request(`/v1/club-pledges/${clubPledgeId}/contributions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, authorization: `Bearer ${token}`, 'accept-language': locale },
    body: JSON.stringify({ amount: { amount: 175_000, currency: 'KGS' }, channel: 'bank_transfer' }),
  });
}

/** Makes the store's next membership reads leave the club right after reading, as a leave racing the request would. */
function leaveRightAfterTheRead(store: ClubStore): () => void {
  const real = store.membership.bind(store);
  store.membership = async (clubId, userId) => {
    const found = await real(clubId, userId);
    await store.leave(clubId, userId);
    return found;
  };
  return () => {
    store.membership = real;
  };
}

describe('a member who leaves mid-request', () => {
  it('cannot contribute: 403 in ky/ru/en, no pledge, the club pledge unchanged; after joining again the same key pledges', async () => {
    const [organiser, member] = s.investors as [string, string];
    const club = await (
      await call(s.app, organiser, 'POST', '/clubs', {
        name: 'Jumgal people in Yekaterinburg',
        homeRayon: '41704220000000',
        residenceCountry: 'RU',
        residenceCity: 'Yekaterinburg',
      })
    ).json();
    const project = await s.project({ oblastSoate: '41704000000000', rayonSoate: '41704220000000' });
    const cp = await (await call(s.app, organiser, 'POST', `/clubs/${club.id}/pledges`, { projectId: project.id })).json();
    const figures = async () => (await (await call(s.app, undefined, 'GET', `/projects/${project.id}/clubs`)).json()).items[0];
    const key = randomUUID();

    const titles: string[] = [];
    for (const locale of ['ky', 'ru', 'en']) {
      expect(await (await call(s.app, member, 'PUT', `/clubs/${club.id}/membership`, { shown: false })).json()).toEqual({ joined: true });
      const restore = leaveRightAfterTheRead(s.deps.clubs.clubs);
      const res = await Promise.resolve(contribute(member, cp.id, key, locale)).finally(restore);
      expect(res.status, locale).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      titles.push(((await res.json()) as { detail: string }).detail);
    }
    expect(titles).toEqual([
      'Клубдун мүчөлөрү гана салым кошот: сиз бул клубдун мүчөсү эмессиз, эч нерсе жазылган жок',
      'Вносить могут только члены клуба: вы не состоите в этом клубе, ничего не записано',
      'Only members of the club contribute: you are not a member of this club, nothing was written',
    ]);
    // Nothing written: no pledge of the member's, the club pledge at zero, the member count back to the organiser alone.
    expect((await (await call(s.app, member, 'GET', '/me/pledges')).json()).items).toEqual([]);
    expect(await figures()).toMatchObject({ pledged: 0, received: 0, contributions: 0 });
    expect((await (await call(s.app, undefined, 'GET', `/clubs/${club.id}`)).json()).club.members).toBe(1);

    // The refused request left no idempotency record: joined again, the same key makes the pledge.
    await call(s.app, member, 'PUT', `/clubs/${club.id}/membership`, { shown: false });
    const again = await contribute(member, cp.id, key);
    expect(again.status).toBe(201);
    expect(await figures()).toMatchObject({ pledged: 175_000, contributions: 1 });
  }, 60_000);
});
