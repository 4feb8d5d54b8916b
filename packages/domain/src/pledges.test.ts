import { describe, expect, it } from 'vitest';
import type { Pledge, PledgeRequest, Project } from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import { DomainError } from './errors.js';
import { MAX_BOOKING_ATTEMPTS } from './money-commit.js';
import type { MoneyDeps } from './money-deps.js';
import type { CommitOutcome, PledgeCommitOutcome, PledgeContext, PledgePlan } from './money-ports.js';
import { RateLimitedError } from './rate-limits.js';
import { createPledge } from './pledges.js';

const NOW = new Date('2026-03-02T06:00:00Z');
const investor: Actor = { kind: 'user', id: 'inv-1', roles: ['investor'], organisationId: null, organisationRole: null, mfa: false };
const project = {
  id: 'prj-1',
  status: 'published',
  title: { en: 'Dairy' },
  oblastSoate: '41702000000000',
  deadline: '2026-12-31',
  pledgeTypes: ['donation'],
  minimumPledge: 50_000,
  raised: 0,
  pledged: 0,
  supporters: 0,
  version: 1,
} as unknown as Project;
const request: PledgeRequest = {
  type: 'donation',
  amount: { amount: 100_000, currency: 'KGS' },
  channel: 'bank_transfer',
  display: 'anonymous',
};

/** An in-memory money store holding idempotency records, pledges and supporter markers, with the adapter's conditions. */
function memory() {
  const idem = new Map<string, { hash: string; pledgeId: string }>();
  const pledges = new Map<string, Pledge>();
  const supporters = new Set<string>();
  const commits: PledgePlan[] = [];
  let supportersCounted = 0;
  const store = {
    pledgeContext: async (i: { scope: string; key: string; projectId: string; investorId: string }): Promise<PledgeContext> => ({
      ...(idem.has(`${i.scope}|${i.key}`) ? { idempotent: idem.get(`${i.scope}|${i.key}`)! } : {}),
      ...(i.projectId === project.id ? { project } : {}),
      supporter: supporters.has(`${i.projectId}|${i.investorId}`),
      displayName: null,
    }),
    commitPledge: async (plan: PledgePlan): Promise<CommitOutcome> => {
      commits.push(plan);
      const p = plan.booking.pledge.next;
      const marker = `${p.projectId}|${p.investorId}`;
      if (idem.has(`${plan.idempotency.scope}|${plan.idempotency.key}`)) return { kind: 'duplicate' };
      if (plan.firstFromInvestor === supporters.has(marker)) return { kind: 'conflict', failed: ['supporter'] };
      idem.set(`${plan.idempotency.scope}|${plan.idempotency.key}`, { hash: plan.idempotency.hash, pledgeId: p.id });
      pledges.set(p.id, p);
      supporters.add(marker);
      supportersCounted += plan.booking.entries.reduce((n, e) => n + e.deltas.supporters, 0);
      return { kind: 'committed' };
    },
    getPledge: async (id: string) => pledges.get(id),
  };
  let n = 0;
  const deps = {
    money: store,
    rates: {
      tablesUpTo: async () => [],
      put: async () => {},
      tablesOn: async () => [],
      putManual: async () => {},
      listTables: async () => ({ items: [], nextCursor: null }),
    },
    clock: { now: () => NOW },
    newId: () => `pl-${++n}`,
    pledging: { limits: { pledgesPerMinute: 1_000, pledgesPerDay: 1_000 }, cardCurrencies: [] },
  } as unknown as MoneyDeps;
  return { deps, commits, pledges, supporters, counted: () => supportersCounted, idem };
}

/** The same investor's supporter marker written by a concurrent pledge just before this commit. */
const markerWonMeanwhile =
  (m: ReturnType<typeof memory>) =>
  (plan: PledgePlan): CommitOutcome => {
    m.supporters.add(`${plan.booking.pledge.next.projectId}|${plan.booking.pledge.next.investorId}`);
    return { kind: 'conflict', failed: ['supporter'] };
  };

describe('createPledge through the money port', () => {
  it('reads again after losing the supporter marker and counts the investor once', async () => {
    const m = memory();
    const races: Array<(plan: PledgePlan) => CommitOutcome | undefined> = [markerWonMeanwhile(m)];
    const store = m.deps.money as unknown as { commitPledge: (p: PledgePlan) => Promise<CommitOutcome> };
    const commit = store.commitPledge;
    store.commitPledge = async (plan) => races.shift()?.(plan) ?? commit(plan);
    const out = await createPledge(m.deps, investor, { projectId: project.id, idempotencyKey: 'key-0001', request });
    expect(out.created).toBe(true);
    expect(m.commits.map((p) => p.firstFromInvestor)).toEqual([false]);
    // The marker was someone else's first pledge: this one adds no supporter.
    expect(m.counted()).toBe(0);
    expect(m.pledges.size).toBe(1);
  });

  it('counts a supporter once over two pledges of one investor', async () => {
    const m = memory();
    await createPledge(m.deps, investor, { projectId: project.id, idempotencyKey: 'key-0001', request });
    await createPledge(m.deps, investor, { projectId: project.id, idempotencyKey: 'key-0002', request });
    expect(m.commits.map((p) => p.firstFromInvestor)).toEqual([true, false]);
    expect(m.counted()).toBe(1);
  });

  it('replays the first pledge for the same key and body, and refuses another body with a 422 on Idempotency-Key', async () => {
    const m = memory();
    const first = await createPledge(m.deps, investor, { projectId: project.id, idempotencyKey: 'key-0001', request });
    const again = await createPledge(m.deps, investor, { projectId: project.id, idempotencyKey: 'key-0001', request });
    expect(again).toEqual({ pledge: first.pledge, created: false });
    const other = createPledge(m.deps, investor, {
      projectId: project.id,
      idempotencyKey: 'key-0001',
      request: { ...request, amount: { amount: 200_000, currency: 'KGS' } },
    });
    await expect(other).rejects.toMatchObject({ kind: 'unprocessable', errors: [expect.objectContaining({ field: 'Idempotency-Key' })] });
    await other.catch((e: DomainError) => expect(Object.keys(e.messages ?? {}).sort()).toEqual(['en', 'ky', 'ru']));
    expect(m.commits).toHaveLength(1);
  });

  it('replays when the same key won meanwhile (duplicate on commit)', async () => {
    const m = memory();
    const first = await createPledge(m.deps, investor, { projectId: project.id, idempotencyKey: 'key-0001', request });
    // A second call that read before the first committed: its commit answers duplicate, and it replays the first pledge.
    const store = m.deps.money as unknown as { pledgeContext: (i: never) => Promise<PledgeContext> };
    const read = store.pledgeContext;
    let stale = true;
    store.pledgeContext = async (i) => {
      const c = await read(i);
      if (!stale) return c;
      stale = false;
      const { idempotent: _, ...before } = c;
      return { ...before, supporter: false };
    };
    const second = await createPledge(m.deps, investor, { projectId: project.id, idempotencyKey: 'key-0001', request });
    expect(second).toEqual({ pledge: first.pledge, created: false });
  });

  it(`gives up after ${MAX_BOOKING_ATTEMPTS} lost rounds with a 409 in three languages, never a 500`, async () => {
    const m = memory();
    const store = m.deps.money as unknown as { commitPledge: (p: PledgePlan) => Promise<CommitOutcome> };
    let tries = 0;
    store.commitPledge = async () => {
      tries += 1;
      return { kind: 'conflict', failed: ['payment_reference'] };
    };
    const out = createPledge(m.deps, investor, { projectId: project.id, idempotencyKey: 'key-0001', request });
    await expect(out).rejects.toBeInstanceOf(DomainError);
    await out.catch((e: DomainError) => {
      expect(e.kind).toBe('conflict');
      expect(Object.keys(e.messages ?? {}).sort()).toEqual(['en', 'ky', 'ru']);
    });
    expect(tries).toBe(MAX_BOOKING_ATTEMPTS);
  }, 30_000);

  it('stops at once on a running total past its limit (422 on amount), without retrying', async () => {
    const m = memory();
    const store = m.deps.money as unknown as { commitPledge: (p: PledgePlan) => Promise<CommitOutcome> };
    let tries = 0;
    store.commitPledge = async () => {
      tries += 1;
      return { kind: 'conflict', failed: ['total_limit'] };
    };
    await expect(createPledge(m.deps, investor, { projectId: project.id, idempotencyKey: 'key-0001', request })).rejects.toMatchObject({
      kind: 'unprocessable',
      errors: [expect.objectContaining({ field: 'amount' })],
    });
    expect(tries).toBe(1);
  });

  it("counts the limits in the pledge's own commit: a full window is a 429 with its wait, not retried", async () => {
    const m = memory();
    const store = m.deps.money as unknown as { commitPledge: (p: PledgePlan) => Promise<PledgeCommitOutcome> };
    const plans: PledgePlan[] = [];
    store.commitPledge = async (plan) => {
      plans.push(plan);
      return { kind: 'limited', retryAfterSeconds: 42 };
    };
    const out = createPledge(m.deps, investor, { projectId: project.id, idempotencyKey: 'key-0001', request });
    await expect(out).rejects.toBeInstanceOf(RateLimitedError);
    await out.catch((e: RateLimitedError) => {
      expect(e.retryAfterSeconds).toBe(42);
      expect(e.messages?.ky).toContain('42 секунддан');
    });
    expect(plans).toHaveLength(1);
    expect(plans[0]!.windows.map((w) => w.key)).toEqual(['pledge:minute:inv-1', 'pledge:day:inv-1']);
  });
});
