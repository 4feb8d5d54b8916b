import { describe, expect, it } from 'vitest';
import { isReportLate, lateCutoff, lateMilestones } from './late-reports.js';

const milestones = [
  { id: 'm1', title: { en: 'Walls' }, dueDate: '2026-03-01', tranche: 0 },
  { id: 'm2', title: { en: 'Roof' }, dueDate: '2026-04-01', tranche: 0 },
];

describe('the late rule (more than 14 Bishkek days past the due date)', () => {
  it('is not late on day 14 and late on day 15', () => {
    expect(isReportLate('2026-03-01', '2026-03-15')).toBe(false);
    expect(isReportLate('2026-03-01', '2026-03-16')).toBe(true);
    expect(isReportLate('2026-03-01', '2026-03-01')).toBe(false);
  });

  it('crosses month and year ends by calendar days', () => {
    expect(isReportLate('2025-12-20', '2026-01-03')).toBe(false);
    expect(isReportLate('2025-12-20', '2026-01-04')).toBe(true);
  });

  it('lists unreported milestones of a funded or in-progress project, with days late', () => {
    const project = { status: 'in_progress' as const, milestones };
    expect(lateMilestones(project, new Set(), '2026-03-16')).toEqual([{ milestoneId: 'm1', dueDate: '2026-03-01', daysLate: 15 }]);
    expect(lateMilestones(project, new Set(['m1']), '2026-03-16')).toEqual([]);
    expect(lateMilestones(project, new Set(), '2026-04-20').map((m) => m.milestoneId)).toEqual(['m1', 'm2']);
  });

  it('flags nothing before funding or after completion', () => {
    expect(lateMilestones({ status: 'published', milestones }, new Set(), '2026-06-01')).toEqual([]);
    expect(lateMilestones({ status: 'completed', milestones }, new Set(), '2026-06-01')).toEqual([]);
  });

  it('cuts the late queue at today minus 14 days', () => {
    expect(lateCutoff('2026-03-16')).toBe('2026-03-02');
  });
});
