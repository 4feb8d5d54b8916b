import type { ProjectStatus } from '@mekendesh/contracts';
import { PUBLIC_STATUSES } from '@mekendesh/contracts';

/** The project lifecycle of PRODUCT.md: every legal move from each state. */
export const TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['in_review', 'cancelled'],
  in_review: ['published', 'changes_requested', 'rejected'],
  changes_requested: ['submitted', 'cancelled'],
  published: ['funded', 'expired', 'cancelled'],
  funded: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  rejected: [],
  cancelled: [],
  expired: [],
};

export function canTransition(from: ProjectStatus, to: ProjectStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isPublic(status: ProjectStatus): boolean {
  return PUBLIC_STATUSES.includes(status);
}
