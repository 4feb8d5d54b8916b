import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PASSWORD, api, createAccount, uniqueEmail, web } from './account-helpers.js';

// Issue 9, fault 3: `next` is parsed once and kept only as a path on this site, on every page that reads it;
// none of these values may lead to another site or give a 500.
const HOSTILE = [
	'/.//evil.example/x',
	'/..//evil.example/x',
	'/%2e//evil.example/x',
	'/%2E%2E//evil.example/x',
	'/en/..//evil.example/x',
	'/en/./..//evil.example/x',
	'//evil.example/x',
	'/\\evil.example',
	'\\\\evil.example',
	'https://evil.example/',
	'javascript:alert(1)',
	'/\t/evil.example',
	'/en/\taccount',
	'/en\r\nSet-Cookie: mk=1',
	'/\n/evil.example',
	'/\r/evil.example',
	'/ /evil.example',
	'/en/аккаунт',
	'/\u2215\u2215evil.example',
	'\uff0f\uff0fevil.example',
	'/en/\u0000',
	`/en/${'a'.repeat(5000)}`,
];
/** Where a refused return address leads: the home page (which leads with "for you"). */
const FALLBACK = '/en';

/** A Location (or a `next` inside one) that stays on this site: a path, never `//host` or `/\host`. */
function expectSameSite(target: string | null, what: string, depth = 0) {
	if (target === null) return;
	expect(target.startsWith('//') || target.startsWith('/\\') || /^[a-z]+:/i.test(target), `${what}: ${target}`).toBe(false);
	expect(new URL(target, web()).origin, `${what}: ${target}`).toBe(web());
	const inner = new URL(target, web()).searchParams.get('next');
	// One level down: a sign-in link's own next (a pledge page's next is that page's query, checked when it is read).
	if (inner !== null && depth === 0) expectSameSite(inner, `${what} (next inside)`, 1);
}

const form = (fields: Record<string, string>) => ({
	method: 'POST',
	redirect: 'manual' as const,
	headers: { origin: web(), accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams(fields),
});

async function publishedProjectId(): Promise<string> {
	const { items } = (await (await fetch(`${api()}/v1/projects?limit=50`)).json()) as { items: { id: string; status: string }[] };
	return items.find((p) => p.status === 'published')!.id;
}

describe('return addresses (next) with every hostile variant', () => {
	it('GET: every page that reads next answers without a 500 and keeps only this site', async () => {
		const pages = [
			'sign-in',
			'sign-up',
			'confirm',
			'forgot-password',
			'reset-password',
			'sign-out',
			'invitations/inv-not-a-token',
			`projects/${await publishedProjectId()}/pledge`,
		];
		for (const next of HOSTILE) {
			for (const path of pages) {
				const response = await fetch(`${web()}/en/${path}?next=${encodeURIComponent(next)}`, { redirect: 'manual' });
				const what = `${path} ${JSON.stringify(next)}`;
				expect(response.status, what).toBeLessThan(500);
				expectSameSite(response.headers.get('location'), what);
				const html = await response.text();
				const value = /name="next" value="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
				if (value !== undefined && !path.startsWith('invitations')) expect(value, what).toBe(FALLBACK);
			}
		}
	});

	it('POST: sign-in, sign-up, confirm, forgot and reset password send nowhere else, and never 500', async () => {
		const email = uniqueEmail('next-variants');
		await createAccount(email, 'Nurlan Asanov');
		for (const next of HOSTILE) {
			const posts: [string, Record<string, string>][] = [
				['sign-in', { email, password: PASSWORD, next }],
				['sign-up', { email, password: PASSWORD, displayName: 'Nurlan Asanov', next }],
				['confirm', { email, code: '000000', next }],
				['forgot-password', { email, next }],
				['reset-password', { email, code: '000000', password: PASSWORD, next }],
			];
			for (const [path, fields] of posts) {
				const response = await fetch(`${web()}/en/${path}`, form(fields));
				const what = `${path} ${JSON.stringify(next)} ${response.status}`;
				expect(response.status, what).toBeLessThan(500);
				const location = response.headers.get('location');
				expectSameSite(location, what);
				if (path === 'sign-in') expect(location, what).toBe(FALLBACK);
				const inner = location && new URL(location, web()).searchParams.get('next');
				if (inner) expect(inner, what).toBe(FALLBACK);
			}
		}
	});

	it('a request line with raw non-ASCII, tab or CR bytes is refused cleanly, not with a 500', async () => {
		const { port, hostname } = new URL(web());
		for (const target of [
			'/en/sign-in?next=/en/\u0430\u043a\u043a',
			'/en/sign-in?next=/\t/evil.example',
			'/.//evil.example/x',
			'/%2e//evil.example/x',
		]) {
			const head = await new Promise<string>((resolve, reject) => {
				const socket = connect(Number(port), hostname, () =>
					socket.end(Buffer.from(`GET ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`, 'utf8')),
				);
				let data = '';
				socket
					.on('data', (d) => (data += d.toString('latin1')))
					.on('end', () => resolve(data))
					.on('error', reject);
			});
			const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
			expect(status, target).toBeLessThan(500);
			expectSameSite(/\r\nlocation: ([^\r]*)/i.exec(head)?.[1] ?? null, target);
		}
	});
});
