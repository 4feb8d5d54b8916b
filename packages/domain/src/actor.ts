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
      /**
       * Whether this sign-in passed the TOTP code (signedIn sets it on every request's actor). False withholds staff
       * powers (isStaff) until the person sets up two-step sign-in and signs in with the code. Required, and read fail
       * closed (only `true` unlocks, issue 14 review): actors the platform builds for itself (seeding) say `true`.
       */
      mfa: boolean;
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** Holds the staff or admin role, whether or not its powers are unlocked (the rules that bar staff, e.g. from pledging). */
export function hasStaffRole(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.roles.includes('staff') || actor.roles.includes('admin'));
}

/** Acts as programme staff: holds the role and signed in with the TOTP code (issue 14: staff accounts with MFA). */
export function isStaff(actor: Actor): boolean {
  return hasStaffRole(actor) && actor.kind === 'user' && actor.mfa === true;
}

/** Holds a staff role whose powers wait for two-step sign-in (see UserActor `mfa`). */
export function lacksSecondFactor(actor: Actor): boolean {
  return hasStaffRole(actor) && actor.kind === 'user' && actor.mfa !== true;
}
