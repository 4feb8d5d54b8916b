import type { FundingState, ProjectSort, ProjectStatus } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';

// Explicit maps (as in labels.ts), so a new state, sort or status is a type error until it has a label.

const FUNDING_STATE: Record<FundingState, () => string> = {
	raising: m.pj_state_raising,
	funded: m.status_funded,
	in_progress: m.status_in_progress,
	completed: m.status_completed,
};

const SORT: Record<ProjectSort, () => string> = {
	newest: m.pj_sort_newest,
	closing_soon: m.pj_sort_closing_soon,
	percent_funded: m.pj_sort_percent_funded,
};

/** Every lifecycle status, for officers and staff (the public sees only the four in labels.ts). */
const PROJECT_STATUS: Record<ProjectStatus, () => string> = {
	draft: m.pj_status_draft,
	submitted: m.pj_status_submitted,
	in_review: m.pj_status_in_review,
	changes_requested: m.pj_status_changes_requested,
	published: m.status_published,
	funded: m.status_funded,
	in_progress: m.status_in_progress,
	completed: m.status_completed,
	rejected: m.pj_status_rejected,
	cancelled: m.pj_status_cancelled,
	expired: m.pj_status_expired,
};

export const fundingStateLabel = (state: FundingState): string => FUNDING_STATE[state]();
export const sortLabel = (sort: ProjectSort): string => SORT[sort]();
export const projectStatusLabel = (status: ProjectStatus): string => PROJECT_STATUS[status]();
