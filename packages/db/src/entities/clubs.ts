/**
 * Hometown clubs (issue 12): the club, its members (read both ways: "who is in this club" and "the clubs I am in"),
 * and its club pledges on projects (read both ways: "what this club funded" and "the clubs supporting this project").
 */
import { createHash } from 'node:crypto';
import { defineEntity } from './define.js';

const AT = '2026-01-01T00:00:00.000Z';

const clubsOfRayon = (c: { homeRayon: string }) => `CLUBS#${c.homeRayon}`;
const clubsOfOblast = (c: { homeOblast: string }) => `CLUBSOB#${c.homeOblast}`;
/** The gsi1 partition of the clubs of one home rayon, oldest first. */
export const rayonClubsPartition = (homeRayon: string) => clubsOfRayon({ homeRayon });
/** The gsi2 partition of the clubs of every rayon of one oblast-level unit. */
export const oblastClubsPartition = (homeOblast: string) => clubsOfOblast({ homeOblast });

/** A club with its running `members` count; gsi1 lists a rayon's clubs, gsi2 an oblast's. */
export const clubEntity = defineEntity<{ id: string }, { id: string; homeRayon: string; homeOblast: string; createdAt: string }>({
  name: 'Club',
  table: { pk: (c) => `CLUB#${c.id}`, sk: () => 'CLUB', shape: ['CLUB#<id>', 'CLUB'] },
  indexes: {
    gsi1: {
      pk: clubsOfRayon,
      sk: (c) => `${c.createdAt}#${c.id}`,
      shape: ['CLUBS#<homeRayon:n>', '<createdAt>#<id>'],
      purpose: "a home rayon's clubs",
    },
    gsi2: {
      pk: clubsOfOblast,
      sk: (c) => `${c.createdAt}#${c.id}`,
      shape: ['CLUBSOB#<homeOblast:n>', '<createdAt>#<id>'],
      purpose: "an oblast's clubs",
    },
  },
  example: { id: 'club-1', homeRayon: '41704220000000', homeOblast: '41704000000000', createdAt: AT },
});

/**
 * A club name's claim within its home rayon (issue 12 review: the same name twice was two clubs): written in the
 * club's own transaction on condition it is new, so of two clubs founded at once with one name only one is written.
 * `nameKey` is the domain's clubNameKey (residence country, city and name, normalised); hashed, so any length fits a key.
 */
export const clubNameEntity = defineEntity<{ homeRayon: string; nameKey: string }>({
  name: 'ClubName',
  table: {
    pk: (n) => `CLUBNAME#${n.homeRayon}#${createHash('sha256').update(n.nameKey).digest('base64url')}`,
    sk: () => 'CLUBNAME',
    shape: ['CLUBNAME#<homeRayon:n>#<nameHash>', 'CLUBNAME'],
  },
  example: { homeRayon: '41704220000000', nameKey: 'RU|moscow|at-bashy people in moscow' },
});

const clubsOfMember = (m: { userId: string }) => `MEMBEROF#${m.userId}`;
/** The gsi1 partition of the clubs one person is a member of (account deletion). */
export const memberClubsPartition = (userId: string) => clubsOfMember({ userId });
const membersByJoining = (m: { clubId: string }) => `CLUBJOINED#${m.clubId}`;
const shownMembersOf = (m: { clubId: string }) => `CLUBSHOWN#${m.clubId}`;
/** The gsi2 partition of a club's members, longest-standing first (the organiser's successor). */
export const clubMembersByJoiningPartition = (clubId: string) => membersByJoining({ clubId });
/** The gsi3 partition of a club's shown members, longest-standing first (its public member list). */
export const clubShownMembersPartition = (clubId: string) => shownMembersOf({ clubId });

/**
 * One membership: in the club's partition (read by key); gsi1 is a person's clubs, gsi2 the club's members by joining
 * time, gsi3 (sparse: only members with `shown`) its public member list, so hidden members never fill a page of it.
 */
export const clubMemberEntity = defineEntity<
  { clubId: string; userId: string },
  { clubId: string; userId: string; joinedAt: string; shown: boolean }
>({
  name: 'ClubMember',
  table: { pk: (m) => `CLUB#${m.clubId}`, sk: (m) => `MEMBER#${m.userId}`, shape: ['CLUB#<clubId>', 'MEMBER#<userId>'] },
  indexes: {
    gsi1: {
      pk: clubsOfMember,
      sk: (m) => `${m.joinedAt}#${m.clubId}`,
      shape: ['MEMBEROF#<userId>', '<joinedAt>#<clubId>'],
      purpose: 'the clubs a person is in',
    },
    gsi2: {
      pk: membersByJoining,
      sk: (m) => `${m.joinedAt}#${m.userId}`,
      shape: ['CLUBJOINED#<clubId>', '<joinedAt>#<userId>'],
      purpose: "a club's members, longest-standing first",
    },
    gsi3: {
      pk: (m) => (m.shown ? shownMembersOf(m) : undefined),
      sk: (m) => (m.shown ? `${m.joinedAt}#${m.userId}` : undefined),
      shape: ['CLUBSHOWN#<clubId>', '<joinedAt>#<userId>'],
      purpose: "a club's shown members (sparse), longest-standing first",
    },
  },
  example: { clubId: 'club-1', userId: 'u-1', joinedAt: AT, shown: true },
});

const pledgesOfClub = (p: { clubId: string }) => `CLUBPLEDGES#${p.clubId}`;
const clubsOfProject = (p: { projectId: string }) => `PROJECTCLUBS#${p.projectId}`;
/** The gsi1 partition of a club's pledges (what it funded). */
export const clubPledgesPartition = (clubId: string) => pledgesOfClub({ clubId });
/** The gsi2 partition of the club pledges on one project (its club supporters). */
export const projectClubsPartition = (projectId: string) => clubsOfProject({ projectId });

/**
 * A club pledge with its running `pledged`, `received` and `contributions`: added to in the same transaction as each
 * member's pledge and each booking of it (money-transaction.ts), so they always equal the sums of its contributions.
 */
export const clubPledgeEntity = defineEntity<{ id: string }, { id: string; clubId: string; projectId: string; createdAt: string }>({
  name: 'ClubPledge',
  table: { pk: (p) => `CLUBPLEDGE#${p.id}`, sk: () => 'CLUBPLEDGE', shape: ['CLUBPLEDGE#<id>', 'CLUBPLEDGE'] },
  indexes: {
    gsi1: {
      pk: pledgesOfClub,
      sk: (p) => `${p.createdAt}#${p.id}`,
      shape: ['CLUBPLEDGES#<clubId>', '<createdAt>#<id>'],
      purpose: "a club's pledges",
    },
    gsi2: {
      pk: clubsOfProject,
      sk: (p) => `${p.createdAt}#${p.id}`,
      shape: ['PROJECTCLUBS#<projectId>', '<createdAt>#<id>'],
      purpose: 'the club pledges on a project',
    },
  },
  example: { id: 'cp-1', clubId: 'club-1', projectId: 'prj-1', createdAt: AT },
});
