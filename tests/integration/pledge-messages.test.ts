import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PledgeMessageList } from '@mekendesh/contracts';
import { call, donation, moneyStack, pledge, type MoneyStack } from '../fixtures/money.js';

/**
 * The officers' list of pledge messages (issue 12) reads only pledges that carry a message (a sparse index), so a page
 * is full whenever there are that many messages: pledges without one never take a place in it.
 */
let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(1);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

const messagesOf = async (projectId: string, query: string): Promise<PledgeMessageList> => {
  const res = await call(s.app, s.staff, 'GET', `/projects/${projectId}/pledge-messages${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as PledgeMessageList;
};

describe('pledge messages', () => {
  it('12 pledges of which 3 carry a message give one page of exactly those 3, newest first, and nothing more', async () => {
    const project = await s.project();
    const [investor] = s.investors;
    // The oldest pledge carries a message: a list that read the 5 newest pledges (the page's limit) and kept the
    // messages would miss it and the middle one.
    const withMessage = new Map([
      [0, 'The first som from Moscow'],
      [6, 'For the school roof'],
      [11, '  From a neighbour  '],
    ]);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const message = withMessage.get(i);
      // Whitespace only is no message: it stays out of the list (the contract trims, the index needs text).
      const body = donation(50_000 + i, 'KGS', i === 7 ? { message: '   ' } : message ? { message } : {});
      const res = await pledge(s.app, investor!, project.id, body);
      expect(res.status, `pledge ${i}: ${await res.clone().text()}`).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const page = await messagesOf(project.id, '?limit=5');
    expect(page.items.map((m) => [m.pledgeId, m.message])).toEqual([
      [ids[11], 'From a neighbour'],
      [ids[6], 'For the school roof'],
      [ids[0], 'The first som from Moscow'],
    ]);
    expect(page.nextCursor).toBeNull();

    // Smaller pages are full too, and the cursor reads on to the last one.
    const first = await messagesOf(project.id, '?limit=2');
    expect(first.items.map((m) => m.pledgeId)).toEqual([ids[11], ids[6]]);
    expect(first.nextCursor).not.toBeNull();
    const rest = await messagesOf(project.id, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(rest.items.map((m) => m.pledgeId)).toEqual([ids[0]]);
  }, 120_000);
});
