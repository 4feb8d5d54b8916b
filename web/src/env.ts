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
	MEDIA_UPLOAD_ORIGIN: {
		description:
			"Origin of the object store the no-JavaScript upload forms POST to (the media bucket's regional endpoint in the cloud, s3rver locally): allowed by the pages' CSP form-action. Empty: no upload form can be sent.",
		schema: (value) => (value ? new URL(value).origin : ''),
	},
	LOCAL_MEDIA: {
		description:
			"Local stack only (scripts/dev.ts, the e2e stack): the media bucket's URL on s3rver, from which /media/projects/* is served. Unset in the cloud, where CloudFront serves /media/* from S3 and the route answers 404.",
		schema: (value) => (value ? value.replace(/\/+$/, '') : ''),
	},
	PROXY_SECRET: {
		description: 'Shared with the API (its PROXY_SECRET): lets the API count sign-in attempts per visitor, not per web server. Optional.',
		schema: (value) => value ?? '',
	},
});
