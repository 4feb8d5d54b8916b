import { error } from '@sveltejs/kit';
import { PHOTO_WIDTHS } from '@mekendesh/contracts';
import { api, ApiError } from '#lib/server/api.js';
import type { RequestHandler } from './$types';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const KEY = /^[0-9a-z]{26}\.(jpg|png|webp|pdf)$/;
const PASSED_HEADERS = ['content-length', 'etag', 'last-modified'];
const TYPE_OF: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', pdf: 'application/pdf' };

/**
 * A project's photo or document from the web origin. The API answers with a redirect to a short-lived
 * object-store URL on another origin, which the page CSP (img-src 'self') and link previews would not
 * follow well; this follows it on the server and streams the bytes. Public files are cached briefly by
 * shared caches; an owner's draft photos (seen with their token) never are. The API only ever points at the
 * checked copies (photos re-encoded without metadata); the type served is the one the key names (or WebP,
 * for a photo's resized copy), and anything else from upstream is not passed on (502). Every non-image (a PDF
 * document) is served as an attachment, with nosniff on everything.
 */
export const GET: RequestHandler = async (event) => {
	const { params, url, locals } = event;
	if (!ID.test(params.id) || !KEY.test(params.key)) error(404, 'Not Found');
	const width = Number(url.searchParams.get('w'));
	const w = PHOTO_WIDTHS.find((candidate) => candidate >= width) ?? (width ? PHOTO_WIDTHS.at(-1) : undefined);
	let upstream: Response;
	try {
		// The owner's token (added by handleFetch) lets them see their draft's photos.
		upstream = await api(event).projects.media(params.id, params.key, w);
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		console.error(`[web] media ${params.id}/${params.key}: ${cause.message}`);
		error(503, 'Service Unavailable');
	}
	if (upstream.status === 404 || upstream.status === 400) error(404, 'Not Found');
	if (!upstream.ok || !upstream.body) error(502, 'Bad Gateway');
	const type = TYPE_OF[params.key.split('.')[1]!]!;
	const upstreamType = upstream.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
	const allowed = type === 'application/pdf' ? [type] : [type, 'image/webp'];
	if (!upstreamType || !allowed.includes(upstreamType)) {
		await upstream.body.cancel();
		console.error(`[web] media ${params.id}/${params.key}: upstream sent ${upstreamType ?? 'no type'}`);
		error(502, 'Bad Gateway');
	}
	const out = new Headers({ 'content-type': upstreamType });
	for (const name of PASSED_HEADERS) {
		const value = upstream.headers.get(name);
		if (value) out.set(name, value);
	}
	out.set('cache-control', locals.user ? 'private, no-store' : 'public, max-age=300');
	out.set('x-content-type-options', 'nosniff');
	// A document is never rendered on the web origin (a PDF viewer runs its scripts and links there): it is
	// downloaded. Only images, re-encoded by the API, are shown inline. The key is [0-9a-z] and a dot, so quoting is safe.
	if (!upstreamType.startsWith('image/')) out.set('content-disposition', `attachment; filename="${params.key}"`);
	return new Response(upstream.body, { status: 200, headers: out });
};
