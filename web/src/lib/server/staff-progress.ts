import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Locale, Project } from '@mekendesh/contracts';
import { text } from './forms.js';
import { renderMarkdown } from '@mekendesh/markdown';
import { pickText } from '#lib/localized-text.js';
import { m } from '#lib/paraglide/messages.js';
import { photoFile } from '#lib/project-media.js';
import { api } from './api.js';
import { requireRole } from './guards.js';
import { expiredForm, formKey, refused, tyiyn } from './report-actions.js';

/**
 * The staff project page's progress part (issue 13): the project's reports, each with an "ask for a correction"
 * form, and the "record co-funding" form (money from the municipality's budget or other donors). Both are plain
 * POST forms; success redirects back with `?done=` (a confirmation after the redirect, so a reload posts nothing).
 */

/** A report as staff read it: its milestone's title, sanitised HTML, photos, and the version a correction is asked against. */
export interface StaffReport {
	id: string;
	milestone: string;
	postedAt: string;
	status: 'posted' | 'correction_requested';
	correctionReason: string | null;
	html: string;
	photos: string[];
	version: number;
}

/** The project's reports (newest first, up to 50) for staff; [] when the API cannot give them (the page stands without). */
export async function loadStaffReports(
	event: RequestEvent,
	project: Pick<Project, 'id' | 'milestones'>,
	locale: Locale,
): Promise<StaffReport[]> {
	const progress = await api(event)
		.reports.progress(project.id, { limit: 50 })
		.catch(() => null);
	if (!progress) return [];
	const title = (id: string) => {
		const ms = project.milestones.find((x) => x.id === id);
		return ms ? (pickText(ms.title, locale)?.text ?? id) : id;
	};
	return progress.reports.map((r) => {
		const text = pickText(r.text, locale);
		return {
			id: r.id,
			milestone: title(r.milestoneId),
			postedAt: r.postedAt,
			status: r.status,
			correctionReason: r.correctionReason ?? null,
			html: text ? renderMarkdown(text.text) : '',
			photos: r.photos.map((p) => photoFile(r.projectId, p, 320)),
			version: r.version,
		};
	});
}

const back = (event: RequestEvent, done: string) =>
	`/${event.params.lang ?? 'ky'}/staff/projects/${encodeURIComponent(event.params.id!)}?done=${done}#${done === 'cofunding' ? 'cofunding' : 'progress'}`;

/** Named actions `correction` and `cofunding` of /<lang>/staff/projects/[id] (staff only; the API checks again). */
export const staffProgressActions = {
	correction: async (event: RequestEvent) => {
		requireRole(event, 'staff');
		const form = await event.request.formData();
		const values = { reportId: text(form, 'reportId'), reason: text(form, 'reason'), version: text(form, 'version') };
		if (values.reason.length < 3) {
			return fail(400, { form: `correction-${values.reportId}`, typed: values, fields: { reason: m.pj_error_reason() }, message: '' });
		}
		try {
			await api(event).reports.requestCorrection(event.params.id!, values.reportId, {
				reason: values.reason,
				version: Number(values.version),
			});
		} catch (cause) {
			return refused(cause, `correction-${values.reportId}`, values);
		}
		redirect(303, back(event, 'correction'));
	},
	cofunding: async (event: RequestEvent) => {
		requireRole(event, 'staff');
		const form = await event.request.formData();
		const values = {
			funder: text(form, 'funder'),
			amount: text(form, 'amount'),
			receivedOn: text(form, 'receivedOn'),
			note: text(form, 'note'),
			idempotencyKey: text(form, 'idempotencyKey'),
		};
		const amountKgs = tyiyn(values.amount, (event.params.lang ?? 'ky') as Locale);
		if (!Number.isSafeInteger(amountKgs) || amountKgs <= 0) {
			return fail(400, { form: 'cofunding', typed: values, fields: { amountKgs: m.rp_error_amount() }, message: m.form_error_summary() });
		}
		const key = formKey(form);
		if (!key) return expiredForm('cofunding', { ...values, idempotencyKey: '' });
		try {
			await api(event).reports.cofunding(event.params.id!, key, {
				funder: values.funder as 'municipality' | 'other_donors',
				amountKgs,
				receivedOn: values.receivedOn,
				note: values.note || null,
			});
		} catch (cause) {
			return refused(cause, 'cofunding', values);
		}
		redirect(303, back(event, 'cofunding'));
	},
};
