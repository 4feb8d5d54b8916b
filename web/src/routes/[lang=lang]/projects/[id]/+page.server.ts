import { error } from '@sveltejs/kit';
import { PUBLIC_STATUSES } from '@mekendesh/contracts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { placeName } from '#lib/places.js';
import { ApiError, api } from '#lib/server/api.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, fetch }) => {
	const locale = getLocale();
	let project;
	try {
		project = await api(fetch).getProject(params.id);
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		// 400: the API rejects ids that cannot exist (bad characters, too long), which is a 404 to a reader.
		if (cause.status === 404 || cause.status === 400) error(404, 'Not Found', { code: 'project_not_found' });
		console.error(`[web] project ${params.id}: ${cause.message}`);
		error(503, 'Service Unavailable', { code: 'api_unavailable' });
	}
	// The API only serves public projects; this guards the page should that ever change.
	if (!PUBLIC_STATUSES.includes(project.status)) error(404, 'Not Found', { code: 'project_not_found' });

	return {
		project,
		oblast: placeName(project.oblastSoate, locale),
		rayon: project.rayonSoate ? placeName(project.rayonSoate, locale) : null,
	};
};
