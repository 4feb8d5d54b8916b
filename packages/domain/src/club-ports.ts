import type { Club, ClubMember, ClubPledge } from '@mekendesh/contracts';
import type { RateWindow, UserRepository } from './account-ports.js';
import type { Page, ProjectRepository } from './ports.js';
import type { TerritoryLookup } from './territory-rules.js';

/** A club as stored: the public club and its organiser's account id, which never leaves the API (publicClub). */
export type ClubRecord = Club & { organiserId: string };

/** What founding a club came to: written, a club of the same name exists already, or the founder's window is full. */
export type ClubCreation = { kind: 'created' } | { kind: 'duplicate' } | { kind: 'limited'; retryAfterSeconds: number };

/** One person's membership of one club; `displayName` is kept only when `shown` (the public sees it). */
export interface ClubMembership {
  clubId: string;
  userId: string;
  shown: boolean;
  displayName: string | null;
  joinedAt: string;
}

/** What the clubs need from storage; packages/db implements it (club-store.ts). Every read is by key or index, bounded. */
export interface ClubStore {
  /**
   * Writes the club with its organiser as first member (`members` 1), a claim on `nameKey` within its home rayon (a
   * second club with the same key is 'duplicate') and a count in the founder's `window` ('limited' when full), all or
   * nothing: two founded at once cannot both pass either check, and a refused club uses up nothing.
   */
  create(input: { club: ClubRecord; organiser: ClubMembership; nameKey: string; window: RateWindow }): Promise<ClubCreation>;
  get(id: string): Promise<ClubRecord | undefined>;
  /** The clubs of these ids that exist (one batched read by key; at most 100 ids). */
  getMany(ids: readonly string[]): Promise<ClubRecord[]>;
  /** Clubs of one home rayon (or of an oblast's rayons), oldest first, one bounded page. */
  list(input: { rayon?: string; oblast?: string; limit: number; cursor?: string }): Promise<Page<ClubRecord>>;
  membership(clubId: string, userId: string): Promise<ClubMembership | undefined>;
  /** Puts the membership and adds 1 to `members` unless it existed ('changed': only `shown`/name rewritten). */
  join(m: ClubMembership): Promise<'joined' | 'changed'>;
  /** Deletes the membership and takes 1 from `members`; false when there was none. */
  leave(clubId: string, userId: string): Promise<boolean>;
  /** One page of the members of a club who chose to be shown, longest-standing first (one bounded read of their own list). */
  shownMembers(clubId: string, page: { limit: number; cursor?: string }): Promise<Page<ClubMember>>;
  /** The longest-standing member of a club other than `except`, or null when there is none (one bounded read). */
  longestStanding(clubId: string, except: string): Promise<string | null>;
  /**
   * The organiser's membership goes, all or nothing with the club's change: `successorId` becomes organiser (their
   * membership checked in the same transaction), or, with none, the club closes (only while the organiser is its one
   * member). 'gone': the organiser's membership was already gone; 'again': the club or the successor moved meanwhile.
   */
  departOrganiser(input: { clubId: string; organiserId: string; successorId: string | null }): Promise<'done' | 'gone' | 'again'>;
  /** The ids of the clubs a person is in, one bounded page. */
  clubsOf(userId: string, input: { limit: number; cursor?: string }): Promise<Page<string>>;
  /** Writes a club pledge (figures 0); false when the club already has one on the project (its id is taken). */
  openPledge(pledge: ClubPledge): Promise<boolean>;
  getPledge(id: string): Promise<ClubPledge | undefined>;
  /** A club's pledges, newest first, at most `limit`. */
  pledgesOfClub(clubId: string, limit: number): Promise<ClubPledge[]>;
  /** The club pledges on a project, oldest first, at most `limit`. */
  pledgesOnProject(projectId: string, limit: number): Promise<ClubPledge[]>;
}

/** What the club use cases need, wired once in the API's composition. */
export interface ClubDeps {
  clubs: ClubStore;
  projects: Pick<ProjectRepository, 'get'>;
  users: Pick<UserRepository, 'get'>;
  territories: TerritoryLookup;
  clock: { now(): Date };
  newId(): string;
  /** Clubs one person founds per Bishkek day (RateLimits.clubsPerDay); DEFAULT_RATE_LIMITS unless given. */
  limits?: { clubsPerDay: number };
}
