/**
 * Signs a new account in once its email is confirmed, without asking for the password a second time.
 *
 * Why this shape: Cognito signs in only with the password, and the code arrives minutes after sign-up.
 * The password is sealed (AES-256-GCM) with a fresh random key per sign-up; this server keeps only the
 * sealed bytes, in memory, for PENDING_SECONDS, and the key goes to the browser that signed up, in an
 * HttpOnly, Secure, SameSite=Strict cookie. Neither half alone opens it: a copied cookie is useless once
 * the record is used or expired, and the server's memory holds no readable password. The record is deleted
 * on first use, and never leaves the process (no URL, no hidden field, no log). A restart, another server
 * or an expired record only means signing in by hand once, with the return address kept.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The cookie holding a waiting sign-up's id and key. */
export const PENDING_COOKIE = 'mk_pending';

/** How long a sign-up waits for its emailed code before the person signs in by hand. */
const PENDING_SECONDS = 15 * 60;

const PENDING_COOKIE_OPTIONS = { path: '/', httpOnly: true, secure: true, sameSite: 'strict', maxAge: PENDING_SECONDS } as const;

/** The part of Kit's `Cookies` this module uses, so it can be tested without Kit. */
export interface PendingCookies {
	get(name: string): string | undefined;
	set(name: string, value: string, options: typeof PENDING_COOKIE_OPTIONS): void;
	delete(name: string, options: { path: string; httpOnly: boolean; secure: boolean; sameSite: 'strict' }): void;
}

interface Sealed {
	email: string;
	iv: Buffer;
	data: Buffer;
	tag: Buffer;
	expires: number;
}

const COOKIE_VALUE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;
const { maxAge: _maxAge, ...DELETE_OPTIONS } = PENDING_COOKIE_OPTIONS;

/** Sign-ups waiting for their code, each sealed with a key only its browser holds. */
export class PendingSignIns {
	readonly #records = new Map<string, Sealed>();

	/** `limit` bounds memory: past it the oldest waiting sign-up is dropped (its person signs in by hand). */
	constructor(
		private readonly now: () => number = Date.now,
		private readonly limit = 5_000,
	) {}

	/** Holds the password of a sign-up the API accepted, and gives the browser the key to it. */
	hold(cookies: PendingCookies, input: { email: string; password: string }): void {
		this.#sweep();
		const id = randomBytes(16).toString('base64url');
		const key = randomBytes(32);
		const iv = randomBytes(12);
		const cipher = createCipheriv('aes-256-gcm', key, iv);
		cipher.setAAD(Buffer.from(`${id}\n${input.email}`));
		const data = Buffer.concat([cipher.update(input.password, 'utf8'), cipher.final()]);
		this.#records.set(id, { email: input.email, iv, data, tag: cipher.getAuthTag(), expires: this.now() + PENDING_SECONDS * 1000 });
		while (this.#records.size > this.limit) this.#records.delete(this.#records.keys().next().value!);
		cookies.set(PENDING_COOKIE, `${id}.${key.toString('base64url')}`, PENDING_COOKIE_OPTIONS);
	}

	/**
	 * The held sign-up of `email` from this browser, removed from the store and the cookie; null when there
	 * is none (another email, expired, another server, or already used). Another email leaves it waiting.
	 */
	take(cookies: PendingCookies, email: string): { email: string; password: string } | null {
		const match = COOKIE_VALUE.exec(cookies.get(PENDING_COOKIE) ?? '');
		const record = match ? this.#records.get(match[1]!) : undefined;
		if (!match || !record || record.expires <= this.now()) {
			if (match) this.#records.delete(match[1]!);
			if (cookies.get(PENDING_COOKIE) !== undefined) cookies.delete(PENDING_COOKIE, DELETE_OPTIONS);
			return null;
		}
		if (record.email !== email) return null;
		this.#records.delete(match[1]!);
		cookies.delete(PENDING_COOKIE, DELETE_OPTIONS);
		try {
			const decipher = createDecipheriv('aes-256-gcm', Buffer.from(match[2]!, 'base64url'), record.iv);
			decipher.setAAD(Buffer.from(`${match[1]}\n${record.email}`));
			decipher.setAuthTag(record.tag);
			return { email: record.email, password: Buffer.concat([decipher.update(record.data), decipher.final()]).toString('utf8') };
		} catch {
			return null; // a forged or altered key
		}
	}

	/** Forgets this browser's held sign-up, if any (it signed in by hand). */
	discard(cookies: PendingCookies): void {
		const match = COOKIE_VALUE.exec(cookies.get(PENDING_COOKIE) ?? '');
		if (match) this.#records.delete(match[1]!);
		if (cookies.get(PENDING_COOKIE) !== undefined) cookies.delete(PENDING_COOKIE, DELETE_OPTIONS);
	}

	/** How many sign-ups are waiting (for tests and limits). */
	get size(): number {
		return this.#records.size;
	}

	/** Records are held in the order they expire: drop expired ones from the front. */
	#sweep(): void {
		const now = this.now();
		for (const [id, record] of this.#records) {
			if (record.expires > now) break;
			this.#records.delete(id);
		}
	}
}

/** The web server's one store. */
export const pendingSignIns = new PendingSignIns();
