import type { AuditList, AuditSearchQuery } from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import type { AuditKey, AuditLog } from './account-ports.js';
import { endOfBishkekDay, startOfBishkekDay } from './bishkek-calendar.js';
import { invalid } from './errors.js';
import { authorize } from './policy.js';

/**
 * The index a search reads: at most one of actor, object, action (issue 13). Two at once is a 400 naming the
 * second field (query.<name>, as the schema's own errors): filtering one index's page by another key could walk the whole log to fill one page.
 * An object needs both its type and its id (400 naming the missing one).
 */
export function auditKey(q: Pick<AuditSearchQuery, 'actor' | 'objectType' | 'objectId' | 'action'>): AuditKey | undefined {
  if ((q.objectType === undefined) !== (q.objectId === undefined))
    throw invalid(
      q.objectType === undefined ? 'query.objectType' : 'query.objectId',
      'an object is searched by its type and its id together',
    );
  const keys: [string, AuditKey][] = [];
  if (q.actor !== undefined) keys.push(['query.actor', { actorId: q.actor }]);
  if (q.objectType !== undefined && q.objectId !== undefined)
    keys.push(['query.objectId', { objectType: q.objectType, objectId: q.objectId }]);
  if (q.action !== undefined) keys.push(['query.action', { action: q.action }]);
  if (keys.length > 1) throw invalid(keys[1]![0], 'search by one of actor, object or action at a time');
  return keys[0]?.[1];
}

/**
 * The instants [fromAt, untilAt) of Bishkek days `from`..`to`, both inclusive (a day starts at 00:00 Bishkek,
 * 18:00 UTC the day before: bishkek-calendar.ts). `to` before `from` is a 400 on `to`.
 * @example auditRange({ from: '2026-07-01' }) // { fromAt: '2026-06-30T18:00:00.000Z' }
 */
export function auditRange(q: { from?: string | undefined; to?: string | undefined }): { fromAt?: string; untilAt?: string } {
  if (q.from !== undefined && q.to !== undefined && q.to < q.from) throw invalid('query.to', 'must be on or after from');
  return {
    ...(q.from !== undefined ? { fromAt: startOfBishkekDay(q.from).toISOString() } : {}),
    ...(q.to !== undefined ? { untilAt: endOfBishkekDay(q.to).toISOString() } : {}),
  };
}

/** Actor ids that are not accounts: jobs and webhooks write as `system`. */
const NOT_ACCOUNTS = new Set(['system']);

/**
 * Staff search the audit log (GET /v1/audit): one bounded page, newest first, with the page's distinct actors' names
 * (one BatchGet of at most `limit` users); 403 for anyone else.
 */
export async function searchAudit(deps: { audit: AuditLog }, actor: Actor, q: AuditSearchQuery): Promise<AuditList> {
  authorize(actor, { action: 'audit:read' });
  const by = auditKey(q);
  const page = await deps.audit.list({
    limit: q.limit,
    ...(q.cursor ? { cursor: q.cursor } : {}),
    ...(by ? { by } : {}),
    ...auditRange(q),
  });
  const ids = [...new Set(page.items.map((e) => e.actorId))].filter((id) => !NOT_ACCOUNTS.has(id));
  return { ...page, actors: ids.length ? await deps.audit.actors(ids) : [] };
}
