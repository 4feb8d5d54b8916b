import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { markdownToText, renderMarkdown } from '@mekendesh/markdown';
import { LOCALES } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { text } from '#lib/server/forms.js';
import { api, ApiError } from '#lib/server/api.js';
import { requireRole } from '#lib/server/guards.js';
import { loadStaffReports, staffProgressActions } from '#lib/server/staff-progress.js';
import { bishkekDay } from '#lib/duration.js';
import type { Actions, PageServerLoad } from './$types';

const DECISIONS = ['approve', 'reject', 'request_changes'] as const;
type Decision = (typeof DECISIONS)[number];

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	let project;
	try {
		project = await api(event).projects.get(event.params.id);
	} catch (cause) {
		if (cause instanceof ApiError && (cause.status === 404 || cause.status === 400)) error(404, 'Not Found');
		throw cause;
	}
	// Staff read every language the officer wrote, each rendered through the sanitising Markdown renderer.
	const texts = LOCALES.filter((l) => project.title[l]).map((l) => ({
		lang: l,
		title: markdownToText(project.title[l] ?? ''),
		summary: markdownToText(project.summary[l] ?? ''),
		descriptionHtml: renderMarkdown(project.description[l] ?? ''),
	}));
	// Progress (issue 13): reports to ask corrections of, and co-funding to record, once the project is funded.
	const reporting = ['funded', 'in_progress', 'completed'].includes(project.status);
	const reports = reporting ? await loadStaffReports(event, project, getLocale()) : [];
	// bookingKey: the co-funding form's Idempotency-Key, fresh per render (a double submit or reload books once).
	const done = event.url.searchParams.get('done');
	return { project, texts, reports, reporting, today: bishkekDay(new Date()), done, bookingKey: randomUUID() };
};

export const actions: Actions = {
	...staffProgressActions,
	review: async (event) => {
		const locale = getLocale();
		requireRole(event, 'staff');
		const form = await event.request.formData();
		const decision = text(form, 'decision') as Decision;
		const reason = text(form, 'reason');
		if (!DECISIONS.includes(decision)) return fail(400, { reason, error: m.form_error_summary() });
		if (decision !== 'approve' && reason.length < 3) return fail(400, { reason, reasonError: m.pj_error_reason() });
		try {
			await api(event).projects.review(event.params.id, { decision, ...(reason ? { reason } : {}) });
		} catch (cause) {
			if (!(cause instanceof ApiError)) throw cause;
			if (cause.status === 0 || cause.status >= 500) console.error(`[web] review ${event.params.id}: ${cause.message}`);
			return fail(cause.status || 503, { reason, error: cause.problem?.title ?? m.form_unavailable() });
		}
		redirect(303, `/${locale}/staff/projects?done=${decision}`);
	},
};
