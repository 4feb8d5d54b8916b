import { defineParams } from '@sveltejs/kit/params';
import { isLocale } from '#lib/paraglide/runtime.js';

export const params = defineParams({
	/** A language prefix of the URL: ky, ru or en. */
	lang: (param) => (isLocale(param) ? param : undefined),
});
