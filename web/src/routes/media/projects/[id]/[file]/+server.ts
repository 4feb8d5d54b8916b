import { error } from '@sveltejs/kit';
import { LOCAL_MEDIA } from '$app/env/private';
import type { RequestHandler } from './$types';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A photo (as the API re-encoded it) or one of its WebP copies: a ULID, then `.jpg|.png|.webp` or `-w<width>.webp`. */
const FILE = /^[0-9a-z]{26}(?:\.(jpg|png|webp)|-w\d{2,4}\.(webp))$/;
const TYPE_OF: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * The local stack's stand-in for CloudFront's /media/* (issue 14): public photos read from s3rver's bucket (LOCAL_MEDIA,
 * set only by scripts/dev.ts and the e2e stack). In the cloud CloudFront never forwards /media/* here, and LOCAL_MEDIA is
 * unset, so this answers 404: it is no way around the bucket. Only photo names are served (documents are never under
 * media/), with the type their name says and nosniff.
 */
export const GET: RequestHandler = async ({ params }) => {
	const name = FILE.exec(params.file);
	if (!LOCAL_MEDIA || !ID.test(params.id) || !name) error(404, 'Not Found');
	const upstream = await fetch(`${LOCAL_MEDIA}/media/projects/${params.id}/${params.file}`, { signal: AbortSignal.timeout(10_000) });
	if (!upstream.ok || !upstream.body) {
		await upstream.body?.cancel();
		error(upstream.status === 404 || upstream.status === 403 ? 404 : 502, upstream.status === 404 ? 'Not Found' : 'Bad Gateway');
	}
	const headers = new Headers({
		'content-type': TYPE_OF[name[1] ?? name[2]!]!,
		'cache-control': 'public, max-age=300',
		'x-content-type-options': 'nosniff',
	});
	const length = upstream.headers.get('content-length');
	if (length) headers.set('content-length', length);
	return new Response(upstream.body, { status: 200, headers });
};
