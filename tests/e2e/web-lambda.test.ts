import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '@mekendesh/demo-data';

// The web function as deployed (web/lambda/handler.ts): bundled by esbuild as the web stack's NodejsFunction does,
// with Kit's server re-bundled beside it by web/lambda/bundle-server.mjs, fed Function URL (API Gateway v2) events
// as CloudFront sends them, against the e2e stack's API. Needs `pnpm build` (the e2e project's rule).

const SITE = 'mekendesh.example';
const FUNCTION_URL_HOST = 'abcdefghij.lambda-url.eu-central-1.on.aws';
const ORIGIN_VERIFY = 'origin-verify-test-secret';
const INVESTOR = DEMO_USERS.find((u) => u.role === 'investor')!.email;

/** What a Function URL (API Gateway v2 payload) gets back from a buffered handler. */
interface LambdaResult {
	statusCode: number;
	headers?: Record<string, string>;
	cookies?: string[];
	body: string;
	isBase64Encoded: boolean;
}
type FunctionUrlEvent = ReturnType<typeof event>;

interface Bundle {
	handler: (event: FunctionUrlEvent, context: { awsRequestId: string }) => Promise<LambdaResult>;
	viewerAddress: (header: string | null | undefined, fallback: string) => string;
}

let dir: string;
let bundle: Bundle;
const savedEnv = { API_URL: process.env.API_URL, PROXY_SECRET: process.env.PROXY_SECRET, ORIGIN_VERIFY: process.env.ORIGIN_VERIFY };

/** A Function URL event as CloudFront forwards a viewer's request (Host = the URL's, the site's in x-forwarded-host). */
function event(path: string, init: { method?: string; headers?: Record<string, string>; form?: string } = {}) {
	const [rawPath, rawQueryString = ''] = path.split('?') as [string, string?];
	const method = init.method ?? 'GET';
	return {
		version: '2.0',
		routeKey: '$default',
		rawPath,
		rawQueryString,
		headers: {
			host: FUNCTION_URL_HOST,
			'x-forwarded-host': SITE,
			'x-mekendesh-viewer-address': '198.51.100.7',
			'x-mekendesh-origin-verify': ORIGIN_VERIFY,
			accept: 'text/html,application/xhtml+xml',
			...(init.form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
			...init.headers,
		},
		requestContext: {
			accountId: 'anonymous',
			apiId: 'abcdefghij',
			domainName: FUNCTION_URL_HOST,
			domainPrefix: 'abcdefghij',
			http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '130.176.0.1', userAgent: 'Amazon CloudFront' },
			requestId: 'request-1',
			routeKey: '$default',
			stage: '$default',
			time: '30/Nov/2026:12:00:00 +0000',
			timeEpoch: 1_796_040_000_000,
		},
		// Function URLs send form bodies base64-encoded.
		...(init.form === undefined ? {} : { body: Buffer.from(init.form).toString('base64') }),
		isBase64Encoded: init.form !== undefined,
	};
}

const invoke = (e: FunctionUrlEvent) => bundle.handler(e, { awsRequestId: 'request-1' });

function expectSecurityHeaders(res: LambdaResult) {
	const headers = res.headers ?? {};
	expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(String(headers['content-security-policy'])).toContain("frame-ancestors 'none'");
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'mekendesh-web-lambda-'));
	const server = spawnSync(process.execPath, ['web/lambda/bundle-server.mjs', join(dir, 'server')], { encoding: 'utf8' });
	expect(server.stderr).toBe('');
	expect(server.status).toBe(0);
	await build({
		entryPoints: ['web/lambda/handler.ts'],
		outfile: join(dir, 'index.mjs'),
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node22',
		external: ['@aws-sdk/*'],
		logLevel: 'warning',
	});
	// Kit reads its private env once, at init (the handler's first call): the e2e stack's API, a proxy secret.
	process.env.API_URL = inject('apiUrl');
	process.env.PROXY_SECRET = 'web-lambda-test-secret';
	process.env.ORIGIN_VERIFY = ORIGIN_VERIFY;
	const url = pathToFileURL(join(dir, 'index.mjs')).href;
	bundle = (await import(/* @vite-ignore */ url)) as Bundle;
});

afterAll(() => {
	for (const [name, value] of Object.entries(savedEnv)) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the web function (adapter-node build behind the Lambda handler)', () => {
	it.each(['ky', 'ru', 'en'])(
		'renders the %s home page with the security headers and remembers the language in cookies[]',
		async (lang) => {
			const res = await invoke(event(`/${lang}`));
			expect(res.statusCode).toBe(200);
			expect(res.body).toContain(`<html lang="${lang}">`);
			expectSecurityHeaders(res);
			// Kit saw https://mekendesh.example: the cookie is Secure (set only over https, hooks.server.ts).
			expect(res.cookies).toEqual([expect.stringMatching(new RegExp(`^PARAGLIDE_LOCALE=${lang};.*Secure`))]);
		},
	);

	it('refuses a form posted from another site (403, in the page language), before reading it', async () => {
		const res = await invoke(
			event('/en/sign-in', { method: 'POST', headers: { origin: 'https://evil.example' }, form: `email=${INVESTOR}&password=x` }),
		);
		expect(res.statusCode).toBe(403);
		expect(res.body).toContain('<title>This form was sent from another site</title>');
		expectSecurityHeaders(res);
	});

	it("takes the site's own form post (origin from x-forwarded-host) and sets the session cookies in cookies[]", async () => {
		const form = new URLSearchParams({ email: INVESTOR, password: DEMO_PASSWORD, next: '/en/account' }).toString();
		const res = await invoke(event('/en/sign-in', { method: 'POST', headers: { origin: `https://${SITE}` }, form }));
		expect(res.statusCode).toBe(303);
		expect(res.headers?.location).toBe('/en/account');
		// The session's tokens, each its own entry of cookies[] (not folded into one set-cookie header), Secure over https.
		const session = (res.cookies ?? []).filter((cookie) => !cookie.startsWith('PARAGLIDE_LOCALE='));
		expect(session.length).toBeGreaterThanOrEqual(2);
		for (const cookie of session) expect(cookie).toMatch(/^[\w-]+=[^;]+;.*HttpOnly.*/i);
		for (const cookie of session) expect(cookie).toMatch(/; Secure/i);
		expect(res.headers?.['set-cookie']).toBeUndefined();
	});

	it('gives a path no route serves (a static file that reached it) the security headers and the fallback CSP', async () => {
		const res = await invoke(event('/no-such-file.txt'));
		expect(res.statusCode).toBe(404);
		expectSecurityHeaders(res);
	});

	it('refuses a request that did not come through CloudFront (no origin-verify header, or another value): 403', async () => {
		for (const value of ['', 'origin-verify-test-secreT', 'x']) {
			const res = await invoke(event('/en', { headers: { 'x-mekendesh-origin-verify': value } }));
			expect(res.statusCode).toBe(403);
			expect(res.body).toBe('Forbidden');
			expectSecurityHeaders(res);
		}
	});

	it('answers 400 to a forwarded host that is not a host name', async () => {
		const res = await invoke(event('/en', { headers: { 'x-forwarded-host': 'evil.example/@x' } }));
		expect(res.statusCode).toBe(400);
		expectSecurityHeaders(res);
	});

	it("reads the visitor's address from the viewer-address header (an address, or CloudFront's address:port), else the caller's", () => {
		expect(bundle.viewerAddress('2001:db8::7', '130.176.0.1')).toBe('2001:db8::7');
		expect(bundle.viewerAddress('198.51.100.7:46532', '130.176.0.1')).toBe('198.51.100.7');
		expect(bundle.viewerAddress('2001:db8::7:46532', '130.176.0.1')).toBe('2001:db8::7');
		expect(bundle.viewerAddress('not-an-address:1', '130.176.0.1')).toBe('130.176.0.1');
		expect(bundle.viewerAddress(undefined, '130.176.0.1')).toBe('130.176.0.1');
	});
});
