import { describe, expect, it } from 'vitest';
import type { QueuedProject } from './project-ports.js';
import { reviewQueueRow } from './staff-dashboard.js';

const queued = (over: Partial<QueuedProject>): QueuedProject =>
  ({
    id: 'prj-036',
    title: { en: 'Greenhouse' },
    status: 'submitted',
    oblastSoate: '41706000000000',
    sector: 'agriculture',
    publishedAt: null,
    statusChangedAt: null,
    statusReason: null,
    submittedAt: null,
    ...over,
  }) as QueuedProject;

describe('review queue rows (issue 13 attacker finding: demo projects waited 0 days with no Submitted day)', () => {
  it('count Bishkek days from submittedAt', () => {
    const row = reviewQueueRow(
      queued({ submittedAt: '2026-11-19T10:00:00.000Z', statusChangedAt: '2026-11-25T10:00:00.000Z' }),
      '2026-11-30',
    );
    expect(row).toMatchObject({ submittedAt: '2026-11-19T10:00:00.000Z', waitingDays: 11 });
  });

  it('fall back to statusChangedAt when submittedAt is missing, and show it as the day waited since', () => {
    // 2026-11-19T19:00Z is already 2026-11-20 in Bishkek (UTC+6).
    const row = reviewQueueRow(queued({ status: 'in_review', statusChangedAt: '2026-11-19T19:00:00.000Z' }), '2026-11-30');
    expect(row).toMatchObject({ status: 'in_review', submittedAt: '2026-11-19T19:00:00.000Z', waitingDays: 10 });
  });

  it('say 0 days and no day only when nothing tells when', () => {
    expect(reviewQueueRow(queued({}), '2026-11-30')).toMatchObject({ submittedAt: null, waitingDays: 0 });
  });
});
