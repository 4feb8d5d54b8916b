import { FALLBACK_CSP, SECURITY_HEADERS } from '../../../security-headers.js';

// One source for the values, shared with serve.js and vite.config.ts (static files): ../../../security-headers.js.
export { FALLBACK_CSP };

/**
 * Adds the security headers to a response, copying it first when its headers are immutable
 * (e.g. a response passed through from `fetch`).
 */
export function withSecurityHeaders(response: Response): Response {
	try {
		apply(response.headers);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		apply(copy.headers);
		return copy;
	}
}

function apply(headers: Headers): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
	if (!headers.has('content-security-policy')) headers.set('content-security-policy', FALLBACK_CSP);
}
