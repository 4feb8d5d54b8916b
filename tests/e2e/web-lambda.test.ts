import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
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

type Handler = (event: FunctionUrlEvent, context: { awsRequestId: string }) => Promise<LambdaResult>;
/** Kit's server as the handler uses it (handler.ts KitServer). */
interface FakeKit {
	init(options: { env: Record<string, string> }): Promise<void>;
	respond(request: Request): Promise<Response>;
}
interface Bundle {
	handler: Handler;
	viewerAddress: (header: string | null | undefined, fallback: string) => string;
	createWebHandler: (options: { loadServer: () => Promise<FakeKit>; env?: NodeJS.ProcessEnv }) => Handler;
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

	// Issue 14 attacker 4: `:99999` passed the pattern, and the URL host setter then kept the Function URL's host.
	it.each(['evil.example/@x', `${SITE}:99999`, `${SITE}:443`, `${SITE}:`, `${SITE}:65536`])(
		'answers 400 to a forwarded host the URL parser would not take exactly: %s',
		async (host) => {
			const res = await invoke(event('/en', { headers: { 'x-forwarded-host': host } }));
			expect(res.statusCode).toBe(400);
			expect(res.body).toBe('Bad Request');
			expectSecurityHeaders(res);
		},
	);

	it('takes a forwarded host with a port in range as the site (the same-origin check then uses it)', async () => {
		const host = `${SITE}:8443`;
		const res = await invoke(
			event('/en/sign-in', {
				method: 'POST',
				headers: { 'x-forwarded-host': host, origin: `https://${host}` },
				form: `email=${INVESTOR}&password=x`,
			}),
		);
		// Not the cross-site refusal: the form reached the page's action, which refuses the password.
		expect(res.statusCode).not.toBe(403);
		expect(res.statusCode).toBeLessThan(500);
	});

	// Issue 14 attacker 3: these threw inside hono/aws-lambda and became Lambda's bare 500, with no security headers.
	it('answers an event it cannot read with a plain 400 and the security headers: a body that is not base64, no requestContext', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const garbled = { ...event('/en/sign-in', { method: 'POST', form: 'x=1' }), body: '%%%not base64***' };
			const { requestContext: _, ...bare } = event('/en');
			for (const bad of [garbled, bare as FunctionUrlEvent]) {
				const res = await invoke(bad);
				expect(res.statusCode).toBe(400);
				expect(res.body).toBe('Bad Request');
				expectSecurityHeaders(res);
			}
		} finally {
			error.mockRestore();
		}
	});

	it('answers a throw anywhere in the invocation (here a failed start) with a plain 500 and the security headers, and starts again next time', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			let loads = 0;
			const kit: FakeKit = { init: async () => {}, respond: async () => new Response('page', { status: 200 }) };
			const handler = bundle.createWebHandler({
				loadServer: async () => {
					if (++loads === 1) throw new Error('no server');
					return kit;
				},
				env: { ORIGIN_VERIFY },
			});
			const failed = await handler(event('/en'), { awsRequestId: 'r' });
			expect(failed.statusCode).toBe(500);
			expect(failed.body).toBe('Internal Server Error');
			expectSecurityHeaders(failed);
			const served = await handler(event('/en'), { awsRequestId: 'r' });
			expect(served.statusCode).toBe(200);
			expect(served.body).toBe('page');
			expect(loads).toBe(2);
		} finally {
			error.mockRestore();
		}
	});

	it('refuses to serve in Lambda without ORIGIN_VERIFY (nor its ARN): 500, Kit never asked, the log says why', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const respond = vi.fn(async () => new Response('page', { status: 200 }));
			const kit: FakeKit = { init: async () => {}, respond };
			const handler = bundle.createWebHandler({ loadServer: async () => kit, env: { AWS_LAMBDA_FUNCTION_NAME: 'mekendesh-web' } });
			const { 'x-mekendesh-origin-verify': _, ...headers } = event('/en').headers;
			const unverified = { ...event('/en'), headers } as FunctionUrlEvent;
			const res = await handler(unverified, { awsRequestId: 'r' });
			expect(res.statusCode).toBe(500);
			expectSecurityHeaders(res);
			expect(respond).not.toHaveBeenCalled();
			expect(String(error.mock.calls.flat().join(' '))).toContain('ORIGIN_VERIFY is not set');
			// Outside Lambda (local runs) no secret is needed.
			const local = bundle.createWebHandler({ loadServer: async () => kit, env: {} });
			expect((await local(unverified, { awsRequestId: 'r' })).statusCode).toBe(200);
		} finally {
			error.mockRestore();
		}
	});

	it("reads the visitor's address from the viewer-address header (an address, or CloudFront's address:port), else the caller's", () => {
		expect(bundle.viewerAddress('2001:db8::7', '130.176.0.1')).toBe('2001:db8::7');
		expect(bundle.viewerAddress('198.51.100.7:46532', '130.176.0.1')).toBe('198.51.100.7');
		expect(bundle.viewerAddress('2001:db8::7:46532', '130.176.0.1')).toBe('2001:db8::7');
		expect(bundle.viewerAddress('not-an-address:1', '130.176.0.1')).toBe('130.176.0.1');
		expect(bundle.viewerAddress(undefined, '130.176.0.1')).toBe('130.176.0.1');
	});
});
