import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, moneyStack, type MoneyStack } from '../fixtures/money.js';

/** Issue 12 second review: what the club page tells members (the organiser, hidden members) and the project's minimum. */
let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(3);
}, 120_000);
afterAll(() => s.drop());

const page = async (token: string | undefined, id: string) => (await call(s.app, token, 'GET', `/clubs/${id}`)).json();

describe('the club page', () => {
  it('names the organiser to members only, says whether members hide, and carries the project minimum', async () => {
    const [organiser, member, visitor] = s.investors as [string, string, string];
    const club = await (
      await call(s.app, organiser, 'POST', '/clubs', {
        name: 'Talas people in Almaty',
        homeRayon: '41704220000000',
        residenceCountry: 'KZ',
        residenceCity: 'Almaty',
      })
    ).json();
    // Only the organiser, not shown: a member would hide, the organiser has no name on the page.
    expect((await page(organiser, club.id)).hiddenMembers).toBe(true);
    expect((await page(visitor, club.id)).organiserOfClub).toBeNull();
    expect((await page(undefined, club.id)).organiserOfClub).toBeNull();

    expect((await call(s.app, member, 'PUT', `/clubs/${club.id}/membership`, { shown: false })).status).toBe(200);
    expect((await page(member, club.id)).organiserOfClub).toEqual({ displayName: null });

    // The organiser chooses to be shown: members see the name; with both shown, no one hides.
    expect((await call(s.app, organiser, 'PUT', `/clubs/${club.id}/membership`, { shown: true })).status).toBe(200);
    const named = await page(member, club.id);
    expect(named.organiserOfClub.displayName).toEqual(expect.any(String));
    expect(named.organiserOfClub.displayName).toBe(named.shownMembers[0].displayName);
    expect(named.hiddenMembers).toBe(true);
    expect((await call(s.app, member, 'PUT', `/clubs/${club.id}/membership`, { shown: true })).status).toBe(200);
    expect((await page(visitor, club.id)).hiddenMembers).toBe(false);

    const project = await s.project({ minimumPledge: 75_000 });
    const opened = await (await call(s.app, organiser, 'POST', `/clubs/${club.id}/pledges`, { projectId: project.id })).json();
    expect(opened.minimumPledge).toBe(75_000);
    expect((await page(visitor, club.id)).pledges[0]).toMatchObject({ id: opened.id, minimumPledge: 75_000, pledged: 0, received: 0 });
  }, 60_000);
});
