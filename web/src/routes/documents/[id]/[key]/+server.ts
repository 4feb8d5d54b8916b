import { error, redirect } from '@sveltejs/kit';
import { api, ApiError } from '#lib/server/api.js';
import type { RequestHandler } from './$types';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const KEY = /^[0-9a-z]{26}\.(jpg|png|webp|pdf)$/;

/**
 * A project's document (or a photo, by an older link) from the web origin, at /documents/<id>/<key> (not under /media/:
 * in the cloud CloudFront sends /media/* to the bucket's public photos, so no web route there is reachable), without passing its bytes through this server
 * (issue 14): a photo is at its public path, /media/projects/<id>/<key> (CloudFront from the bucket); a document is a
 * redirect to the short-lived URL the API signs for this reader (its owners and staff while the project is not public), on
 * which the store answers `Content-Disposition: attachment`, so a PDF is downloaded, never rendered on any site's origin.
 */
export const GET: RequestHandler = async (event) => {
	const { params } = event;
	if (!ID.test(params.id) || !KEY.test(params.key)) error(404, 'Not Found');
	if (!params.key.endsWith('.pdf')) redirect(301, `/media/projects/${params.id}/${params.key}`);
	let location: string | null;
	try {
		// The owner's token (added by handleFetch) lets them reach their draft's documents.
		location = await api(event).projects.mediaLocation(params.id, params.key);
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		console.error(`[web] media ${params.id}/${params.key}: ${cause.message}`);
		error(503, 'Service Unavailable');
	}
	if (!location) error(404, 'Not Found');
	// The signed URL lives an hour: never cached, so a shared cache never hands out another reader's link.
	event.setHeaders({ 'cache-control': 'private, no-store' });
	// The API signed it for the object store (another origin); Kit refuses external redirects unless told.
	redirect(302, location, { external: true });
};
