import { describe, expect, it } from 'vitest';
import { PROJECT_STATUSES } from '@mekendesh/contracts';
import { TRANSITIONS, canTransition, isPublic } from './lifecycle.js';

describe('project lifecycle', () => {
  it('moves along the happy path', () => {
    const path = ['draft', 'submitted', 'in_review', 'published', 'funded', 'in_progress', 'completed'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('lets changes requested go back to submitted, never straight to published', () => {
    expect(canTransition('changes_requested', 'submitted')).toBe(true);
    expect(canTransition('changes_requested', 'published')).toBe(false);
    expect(canTransition('draft', 'published')).toBe(false);
  });

  it('ends in terminal states', () => {
    for (const s of ['completed', 'rejected', 'cancelled', 'expired'] as const) expect(TRANSITIONS[s]).toEqual([]);
    for (const s of PROJECT_STATUSES) expect(TRANSITIONS[s]).toBeDefined();
  });

  it('shows only published and later states to the public', () => {
    expect(PROJECT_STATUSES.filter(isPublic)).toEqual(['published', 'funded', 'in_progress', 'completed']);
  });
});
