import {
  notificationKindsFor,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
  type UnsubscribeView,
} from '@mekendesh/contracts';
import type { UserRecord, UserRepository } from './account-ports.js';
import type { Actor } from './actor.js';
import { DomainError, notFound } from './errors.js';
import { authorize } from './policy.js';
import { verifyUnsubscribeToken } from './unsubscribe.js';

type PreferenceUsers = Pick<UserRepository, 'get' | 'setNotificationsOff' | 'turnNotificationOff'>;

/** A person's preferences as shown: officer kinds only to members of an organisation; every kind on unless turned off. */
function preferencesOf(user: UserRecord): NotificationPreferences {
  const off = new Set<NotificationKind>(user.notificationsOff ?? []);
  return {
    kinds: notificationKindsFor({ organisationMember: user.organisationId !== null }).map((kind) => ({ kind, on: !off.has(kind) })),
  };
}

/** GET /v1/me/notifications: the signed-in person's email kinds, on or off. 404 when the account is gone. */
export async function getNotificationPreferences(deps: { users: PreferenceUsers }, actor: Actor): Promise<NotificationPreferences> {
  authorize(actor, { action: 'account:use' });
  const user = await deps.users.get(actor.id);
  if (!user) throw notFound('account');
  return preferencesOf(user);
}

/**
 * PUT /v1/me/notifications: `off` becomes the kinds turned off (one UpdateExpression on the user item, outside the
 * versioned profile, so it never races a profile save). 404 when the account is gone.
 */
export async function setNotificationPreferences(
  deps: { users: PreferenceUsers },
  actor: Actor,
  update: NotificationPreferencesUpdate,
): Promise<NotificationPreferences> {
  authorize(actor, { action: 'account:use' });
  if ((await deps.users.setNotificationsOff({ id: actor.id, off: update.off })) === 'not_found') throw notFound('account');
  return getNotificationPreferences(deps, actor);
}

/** An unknown, malformed or forged token, or a deleted account: the same 404, so a token reveals nothing. */
const unknownLink = () => new DomainError('not_found', 'this unsubscribe link is not valid');

/**
 * GET /v1/unsubscribe/{token}: which kind the link stops and whether it is still on; changes nothing (link scanners
 * prefetch GETs). 404 for a bad token (unknownLink).
 */
export async function readUnsubscribe(deps: { users: PreferenceUsers; key: Buffer }, token: string): Promise<UnsubscribeView> {
  const subject = verifyUnsubscribeToken(deps.key, token);
  const user = subject && (await deps.users.get(subject.userId));
  if (!subject || !user) throw unknownLink();
  return { kind: subject.kind, on: !(user.notificationsOff ?? []).includes(subject.kind) };
}

/**
 * POST /v1/unsubscribe/{token} (RFC 8058 one-click, and the web page's button): turns the token's kind off for its
 * person, that kind only; repeating it changes nothing more. 404 for a bad token, with nothing written.
 */
export async function unsubscribe(deps: { users: PreferenceUsers; key: Buffer }, token: string): Promise<UnsubscribeView> {
  const subject = verifyUnsubscribeToken(deps.key, token);
  if (!subject) throw unknownLink();
  if ((await deps.users.turnNotificationOff({ id: subject.userId, kind: subject.kind })) === 'not_found') throw unknownLink();
  return { kind: subject.kind, on: false };
}
