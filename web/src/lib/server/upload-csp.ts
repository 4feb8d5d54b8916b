/**
 * Lets the pages' forms post to the object store (issue 14: no-JavaScript uploads go straight there with a presigned POST):
 * adds `origin` to the Content-Security-Policy's `form-action`, which Kit sets from vite.config.ts at build time, while the
 * store's origin is known only at run time (MEDIA_UPLOAD_ORIGIN: s3rver locally, the bucket's regional endpoint in the
 * cloud). Browsers check a form's action, and the redirects after it, against form-action. Nothing changes without an origin.
 * @example allowFormTarget(response, 'http://127.0.0.1:4569') // form-action 'self' https://checkout.stripe.com http://127.0.0.1:4569
 */
export function allowFormTarget(response: Response, origin: string): Response {
	const csp = response.headers.get('content-security-policy');
	if (!origin || !csp || !/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)) return response;
	const next = csp.replace(
		/(^|;\s*)form-action ([^;]*)/,
		(_all, lead: string, sources: string) => `${lead}form-action ${sources} ${origin}`,
	);
	try {
		response.headers.set('content-security-policy', next);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		copy.headers.set('content-security-policy', next);
		return copy;
	}
}
