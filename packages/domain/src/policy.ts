import type { Organisation } from '@mekendesh/contracts';
import type { Actor, UserActor } from './actor.js';
import { isStaff } from './actor.js';
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
  | { action: 'audit:read' };

function decide(actor: UserActor, p: Permission): boolean {
  switch (p.action) {
    case 'account:use':
      return true;
    case 'organisation:apply':
      // Programme staff review applications; they do not make them.
      return actor.organisationId === null && !isStaff(actor);
    case 'organisation:read-detail':
      return isStaff(actor) || actor.organisationId === p.organisation.id;
    case 'organisation:review':
      return isStaff(actor);
    case 'organisation:invite':
      return (
        actor.organisationId === p.organisation.id && actor.organisationRole === 'admin' && p.organisation.status === 'approved'
      );
    case 'audit:read':
      return isStaff(actor);
  }
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'user' && decide(actor, permission);
}

/** Throws 401 for nobody and 403 for a signed-in actor without the right; narrows the actor otherwise. */
export function authorize(actor: Actor, permission: Permission): asserts actor is UserActor {
  if (actor.kind === 'anonymous') throw new DomainError('unauthorized', 'sign in first');
  if (!decide(actor, permission)) throw new DomainError('forbidden', `not allowed: ${permission.action}`);
}
