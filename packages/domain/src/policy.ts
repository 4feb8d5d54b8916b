import type { Organisation, Pledge, Project } from '@mekendesh/contracts';
import type { Actor, UserActor } from './actor.js';
import { hasStaffRole, isStaff, lacksSecondFactor } from './actor.js';
import { isPublic } from './lifecycle.js';
import { DomainError } from './errors.js';

/**
 * The one answer to "may this actor do this to this object". Every route asks it; no route decides alone.
 * Objects are passed in as loaded from storage, so ownership is checked against stored facts.
 */
export type Permission =
  | { action: 'account:use' }
  | { action: 'organisation:apply' }
  | { action: 'organisation:read-detail'; organisation: Organisation }
  | { action: 'organisation:review'; organisation?: Organisation }
  | { action: 'organisation:invite'; organisation: Organisation }
  | { action: 'audit:read' }
  | { action: 'project:create'; organisation: Organisation }
  | { action: 'project:read'; project: Project }
  | { action: 'project:edit'; project: Project }
  /** Report progress and record disbursements of a funded project (issue 13): its organisation's officers, and staff. */
  | { action: 'project:report'; project: Project }
  | { action: 'project:list-organisation'; organisationId: string }
  | { action: 'project:review' }
  | { action: 'project:change-status'; project: Project; to: 'funded' | 'in_progress' | 'completed' | 'cancelled' }
  | { action: 'pledge:create'; project: Project }
  | { action: 'pledge:read'; pledge: Pledge }
  | { action: 'pledge:pay'; pledge: Pledge }
  | { action: 'money:manage' }
  | { action: 'demand:read'; soate: string; organisation: Organisation | undefined; organisationTerritory: string | undefined };

const memberOf = (actor: UserActor, organisationId: string) => actor.organisationId === organisationId;

/** Owners cancel before publication and report work starting and ending; staff may do all of it. */
function mayChangeStatus(actor: UserActor, p: Extract<Permission, { action: 'project:change-status' }>): boolean {
  if (isStaff(actor)) return true;
  if (!memberOf(actor, p.project.organisationId)) return false;
  if (p.to === 'cancelled') return !isPublic(p.project.status);
  return p.to === 'in_progress' || p.to === 'completed';
}

function decide(actor: UserActor, p: Permission): boolean {
  switch (p.action) {
    case 'account:use':
      return true;
    case 'organisation:apply':
      // Programme staff review applications; they do not make them (the role bars it, two-step sign-in or not).
      return actor.organisationId === null && !hasStaffRole(actor);
    case 'organisation:read-detail':
      return isStaff(actor) || actor.organisationId === p.organisation.id;
    case 'organisation:review':
      return isStaff(actor);
    case 'organisation:invite':
      return actor.organisationId === p.organisation.id && actor.organisationRole === 'admin' && p.organisation.status === 'approved';
    case 'audit:read':
      return isStaff(actor);
    case 'project:create':
      return memberOf(actor, p.organisation.id) && p.organisation.status === 'approved';
    case 'project:read':
      return isPublic(p.project.status) || isStaff(actor) || memberOf(actor, p.project.organisationId);
    case 'project:edit':
      return memberOf(actor, p.project.organisationId);
    case 'project:report':
      return isStaff(actor) || memberOf(actor, p.project.organisationId);
    case 'project:list-organisation':
      return isStaff(actor) || memberOf(actor, p.organisationId);
    case 'project:review':
      return isStaff(actor);
    case 'project:change-status':
      return mayChangeStatus(actor, p);
    case 'pledge:create':
      // Staff book the money, so they do not pledge; officers do not pledge to their own organisation's projects.
      return !hasStaffRole(actor) && actor.organisationId !== p.project.organisationId;
    case 'pledge:read':
      return isStaff(actor) || actor.id === p.pledge.investorId;
    case 'pledge:pay':
      // Only the investor pays their own pledge; staff book transfers instead.
      return actor.id === p.pledge.investorId;
    case 'money:manage':
      return isStaff(actor);
    case 'demand:read':
      // Officers see their own territory's demand only once their organisation is approved (issue 11).
      return (
        isStaff(actor) ||
        (!!p.organisation &&
          memberOf(actor, p.organisation.id) &&
          p.organisation.status === 'approved' &&
          p.organisationTerritory === p.soate)
      );
  }
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'user' && decide(actor, permission);
}

/** Throws 401 for nobody and 403 for a signed-in actor without the right; narrows the actor otherwise. */
export function authorize(actor: Actor, permission: Permission): asserts actor is UserActor {
  if (actor.kind === 'anonymous') throw new DomainError('unauthorized', 'sign in first');
  if (decide(actor, permission)) return;
  // Staff without the second factor: say what unlocks it, where the same person with it would be allowed.
  if (lacksSecondFactor(actor) && decide({ ...actor, mfa: true }, permission)) throw secondFactorRequired();
  // The action's name stays in the English message (logs); people read the detail in their language.
  throw new DomainError('forbidden', `not allowed: ${permission.action}`, [], NOT_ALLOWED);
}

/** What a 403 of the policy tells the person (ky/ru/en): it names no internal permission. */
const NOT_ALLOWED = {
  en: 'Your account may not do this here. If you think it should, ask the programme office.',
  ru: 'Вашей учётной записи это действие здесь недоступно. Если вы считаете, что это ошибка, обратитесь в офис программы.',
  ky: 'Бул жерде каттоо эсебиңизге бул аракет жеткиликсиз. Ката деп ойлосоңуз, программанын кеңсесине кайрылыңыз.',
} as const;

/**
 * The 403 of a staff or admin account whose sign-in did not pass the TOTP code (issue 14: staff accounts with MFA).
 * One place for every staff route: the API maps it to problem type `two-step-required`.
 */
export const secondFactorRequired = () =>
  new DomainError('second_factor', 'two-step sign-in required', [], {
    en: 'Staff pages need two-step sign-in: set it up under Account → Two-step sign-in, then sign in again with the code.',
    ru: 'Для страниц сотрудников нужен двухэтапный вход: включите его в разделе «Аккаунт → Двухэтапный вход» и войдите снова с кодом.',
    ky: 'Кызматкер барактары үчүн эки этаптуу кирүү керек: аны «Аккаунт → Эки этаптуу кирүү» бөлүмүндө күйгүзүп, код менен кайра кириңиз.',
  });
