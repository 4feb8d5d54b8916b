import type { AuditEntry, Profile } from '@mekendesh/contracts';
import type { UserRecord, UserRepository } from './account-ports.js';
import { demandDelta } from './demand.js';
import { conflict, notFound } from './errors.js';

/**
 * Saves of one profile that found it changed meanwhile before giving up with a 409. Each lost round means
 * another save of the same account won, so this many people-clicks at once still all land.
 */
const MAX_SAVE_ROUNDS = 10;

/**
 * Replaces a user's profile and moves their demand counts by exactly what changed (demandDelta), in one write
 * conditioned on the record read; when another save came first it reads again and recomputes, so concurrent
 * saves never double or lose a count. Answers the saved record. Errors: 404 without a record, 409 after
 * MAX_SAVE_ROUNDS lost rounds.
 */
export async function saveProfileCounted(
  users: Pick<UserRepository, 'get' | 'saveProfile'>,
  id: string,
  profile: Profile,
): Promise<UserRecord> {
  for (let round = 0; round < MAX_SAVE_ROUNDS; round++) {
    const record = await users.get(id);
    if (!record) throw notFound('account');
    const expectedVersion = record.profileVersion ?? 0;
    const out = await users.saveProfile({ id, profile, expectedVersion, demand: demandDelta(record.profile, profile) });
    if (out === 'saved') return { ...record, profile, profileVersion: expectedVersion + 1 };
  }
  throw conflict('the profile kept changing meanwhile: try again');
}

/**
 * Erases the account's record and removes its demand contribution in the same write, conditioned on the
 * record read (a save in between is read again). An account already erased is done. 409 as saveProfileCounted.
 */
export async function eraseCounted(users: Pick<UserRepository, 'get' | 'erase'>, id: string, audit: AuditEntry): Promise<void> {
  for (let round = 0; round < MAX_SAVE_ROUNDS; round++) {
    const record = await users.get(id);
    const out = await users.erase({
      id,
      audit,
      expectedVersion: record?.profileVersion ?? 0,
      demand: demandDelta(record?.profile, undefined),
    });
    if (out === 'erased') return;
  }
  throw conflict('the profile kept changing meanwhile: try again');
}
