// The security headers of every web response, in one plain module: read by the app's hook
// (src/lib/server/security-headers.ts), by serve.js for the static files adapter-node serves before any hook
// runs, and by vite.config.ts for the same files under `vite dev` and `vite preview`.

/** @type {Readonly<Record<string, string>>} Headers every response carries. CSP for pages comes from Kit's `csp` config (vite.config.ts). */
export const SECURITY_HEADERS = {
	'strict-transport-security': 'max-age=63072000; includeSubDomains',
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** For responses Kit gives no CSP (static files, redirects, endpoints, plain errors): nothing may load or frame them. */
export const FALLBACK_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * Sets the security headers and the fallback CSP on a Node response before anything else answers it. A page
 * answered later by Kit replaces them with its own (its CSP with nonces), so only static files keep the fallback.
 * @param {import('node:http').ServerResponse} res
 * @example server.prependListener('request', (_req, res) => presetSecurityHeaders(res));
 */
export function presetSecurityHeaders(res) {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	res.setHeader('content-security-policy', FALLBACK_CSP);
}
