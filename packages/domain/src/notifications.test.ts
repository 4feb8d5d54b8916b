import { describe, expect, it } from 'vitest';
import type { UserRecord } from './account-ports.js';
import { deliverQueued } from './mail-delivery.js';
import { noticeMailId, notify, type NotifyDeps } from './notifications.js';
import type { QueuedMail } from './receiving-accounts.js';
import { unsubscribeKey } from './unsubscribe.js';

function deps(user: Partial<UserRecord>) {
  const queued = new Map<string, QueuedMail & { status: string }>();
  const sent: { to: string; subject: string; text: string; headers?: Readonly<Record<string, string>> }[] = [];
  const record = { id: 'u-1', email: 'a@example.kg', profile: { locale: 'en' }, organisationId: null, ...user } as UserRecord;
  const d: NotifyDeps = {
    users: { get: async (id) => (id === record.id ? record : undefined) },
    organisations: { get: async () => undefined },
    queue: {
      enqueue: async (m) => (queued.has(m.id) ? false : (queued.set(m.id, { ...m, status: 'pending' }), true)),
      exists: async (id) => queued.has(id),
      claim: async (id) => {
        const m = queued.get(id);
        if (m?.status !== 'pending') return undefined;
        m.status = 'sending';
        return m;
      },
      markSent: async (id) => void (queued.get(id)!.status = 'sent'),
      release: async (id) => void (queued.get(id)!.status = 'pending'),
      drop: async (id) => void (queued.get(id)!.status = 'dropped'),
    },
    mailer: { send: async (m) => void sent.push(m) },
    mailDelivery: 'inline',
    clock: { now: () => new Date('2026-06-01T10:00:00Z') },
    webOrigin: 'https://mekendesh.kg',
    unsubscribe: { key: unsubscribeKey('s'), apiOrigin: 'https://api.mekendesh.kg' },
  };
  return { d, sent, queued, record };
}

const notice = { kind: 'refund' as const, userId: 'u-1', about: 'pledge-p1', message: () => ({ subject: 'Refund', text: 'Returned.' }) };

describe('notify', () => {
  it('sends once with the footer and headers, and answers duplicate the second time', async () => {
    const { d, sent } = deps({});
    expect(await notify(d, notice)).toBe('sent');
    expect(await notify(d, notice)).toBe('duplicate');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('Stop these emails: https://mekendesh.kg/en/unsubscribe?t=u-1.refund.');
    expect(sent[0]!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('answers off and sends nothing for a kind the reader turned off, while other kinds still go', async () => {
    const { d, sent } = deps({ notificationsOff: ['refund'] });
    expect(await notify(d, notice)).toBe('off');
    expect(await notify(d, { ...notice, kind: 'payment_received' })).toBe('sent');
    expect(sent.map((m) => m.subject)).toEqual(['Refund']);
    expect(sent[0]!.headers?.['List-Unsubscribe']).toContain('.payment_received.');
  });
});

describe('a queued notice is checked again when it is sent (issue 12, second attack review)', () => {
  it('carries its reader and kind, and is dropped, not sent, once the reader turned the kind off or left', async () => {
    const { d, sent, queued, record } = deps({});
    expect(await notify({ ...d, mailDelivery: 'stream' }, notice)).toBe('queued');
    const id = noticeMailId(notice);
    expect(queued.get(id)?.notice).toEqual({ userId: 'u-1', kind: 'refund' });
    Object.assign(record, { notificationsOff: ['refund'] });
    expect(await deliverQueued(d, id)).toBe('dropped');
    expect(queued.get(id)?.status).toBe('dropped');
    expect(sent).toEqual([]);
  });

  it('drops a notice whose reader deleted the account, and sends one whose reader still wants it', async () => {
    const { d, sent, queued } = deps({});
    await notify({ ...d, mailDelivery: 'stream' }, notice);
    await notify({ ...d, mailDelivery: 'stream' }, { ...notice, about: 'pledge-p2' });
    expect(await deliverQueued(d, noticeMailId({ ...notice, about: 'pledge-p2' }))).toBe('sent');
    const gone = { ...d, users: { get: async () => undefined } };
    expect(await deliverQueued(gone, noticeMailId(notice))).toBe('dropped');
    expect(sent).toHaveLength(1);
    expect([...queued.values()].map((m) => m.status).sort()).toEqual(['dropped', 'sent']);
  });
});
