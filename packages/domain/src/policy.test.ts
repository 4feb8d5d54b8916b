import { describe, expect, it } from 'vitest';
import type { Organisation } from '@mekendesh/contracts';
import { ANONYMOUS, isStaff, lacksSecondFactor, type Actor, type UserActor } from './actor.js';
import { DomainError } from './errors.js';
import { authorize, can } from './policy.js';

const org = (id: string, status: Organisation['status'] = 'approved'): Organisation => ({
  id,
  name: { en: id },
  kind: 'ayil_okmotu',
  territorySoate: '41704220000000',
  oblastSoate: '41704000000000',
  status,
  verified: status === 'approved',
  createdAt: '2026-01-01T00:00:00.000Z',
});
const user = (over: Partial<Extract<Actor, { kind: 'user' }>> = {}): Actor => ({
  kind: 'user',
  id: 'u1',
  roles: ['investor'],
  organisationId: null,
  organisationRole: null,
  ...over,
  // Signed in with the code unless a test says otherwise: these stories are about roles, not the second factor.
  mfa: over.mfa ?? true,
});

describe('policy', () => {
  const x = org('org-x');
  const adminOfX = user({ roles: ['officer'], organisationId: 'org-x', organisationRole: 'admin' });
  const officerOfX = user({ roles: ['officer'], organisationId: 'org-x', organisationRole: 'officer' });
  const officerOfY = user({ roles: ['officer'], organisationId: 'org-y', organisationRole: 'admin' });
  const staff = user({ roles: ['staff'] });

  it('says 401 to nobody and 403 to the wrong person', () => {
    const kind = (a: Actor) => {
      try {
        authorize(a, { action: 'audit:read' });
        return 'ok';
      } catch (e) {
        return (e as DomainError).kind;
      }
    };
    expect([kind(ANONYMOUS), kind(user()), kind(staff)]).toEqual(['unauthorized', 'forbidden', 'ok']);
  });

  it('lets only members of an organisation and staff read its details', () => {
    expect(can(officerOfX, { action: 'organisation:read-detail', organisation: x })).toBe(true);
    expect(can(staff, { action: 'organisation:read-detail', organisation: x })).toBe(true);
    expect(can(officerOfY, { action: 'organisation:read-detail', organisation: x })).toBe(false);
    expect(can(user(), { action: 'organisation:read-detail', organisation: x })).toBe(false);
  });

  it("lets only an approved organisation's admin invite officers", () => {
    expect(can(adminOfX, { action: 'organisation:invite', organisation: x })).toBe(true);
    expect(can(officerOfX, { action: 'organisation:invite', organisation: x })).toBe(false);
    expect(can(officerOfY, { action: 'organisation:invite', organisation: x })).toBe(false);
    expect(can(adminOfX, { action: 'organisation:invite', organisation: org('org-x', 'pending') })).toBe(false);
    expect(can(staff, { action: 'organisation:invite', organisation: x })).toBe(false);
  });

  it('lets staff review and nobody else; members cannot apply again', () => {
    expect(can(staff, { action: 'organisation:review' })).toBe(true);
    expect(can(adminOfX, { action: 'organisation:review' })).toBe(false);
    expect(can(user(), { action: 'organisation:apply' })).toBe(true);
    expect(can(officerOfX, { action: 'organisation:apply' })).toBe(false);
    expect(can(staff, { action: 'organisation:apply' })).toBe(false);
  });
});

describe('a refusal says so in the reader’s language', () => {
  it('names no internal permission to people: ky/ru/en sentences, the action only in the English log message', () => {
    let refused: unknown;
    try {
      authorize(user(), { action: 'audit:read' });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(DomainError);
    const { kind, message, messages } = refused as DomainError;
    expect(kind).toBe('forbidden');
    expect(message).toBe('not allowed: audit:read');
    expect(Object.keys(messages ?? {}).sort()).toEqual(['en', 'ky', 'ru']);
    for (const text of Object.values(messages ?? {})) expect(text).not.toMatch(/audit|:read|not allowed/);
  });
});

describe('staff powers need two-step sign-in (issue 14)', () => {
  const unverified = user({ roles: ['staff'], mfa: false });
  const verified = user({ roles: ['staff'], mfa: true });

  it('refuses staff actions to a staff sign-in without the TOTP code, naming what unlocks them', () => {
    expect(() => authorize(unverified, { action: 'audit:read' })).toThrow(
      expect.objectContaining({
        kind: 'second_factor',
        messages: expect.objectContaining({ ru: expect.stringContaining('двухэтапный вход') }),
      }),
    );
    expect(() => authorize(verified, { action: 'audit:read' })).not.toThrow();
    expect(can(unverified, { action: 'money:manage' })).toBe(false);
    expect(can(verified, { action: 'money:manage' })).toBe(true);
  });

  it('fails closed: an actor whose mfa is missing (not built from a sign-in) has no staff powers', () => {
    // As an actor built by older code or a careless caller would arrive: the type says required, the data may not.
    const unknown = { kind: 'user', id: 'u1', roles: ['staff'], organisationId: null, organisationRole: null } as unknown as Actor;
    expect(isStaff(unknown)).toBe(false);
    expect(lacksSecondFactor(unknown)).toBe(true);
    expect(can(unknown, { action: 'audit:read' })).toBe(false);
    expect(() => authorize(unknown, { action: 'audit:read' })).toThrow(expect.objectContaining({ kind: 'second_factor' }));
    expect(isStaff({ ...(unknown as UserActor), mfa: true })).toBe(true);
  });

  it('keeps the account usable, and what the role bars stays barred (no pledging, no applying)', () => {
    expect(() => authorize(unverified, { action: 'account:use' })).not.toThrow();
    expect(can(unverified, { action: 'organisation:apply' })).toBe(false);
    expect(() => authorize(user({ roles: ['investor'], mfa: false }), { action: 'audit:read' })).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
  });
});
