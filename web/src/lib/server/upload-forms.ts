import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { UPLOAD_FORM_PURPOSES, type UploadFormPurpose } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { api, ApiError, type ApiEvent } from './api.js';

/**
 * The no-JavaScript uploads of a project's files (issue 14): the page is given a form that POSTs the file straight to the
 * object store (a presigned POST: nothing of it passes through this server, which in the cloud is a function with a 6 MB
 * request limit); the store sends the browser (303) to /<lang>/organisation/projects/<id>/uploaded?purpose=…&upload=<key>
 * &expires=…&proof=… (the API builds that address and signs the proof), which completes the upload through the API with
 * that proof and goes back to the project page with the outcome.
 */

/** What an upload is for: the proposal's cover photo, a report's photo, a disbursement's PDF document (the API knows the same list). */
export type UploadPurpose = UploadFormPurpose;
export const UPLOAD_PURPOSES: readonly UploadPurpose[] = UPLOAD_FORM_PURPOSES;

/** A signed form for the page: its action, its hidden fields in order (the file input `file` goes after them), the size limit in bytes. */
export interface SignedUploadForm {
	action: string;
	fields: [string, string][];
	maxSize: number;
}

/**
 * Signs one upload form for `purpose`; null when the API gives none (no object store, the project's allowance used up, the
 * API unreachable): the page then says uploads are unavailable rather than failing.
 * @example const photoForm = await signUploadForm(event, 'ky', project.id, 'cover')
 */
export async function signUploadForm(
	event: ApiEvent,
	lang: string,
	projectId: string,
	purpose: UploadPurpose,
): Promise<SignedUploadForm | null> {
	const redirectPath = `/${lang}/organisation/projects/${encodeURIComponent(projectId)}/uploaded?purpose=${purpose}`;
	try {
		const form = await api(event).projects.uploadForm(projectId, { kind: purpose === 'document' ? 'document' : 'photo', redirectPath });
		return { action: form.url, fields: Object.entries(form.fields), maxSize: form.maxSize };
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		if (cause.status === 0 || cause.status >= 500) console.error(`[web] upload form ${projectId}: ${cause.message}`);
		return null;
	}
}

const FLASH = 'upload_error';

/**
 * Keeps the API's refusal of an upload (already in the reader's language) for the project page the browser goes to
 * next: a short-lived cookie for that page only, read once, so no text travels in a URL.
 */
export function flashUploadError(cookies: Cookies, projectPath: string, message: string): void {
	cookies.set(FLASH, message.slice(0, 500), { path: projectPath, maxAge: 120, httpOnly: true, sameSite: 'lax' });
}

/** The refusal kept by {@link flashUploadError}, removed as it is read; null when there is none. */
export function takeUploadError(event: Pick<RequestEvent, 'cookies' | 'url'>): string | null {
	const message = event.cookies.get(FLASH);
	if (message === undefined) return null;
	event.cookies.delete(FLASH, { path: event.url.pathname });
	return message || null;
}

/** Why the API refused completing an upload, in the reader's language: the field's message, a conflict's detail, or a fallback. */
export function uploadRefusal(cause: ApiError): string {
	if (cause.status === 0 || cause.status >= 500) return m.form_unavailable();
	return cause.problem?.errors?.[0]?.message ?? cause.problem?.detail ?? cause.problem?.title ?? m.pj_error_photo_type();
}
