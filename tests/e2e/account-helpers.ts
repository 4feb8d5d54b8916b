import { expect, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshTotpCode, totpCodeAt } from '../fixtures/totp-codes.js';

export const web = () => inject('webUrl');
export const api = () => inject('apiUrl');
export const PASSWORD = 'Mekendesh-E2e-2026!';

/** A fresh address per run, so reruns against a kept stack never collide. */
export function uniqueEmail(label: string): string {
	return `${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.mekendesh.kg`;
}

/** A phone-sized context; JavaScript can be turned off to prove the forms work without it. */
export async function newPage(
	browser: Browser,
	options: { javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 390, height: 844 } });
	return { context, page: await context.newPage() };
}

/**
 * Opens the header's menu where it is folded (on a phone the account's links sit in a <details>; on wide screens
 * they stand in the row and there is nothing to open).
 */
export async function openMenu(page: Page): Promise<void> {
	const summary = page.locator('.nav-more > summary');
	if ((await summary.isVisible()) && (await page.locator('.nav-more').getAttribute('open')) === null) await summary.click();
}

/** The code an authenticator app shows now for a base32 secret (SHA-1, 6 digits, 30 s, as Cognito uses them). */
export const totpCode = (secret: string): string => totpCodeAt(secret);

/** The TOTP secret of a demo staff or admin account (issue 14: they sign in with a code); undefined for others. */
const demoTotpSecret = (email: string): string | undefined => inject('totpSecrets')[email];

/**
 * Signs in through the page's form and waits to leave the sign-in page. An account with two-step sign-in (the demo
 * staff and admin, or `totpSecret`) answers the code form with the code its authenticator would show.
 */
export async function signIn(page: Page, lang: string, email: string, password: string, totpSecret = demoTotpSecret(email)): Promise<void> {
	// The demo staff and admin sign in once per run and share the session between files: each sign-in takes a fresh
	// code (one per 30 s, the API's rule), and their own flows are tested with accounts of their own (two-step.test.ts).
	const shared = totpSecret !== undefined && totpSecret === demoTotpSecret(email);
	if (shared) {
		const cookies = readShared<Parameters<BrowserContext['addCookies']>[0]>('browser', email);
		if (cookies) {
			await page.context().addCookies(cookies);
			await page.goto(`${web()}/${lang}`);
			if ((await page.locator('.account-nav form[action*="sign-out"]').count()) > 0) return;
		}
	}
	await page.goto(`${web()}/${lang}/sign-in`);
	await page.locator('#f-email').fill(email);
	await page.locator('#f-password').fill(password);
	if (totpSecret) {
		await Promise.all([page.waitForSelector('#f-code'), page.locator('form.stack button[type=submit]').click()]);
		await page.locator('#f-code').fill(await freshTotpCode(totpSecret));
	}
	await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/sign-in')), page.locator('form.stack button[type=submit]').click()]);
	if (shared)
		writeShared(
			'browser',
			email,
			(await page.context().cookies()).filter((c) => c.name.startsWith('mk_')),
		);
}

/** Sessions of the demo accounts shared by the files of one e2e run (keyed by the stack's address), for 45 minutes. */
const sharedDir = join(tmpdir(), 'mekendesh-e2e-sessions');
const sharedFile = (kind: string, email: string) =>
	join(sharedDir, `${createHash('sha256').update(`${kind} ${web()} ${api()} ${email}`).digest('hex').slice(0, 20)}.json`);
function readShared<T>(kind: string, email: string): T | undefined {
	try {
		const { until, value } = JSON.parse(readFileSync(sharedFile(kind, email), 'utf8')) as { until: number; value: T };
		return until > Date.now() ? value : undefined;
	} catch {
		return undefined;
	}
}
function writeShared(kind: string, email: string, value: unknown): void {
	mkdirSync(sharedDir, { recursive: true });
	writeFileSync(sharedFile(kind, email), JSON.stringify({ until: Date.now() + 45 * 60_000, value }));
}

/** An access token signed in through the API as the web server does, answering the TOTP challenge of demo staff and admins. */
export async function apiAccessToken(email: string, password: string): Promise<string> {
	const kept = demoTotpSecret(email) ? readShared<string>('api', email) : undefined;
	if (kept && (await fetch(`${api()}/v1/me`, { headers: { authorization: `Bearer ${kept}` } })).status === 200) return kept;
	const send = (path: string, body: object) =>
		fetch(`${api()}/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const res = await send('/auth/sign-in', { email, password });
	expect(res.status, email).toBe(200);
	const body = (await res.json()) as { accessToken: string } | { session: string };
	if (!('session' in body)) return body.accessToken;
	const secret = demoTotpSecret(email);
	if (!secret) throw new Error(`${email} is asked for a TOTP code but has no known secret`);
	const answered = await send('/auth/sign-in/totp', { session: body.session, code: await freshTotpCode(secret) });
	expect(answered.status, email).toBe(200);
	const { accessToken } = (await answered.json()) as { accessToken: string };
	writeShared('api', email, accessToken);
	return accessToken;
}

/**
 * Reads the newest 6-digit code sent to `email` from the dev outbox page, in the browser, waiting a
 * moment for the mail to land (cognito-local writes it asynchronously).
 */
export async function codeFromOutbox(page: Page, lang: string, email: string): Promise<string> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const response = await page.goto(`${web()}/${lang}/dev/outbox`);
		expect(response?.status()).toBe(200);
		const mail = page.locator(`article[data-to="${email}"]`).first();
		if ((await mail.count()) > 0) {
			const code = /\b(\d{6})\b/.exec(await mail.locator('pre').innerText())?.[1];
			if (code) return code;
		}
		await page.waitForTimeout(250);
	}
	throw new Error(`no code for ${email} in the dev outbox`);
}

/** Reads the code in another tab of the same browser, as a person would, and leaves the page they are on as it was. */
export async function codeInNewTab(context: BrowserContext, lang: string, email: string): Promise<string> {
	const mail = await context.newPage();
	try {
		return await codeFromOutbox(mail, lang, email);
	} finally {
		await mail.close();
	}
}

/** Creates and confirms an account through the API (the browser flow has its own test). */
export async function createAccount(email: string, displayName: string): Promise<void> {
	const post = (path: string, body: object) =>
		fetch(`${api()}/v1/auth/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	expect((await post('sign-up', { email, password: PASSWORD, displayName, locale: 'en' })).status).toBe(200);
	// The code mail is sent after the sign-up answers; on a busy machine it can take some seconds (a fresh-clone run on 2
	// busy cores once took over 15 s: 40 s at most here).
	for (let attempt = 0; attempt < 160; attempt++) {
		const { items } = (await (await fetch(`${api()}/v1/dev/outbox`)).json()) as { items: { to: string; text: string }[] };
		const code = items.map((m) => (m.to === email ? /\b(\d{6})\b/.exec(m.text)?.[1] : undefined)).find(Boolean);
		if (code) {
			expect((await post('confirm', { email, code })).status).toBe(200);
			return;
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`no code for ${email}`);
}

/** GET /v1/me with the access token the browser holds in its HttpOnly cookie (read by the test, not the page). */
export async function meFromCookies(context: BrowserContext): Promise<{ profile: Record<string, unknown>; organisationId: string | null }> {
	const access = (await context.cookies()).find((c) => c.name === 'mk_access');
	expect(access).toBeDefined();
	const response = await fetch(`${api()}/v1/me`, { headers: { authorization: `Bearer ${access!.value}` } });
	expect(response.status).toBe(200);
	return (await response.json()) as never;
}
