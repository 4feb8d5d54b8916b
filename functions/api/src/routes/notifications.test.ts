import { describe, expect, it } from 'vitest';
import { unsubscribeKey, unsubscribeToken } from '@mekendesh/domain';
import type { Deps } from '../composition.js';
import { createApp } from '../app.js';

const key = unsubscribeKey('test-secret');
const token = unsubscribeToken(key, { userId: 'u-1', kind: 'digest' });
const off: string[] = [];
const users = {
  get: async (id: string) => (id === 'u-1' ? { id, notificationsOff: off } : undefined),
  turnNotificationOff: async ({ id, kind }: { id: string; kind: string }) => (id === 'u-1' ? (off.push(kind), 'ok') : 'not_found'),
};
const app = createApp({ accounts: { users }, unsubscribeKey: key } as unknown as Deps);
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('unsubscribe links are never stored by a cache (issue 12 review)', () => {
  it('sends no-store on the view, the one-click POST and every problem under a token URL', async () => {
    const answers = [
      await app.request(`/v1/unsubscribe/${token}`),
      await app.request(`/v1/unsubscribe/${token}`, { method: 'POST', headers: form, body: 'List-Unsubscribe=One-Click' }),
      await app.request(`/v1/unsubscribe/${token.slice(0, -1)}A`, { method: 'POST', headers: form, body: 'List-Unsubscribe=One-Click' }),
      await app.request(`/v1/unsubscribe/${token}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
      await app.request('/v1/unsubscribe/not-a-token', { method: 'POST', headers: form, body: 'List-Unsubscribe=One-Click' }),
      await app.request('/v1/invitations/some-token/accept', { method: 'POST' }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 404, 415, 400, 401]);
    for (const r of answers) expect(r.headers.get('cache-control'), r.url).toBe('no-store');
    expect(off).toEqual(['digest']);
  });
});
