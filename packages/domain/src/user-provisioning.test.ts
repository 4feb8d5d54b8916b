import { describe, expect, it } from 'vitest';
import type { UserRecord } from './account-ports.js';
import { DomainError, UnavailableError } from './errors.js';
import { ensureUser, signedIn, type ProvisioningDeps, type SignedInClaims } from './user-provisioning.js';
import type { PledgeContext } from './money-ports.js';
import { signedInToPledge, withInvestor } from './pledges.js';

const NOW = new Date('2026-05-01T06:00:00Z');
const CLAIMS: SignedInClaims = {
  userId: 'u-console-1',
  roles: ['investor'],
  issuedAt: NOW.getTime() / 1000,
  accessToken: 'token-of-u-console-1',
};

/** An in-memory user store with the repository's contract: `ensure` writes only when absent, after a turn of the event loop. */
function memoryDeps(options: { email?: () => Promise<string> } = {}) {
  const records = new Map<string, UserRecord>();
  const calls = { emailOf: 0, writes: 0 };
  const deps: ProvisioningDeps = {
    users: {
      get: async (id) => records.get(id),
      ensure: async (record) => {
        await new Promise((r) => setTimeout(r, 1));
        if (!records.has(record.id)) {
          records.set(record.id, record);
          calls.writes++;
        }
        return records.get(record.id)!;
      },
    },
    identity: {
      emailOf: async () => {
        calls.emailOf++;
        return options.email ? options.email() : 'aibek@example.kg';
      },
    },
    clock: { now: () => NOW },
  };
  return { deps, records, calls };
}

describe('ensureUser: the first request of an account without a platform record', () => {
  it('creates the record once, from the identity provider’s email, and reads it afterwards', async () => {
    const { deps, records, calls } = memoryDeps();
    const first = await ensureUser(deps, CLAIMS);
    expect(first).toMatchObject({
      id: 'u-console-1',
      email: 'aibek@example.kg',
      organisationId: null,
      revokedBefore: null,
      createdAt: NOW.toISOString(),
    });
    expect(first.profile.displayName).toBe('aibek');
    expect(first.profile.locale).toBe('ky');
    const again = await ensureUser(deps, CLAIMS);
    expect(again).toEqual(first);
    expect(records.size).toBe(1);
    expect(calls).toEqual({ emailOf: 1, writes: 1 });
  });

  it('creates one record when the first requests arrive together', async () => {
    const { deps, records, calls } = memoryDeps();
    const users = await Promise.all(Array.from({ length: 8 }, () => ensureUser(deps, CLAIMS)));
    expect(records.size).toBe(1);
    expect(calls.writes).toBe(1);
    expect(new Set(users.map((u) => JSON.stringify(u))).size).toBe(1);
  });

  it('is a 401 when the identity provider no longer knows the account, and writes nothing', async () => {
    const { deps, records } = memoryDeps({ email: async () => Promise.reject(new Error('UserNotFoundException')) });
    const error = await ensureUser(deps, CLAIMS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('unauthorized');
    expect(records.size).toBe(0);
  });

  it('passes an outage of the identity provider on as unavailable (503), not as a 401', async () => {
    const { deps } = memoryDeps({ email: async () => Promise.reject(new UnavailableError('identity', 'Cognito timed out')) });
    await expect(ensureUser(deps, CLAIMS)).rejects.toBeInstanceOf(UnavailableError);
  });
});

describe('signedIn', () => {
  it('is the token’s roles with the organisation from the record', async () => {
    const { deps, records } = memoryDeps();
    await ensureUser(deps, CLAIMS);
    records.set('u-console-1', { ...records.get('u-console-1')!, organisationId: 'org-naryn', organisationRole: 'officer' });
    expect((await signedIn(deps, CLAIMS)).actor).toEqual({
      kind: 'user',
      id: 'u-console-1',
      roles: ['investor'],
      organisationId: 'org-naryn',
      organisationRole: 'officer',
      mfa: false,
    });
  });

  it('refuses a token issued before the account signed out everywhere', async () => {
    const { deps, records } = memoryDeps();
    await ensureUser(deps, CLAIMS);
    records.set('u-console-1', { ...records.get('u-console-1')!, revokedBefore: NOW.getTime() + 1000 });
    const error = await signedIn(deps, CLAIMS).catch((e: unknown) => e);
    expect((error as DomainError).kind).toBe('unauthorized');
    expect((await signedIn(deps, { ...CLAIMS, issuedAt: CLAIMS.issuedAt + 2 })).actor).toMatchObject({ id: 'u-console-1' });
  });
});

describe('signedInToPledge: authentication with a pledge’s first batch', () => {
  /** The pledge batch over the same records: answers the caller's record as the store would (withInvestor). */
  function withPledgeBatch(m: ReturnType<typeof memoryDeps>) {
    const batches: { withUser: boolean; investorId: string }[] = [];
    const money = {
      pledgeContext: async (i: { investorId: string; withUser: boolean }): Promise<PledgeContext> => {
        batches.push({ withUser: i.withUser, investorId: i.investorId });
        return withInvestor({ supporter: false }, m.records.get(i.investorId));
      },
    };
    const users = { ...m.deps.users, get: async () => expect.unreachable('the batch reads the record') };
    return { deps: { ...m.deps, users, money }, batches };
  }
  const target = { projectId: 'p-1', idempotencyKey: 'pledge-key-0001' };

  it('provisions a first-time caller after the batch, and the pledge’s context takes the new record', async () => {
    const m = memoryDeps();
    const { deps, batches } = withPledgeBatch(m);
    const out = await signedInToPledge(deps, CLAIMS, target);
    expect(batches).toEqual([{ withUser: true, investorId: 'u-console-1' }]);
    expect(m.calls).toEqual({ emailOf: 1, writes: 1 });
    expect(out.actor).toMatchObject({ kind: 'user', id: 'u-console-1', roles: ['investor'] });
    expect(out.read).toMatchObject({ scope: 'u-console-1', key: 'pledge-key-0001', projectId: 'p-1' });
    expect(out.read.context.investor).toEqual({ email: 'aibek@example.kg', locale: 'ky', displayName: 'aibek' });
    expect(out.read.context.displayName).toBe('aibek');
  });

  it('refuses a session signed out everywhere (401), from the record the batch read', async () => {
    const m = memoryDeps();
    await ensureUser(m.deps, CLAIMS);
    m.records.set('u-console-1', { ...m.records.get('u-console-1')!, revokedBefore: NOW.getTime() + 1000 });
    const { deps } = withPledgeBatch(m);
    await expect(signedInToPledge(deps, CLAIMS, target)).rejects.toMatchObject({
      kind: 'unauthorized',
      message: 'the session was signed out',
    });
  });
});
