import { redirect } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizedPath } from '#lib/paths.js';
import type { PageServerLoad } from './$types';

// `/` has no language of its own: send the reader to their language (cookie, Accept-Language, else Kyrgyz).
export const load: PageServerLoad = ({ setHeaders }) => {
	setHeaders({ vary: 'Cookie, Accept-Language' });
	redirect(307, localizedPath('/', getLocale()));
};
