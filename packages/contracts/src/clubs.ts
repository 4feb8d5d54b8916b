import { z } from 'zod';
import { CountryCodeSchema } from './countries.js';
import { queryInt } from './input-rules.js';
import { localizedLine } from './locale.js';
import { MAX_GOAL_TYIYN, minorUnits } from './money-limits.js';
import { PledgeChannelSchema } from './pledge.js';
import { MoneyAmountSchema } from './money.js';
import { line, prose, text, TEXT_LIMITS } from './text.js';
import { SoateSchema } from './territory.js';

/**
 * Hometown clubs (issue 12): compatriots from one rayon (optionally one settlement of it) living in one place, e.g.
 * "At-Bashy people in Moscow". Its organiser opens club pledges on published projects; members contribute, each
 * contribution a pledge of its own tied to the club pledge; the club shows as one supporter on the project.
 */
const ClubId = text()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

/** What an investor sends to found a club; `homeRayon` must be a rayon-level SOATE code (400 naming it otherwise). */
export const ClubCreateSchema = z
  .object({
    name: line(TEXT_LIMITS.name, { min: 3 }),
    homeRayon: SoateSchema,
    homeSettlement: line(TEXT_LIMITS.settlement).optional(),
    residenceCountry: CountryCodeSchema,
    residenceCity: line(TEXT_LIMITS.shortLine),
    description: prose(TEXT_LIMITS.summary).optional(),
  })
  .strict()
  .meta({ id: 'ClubCreate' });
export type ClubCreate = z.infer<typeof ClubCreateSchema>;

/**
 * A club as the public sees it; `members` counts every member (shown or not), kept with each join and leave. `closed`:
 * its organiser deleted their account with no member left to take over, so it opens no new club pledges (absent: open).
 * No account id (issue 12 review: an organiser's id linked every club they run and named an organisation's officer);
 * the club page's per-caller `organiser` says whether the reader runs it.
 */
export const ClubSchema = z
  .object({
    id: text(),
    name: text(),
    homeRayon: text(),
    homeOblast: text(),
    homeSettlement: text().nullable(),
    residenceCountry: text(),
    residenceCity: text(),
    description: text().nullable(),
    members: z.number().int().nonnegative(),
    closed: z.boolean().optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Club' });
export type Club = z.infer<typeof ClubSchema>;

/** A member as the public sees them: only those who chose to be shown, by the name they chose. */
export const ClubMemberSchema = z.object({ displayName: text(), joinedAt: z.iso.datetime() }).meta({ id: 'ClubMember' });
export type ClubMember = z.infer<typeof ClubMemberSchema>;

/**
 * A club pledge on one project: what its members' contributions add up to, KGS tyiyn. `pledged` and `received` are
 * the sums of the contributions' own pledges (kept in the same transactions as those pledges and their receipts);
 * `goalKgs` is the organiser's optional target.
 */
export const ClubPledgeSchema = z
  .object({
    id: text(),
    clubId: text(),
    clubName: text(),
    projectId: text(),
    projectTitle: localizedLine(TEXT_LIMITS.title),
    goalKgs: z.number().int().nullable(),
    /** The project's minimum pledge, KGS tyiyn, as it was when the club pledge opened (a published project's does not change); each contribution is held to it. Absent on club pledges opened before it was kept. */
    minimumPledge: z.number().int().positive().optional(),
    pledged: z.number().int(),
    received: z.number().int(),
    contributions: z.number().int().nonnegative(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ClubPledge' });
export type ClubPledge = z.infer<typeof ClubPledgeSchema>;

/**
 * The club page: the club, the caller's membership (null when not a member or signed out), one page of the shown
 * members, longest-standing first (`shownMembersNext`: the cursor of the next page, null at the end), whether others
 * hide their names, who organises it (members only), its pledges.
 */
export const ClubPageSchema = z
  .object({
    club: ClubSchema,
    membership: z.object({ shown: z.boolean() }).nullable(),
    organiser: z.boolean(),
    shownMembers: z.array(ClubMemberSchema),
    shownMembersNext: text().nullable(),
    /** Whether some members do not show their names (exact when the shown members fit on one page; assumed beyond). */
    hiddenMembers: z.boolean(),
    /** For members only (null otherwise): who organises the club, by display name when they chose to be shown, else null. */
    organiserOfClub: z.object({ displayName: text().nullable() }).nullable(),
    pledges: z.array(ClubPledgeSchema),
  })
  .meta({ id: 'ClubPage' });
export type ClubPage = z.infer<typeof ClubPageSchema>;

/** The club page's query: `cursor` pages its shown members (a cursor from `shownMembersNext`; another is a 400 on `cursor`). */
export const ClubPageQuerySchema = z.object({ cursor: text().max(TEXT_LIMITS.cursor).optional() }).strict();

export const ClubListSchema = z.object({ items: z.array(ClubSchema), nextCursor: text().nullable() }).meta({ id: 'ClubList' });
export type ClubList = z.infer<typeof ClubListSchema>;

/** Clubs of one home rayon, or of every rayon of one oblast-level unit: exactly one of the two (400 naming `rayon` otherwise). */
export const ClubListQuerySchema = z
  .object({
    rayon: SoateSchema.optional(),
    oblast: SoateSchema.optional(),
    limit: queryInt({ min: 1, max: 100, default: 50 }),
    cursor: text().max(TEXT_LIMITS.cursor).optional(),
  })
  .strict();

/** The caller's clubs (GET /v1/me/clubs): each with whether they organise it. */
export const MyClubsSchema = z.object({ items: z.array(ClubSchema.extend({ organiser: z.boolean() })) }).meta({ id: 'MyClubs' });
export type MyClubs = z.infer<typeof MyClubsSchema>;

/** Joining: whether the public may see the member's name on the club page (anonymous unless asked). */
export const ClubJoinSchema = z.object({ shown: z.boolean() }).strict().meta({ id: 'ClubJoin' });
export type ClubJoin = z.infer<typeof ClubJoinSchema>;

/** The organiser opens a club pledge on a published project; `goalKgs` optional, KGS tyiyn. */
export const ClubPledgeCreateSchema = z
  .object({
    projectId: ClubId,
    goalKgs: minorUnits(MAX_GOAL_TYIYN).positive().optional(),
  })
  .strict()
  .meta({ id: 'ClubPledgeCreate' });
export type ClubPledgeCreate = z.infer<typeof ClubPledgeCreateSchema>;

/**
 * A member's contribution to a club pledge: a money donation through the normal pledge path (Idempotency-Key,
 * limits, rates, payment). Always anonymous as a person: the ledger names the club.
 */
export const ClubContributionSchema = z
  .object({ amount: MoneyAmountSchema, channel: PledgeChannelSchema, message: prose(TEXT_LIMITS.message).optional() })
  .strict()
  .superRefine((c, ctx) => {
    if (c.amount.amount <= 0) ctx.addIssue({ code: 'custom', path: ['amount', 'amount'], message: 'must be positive' });
  })
  .meta({ id: 'ClubContribution' });
export type ClubContribution = z.infer<typeof ClubContributionSchema>;

/** The clubs that hold pledges on one project: each one supporter with the exact sum of its members' contributions. */
export const ProjectClubsSchema = z.object({ items: z.array(ClubPledgeSchema) }).meta({ id: 'ProjectClubs' });
export type ProjectClubs = z.infer<typeof ProjectClubsSchema>;
