import { defineEnvVars } from '@sveltejs/kit/env';

export const variables = defineEnvVars({
	API_URL: {
		description: 'Base URL of the Mekendesh API, without /v1 (read at startup, server-only).',
		schema: (value) => {
			const url = new URL(value || 'http://127.0.0.1:8787');
			if (url.protocol !== 'http:' && url.protocol !== 'https:') {
				throw new Error('API_URL must be an http(s) URL');
			}
			return url.origin + url.pathname.replace(/\/+$/, '');
		},
	},
	PROXY_SECRET: {
		description: 'Shared with the API (its PROXY_SECRET): lets the API count sign-in attempts per visitor, not per web server. Optional.',
		schema: (value) => value ?? '',
	},
});
