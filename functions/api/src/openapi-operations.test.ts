import { describe, expect, it } from 'vitest';
import type { Deps } from './composition.js';
import { createApp } from './app.js';

/**
 * Every operation of the OpenAPI document, captured before the resources became sub-apps mounted at their own
 * prefixes (issue 10): moving a route between sub-apps must not add, drop or rename an operation.
 */
const OPERATIONS = [
  'DELETE /v1/clubs/{id}/membership',
  'DELETE /v1/me',
  'DELETE /v1/me/follows/{type}/{id}',
  'DELETE /v1/me/saved-searches/{id}',
  'DELETE /v1/staff/receiving-accounts/{id}',
  'GET /v1/audit',
  'GET /v1/clubs',
  'GET /v1/clubs/{id}',
  'GET /v1/demand/{soate}',
  'GET /v1/dev/outbox',
  'GET /v1/health',
  'GET /v1/me',
  'GET /v1/me/clubs',
  'GET /v1/me/follows',
  'GET /v1/me/notifications',
  'GET /v1/me/pledges',
  'GET /v1/me/recommendations',
  'GET /v1/organisations/{id}',
  'GET /v1/organisations/{id}/projects',
  'GET /v1/organisations/{id}/published-projects',
  'GET /v1/organisations/{id}/unanswered-questions',
  'GET /v1/payments/options',
  'GET /v1/pledges/{id}',
  'GET /v1/pledges/{id}/payment-details',
  'GET /v1/programmes',
  'GET /v1/projects',
  'GET /v1/projects/{id}',
  'GET /v1/projects/{id}/clubs',
  'GET /v1/projects/{id}/funding',
  'GET /v1/projects/{id}/ledger',
  'GET /v1/projects/{id}/media/{key}',
  'GET /v1/projects/{id}/pledge-messages',
  'GET /v1/projects/{id}/progress',
  'GET /v1/projects/{id}/questions',
  'GET /v1/projects/{id}/questions/mine',
  'GET /v1/projects/{id}/supporters',
  'GET /v1/questions/{id}',
  'GET /v1/rates',
  'GET /v1/recommendations',
  'GET /v1/staff/dashboard',
  'GET /v1/staff/late-reports',
  'GET /v1/staff/organisations',
  'GET /v1/staff/projects',
  'GET /v1/staff/receiving-accounts',
  'GET /v1/staff/refunds',
  'GET /v1/stats/oblasts',
  'GET /v1/stats/open-data.csv',
  'GET /v1/stats/programme',
  'GET /v1/territories',
  'GET /v1/unsubscribe/{token}',
  'POST /v1/auth/confirm',
  'POST /v1/auth/forgot-password',
  'POST /v1/auth/refresh',
  'POST /v1/auth/reset-password',
  'POST /v1/auth/sign-in',
  'POST /v1/auth/sign-in/totp',
  'POST /v1/auth/sign-out',
  'POST /v1/auth/sign-up',
  'POST /v1/auth/two-step',
  'POST /v1/auth/two-step/confirm',
  'POST /v1/club-pledges/{id}/contributions',
  'POST /v1/clubs',
  'POST /v1/clubs/{id}/pledges',
  'POST /v1/invitations/{token}/accept',
  'POST /v1/me/saved-searches',
  'POST /v1/organisations',
  'POST /v1/organisations/{id}/approve',
  'POST /v1/organisations/{id}/invitations',
  'POST /v1/organisations/{id}/reject',
  'POST /v1/pledges/{id}/checkout',
  'POST /v1/pledges/{id}/receipts',
  'POST /v1/programmes',
  'POST /v1/projects',
  'POST /v1/projects/{id}/disbursements',
  'POST /v1/projects/{id}/pledges',
  'POST /v1/projects/{id}/questions',
  'POST /v1/projects/{id}/reports',
  'POST /v1/projects/{id}/reports/{reportId}/correction',
  'POST /v1/projects/{id}/review',
  'POST /v1/projects/{id}/status',
  'POST /v1/projects/{id}/submit',
  'POST /v1/projects/{id}/uploads',
  'POST /v1/projects/{id}/uploads/form',
  'POST /v1/projects/{id}/uploads/{key}/complete',
  'POST /v1/questions/{id}/moderation',
  'POST /v1/staff/projects/{id}/cofunding',
  'POST /v1/staff/receiving-accounts',
  'POST /v1/staff/refunds/{id}/paid',
  'POST /v1/staff/statements/commit',
  'POST /v1/staff/statements/preview',
  'POST /v1/unsubscribe/{token}',
  'POST /v1/webhooks/stripe',
  'PUT /v1/clubs/{id}/membership',
  'PUT /v1/me/follows/{type}/{id}',
  'PUT /v1/me/notifications',
  'PUT /v1/me/profile',
  'PUT /v1/projects/{id}',
  'PUT /v1/projects/{id}/reports/{reportId}',
  'PUT /v1/questions/{id}/answer',
  'PUT /v1/rates/{date}',
  'PUT /v1/staff/receiving-accounts/{id}',
];

/** No port is reached: the document is built from the route declarations alone. */
const deps = { accounts: {}, outbox: {} } as unknown as Deps;

describe('OpenAPI document', () => {
  it('lists the same operations as before the sub-apps (the dev outbox included when it is mounted)', async () => {
    const doc = (await (await createApp(deps).request('/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const listed = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(listed.sort()).toEqual(OPERATIONS);
  });

  it('leaves the dev outbox out when no outbox is wired', async () => {
    const doc = (await (await createApp({ accounts: {} } as unknown as Deps).request('/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).not.toContain('/v1/dev/outbox');
    expect((await createApp({ accounts: {} } as unknown as Deps).request('/v1/dev/outbox')).status).toBe(404);
  });
});
