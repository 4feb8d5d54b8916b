import type { ClubRecord } from './club-ports.js';
import { describe, expect, it } from 'vitest';
import { removeMemberships, type MembershipRemoval } from './clubs.js';

const club = (id: string, organiserId: string): ClubRecord => ({
  id,
  name: id,
  homeRayon: '41704220000000',
  homeOblast: '41704000000000',
  homeSettlement: null,
  residenceCountry: 'RU',
  residenceCity: 'Moscow',
  description: null,
  organiserId,
  members: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** A store whose organiser departure loses `lost` times (a member joined or left meanwhile) before it commits. */
function store(lost: number, successors: (string | null)[]) {
  const calls: { departed: { clubId: string; successorId: string | null }[]; left: string[] } = { departed: [], left: [] };
  const clubs: MembershipRemoval = {
    clubsOf: async () => ({ items: ['organised', 'joined'], nextCursor: null }),
    get: async (id) => club(id, id === 'organised' ? 'u-1' : 'u-9'),
    leave: async (clubId) => {
      calls.left.push(clubId);
      return true;
    },
    longestStanding: async () => successors.shift() ?? null,
    departOrganiser: async ({ clubId, successorId }) => {
      calls.departed.push({ clubId, successorId });
      return lost-- > 0 ? 'again' : 'done';
    },
  };
  return { clubs, calls };
}

describe('removeMemberships (account deletion)', () => {
  it("hands an organised club over, decides again with a fresh successor when the club moved, and leaves the others' clubs", async () => {
    const { clubs, calls } = store(1, ['u-2', 'u-3']);
    expect(await removeMemberships({ clubs }, 'u-1')).toBe(2);
    expect(calls.departed).toEqual([
      { clubId: 'organised', successorId: 'u-2' },
      { clubId: 'organised', successorId: 'u-3' },
    ]);
    expect(calls.left).toEqual(['joined']);
  });

  it('closes the club (no successor) when no member remains', async () => {
    const { clubs, calls } = store(0, [null]);
    expect(await removeMemberships({ clubs }, 'u-1')).toBe(2);
    expect(calls.departed).toEqual([{ clubId: 'organised', successorId: null }]);
  });
});
