/**
 * The stand-in origin the API client writes its URLs against. It never resolves (.invalid, RFC 6761), so a
 * call that does not go through SvelteKit's `event.fetch` (and so through `handleFetch`) fails loudly instead
 * of reaching the API without the visitor's token, language and address. This is the pattern of Kit's docs
 * for `handleFetch`: the app asks a fixed URL and the hook swaps in the real one.
 */
export const API_ORIGIN = 'https://api.mekendesh.invalid';

/** What the one hook knows about the request a call is made for. */
export interface ApiRequestContext {
	/** The API's base URL from the environment (API_URL), without /v1. */
	apiUrl: string;
	/** The signed-in person's access token (`locals.accessToken`); never leaves the server. */
	token: string | null;
	/** The page's language: the API's problem titles and details come back in it. */
	locale: string;
	/** The visitor's address, and the secret shared with the API that vouches for it (empty: not sent). */
	clientAddress: () => string;
	proxySecret: string;
}

/**
 * The request to send for a call of the API client: its URL moved from API_ORIGIN to the API's base URL,
 * with `Authorization: Bearer`, `Accept-Language`, and the visitor's address with the proxy secret (so the
 * API's per-address rate limits count visitors rather than this server). Null for any other request,
 * which goes out untouched.
 * @example toApiRequest(new Request('https://api.mekendesh.invalid/v1/me'), context) // Request for `${apiUrl}/v1/me`
 */
export function toApiRequest(request: Request, context: ApiRequestContext): Request | null {
	if (!request.url.startsWith(`${API_ORIGIN}/`)) return null;
	const forwarded = new Request(context.apiUrl.replace(/\/+$/, '') + request.url.slice(API_ORIGIN.length), request);
	if (context.token) forwarded.headers.set('authorization', `Bearer ${context.token}`);
	if (!forwarded.headers.has('accept-language')) forwarded.headers.set('accept-language', context.locale);
	if (context.proxySecret) {
		forwarded.headers.set('x-mekendesh-client-ip', context.clientAddress());
		forwarded.headers.set('x-mekendesh-proxy-secret', context.proxySecret);
	}
	return forwarded;
}
