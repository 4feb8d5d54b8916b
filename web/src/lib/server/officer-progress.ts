import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { LOCALES, type Locale, type Project } from '@mekendesh/contracts';
import { text } from './forms.js';
import { renderMarkdown } from '@mekendesh/markdown';
import { pickText } from '#lib/localized-text.js';
import { m } from '#lib/paraglide/messages.js';
import { mediaPath, photoFile } from '#lib/project-media.js';
import { api } from './api.js';
import { requireMember } from './guards.js';
import { expiredForm, refused } from './report-actions.js';

/**
 * The officer's own view of their project's progress (issue 13 review 1 and 8): every report with its status and
 * staff's reason when sent back, each with an edit form (PUT …/reports/{id}, version-checked); the spending already
 * recorded; the late milestones; which milestone has no report yet (the report form's default).
 */

/** A report as its officer edits it: the text in the page's language (or the nearest written) as typed, and as HTML. */
interface OfficerReport {
	id: string;
	milestone: string;
	postedAt: string;
	status: 'posted' | 'correction_requested';
	correctionReason: string | null;
	html: string;
	/** The Markdown source shown in the edit form, and the language it is in (saved back under that language). */
	source: string;
	sourceLang: Locale;
	photos: string[];
	version: number;
}

export interface OfficerProgress {
	reports: OfficerReport[];
	disbursements: { id: string; paidOn: string; purpose: string; amountKgs: number; document: string | null }[];
	late: { milestone: string; dueDate: string; daysLate: number }[];
	/** The first milestone (in plan order) without any report: the report form's default; null when all have one. */
	nextMilestoneId: string | null;
	/** Keys of the files already in a report or a disbursement: the upload lists offer the others (issue 14). */
	usedFiles: string[];
}

/** The project's progress as its officers read it (correction reasons included); null when the API cannot give it. */
export async function loadOfficerProgress(
	event: RequestEvent,
	project: Pick<Project, 'id' | 'milestones'>,
	locale: Locale,
): Promise<OfficerProgress | null> {
	const progress = await api(event)
		.reports.progress(project.id, { limit: 50 })
		.catch(() => null);
	if (!progress) return null;
	const title = (id: string) => {
		const ms = project.milestones.find((x) => x.id === id);
		return ms ? (pickText(ms.title, locale)?.text ?? id) : id;
	};
	const reported = new Set(progress.reports.map((r) => r.milestoneId));
	return {
		reports: progress.reports.map((r) => {
			const text = pickText(r.text, locale);
			return {
				id: r.id,
				milestone: title(r.milestoneId),
				postedAt: r.postedAt,
				status: r.status,
				correctionReason: r.correctionReason ?? null,
				html: text ? renderMarkdown(text.text) : '',
				source: text?.text ?? '',
				sourceLang: (text?.lang as Locale | undefined) ?? locale,
				photos: r.photos.map((p) => photoFile(r.projectId, p, 320)),
				version: r.version,
			};
		}),
		disbursements: progress.disbursements.map((d) => ({
			id: d.id,
			paidOn: d.paidOn,
			purpose: d.purpose,
			amountKgs: d.amountKgs,
			document: d.document ? mediaPath(d.document.url) : null,
		})),
		late: progress.late.map((l) => ({ milestone: title(l.milestoneId), dueDate: l.dueDate, daysLate: l.daysLate })),
		nextMilestoneId: project.milestones.find((ms) => !reported.has(ms.id))?.id ?? null,
		usedFiles: [
			...progress.reports.flatMap((r) => r.photos.map((p) => p.key)),
			...progress.disbursements.flatMap((d) => d.document?.key ?? []),
		],
	};
}

/**
 * Named action `editReport`: the officer saves a report's text (in the language it was shown in; the other languages
 * and the photos are kept) against the version shown, which also answers staff's correction (the report is posted
 * again). A stale version is the API's 409, shown beside the form with the text typed. Success: 303 with ?done=.
 */
export const editReportAction = {
	editReport: async (event: RequestEvent) => {
		requireMember(event);
		const form = await event.request.formData();
		const values = {
			reportId: text(form, 'reportId'),
			version: text(form, 'version'),
			lang: text(form, 'lang'),
			text: text(form, 'text'),
		};
		const formName = `edit-${values.reportId}`;
		// The report comes from the page's own hidden field; anything else is a form the page did not send.
		if (!/^[0-9A-Za-z_-]{1,64}$/.test(values.reportId)) return expiredForm(formName, values);
		// The language the text was shown in comes from the page; any other value is a form not sent by it.
		const lang = LOCALES.find((l) => l === values.lang);
		if (!lang) return expiredForm(formName, values);
		if (!values.text)
			return fail(400, { form: formName, typed: values, fields: { text: m.rp_error_text() }, message: m.form_error_summary() });
		const projectId = event.params.id!;
		try {
			const progress = await api(event).reports.progress(projectId, { limit: 50 });
			const report = progress.reports.find((r) => r.id === values.reportId);
			await api(event).reports.edit(projectId, values.reportId, {
				text: { ...(report?.text ?? {}), [lang]: values.text },
				photoKeys: report?.photos.map((p) => p.key) ?? [],
				version: Number(values.version),
			});
		} catch (cause) {
			return refused(cause, formName, values);
		}
		redirect(
			303,
			`/${event.params.lang ?? 'ky'}/organisation/projects/${encodeURIComponent(projectId)}?done=report-edit#report-${values.reportId}`,
		);
	},
};
