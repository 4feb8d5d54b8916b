import type { Locale, Project } from '@mekendesh/contracts';
import { renderMarkdown } from '@mekendesh/markdown';
import { pickText } from '#lib/localized-text.js';
import { mediaPath, photoFile, photoSources } from '#lib/project-media.js';
import { api, type ApiEvent } from './api.js';

/** A report as the project page shows it: its milestone's title, its Markdown as sanitised HTML, its photos' web paths. */
interface ShownReport {
	id: string;
	milestone: string;
	postedAt: string;
	status: 'posted' | 'correction_requested';
	html: string;
	lang: string | null;
	/** Each photo's `src` (640 copy), `srcset` (its copies) and `full` (the widest copy, linked). */
	photos: { src: string; srcset: string | undefined; full: string }[];
}

/** What the project page's progress section shows; null when the API cannot give it (the page stands without it). */
export interface ShownProgress {
	reports: ShownReport[];
	disbursements: { id: string; paidOn: string; purpose: string; amountKgs: number; document: string | null }[];
	late: { milestone: string; dueDate: string; daysLate: number }[];
}

/**
 * A public project's progress from GET /v1/projects/{id}/progress: report text becomes HTML only here, through the
 * sanitising renderer (as the description does), in the reader's language or the nearest one written.
 */
export async function loadProgress(
	event: ApiEvent,
	project: Pick<Project, 'id' | 'milestones'>,
	locale: Locale,
): Promise<ShownProgress | null> {
	const progress = await api(event)
		.reports.progress(project.id)
		.catch(() => null);
	if (!progress) return null;
	const title = (milestoneId: string) => {
		const m = project.milestones.find((x) => x.id === milestoneId);
		return m ? (pickText(m.title, locale)?.text ?? milestoneId) : milestoneId;
	};
	return {
		reports: progress.reports.map((r) => {
			const text = pickText(r.text, locale);
			return {
				id: r.id,
				milestone: title(r.milestoneId),
				postedAt: r.postedAt,
				status: r.status,
				html: text ? renderMarkdown(text.text) : '',
				lang: text?.isFallback ? text.lang : null,
				// Responsive copies as the cover has, and the widest copy to open it larger (issue 14 new-user review 6).
				photos: r.photos.map((p) => ({ ...photoSources(r.projectId, p), full: photoFile(r.projectId, p, Number.MAX_SAFE_INTEGER) })),
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
	};
}
