import { describe, expect, it } from 'vitest';
import type { Pledge } from '@mekendesh/contracts';
import { DomainError } from './errors.js';
import { anonymiseInvestor, type LedgerEntryRef, type PublicTraceStore } from './public-traces.js';

const pledgeOf = (id: string, display: 'name' | 'anonymous', version = 1) =>
  ({
    id,
    projectId: 'prj-1',
    investorId: 'u-1',
    display,
    displayName: display === 'name' ? 'Aida' : null,
    version,
    createdAt: '2026-03-01T00:00:00.000Z',
  }) as Pledge;

/** An investor's pledges in memory, 30 of them (two pages), every third anonymous; `conflicts` refusals first. */
function store(conflicts = 0) {
  const pledges = Array.from({ length: 30 }, (_, i) => pledgeOf(`p${i}`, i % 3 === 0 ? 'anonymous' : 'name'));
  const written: { pledge: string; version: number; entries: LedgerEntryRef[] }[] = [];
  let refusals = conflicts;
  const traces: PublicTraceStore = {
    listInvestorPledges: async ({ limit, cursor }) => {
      const from = Number(cursor ?? 0);
      const next = from + limit < pledges.length ? String(from + limit) : null;
      return { items: pledges.slice(from, from + limit).map((p) => ({ ...p })), nextCursor: next };
    },
    getPledge: async (id) => {
      const found = pledges.find((p) => p.id === id);
      return found && { ...found };
    },
    namedEntries: async (p) => (p.display === 'name' ? [{ projectId: p.projectId, at: p.createdAt, id: `${p.id}-p` }] : []),
    anonymise: async ({ pledge, entries }) => {
      const stored = pledges.find((p) => p.id === pledge.id)!;
      if (refusals > 0) {
        refusals--;
        stored.version += 1; // a receipt was booked meanwhile
        throw new DomainError('conflict', 'the pledge changed meanwhile');
      }
      if (stored.version !== pledge.version) throw new DomainError('conflict', 'stale');
      Object.assign(stored, { display: 'anonymous', displayName: null, version: stored.version + 1 });
      written.push({ pledge: pledge.id, version: pledge.version, entries });
    },
  };
  return { traces, pledges, written };
}

describe('anonymiseInvestor', () => {
  it('goes through every page of the pledges, clearing only those that showed the name', async () => {
    const s = store();
    expect(await anonymiseInvestor({ traces: s.traces }, 'u-1')).toEqual({ pledges: 20, entries: 20 });
    expect(s.written.map((w) => w.pledge)).not.toContain('p0');
    expect(s.written.map((w) => w.pledge)).toContain('p29');
    expect(s.pledges.every((p) => p.display === 'anonymous' && p.displayName === null)).toBe(true);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const s = store();
    await anonymiseInvestor({ traces: s.traces }, 'u-1');
    expect(await anonymiseInvestor({ traces: s.traces }, 'u-1')).toEqual({ pledges: 0, entries: 0 });
  });

  it('reads a pledge again when a booking changed it meanwhile, and writes from the fresh version', async () => {
    const s = store(2);
    expect(await anonymiseInvestor({ traces: s.traces }, 'u-1')).toEqual({ pledges: 20, entries: 20 });
    expect(s.written[0]).toMatchObject({ pledge: 'p1', version: 3 });
  });

  it('gives up after five conflicts in a row (409) instead of looping', async () => {
    const s = store(5);
    await expect(anonymiseInvestor({ traces: s.traces }, 'u-1')).rejects.toMatchObject({ kind: 'conflict' });
  });
});
