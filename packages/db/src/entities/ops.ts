/** What keeps the platform running: the audit log, abuse counters, the local outbox, the demo-data marker. */
import { defineEntity } from './define.js';

/**
 * An audit entry: the log in one partition by time; gsi1 is one actor's entries, gsi2 one object's history, gsi3
 * one action's entries (gsi1/gsi3 since issue 13: entries written before carry neither, so searches by actor or
 * action start from then).
 */
export const auditEntity = defineEntity<
  { at: string; id: string },
  { at: string; id: string; actorId: string; action: string; objectType: string; objectId: string }
>({
  name: 'Audit',
  table: { pk: () => 'AUDIT', sk: (a) => `${a.at}#${a.id}`, shape: ['AUDIT', '<at>#<id>'] },
  indexes: {
    gsi1: {
      pk: (a) => `AUDITBY#${a.actorId}`,
      sk: (a) => `${a.at}#${a.id}`,
      shape: ['AUDITBY#<actorId*>', '<at>#<id>'],
      purpose: "one actor's entries, by time",
    },
    gsi3: {
      pk: (a) => `AUDITACT#${a.action}`,
      sk: (a) => `${a.at}#${a.id}`,
      shape: ['AUDITACT#<action>', '<at>#<id>'],
      purpose: "one action's entries, by time",
    },
    gsi2: {
      pk: (a) => `AUDITOBJ#${a.objectType}#${a.objectId}`,
      sk: (a) => a.at,
      shape: ['AUDITOBJ#<objectType>#<objectId>', '<at>'],
      purpose: "one object's audit history",
    },
  },
  example: {
    at: '2026-01-01T00:00:00.000Z',
    id: 'a-1',
    actorId: 'u-1',
    action: 'project.create',
    objectType: 'project',
    objectId: 'prj-1',
  },
});

/** One fixed window of an abuse counter (`hits`); expires. */
export const rateWindowEntity = defineEntity<{ key: string; windowStart: number }>({
  name: 'RateWindow',
  table: { pk: (r) => `RATE#${r.key}`, sk: (r) => String(r.windowStart), shape: ['RATE#<key*>', '<windowStart:n>'] },
  example: { key: 'signin:1.2.3.4', windowStart: 1767225600 },
});

/** A key's growing-delay counter, beside its fixed windows. */
export const rateBackoffEntity = defineEntity<{ key: string }>({
  name: 'RateBackoff',
  table: { pk: (r) => `RATE#${r.key}`, sk: () => 'BACKOFF', shape: ['RATE#<key*>', 'BACKOFF'] },
  example: { key: 'signin:1.2.3.4' },
});

/** A message the platform would have mailed (local stand-in for email), newest last; expires after a week. */
export const outboxEntity = defineEntity<{ at: string; id: string }>({
  name: 'Outbox',
  table: { pk: () => 'OUTBOX', sk: (o) => `${o.at}#${o.id}`, shape: ['OUTBOX', '<at>#<id>'] },
  example: { at: '2026-01-01T00:00:00.000Z', id: 'm-1' },
});

/** The marker that says which demo data (and search index version) a local table holds. */
export const demoMarkerEntity = defineEntity<Record<string, never>>({
  name: 'DemoMarker',
  untagged: true,
  table: { pk: () => 'META', sk: () => 'DEMO_DATA', shape: ['META', 'DEMO_DATA'] },
  example: {},
});
