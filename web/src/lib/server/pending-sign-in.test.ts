import { describe, expect, it } from 'vitest';
import { PENDING_COOKIE, PendingSignIns, type PendingCookies } from './pending-sign-in.js';

const EMAIL = 'aigul@example.kg';
const PASSWORD = 'Mekendesh-2026!';

function jar() {
	const values = new Map<string, string>();
	const log: { op: 'set' | 'delete'; name: string; value?: string; options: object }[] = [];
	const cookies: PendingCookies = {
		get: (name) => values.get(name),
		set: (name, value, options) => {
			values.set(name, value);
			log.push({ op: 'set', name, value, options });
		},
		delete: (name, options) => {
			values.delete(name);
			log.push({ op: 'delete', name, options });
		},
	};
	return { cookies, values, log };
}

describe('a sign-up waiting for its code', () => {
	it('gives the browser an HttpOnly, Secure, SameSite=Strict, short-lived cookie that holds no password', () => {
		const { cookies, values, log } = jar();
		new PendingSignIns().hold(cookies, { email: EMAIL, password: PASSWORD });
		expect(log).toEqual([
			{
				op: 'set',
				name: PENDING_COOKIE,
				value: expect.any(String),
				options: { path: '/', httpOnly: true, secure: true, sameSite: 'strict', maxAge: 900 },
			},
		]);
		const value = values.get(PENDING_COOKIE)!;
		expect(value).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
		expect(value).not.toContain(PASSWORD);
		expect(Buffer.from(value.split('.')[1]!, 'base64url').toString('latin1')).not.toContain(PASSWORD);
	});

	it('signs in once: the password comes back for the same email, then the record and the cookie are gone', () => {
		const store = new PendingSignIns();
		const { cookies, values } = jar();
		store.hold(cookies, { email: EMAIL, password: PASSWORD });
		const cookie = values.get(PENDING_COOKIE)!;
		expect(store.take(cookies, EMAIL)).toEqual({ email: EMAIL, password: PASSWORD });
		expect(values.has(PENDING_COOKIE)).toBe(false);
		expect(store.size).toBe(0);
		values.set(PENDING_COOKIE, cookie); // a copy of the cookie, replayed
		expect(store.take(cookies, EMAIL)).toBeNull();
		expect(values.has(PENDING_COOKIE)).toBe(false);
	});

	it('gives nothing for another email, and keeps waiting for the right one', () => {
		const store = new PendingSignIns();
		const { cookies } = jar();
		store.hold(cookies, { email: EMAIL, password: PASSWORD });
		expect(store.take(cookies, 'someone.else@example.kg')).toBeNull();
		expect(store.take(cookies, EMAIL)?.password).toBe(PASSWORD);
	});

	it('expires after 15 minutes', () => {
		let now = 1_000_000;
		const store = new PendingSignIns(() => now);
		const { cookies, values } = jar();
		store.hold(cookies, { email: EMAIL, password: PASSWORD });
		now += 15 * 60 * 1000;
		expect(store.take(cookies, EMAIL)).toBeNull();
		expect(values.has(PENDING_COOKIE)).toBe(false);
		expect(store.size).toBe(0);
	});

	it('opens only with the key it gave: an altered key, or the cookie on another server, gives nothing', () => {
		const store = new PendingSignIns();
		const { cookies, values } = jar();
		store.hold(cookies, { email: EMAIL, password: PASSWORD });
		const [id, key] = values.get(PENDING_COOKIE)!.split('.') as [string, string];
		values.set(PENDING_COOKIE, `${id}.${key.startsWith('A') ? 'B' : 'A'}${key.slice(1)}`);
		expect(store.take(cookies, EMAIL)).toBeNull();

		const other = jar();
		store.hold(other.cookies, { email: EMAIL, password: PASSWORD });
		expect(new PendingSignIns().take(other.cookies, EMAIL)).toBeNull();
	});

	it('refuses a malformed cookie and drops it', () => {
		const { cookies, values } = jar();
		values.set(PENDING_COOKIE, 'garbage');
		expect(new PendingSignIns().take(cookies, EMAIL)).toBeNull();
		expect(values.has(PENDING_COOKIE)).toBe(false);
	});

	it('holds a bounded number of sign-ups, dropping the oldest and the expired', () => {
		let now = 0;
		const store = new PendingSignIns(() => now, 2);
		const first = jar();
		store.hold(first.cookies, { email: 'a@example.kg', password: PASSWORD });
		store.hold(jar().cookies, { email: 'b@example.kg', password: PASSWORD });
		store.hold(jar().cookies, { email: 'c@example.kg', password: PASSWORD });
		expect(store.size).toBe(2);
		expect(store.take(first.cookies, 'a@example.kg')).toBeNull();
		now += 16 * 60 * 1000;
		store.hold(jar().cookies, { email: 'd@example.kg', password: PASSWORD });
		expect(store.size).toBe(1);
	});

	it('is forgotten when the person signs in by hand', () => {
		const store = new PendingSignIns();
		const { cookies, values } = jar();
		store.hold(cookies, { email: EMAIL, password: PASSWORD });
		store.discard(cookies);
		expect(store.size).toBe(0);
		expect(values.has(PENDING_COOKIE)).toBe(false);
	});
});
