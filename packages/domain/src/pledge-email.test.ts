import { describe, expect, it } from 'vitest';
import { deliverMail } from './pledge-email.js';
import type { MailQueue, QueuedMail } from './receiving-accounts.js';

/** An in-memory queue with the adapter's states: pending -> sending -> sent. */
function memoryQueue(mail: QueuedMail) {
  const state = { status: 'pending' as 'pending' | 'sending' | 'sent', claimedAt: '' };
  const queue: MailQueue = {
    enqueue: async () => false,
    exists: async () => true,
    claim: async (_id, at, staleBefore) => {
      if (state.status === 'pending' || (state.status === 'sending' && state.claimedAt < staleBefore)) {
        Object.assign(state, { status: 'sending', claimedAt: at });
        return mail;
      }
      return undefined;
    },
    markSent: async () => void (state.status = 'sent'),
    release: async () => void (state.status = 'pending'),
    drop: async () => {
      throw new Error('a pledge email is never dropped');
    },
  };
  return { queue, state };
}

const mail: QueuedMail = { id: 'pledge-p1', to: 'a@example.kg', subject: 'S', text: 'T' };
const money = (now: string) => ({ clock: { now: () => new Date(now) } }) as never;

describe('a queued mail is sent once', () => {
  it('sends on the first delivery and never again', async () => {
    const { queue, state } = memoryQueue(mail);
    const sent: string[] = [];
    const deps = { queue, mailer: { send: async (m: { to: string }) => void sent.push(m.to) }, money: money('2026-06-01T10:00:00Z') };
    expect(await Promise.all([deliverMail(deps, mail.id), deliverMail(deps, mail.id)])).toEqual([true, true]);
    expect(await deliverMail(deps, mail.id)).toBe(true);
    expect(sent).toEqual(['a@example.kg']);
    expect(state.status).toBe('sent');
  });

  it('gives a failed send back, so the next delivery sends it', async () => {
    const { queue, state } = memoryQueue(mail);
    let fail = true;
    const sent: string[] = [];
    const deps = {
      queue,
      money: money('2026-06-01T10:00:00Z'),
      mailer: {
        send: async (m: { to: string }) => {
          if (fail) throw new Error('down');
          sent.push(m.to);
        },
      },
    };
    expect(await deliverMail(deps, mail.id)).toBe(false);
    expect(state.status).toBe('pending');
    fail = false;
    expect(await deliverMail(deps, mail.id)).toBe(true);
    expect(sent).toEqual(['a@example.kg']);
  });

  it('takes over a claim left unfinished for more than five minutes, not a fresher one', async () => {
    const { queue, state } = memoryQueue(mail);
    Object.assign(state, { status: 'sending', claimedAt: '2026-06-01T09:57:00.000Z' });
    const sent: string[] = [];
    const mailer = { send: async (m: { to: string }) => void sent.push(m.to) };
    expect(await deliverMail({ queue, mailer, money: money('2026-06-01T10:00:00Z') }, mail.id)).toBe(true);
    expect(sent).toEqual([]);
    expect(await deliverMail({ queue, mailer, money: money('2026-06-01T10:03:00Z') }, mail.id)).toBe(true);
    expect(sent).toEqual(['a@example.kg']);
  });
});
