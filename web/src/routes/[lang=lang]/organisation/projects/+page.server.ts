import { api } from '#lib/server/api.js';
import { cursorPage } from '#lib/server/cursor-page.js';
import { requireMember } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

// My organisation's projects in every status, newest first, with staff's reason where they asked for changes and the
// number of questions waiting for an answer on each.
export const load: PageServerLoad = async (event) => {
	const { organisationId } = requireMember(event);
	const [page, unanswered] = await Promise.all([
		cursorPage(event.url, (cursor) => api(event).organisations.projects(organisationId, { cursor, limit: 20 })),
		// How many questions wait for an answer, per project (issue 12 review); the list stands without it.
		api(event)
			.questions.unanswered(organisationId)
			.catch(() => null),
	]);
	return {
		...page,
		unanswered: unanswered ? Object.fromEntries(unanswered.counts.map((c) => [c.projectId, c.count])) : null,
		unansweredTotal: unanswered ? `${unanswered.counts.reduce((sum, c) => sum + c.count, 0)}${unanswered.more ? '+' : ''}` : null,
	};
};
