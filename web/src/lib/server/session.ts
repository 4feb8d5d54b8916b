import type { Tokens } from '@mekendesh/contracts';

/** The access token (short-lived) and the refresh token; both HttpOnly, never readable by page scripts. */
export const ACCESS_COOKIE = 'mk_access';
export const REFRESH_COOKIE = 'mk_refresh';

/** How long the refresh cookie lives; Cognito's default refresh token validity is 30 days. */
const REFRESH_MAX_AGE = 30 * 24 * 3600;

/** The one set of flags every session cookie carries (Chromium keeps Secure cookies on http://127.0.0.1 too). */
const SESSION_COOKIE_OPTIONS = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } as const;

/** The part of Kit's `Cookies` this module uses, so it can be tested without Kit. */
export interface CookieJar {
	get(name: string): string | undefined;
	set(name: string, value: string, options: typeof SESSION_COOKIE_OPTIONS & { maxAge?: number }): void;
	delete(name: string, options: { path: string; secure?: boolean; httpOnly?: boolean; sameSite?: 'lax' }): void;
}

/** Stores fresh tokens. A refresh answer has no new refresh token: the old cookie then stays. */
export function storeTokens(cookies: CookieJar, tokens: Tokens): void {
	cookies.set(ACCESS_COOKIE, tokens.accessToken, { ...SESSION_COOKIE_OPTIONS, maxAge: Math.max(60, tokens.expiresIn) });
	if (tokens.refreshToken) cookies.set(REFRESH_COOKIE, tokens.refreshToken, { ...SESSION_COOKIE_OPTIONS, maxAge: REFRESH_MAX_AGE });
}

export function clearTokens(cookies: CookieJar): void {
	cookies.delete(ACCESS_COOKIE, SESSION_COOKIE_OPTIONS);
	cookies.delete(REFRESH_COOKIE, SESSION_COOKIE_OPTIONS);
}

/**
 * The `exp` claim of a JWT in seconds, read WITHOUT verifying the signature: only to decide whether to
 * refresh before calling the API, which verifies every token itself. Undefined when unreadable.
 */
export function tokenExpiry(jwt: string): number | undefined {
	const payload = jwt.split('.')[1];
	if (!payload) return undefined;
	try {
		const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
		const exp = (claims as { exp?: unknown }).exp;
		return typeof exp === 'number' && Number.isFinite(exp) ? exp : undefined;
	} catch {
		return undefined;
	}
}

/** True when the token expires within `skewSeconds` (so a request started now would not fail midway). */
export function isExpired(jwt: string, nowMs = Date.now(), skewSeconds = 30): boolean {
	const exp = tokenExpiry(jwt);
	return exp === undefined || exp * 1000 <= nowMs + skewSeconds * 1000;
}
