import { redirect } from '@sveltejs/kit';
import { api, ApiError } from '#lib/server/api.js';
import { requireMember } from '#lib/server/guards.js';
import { flashUploadError, UPLOAD_PURPOSES, uploadRefusal, type UploadPurpose } from '#lib/server/upload-forms.js';
import { m } from '#lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

/** The keys the API signs into upload forms: a ULID and `.jpg` (a photo, whichever image type it turns out to be) or `.pdf`. */
const UPLOAD_KEY = /^[0-9a-z]{26}\.(jpg|pdf)$/;
/** The API's return proof: its expiry in Unix seconds and an HMAC-SHA256 in unpadded base64url (upload-return.ts). */
const EXPIRES = /^[0-9]{1,12}$/;
const PROOF = /^[A-Za-z0-9_-]{43}$/;

/** Where the project page opens after each kind of upload: the form that uses the file next. */
// A refusal lands on the upload form used (`failed`), where its message is shown (issue 14 new-user review 1).
const NEXT: Record<UploadPurpose, { done: string; anchor: string; failed: string }> = {
	cover: { done: 'photo', anchor: 'photo-title', failed: 'photo-title' },
	report: { done: 'report-photo', anchor: 'reports-forms', failed: 'u-photo-form' },
	document: { done: 'document', anchor: 'disburse', failed: 'u-document-form' },
};

/**
 * Where the object store sends the browser (303) after a no-JavaScript upload form (upload-forms.ts): completes the upload
 * (the API checks the file's size, type and content and makes the photo's copies) and goes back to the project page (303):
 * with `done` and the attached key on success (a report's photo or a document is then ticked in its form), or with the
 * API's refusal in the reader's language (a one-read cookie). A GET, as the store redirects: completing twice is harmless.
 * The session cookie is SameSite=Lax, so any site can send a signed-in person here with a top-level GET: only the address
 * the API signed into the form (`expires` and `proof`, checked by the API's complete) completes anything; without them the
 * page completes nothing and says so neutrally.
 */
export const GET: RequestHandler = async (event) => {
	requireMember(event);
	const { lang, id } = event.params;
	const back = `/${lang}/organisation/projects/${encodeURIComponent(id)}`;
	const purpose = event.url.searchParams.get('purpose') as UploadPurpose | null;
	const key = event.url.searchParams.get('upload') ?? '';
	const expires = event.url.searchParams.get('expires') ?? '';
	const proof = event.url.searchParams.get('proof') ?? '';
	if (!purpose || !UPLOAD_PURPOSES.includes(purpose) || !UPLOAD_KEY.test(key)) {
		flashUploadError(event.cookies, back, m.pj_error_photo_missing());
		redirect(303, back);
	}
	if (!EXPIRES.test(expires) || !PROOF.test(proof)) {
		flashUploadError(event.cookies, back, m.pj_upload_not_from_form());
		redirect(303, back);
	}
	const next = NEXT[purpose];
	let attached: string;
	try {
		const signed = { purpose, expires: Number(expires), proof };
		const project = await api(event).projects.completeUpload(id, key, purpose === 'cover' ? { ...signed, cover: true } : signed);
		// A form's photo is attached under the extension of what it is (`.jpg` may become `.png`): found by its ULID.
		attached = project.attachments?.find((a) => a.key.split('.')[0] === key.split('.')[0])?.key ?? key;
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		if (cause.status === 404 || cause.status === 403) redirect(303, `/${lang}/organisation/projects`);
		if (cause.status === 0 || cause.status >= 500) console.error(`[web] upload complete ${id}/${key}: ${cause.message}`);
		flashUploadError(event.cookies, back, uploadRefusal(cause));
		redirect(303, `${back}?failed=${purpose}#${next.failed}`);
	}
	const file = purpose === 'cover' ? '' : `&file=${encodeURIComponent(attached)}`;
	redirect(303, `${back}?done=${next.done}${file}#${next.anchor}`);
};
