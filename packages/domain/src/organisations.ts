import type { Notifier } from './notification-ports.js';
import { notifyAfterCommit } from './notifications.js';
import type {
  AuditEntry,
  Invitation,
  Locale,
  Member,
  Organisation,
  OrganisationApplication,
  OrganisationDetail,
} from '@mekendesh/contracts';
import type { Actor, UserActor } from './actor.js';
import { isStaff } from './actor.js';
import type { IdentityProvider, Mailer, OrganisationStore, UserRepository } from './account-ports.js';
import type { Clock } from './accounts.js';
import { conflictIn, DomainError, invalid, notFound } from './errors.js';
import { EMAILS } from './messages.js';
import { authorize, can } from './policy.js';
import type { Page } from './ports.js';
import type { TerritoryRules } from './territory-rules.js';

export interface OrganisationDeps {
  organisations: OrganisationStore;
  users: UserRepository;
  identity: IdentityProvider;
  mailer: Mailer;
  clock: Clock;
  newId(): string;
  /** Where links in emails point, e.g. http://localhost:5173. */
  webOrigin: string;
  /** Where an applicant's SOATE code lies (territory-rules.ts; reference data lives outside the domain). */
  territories: Pick<TerritoryRules, 'place'>;
  /** Tells the applicant the staff's decision (kind 'staff_decision'); absent: no email. */
  notifier?: Notifier;
}

const INVITATION_DAYS = 14;

/**
 * Organisation applications one account may have pending at once (issue 9, fault 5): a real applicant applies for
 * one local government, at most a few when a first try was wrong; more is someone filling the staff queue.
 */
export const MAX_PENDING_APPLICATIONS = 3;

const TOO_MANY_PENDING = {
  ky: `Сизде каралбаган ${MAX_PENDING_APPLICATIONS} арыз бар. Кызматкерлер аларды карап чыкканча күтүңүз.`,
  ru: `У вас уже ${MAX_PENDING_APPLICATIONS} заявки на рассмотрении. Дождитесь, пока сотрудники их рассмотрят.`,
  en: `You already have ${MAX_PENDING_APPLICATIONS} applications waiting for review. Wait until staff have reviewed them.`,
} as const;

function audit(
  deps: { clock: Clock; newId(): string },
  actor: UserActor,
  fields: Pick<AuditEntry, 'action' | 'objectType' | 'objectId'> & Partial<AuditEntry>,
): AuditEntry {
  return {
    id: deps.newId(),
    at: deps.clock.now().toISOString(),
    actorId: actor.id,
    actorRoles: [...actor.roles],
    reason: null,
    before: null,
    after: null,
    ...fields,
  };
}

export function publicView(o: OrganisationDetail): Organisation {
  const { id, name, kind, territorySoate, oblastSoate, settlement, status, verified, createdAt } = o;
  return { id, name, kind, territorySoate, oblastSoate, ...(settlement ? { settlement } : {}), status, verified, createdAt };
}

/**
 * A local government applies to join; the applicant becomes its admin once staff approve. 409 (ky/ru/en) when the
 * applicant already has MAX_PENDING_APPLICATIONS pending.
 */
export async function applyForOrganisation(deps: OrganisationDeps, actor: Actor, application: OrganisationApplication) {
  authorize(actor, { action: 'organisation:apply' });
  if ((await deps.organisations.pendingApplications(actor.id)) >= MAX_PENDING_APPLICATIONS) throw conflictIn(TOO_MANY_PENDING);
  const place = deps.territories.place(application.territorySoate);
  if (!place) throw invalid('territorySoate', 'not a known SOATE code of an oblast, rayon or city');
  const organisation: Organisation = {
    id: `org-${deps.newId().toLowerCase()}`,
    name: application.name,
    kind: application.kind,
    territorySoate: application.territorySoate,
    oblastSoate: place.oblastSoate,
    ...(application.settlement ? { settlement: application.settlement } : {}),
    status: 'pending',
    verified: false,
    createdAt: deps.clock.now().toISOString(),
  };
  try {
    await deps.organisations.apply({
      organisation,
      application,
      applicantId: actor.id,
      maxPending: MAX_PENDING_APPLICATIONS,
      audit: audit(deps, actor, {
        action: 'organisation.apply',
        objectType: 'organisation',
        objectId: organisation.id,
        after: { ...organisation },
      }),
    });
  } catch (e) {
    // The new id is fresh, so a conflict here is the pending count: another application of theirs landed first.
    if (e instanceof DomainError && e.kind === 'conflict') throw conflictIn(TOO_MANY_PENDING);
    throw e;
  }
  return organisation;
}

/** Approved organisations are public; pending or rejected ones exist only for their people and staff. */
export async function getOrganisation(deps: OrganisationDeps, actor: Actor, id: string): Promise<Organisation | OrganisationDetail> {
  const found = await deps.organisations.get(id);
  if (!found) throw notFound('organisation');
  const organisation = publicView(found);
  if (can(actor, { action: 'organisation:read-detail', organisation }) || (actor.kind === 'user' && found.applicantId === actor.id))
    return found;
  if (found.status !== 'approved') throw notFound('organisation');
  return organisation;
}

export async function listApplications(
  deps: OrganisationDeps,
  actor: Actor,
  query: { status: 'pending' | 'approved' | 'rejected'; limit: number; cursor?: string },
): Promise<Page<OrganisationDetail>> {
  authorize(actor, { action: 'organisation:review' });
  return deps.organisations.listByStatus(query);
}

export async function reviewOrganisation(
  deps: OrganisationDeps,
  actor: Actor,
  input: { id: string; decision: 'approve' | 'reject'; reason: string | null },
): Promise<OrganisationDetail> {
  authorize(actor, { action: 'organisation:review' });
  const found = await deps.organisations.get(input.id);
  if (!found) throw notFound('organisation');
  if (found.status !== 'pending') throw new DomainError('conflict', `the organisation is already ${found.status}`);
  if (input.decision === 'reject' && !input.reason) throw invalid('reason', 'a rejection needs a reason');
  const approved = input.decision === 'approve';
  const applicant = found.applicantId ? await deps.users.get(found.applicantId) : undefined;
  const at = deps.clock.now().toISOString();
  const admin: Member | null =
    approved && applicant
      ? { userId: applicant.id, email: applicant.email, displayName: applicant.profile.displayName, role: 'admin', joinedAt: at }
      : null;
  await deps.organisations.review({
    id: found.id,
    applicantId: found.applicantId,
    status: approved ? 'approved' : 'rejected',
    reason: input.reason,
    at,
    admin,
    audit: audit(deps, actor, {
      action: approved ? 'organisation.approve' : 'organisation.reject',
      objectType: 'organisation',
      objectId: found.id,
      reason: input.reason,
      before: { status: found.status },
      after: { status: approved ? 'approved' : 'rejected' },
    }),
  });
  if (admin) await deps.identity.addToGroup(admin.userId, 'officer');
  // The applicant hears of the decision as a 'staff_decision' notice (their language, unsubscribable), once per review.
  if (applicant && deps.notifier) {
    const notice = { kind: 'staff_decision' as const, userId: applicant.id, about: `org-review-${found.id}` };
    const message = (l: Locale) => EMAILS.organisationReviewed({ organisation: found.name, approved, reason: input.reason })[l];
    await notifyAfterCommit(deps.notifier, [{ ...notice, message }]);
  }
  return (await deps.organisations.get(found.id))!;
}

export async function inviteOfficer(
  deps: OrganisationDeps,
  actor: Actor,
  input: { organisationId: string; email: string; locale: Locale },
): Promise<Invitation> {
  const found = await deps.organisations.get(input.organisationId);
  if (!found) throw notFound('organisation');
  authorize(actor, { action: 'organisation:invite', organisation: publicView(found) });
  if (found.members.some((m) => m.email === input.email)) throw new DomainError('conflict', 'this person is already a member');
  const now = deps.clock.now();
  const invitation: Invitation = {
    token: `${deps.newId()}${deps.newId()}`.toLowerCase(),
    organisationId: found.id,
    organisationName: found.name,
    email: input.email,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    acceptedAt: null,
  };
  await deps.organisations.createInvitation({
    invitation,
    audit: audit(deps, actor, {
      action: 'organisation.invite',
      objectType: 'organisation',
      objectId: found.id,
      after: { email: input.email },
    }),
  });
  const link = (l: Locale) => `${deps.webOrigin}/${l}/invitations/${invitation.token}`;
  await deps.mailer.send({ to: input.email, ...EMAILS.invitation({ organisation: found.name, link })[input.locale] });
  return invitation;
}

/** The invited person, signed in with the invited email, joins the organisation as an officer. */
export async function acceptInvitation(deps: OrganisationDeps, actor: Actor, token: string) {
  authorize(actor, { action: 'account:use' });
  const invitation = await deps.organisations.getInvitation(token);
  const user = await deps.users.get(actor.id);
  // One answer for unknown, expired and someone else's invitations: nothing to learn by guessing.
  if (!invitation || !user || invitation.email !== user.email || Date.parse(invitation.expiresAt) < deps.clock.now().getTime()) {
    throw notFound('invitation');
  }
  if (invitation.acceptedAt) throw new DomainError('conflict', 'the invitation was already used');
  if (user.organisationId) throw new DomainError('conflict', 'you already belong to an organisation');
  const at = deps.clock.now().toISOString();
  await deps.organisations.acceptInvitation({
    token,
    at,
    member: { userId: user.id, email: user.email, displayName: user.profile.displayName, role: 'officer', joinedAt: at },
    audit: audit(deps, actor, { action: 'organisation.join', objectType: 'organisation', objectId: invitation.organisationId }),
  });
  await deps.identity.addToGroup(user.id, 'officer');
  return { organisationId: invitation.organisationId };
}

export function staffOrMember(actor: Actor, organisationId: string): boolean {
  return isStaff(actor) || (actor.kind === 'user' && actor.organisationId === organisationId);
}
