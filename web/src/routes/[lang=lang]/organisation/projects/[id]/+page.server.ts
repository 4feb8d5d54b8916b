import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { PUBLIC_STATUSES, type Project } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { apiFailure } from '#lib/server/forms.js';
import { projectToValues, PROJECT_FIELD_MESSAGES, readProjectForm, type ProjectFormValues } from '#lib/server/project-form.js';
import { api, ApiError } from '#lib/server/api.js';
import { requireMember } from '#lib/server/guards.js';
import { rayonOptions } from '#lib/server/rayon-options.js';
import { reportActions } from '#lib/server/report-actions.js';
import { editReportAction, loadOfficerProgress } from '#lib/server/officer-progress.js';
import { signUploadForm, takeUploadError } from '#lib/server/upload-forms.js';
import { bishkekDay } from '#lib/duration.js';
import { photoFile } from '#lib/project-media.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const EDITABLE = ['draft', 'changes_requested'];

async function loadOwn(event: RequestEvent): Promise<Project> {
	const { organisationId } = requireMember(event);
	try {
		const project = await api(event).projects.get(event.params.id);
		if (project.organisationId !== organisationId) error(404, 'Not Found');
		return project;
	} catch (cause) {
		if (cause instanceof ApiError && (cause.status === 404 || cause.status === 400 || cause.status === 403)) error(404, 'Not Found');
		throw cause;
	}
}

export const load: PageServerLoad = async (event) => {
	const locale = getLocale();
	const project = await loadOwn(event);
	// Pledge messages once the project is public (pledges exist only then); a side dish the page stands without.
	const cursor = event.url.searchParams.get('mcursor');
	const messages = PUBLIC_STATUSES.includes(project.status)
		? await api(event)
				.questions.pledgeMessages(project.id, cursor ? { cursor } : {})
				.catch(() => null)
		: null;
	// Its questions waiting for an answer (issue 12 review), likewise only once public; null when the API cannot say.
	const unanswered = PUBLIC_STATUSES.includes(project.status)
		? await api(event)
				.questions.unanswered(project.organisationId, project.id)
				.then((u) => u.items)
				.catch(() => null)
		: null;
	const editable = EDITABLE.includes(project.status);
	const reporting = ['funded', 'in_progress'].includes(project.status);
	const progress = ['funded', 'in_progress', 'completed'].includes(project.status)
		? await loadOfficerProgress(event, project, locale)
		: null;
	// The no-JS upload forms (issue 14), each signed for 15 minutes: the file goes straight to the object store.
	const sign = (purpose: 'cover' | 'report' | 'document') => signUploadForm(event, locale, project.id, purpose);
	const [photoForm, reportPhotoForm, documentForm] = await Promise.all([
		editable ? sign('cover') : null,
		reporting ? sign('report') : null,
		reporting ? sign('document') : null,
	]);
	return {
		project,
		messages,
		photoForm,
		reportPhotoForm,
		documentForm,
		uploadError: takeUploadError(event),
		// Files uploaded for reporting and not yet in a report or a disbursement: the forms offer them (issue 14).
		...reportingFiles(project, progress?.usedFiles ?? [], Date.now()),
		chosenFile: event.url.searchParams.get('file'),
		// Which upload form a refusal belongs to (`/uploaded` adds it): its message is shown beside that form.
		failedUpload: event.url.searchParams.get('failed'),
		unanswered,
		messagesNext: messages?.nextCursor ? `?mcursor=${encodeURIComponent(messages.nextCursor)}#pledge-messages` : null,
		editable,
		// Reports, spending and moves while funded or in progress (issue 13); today's Bishkek day bounds the paid-on date.
		reporting,
		// What is already posted and spent, with staff's corrections to answer (issue 13 review 1, 8); the page stands without.
		progress,
		available: project.funding?.available ?? null,
		openReport: event.url.searchParams.get('report'),
		done: event.url.searchParams.get('done'),
		// The disbursement form's Idempotency-Key, fresh per render: a double submit or reload of it books once.
		bookingKey: randomUUID(),
		today: bishkekDay(new Date()),
		values: projectToValues(project, locale),
		rayons: await rayonOptions(event, locale, project.organisationId),
	};
};

/** How long an unused upload starts ticked in its form: about one sitting (issue 14 new-user review 2). */
const FRESH_MS = 60 * 60 * 1000;

/**
 * The photos and documents uploaded since funding that no report or disbursement uses yet, newest first; `fresh` when
 * uploaded in the last hour (`now`, ms): such a file starts ticked (a photo) or chosen (the newest document) until used,
 * so uploading one file or posting a report never unticks another (the page says so).
 */
function reportingFiles(project: Project, used: readonly string[], now: number) {
	const since = project.fundedAt ?? project.publishedAt ?? '';
	const open = (project.attachments ?? []).filter((a) => a.uploadedAt >= since && !used.includes(a.key)).reverse();
	const freshSince = new Date(now - FRESH_MS).toISOString();
	const label = (a: (typeof open)[number]) => ({
		key: a.key,
		name: a.fileName ?? a.key,
		uploadedAt: a.uploadedAt,
		fresh: a.uploadedAt >= freshSince,
	});
	return {
		pendingPhotos: open.filter((a) => a.kind === 'photo').map((a) => ({ ...label(a), thumb: photoFile(project.id, a, 320) })),
		pendingDocuments: open.filter((a) => a.kind === 'document').map(label),
	};
}

const failure = (cause: unknown, values: ProjectFormValues) =>
	apiFailure(cause, { values, messages: PROJECT_FIELD_MESSAGES, unavailable: m.form_unavailable(), fallback: m.form_error_summary() });

export const actions: Actions = {
	...reportActions,
	...editReportAction,
	/** Saves the text against the version it was edited from; a stale one keeps every typed character. */
	save: async (event) => {
		const previous = await loadOwn(event);
		const read = readProjectForm(await event.request.formData(), previous);
		if (read.errors) return fail(400, { values: read.values, errors: read.errors });
		const version = Number(read.values.version) || previous.version;
		try {
			await api(event).projects.update(previous.id, { ...read.draft, version }, version);
		} catch (cause) {
			if (cause instanceof ApiError && cause.status === 409) {
				const stale = previous.version !== version && EDITABLE.includes(previous.status);
				// Offer the newest version as the base, so saving again is a deliberate choice to overwrite.
				const values = stale ? { ...read.values, version: String(previous.version) } : read.values;
				const form = stale ? m.pj_error_stale() : (cause.problem?.title ?? m.pj_error_not_editable());
				return fail(409, { values, errors: { fields: {}, form } });
			}
			return failure(cause, read.values);
		}
		return { saved: true };
	},

	submit: async (event) => {
		const locale = getLocale();
		const project = await loadOwn(event);
		try {
			await api(event).projects.submit(project.id);
		} catch (cause) {
			if (!(cause instanceof ApiError)) throw cause;
			return fail(cause.status || 503, { submitError: cause.problem?.title ?? m.form_unavailable() });
		}
		redirect(303, `/${locale}/organisation/projects?submitted=1`);
	},
};
