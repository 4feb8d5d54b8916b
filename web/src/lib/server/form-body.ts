/**
 * Form posts are checked before any action reads them: SvelteKit lets `text/plain` through to actions (HTML
 * forms may send it) and `request.formData()` then throws, as it does on a broken multipart body, which
 * became a 500. Here such a post gets a 4xx page in the reader's language, and a body over its route's
 * limit is refused while it streams in, before it is parsed.
 */

/** The largest form body an ordinary page takes: a dozen fields of text, URL-encoded (up to 9 bytes a character). */
export const DEFAULT_FORM_LIMIT = 64 * 1024;

const MiB = 1024 * 1024;

/**
 * Routes whose forms need more than DEFAULT_FORM_LIMIT, by Kit route id, in bytes:
 * a project's texts (3 × 20,000 characters of description, URL-encoded; photos and documents go straight to the object
 * store, issue 14) and a bank statement (a file or pasted text of up to 1,000,000 bytes, or the base64 a preview kept,
 * URL-encoded). adapter-node's BODY_SIZE_LIMIT (serve.js) stays the ceiling.
 */
export const FORM_LIMITS: Readonly<Record<string, number>> = {
	'/[lang=lang]/organisation/projects/new': 1 * MiB,
	'/[lang=lang]/organisation/projects/[id]': 1 * MiB,
	'/[lang=lang]/staff/money': 6 * MiB,
};

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** Why a form post is refused: 413 too large, 415 not a form, 400 a form that cannot be read; null when it may go on. */
export type FormRefusal = 413 | 415 | 400 | null;

/**
 * Checks a form post without consuming it (it reads a copy): its declared or actual size against `limit`,
 * its media type, and that it parses as a form. The action then reads the original as usual.
 * @param limit bytes; FORM_LIMITS[route id] ?? DEFAULT_FORM_LIMIT
 * @example await checkFormPost(new Request(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'a=1' }), 65536) // 415
 */
export async function checkFormPost(request: Request, limit: number): Promise<FormRefusal> {
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > limit) return 413;
	const type = request.headers.get('content-type') ?? '';
	if (!FORM_TYPES.has(type.split(';')[0]!.trim().toLowerCase())) return 415;
	let bytes: Uint8Array;
	try {
		const read = await readAtMost(request.clone().body, limit);
		if (read === null) return 413;
		bytes = read;
	} catch (cause) {
		// adapter-node errors the stream past BODY_SIZE_LIMIT (a SvelteKitError with status 413).
		return (cause as { status?: number }).status === 413 ? 413 : 400;
	}
	try {
		await new Response(bytes as BodyInit, { headers: { 'content-type': type } }).formData();
		return null;
	} catch {
		return 400;
	}
}

/** The stream's bytes, or null as soon as there are more than `limit` of them (it is cancelled then). */
async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
	if (!body) return new Uint8Array(0);
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			// Not awaited: a copy's cancel settles only once the original is cancelled too (ReadableStream tee).
			void reader.cancel().catch(() => {});
			return null;
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return out;
}

/** Whether a request is a form post a page's action would read (not a GET, not Kit's own /_app routes). */
export function isPagePost(request: Request, url: URL, routeId: string | null): boolean {
	return request.method === 'POST' && routeId !== null && !url.pathname.startsWith('/_app/');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A refused form post's answer: the status, a small HTML page in the reader's language (no script, no style,
 * so the fallback CSP suits it) with a link back to the form, never stored by a cache.
 * @param page `lang` the page's language tag; `title`, `text`, `back` (link text) already localised; `backHref` a path
 */
export function formRefusalPage(
	status: 400 | 413 | 415,
	page: { lang: string; title: string; text: string; back: string; backHref: string },
): Response {
	const html =
		`<!doctype html><html lang="${escapeHtml(page.lang)}"><head><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
		`<title>${escapeHtml(page.title)}</title></head><body><main><h1>${escapeHtml(page.title)}</h1>` +
		`<p>${escapeHtml(page.text)}</p><p><a href="${escapeHtml(page.backHref)}">${escapeHtml(page.back)}</a></p></main></body></html>`;
	// The rest of a refused body is not read: the connection closes rather than waiting for it.
	return new Response(html, {
		status,
		headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' },
	});
}

/** A byte count as people read it, in their language: '64 KB' (en), '6 МБ' (ru, ky). */
export function formatLimit(bytes: number, lang: string): string {
	const [kb, mb] = lang === 'en' ? ['KB', 'MB'] : ['КБ', 'МБ'];
	return bytes >= MiB ? `${Math.round(bytes / MiB)} ${mb}` : `${Math.round(bytes / 1024)} ${kb}`;
}
