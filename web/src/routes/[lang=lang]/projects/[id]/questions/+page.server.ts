import { error, fail, redirect } from '@sveltejs/kit';
import { PUBLIC_STATUSES } from '@mekendesh/contracts';
import { pickText } from '#lib/localized-text.js';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { api, ApiError } from '#lib/server/api.js';
import { apiFailure, text } from '#lib/server/forms.js';
import { requireUser } from '#lib/server/guards.js';
import { loadQuestions } from '#lib/server/questions-load.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * The questions of a project on a page of their own: where the question forms post (ask, answer, moderate) and where
 * a failed form is shown again with its errors. A success goes back to the project page's questions with `?done=`.
 */
export const load: PageServerLoad = async (event) => {
	let project;
	try {
		project = await api(event).projects.get(event.params.id);
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		if (cause.status === 404 || cause.status === 400) error(404, 'Not Found', { code: 'project_not_found' });
		error(503, 'Service Unavailable', { code: 'api_unavailable' });
	}
	if (!PUBLIC_STATUSES.includes(project.status)) error(404, 'Not Found', { code: 'project_not_found' });
	const section = await loadQuestions(event, project, event.url.searchParams.get('qcursor'));
	if (!section) error(503, 'Service Unavailable', { code: 'api_unavailable' });
	return { title: pickText(project.title, getLocale())?.text ?? project.slug, projectId: project.id, section };
};

/** Back to the project page's questions, saying what was done (the section shows it: components/project-questions). */
const back = (event: RequestEvent, done: 'asked' | 'answered' | 'hidden' | 'shown') =>
	redirect(303, `/${getLocale()}/projects/${encodeURIComponent(event.params.id)}?done=${done}#questions`);
const failure = (kind: 'ask' | 'answer' | 'moderate', values: Record<string, string>, cause: unknown, questionId?: string) => {
	const out = apiFailure(cause, {
		messages: {
			text: kind === 'answer' ? m.qa_error_answer : m.qa_error_text,
			visibility: m.qa_error_visibility,
			reason: m.qa_error_reason,
		},
		values,
		unavailable: m.qa_unavailable(),
		fallback: m.qa_error_failed(),
	});
	return fail(out.status, { ...out.data, action: kind, ...(questionId ? { questionId } : {}) });
};

export const actions: Actions = {
	ask: async (event) => {
		requireUser(event);
		const form = await event.request.formData();
		const values = { text: text(form, 'text'), visibility: text(form, 'visibility') };
		try {
			await api(event).questions.ask(event.params.id, {
				text: values.text,
				visibility: values.visibility === 'private' ? 'private' : 'public',
				showName: text(form, 'showName') === '1',
			});
		} catch (cause) {
			return failure('ask', values, cause);
		}
		back(event, 'asked');
	},
	answer: async (event) => {
		requireUser(event);
		const form = await event.request.formData();
		const questionId = text(form, 'questionId');
		const values = { text: text(form, 'text') };
		try {
			await api(event).questions.answer(questionId, values);
		} catch (cause) {
			return failure('answer', values, cause, questionId);
		}
		back(event, 'answered');
	},
	moderate: async (event) => {
		requireUser(event);
		const form = await event.request.formData();
		const questionId = text(form, 'questionId');
		const values = { reason: text(form, 'reason') };
		try {
			await api(event).questions.moderate(questionId, {
				target: text(form, 'target') === 'answer' ? 'answer' : 'question',
				hidden: text(form, 'hidden') === '1',
				reason: values.reason,
			});
		} catch (cause) {
			return failure('moderate', values, cause, questionId);
		}
		back(event, text(form, 'hidden') === '1' ? 'hidden' : 'shown');
	},
};
