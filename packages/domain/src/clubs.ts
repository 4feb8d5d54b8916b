import type {
  Club,
  ClubContribution,
  ClubCreate,
  ClubList,
  ClubPage,
  ClubPledge,
  ClubPledgeCreate,
  PledgeView,
} from '@mekendesh/contracts';
import type { Actor, UserActor } from './actor.js';
import { isStaff } from './actor.js';
import type { ClubDeps, ClubMembership, ClubRecord, ClubStore } from './club-ports.js';
import { DomainError, invalidIn, notFound } from './errors.js';
import { isPublic } from './lifecycle.js';
import { notClubMember, optimistically, type Round } from './money-commit.js';
import { pledgeAndNotify } from './pledge-email.js';
import type { PledgeRead } from './pledges.js';
import { loadConfusables, nameSkeleton } from './name-skeleton.js';
import { can } from './policy.js';
import { CLUBS_PER_DAY, clubWindow, RateLimitedError } from './rate-limits.js';
import type { PaymentDeps } from './receiving-accounts.js';

/** Shown members on one page of a club's member list (one bounded read; the page says how many members there are in all). */
export const SHOWN_MEMBERS_PAGE = 50;
/** Club pledges on a club or project page, at most. */
export const CLUB_PLEDGES_LIMIT = 50;

const forbidden = (messages: Record<'ky' | 'ru' | 'en', string>) => new DomainError('forbidden', messages.en, [], messages);

/** An officer opening a club pledge on their own organisation's project (pledge:create would refuse their contribution). */
const ownProject = () =>
  forbidden({
    ky: 'Өз уюмуңуздун долбооруна клубдун салымын ача албайсыз: анын кызматкерлери ага салым кошпойт',
    ru: 'Нельзя открыть взнос клуба на проект своей организации: её сотрудники не делают взносов в её проекты',
    en: "You cannot open a club pledge on your own organisation's project: its officers do not pledge to it",
  });

/** Signed in and not programme staff (they book money, so they neither found clubs nor pledge): 401 / 403. */
function investor(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new DomainError('unauthorized', 'sign in first');
  if (isStaff(actor))
    throw forbidden({
      ky: 'Программанын кызматкерлери клубга кошулбайт жана салым кошпойт',
      ru: 'Сотрудники программы не вступают в клубы и не делают взносов',
      en: 'Programme staff do not join clubs or contribute',
    });
  return actor;
}

/** The club as the public sees it: the organiser's account id stays inside the API (issue 12 review). */
export function publicClub(record: ClubRecord): Club {
  const { organiserId: _organiser, ...club } = record;
  return club;
}

/**
 * What makes a club the same club (issue 12 reviews): its name within one home rayon and one residence city, each
 * compared by how it looks (nameSkeleton: normalised, any case, punctuation at the edges ignored, Latin/Cyrillic/Greek
 * look-alikes folded), so "At-Bashy people in Moscow", "Аt-Bashy people in Moscow" (Cyrillic А), "At-Bashy people in
 * Moscow." and "at‐bashy  PEOPLE in moscow" are one. Claimed in the club's transaction (ClubName, packages/db).
 * Needs the confusables table loaded (await loadConfusables(), name-skeleton.ts).
 * @example clubNameKey({ name: 'At-Bashy people', residenceCountry: 'RU', residenceCity: ' Moscow' }) // 'RU|rnoscow|at-bashy people' (m looks like rn)
 */
export function clubNameKey(c: Pick<Club, 'name' | 'residenceCountry' | 'residenceCity'>): string {
  return `${c.residenceCountry}|${nameSkeleton(c.residenceCity)}|${nameSkeleton(c.name)}`;
}

const duplicateName = () =>
  new DomainError(
    'conflict',
    'a club of this name already exists for this rayon and city',
    [
      {
        field: 'name',
        message: 'a club of this name already exists for this rayon and city',
        messages: {
          ky: 'Бул райондо жана шаарда ушундай аталыштагы клуб бар',
          ru: 'Клуб с таким названием для этого района и города уже есть',
          en: 'A club of this name already exists for this rayon and city',
        },
      },
    ],
    {
      ky: 'Бул райондо жана шаарда ушундай аталыштагы клуб бар: ага кошулуңуз же башка ат тандаңыз',
      ru: 'Клуб с таким названием для этого района и города уже есть: вступите в него или выберите другое название',
      en: 'A club of this name already exists for this rayon and city: join it or choose another name',
    },
  );

/**
 * Founds a hometown club; its founder is its organiser and first member (not shown by name).
 * Errors: 400 naming `homeRayon` when it is not a rayon-level SOATE code; 409 naming `name` when the home rayon and
 * residence city have a club of that name (clubNameKey); 429 past `limits.clubsPerDay` clubs (CLUBS_PER_DAY) this
 * Bishkek day; 401/403 as `investor`. Both checks are in the club's own transaction: two at once cannot both pass.
 * @example await createClub(deps, actor, { name: 'At-Bashy people in Moscow', homeRayon: '41704220000000', residenceCountry: 'RU', residenceCity: 'Moscow' })
 */
export async function createClub(deps: ClubDeps, actor: Actor, input: ClubCreate): Promise<Club> {
  const user = investor(actor);
  const rayon = deps.territories.rayon(input.homeRayon);
  if (!rayon)
    throw invalidIn('homeRayon', {
      ky: 'Райондун SOATE коду эмес',
      ru: 'Это не код SOATE района',
      en: 'Not the SOATE code of a rayon',
    });
  const at = deps.clock.now().toISOString();
  const club: ClubRecord = {
    id: deps.newId(),
    name: input.name,
    homeRayon: input.homeRayon,
    homeOblast: rayon.oblastSoate,
    homeSettlement: input.homeSettlement || null,
    residenceCountry: input.residenceCountry,
    residenceCity: input.residenceCity,
    description: input.description || null,
    organiserId: user.id,
    members: 1,
    createdAt: at,
  };
  await loadConfusables();
  const out = await deps.clubs.create({
    club,
    organiser: { clubId: club.id, userId: user.id, shown: false, displayName: null, joinedAt: at },
    nameKey: clubNameKey(club),
    window: clubWindow(deps.limits?.clubsPerDay ?? CLUBS_PER_DAY, user.id),
  });
  if (out.kind === 'duplicate') throw duplicateName();
  if (out.kind === 'limited') throw new RateLimitedError(out.retryAfterSeconds, 'clubs');
  return publicClub(club);
}

/** Clubs of one home rayon or one oblast-level unit (exactly one; 400 naming `rayon` otherwise), a bounded page. */
export async function listClubs(
  deps: ClubDeps,
  query: { rayon?: string | undefined; oblast?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<ClubList> {
  if (!query.rayon === !query.oblast)
    throw invalidIn('rayon', { ky: 'Районду же облусту тандаңыз', ru: 'Выберите район или область', en: 'Choose a rayon or an oblast' });
  const page = await deps.clubs.list({
    ...(query.rayon ? { rayon: query.rayon } : { oblast: query.oblast! }),
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return { items: page.items.map(publicClub), nextCursor: page.nextCursor };
}

async function clubOr404(deps: ClubDeps, id: string): Promise<ClubRecord> {
  const club = await deps.clubs.get(id);
  if (!club) throw notFound('club');
  return club;
}

/**
 * A club's public page: the club, the caller's own membership (null when not a member or signed out), one page of the
 * members who chose to be shown (SHOWN_MEMBERS_PAGE, from `cursor`), and its club pledges with their exact figures.
 * Public; 404 for an unknown club; 400 on `cursor` for a cursor this list did not issue.
 */
export async function getClubPage(
  deps: ClubDeps,
  actor: Actor,
  id: string,
  query: { cursor?: string | undefined } = {},
): Promise<ClubPage> {
  const club = await clubOr404(deps, id);
  const [membership, shown, pledges] = await Promise.all([
    actor.kind === 'user' ? deps.clubs.membership(id, actor.id) : Promise.resolve(undefined),
    deps.clubs.shownMembers(id, { limit: SHOWN_MEMBERS_PAGE, ...(query.cursor ? { cursor: query.cursor } : {}) }),
    deps.clubs.pledgesOfClub(id, CLUB_PLEDGES_LIMIT),
  ]);
  // Members only learn who organises the club (issue 12 review): by name only when the organiser chose to be shown.
  const organiser = membership ? await deps.clubs.membership(id, club.organiserId) : undefined;
  const complete = !query.cursor && !shown.nextCursor;
  return {
    club: publicClub(club),
    membership: membership ? { shown: membership.shown } : null,
    organiser: actor.kind === 'user' && actor.id === club.organiserId,
    shownMembers: shown.items,
    shownMembersNext: shown.nextCursor,
    hiddenMembers: complete ? club.members > shown.items.length : true,
    organiserOfClub: membership ? { displayName: organiser?.shown ? organiser.displayName : null } : null,
    pledges,
  };
}

/**
 * Joins a club (one click); joining again only changes whether the name is shown. A shown member is listed by the
 * display name of their profile at joining. 404 for an unknown club; 401/403 as `investor`.
 */
export async function joinClub(deps: ClubDeps, actor: Actor, id: string, input: { shown: boolean }): Promise<{ joined: boolean }> {
  const user = investor(actor);
  await clubOr404(deps, id);
  const record = input.shown ? await deps.users.get(user.id) : undefined;
  const membership: ClubMembership = {
    clubId: id,
    userId: user.id,
    shown: input.shown && Boolean(record?.profile.displayName),
    displayName: input.shown ? record?.profile.displayName || null : null,
    joinedAt: deps.clock.now().toISOString(),
  };
  return { joined: (await deps.clubs.join(membership)) === 'joined' };
}

/**
 * Leaves a club; leaving twice changes nothing. The organiser cannot leave (409): the club's pledges need them.
 * Their contributions stay pledges of their own in the ledger.
 */
export async function leaveClub(deps: ClubDeps, actor: Actor, id: string): Promise<{ left: boolean }> {
  const user = investor(actor);
  const club = await clubOr404(deps, id);
  if (club.organiserId === user.id)
    throw new DomainError('conflict', 'the organiser cannot leave the club', [], {
      ky: 'Уюштуруучу клубдан чыга албайт',
      ru: 'Организатор не может выйти из клуба',
      en: 'The organiser cannot leave the club',
    });
  return { left: await deps.clubs.leave(id, user.id) };
}

/**
 * The organiser opens a club pledge on a published project (at most one per club and project: 409 for a second).
 * Errors: 409 when the club is closed; 403 for anyone but the organiser; 404 naming the project when it is not public;
 * 409 when it takes no pledges.
 */
export async function openClubPledge(deps: ClubDeps, actor: Actor, clubId: string, input: ClubPledgeCreate): Promise<ClubPledge> {
  const user = investor(actor);
  const club = await clubOr404(deps, clubId);
  // Closed (its organiser's account is gone, no member was left to take over): no one opens a club pledge.
  if (club.closed)
    throw new DomainError('conflict', 'the club is closed to new club pledges', [], {
      ky: 'Клуб жаңы салымдарды ачпайт: анын уюштуруучусу жок',
      ru: 'Клуб больше не открывает новые взносы: у него нет организатора',
      en: 'The club opens no new club pledges: it has no organiser',
    });
  if (club.organiserId !== user.id)
    throw forbidden({
      ky: 'Клубдун салымын анын уюштуруучусу гана ачат',
      ru: 'Открыть взнос клуба может только его организатор',
      en: "Only the club's organiser opens a club pledge",
    });
  const project = await deps.projects.get(input.projectId);
  if (!project || !isPublic(project.status)) throw notFound('project');
  if (project.status !== 'published') throw new DomainError('conflict', `the project is ${project.status}: it no longer takes pledges`);
  // The same rule as the organiser's own contribution (pledge:create): a club pledge its organiser could not give to.
  if (!can(user, { action: 'pledge:create', project })) throw ownProject();
  const pledge: ClubPledge = {
    // One per club and project, made so by its id: a second is refused by the write's condition.
    id: `${club.id}_${project.id}`,
    clubId: club.id,
    clubName: club.name,
    projectId: project.id,
    projectTitle: project.title,
    goalKgs: input.goalKgs ?? null,
    minimumPledge: project.minimumPledge,
    pledged: 0,
    received: 0,
    contributions: 0,
    createdAt: deps.clock.now().toISOString(),
  };
  if (!(await deps.clubs.openPledge(pledge)))
    throw new DomainError('conflict', 'the club already has a pledge on this project', [], {
      ky: 'Клубдун бул долбоорго салымы ачылган',
      ru: 'У клуба уже есть взнос на этот проект',
      en: 'The club already has a pledge on this project',
    });
  return pledge;
}

/** Clubs on the "Support with my club" list, at most (one page of the person's memberships). */
export const MY_CLUBS_LIMIT = 50;

/**
 * The clubs the caller is a member of, each with whether they organise it (the project page's "Support with my club"
 * lists those they do). One page of their memberships (MY_CLUBS_LIMIT, gsi1) and one batched read of the clubs.
 * Errors: 401 signed out.
 */
export async function myClubs(deps: ClubDeps, actor: Actor): Promise<{ items: (Club & { organiser: boolean })[] }> {
  if (actor.kind !== 'user') throw new DomainError('unauthorized', 'sign in first');
  const ids = (await deps.clubs.clubsOf(actor.id, { limit: MY_CLUBS_LIMIT })).items;
  const clubs = await deps.clubs.getMany(ids);
  return { items: clubs.map((c) => ({ ...publicClub(c), organiser: c.organiserId === actor.id })) };
}

/** The club pledges on a public project: each club one supporter, with the exact sums of its members' contributions. */
export async function projectClubs(deps: ClubDeps, projectId: string): Promise<{ items: ClubPledge[] }> {
  const project = await deps.projects.get(projectId);
  if (!project || !isPublic(project.status)) throw notFound('project');
  return { items: await deps.clubs.pledgesOnProject(projectId, CLUB_PLEDGES_LIMIT) };
}

/**
 * A member's contribution to a club pledge: a donation through the normal pledge path (`deps.payments`, pledgeAndNotify: the
 * Idempotency-Key, the investor's limits, pricing, payment details and email), carrying the club pledge, whose
 * figures move in the same transaction, which also checks the contributor's membership. Anonymous as a person: the
 * ledger names the club. Only members: 403 (also when they leave mid-request; nothing written); an unknown club pledge: 404.
 */
export async function contributeToClubPledge(
  deps: ClubDeps & { payments: PaymentDeps },
  actor: Actor,
  input: { clubPledgeId: string; idempotencyKey: string; contribution: ClubContribution; read?: PledgeRead },
): Promise<{ pledge: PledgeView; created: boolean; emailed: boolean }> {
  const user = investor(actor);
  const clubPledge = await deps.clubs.getPledge(input.clubPledgeId);
  if (!clubPledge) throw notFound('club pledge');
  // Read first for an early 403; the pledge's own transaction checks the membership again (money-transaction.ts),
  // so one who leaves between this read and the commit contributes nothing (notClubMember, from throwIfFinal).
  if (!(await deps.clubs.membership(clubPledge.clubId, user.id))) throw notClubMember();
  const c = input.contribution;
  return pledgeAndNotify(deps.payments, actor, {
    projectId: clubPledge.projectId,
    idempotencyKey: input.idempotencyKey,
    request: { type: 'donation', amount: c.amount, channel: c.channel, display: 'anonymous', ...(c.message ? { message: c.message } : {}) },
    club: { clubId: clubPledge.clubId, clubPledgeId: clubPledge.id, clubName: clubPledge.clubName },
    ...(input.read ? { read: input.read } : {}),
  });
}

/** What account deletion needs of the club store. */
export type MembershipRemoval = Pick<ClubStore, 'clubsOf' | 'leave' | 'get' | 'longestStanding' | 'departOrganiser'>;

/**
 * The person leaves one club on account deletion. An organiser's club is not left headless (issue 12): the
 * longest-standing remaining member becomes organiser, or with none the club closes to new club pledges, in the same
 * transaction as the membership's removal; a member joining or leaving meanwhile makes it decide again. True: removed.
 */
async function leaveOnDeletion(clubs: MembershipRemoval, clubId: string, userId: string): Promise<boolean> {
  return optimistically(async (): Promise<Round<boolean>> => {
    const club = await clubs.get(clubId);
    if (!club || club.organiserId !== userId) return { done: await clubs.leave(clubId, userId) };
    const successorId = await clubs.longestStanding(clubId, userId);
    const out = await clubs.departOrganiser({ clubId, organiserId: userId, successorId });
    return out === 'again' ? { again: true } : { done: out === 'done' };
  });
}

/** Account deletion's step: every membership of the person goes (their pledges stay, anonymous as any other). */
export async function removeMemberships(deps: { clubs: MembershipRemoval }, userId: string): Promise<number> {
  let removed = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.clubs.clubsOf(userId, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const clubId of page.items) if (await leaveOnDeletion(deps.clubs, clubId, userId)) removed++;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return removed;
}
