import type { Role } from '@mekendesh/contracts';

/** Who is asking: built by the API from a verified token and the platform's own records, never from the body. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      id: string;
      roles: readonly Role[];
      organisationId: string | null;
      organisationRole: 'admin' | 'officer' | null;
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function isStaff(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.roles.includes('staff') || actor.roles.includes('admin'));
}
