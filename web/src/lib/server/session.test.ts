import { describe, expect, it } from 'vitest';
import { ACCESS_COOKIE, REFRESH_COOKIE, clearTokens, isExpired, storeTokens, tokenExpiry, type CookieJar } from './session.js';

const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

function jar() {
	const store = new Map<string, { value: string; options: object }>();
	const cookies: CookieJar = {
		get: (name) => store.get(name)?.value,
		set: (name, value, options) => void store.set(name, { value, options }),
		delete: (name) => void store.delete(name),
	};
	return { store, cookies };
}

describe('session cookies', () => {
	it('stores both tokens HttpOnly, Secure, SameSite=Lax on /', () => {
		const { store, cookies } = jar();
		storeTokens(cookies, { accessToken: 'a', idToken: 'i', refreshToken: 'r', expiresIn: 3600 });
		expect(store.get(ACCESS_COOKIE)).toEqual({
			value: 'a',
			options: { path: '/', httpOnly: true, secure: true, sameSite: 'lax', maxAge: 3600 },
		});
		expect(store.get(REFRESH_COOKIE)?.options).toMatchObject({ httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
	});

	it('keeps the refresh cookie when a refresh brings no new refresh token, and clears both', () => {
		const { store, cookies } = jar();
		storeTokens(cookies, { accessToken: 'a', idToken: 'i', refreshToken: 'r', expiresIn: 3600 });
		storeTokens(cookies, { accessToken: 'b', idToken: 'i', expiresIn: 3600 });
		expect(store.get(REFRESH_COOKIE)?.value).toBe('r');
		expect(store.get(ACCESS_COOKIE)?.value).toBe('b');
		clearTokens(cookies);
		expect(store.size).toBe(0);
	});
});

describe('tokenExpiry', () => {
	it('reads exp without verifying, and treats garbage as expired', () => {
		expect(tokenExpiry(jwt({ exp: 1_900_000_000 }))).toBe(1_900_000_000);
		expect(tokenExpiry('not-a-jwt')).toBeUndefined();
		expect(tokenExpiry('a.%%%.c')).toBeUndefined();
		expect(isExpired(jwt({ exp: 1000 }), 2_000_000)).toBe(true);
		expect(isExpired(jwt({ exp: 2000 }), 1_000_000)).toBe(false);
		expect(isExpired(jwt({ exp: 1010 }), 1_000_000)).toBe(true); // within the 30 s skew
		expect(isExpired('garbage')).toBe(true);
	});
});
