// The web app on Lambda: SvelteKit's server from adapter-node's build (`build/server/server.js`, re-bundled beside
// this file as `server/server.mjs` by bundle-server.mjs) behind a Function URL, behind CloudFront.
// No Lambda adapter supports Kit 3 (STACK-NOTES), and adapter-node's output is a plain `server` with init/respond.
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { Hono } from 'hono';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { loadColdStartEnv } from '@mekendesh/lambda-runtime/cold-start-env';
import { FALLBACK_CSP, SECURITY_HEADERS } from '../security-headers.js';

/** What adapter-node 6 writes as `server` in `build/server/server.js` (Kit 3's generated server instance). */
export interface KitServer {
	init(options: { env: Record<string, string> }): Promise<void>;
	respond(request: Request, options: { getClientAddress: () => string; platform?: unknown }): Promise<Response>;
}

/** What the handler `handle(app)` returns answers (buffered API Gateway v2 / Function URL payloads). */
type WebLambdaResult = Awaited<ReturnType<ReturnType<typeof handle>>>;
/** The Lambda handler: `handle(app)` behind a guard that answers what it cannot (createWebHandler). */
export type WebLambdaHandler = (event: LambdaEvent, context?: LambdaContext) => Promise<WebLambdaResult>;

/** Where the deployed bundle keeps Kit's server: copied beside index.mjs by the stack's afterBundling step. */
const DEPLOYED_SERVER = './server/server.mjs';

/**
 * Set by the viewer-request CloudFront Function (web-stack.ts) from `event.viewer.ip`, overwriting any value a client
 * sent. Not `cloudfront-viewer-address`: an origin request policy that forwards all viewer headers but Host cannot add
 * CloudFront's own headers.
 */
export const VIEWER_ADDRESS_HEADER = 'x-mekendesh-viewer-address';
/**
 * Added by CloudFront to every request to this origin with the value of the ORIGIN_VERIFY secret. The Function URL is
 * public (auth NONE): origin access control would sign requests with SigV4, and Lambda then requires the body's
 * SHA-256 from the viewer in `x-amz-content-sha256` on POST, which a browser's plain form post never sends.
 */
export const ORIGIN_VERIFY_HEADER = 'x-mekendesh-origin-verify';

// A host as CloudFront forwards it: a DNS name (or an address) and an optional port, nothing that could bend the URL.
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * `host` as the https URL's host when the URL parser takes it exactly as sent (case aside), else null: a port over 65535
 * (`x:99999`, which the URL host setter silently ignores, keeping the Function URL's host), the default port spelt out, or
 * anything it would rewrite.
 */
function exactHost(host: string): string | null {
	if (!HOST.test(host) || !URL.canParse(`https://${host}/`)) return null;
	const parsed = new URL(`https://${host}/`).host;
	return parsed === host.toLowerCase() ? parsed : null;
}

/**
 * The request as the visitor made it: CloudFront sends the Function URL's own Host (the origin requires it) and
 * the viewer's Host in `x-forwarded-host` (copied by the viewer-request CloudFront Function, which overwrites any
 * client-sent value), always over https. Kit and the same-origin check (hooks.server.ts, `event.url.origin`)
 * then see `https://<site>/…`. The Function URL itself is public (auth NONE): createWebApp serves only requests that
 * carry CloudFront's ORIGIN_VERIFY_HEADER secret, which the handler refuses to run without in Lambda.
 * Without the header (a direct call in tests) the request is left as Hono built it.
 * @returns null when the forwarded host is not a host name the URL parser takes exactly (the caller answers 400)
 */
export function siteRequest(raw: Request): Request | null {
	const forwarded = raw.headers.get('x-forwarded-host');
	if (forwarded === null) return raw;
	const host = exactHost(forwarded);
	if (host === null) return null;
	const url = new URL(raw.url);
	url.protocol = 'https:';
	url.host = host;
	if (url.host !== host) return null;
	const headers = new Headers(raw.headers);
	headers.set('host', host);
	headers.delete('x-forwarded-host');
	headers.delete(ORIGIN_VERIFY_HEADER);
	const hasBody = raw.method !== 'GET' && raw.method !== 'HEAD';
	// `duplex` is required by Node's fetch for a streamed body and missing from the DOM typings.
	const init = { method: raw.method, headers, body: hasBody ? raw.body : null, duplex: 'half' } as RequestInit;
	return new Request(url, init);
}

/**
 * The visitor's address from VIEWER_ADDRESS_HEADER (an address, or CloudFront's "address:port" form:
 * "198.51.100.7:46532", "2001:db8::7:46532"), else `fallback` (the caller of the function URL).
 * @example viewerAddress('2001:db8::7:46532', '10.0.0.1') // '2001:db8::7'
 */
export function viewerAddress(header: string | null | undefined, fallback: string): string {
	if (!header) return fallback;
	if (isIP(header)) return header;
	const colon = header.lastIndexOf(':');
	const address = colon > 0 ? header.slice(0, colon) : header;
	return isIP(address) ? address : fallback;
}

/**
 * The security headers on every answer, as serve.js presets them for adapter-node (web/security-headers.js):
 * those a page set itself (its CSP with nonces) win; anything else gets the fallback CSP, except a 304 (see
 * presetSecurityHeaders for why).
 */
export function withPresetHeaders(response: Response): Response {
	const headers = new Headers(response.headers);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!headers.has(name)) headers.set(name, value);
	if (!headers.has('content-security-policy') && response.status !== 304) headers.set('content-security-policy', FALLBACK_CSP);
	return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const REASONS = { 400: 'Bad Request', 403: 'Forbidden', 500: 'Internal Server Error' } as const;
const plainError = (status: keyof typeof REASONS) =>
	withPresetHeaders(
		new Response(REASONS[status], {
			status,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
		}),
	);

/**
 * True when `sent` is the secret (constant time); always true when no secret is configured (local runs, tests; a deployed
 * function never runs without one: see createWebHandler).
 */
function fromCloudFront(sent: string | null, secret: string | undefined): boolean {
	if (!secret) return true;
	const a = Buffer.from(sent ?? '');
	const b = Buffer.from(secret);
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The Hono app whose catch-all hands every request to Kit, with the visitor's URL and address; 403 to a request
 * without CloudFront's ORIGIN_VERIFY_HEADER when `originVerify` is set. `platform` carries the Lambda event and context.
 */
export function createWebApp(
	kit: KitServer,
	options: { originVerify?: string | undefined } = {},
): Hono<{ Bindings: { event: LambdaEvent; lambdaContext?: LambdaContext } }> {
	const app = new Hono<{ Bindings: { event: LambdaEvent; lambdaContext?: LambdaContext } }>();
	app.all('*', async (c) => {
		if (!fromCloudFront(c.req.header(ORIGIN_VERIFY_HEADER) ?? null, options.originVerify)) return plainError(403);
		const request = siteRequest(c.req.raw);
		if (request === null) return plainError(400);
		const event = c.env?.event;
		const sourceIp = event && 'requestContext' in event && 'http' in event.requestContext ? event.requestContext.http.sourceIp : '';
		try {
			const response = await kit.respond(request, {
				getClientAddress: () => viewerAddress(request.headers.get(VIEWER_ADDRESS_HEADER), sourceIp),
				platform: { event, context: c.env?.lambdaContext },
			});
			return withPresetHeaders(response);
		} catch (error) {
			// Kit answers its own errors; this is for a crash outside them. Details go to the log only.
			console.error('[web] respond failed:', error);
			return plainError(500);
		}
	});
	return app;
}

/** Kit's env: the defined variables only (it reads `$app/env/private` from this object). */
const definedEnv = (env: NodeJS.ProcessEnv) =>
	Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));

/** A plain answer in the Function URL's result shape, with the security headers: for events `handle` cannot take. */
const plainResult = (status: keyof typeof REASONS) => ({
	statusCode: status,
	headers: {
		...SECURITY_HEADERS,
		'content-security-policy': FALLBACK_CSP,
		'content-type': 'text/plain; charset=utf-8',
		'cache-control': 'no-store',
	},
	body: REASONS[status],
	isBase64Encoded: false,
});

// What atob (hono's decodeBase64) takes from a Function URL: the standard alphabet, padded.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Why `event` is no Function URL event `handle` can read (it would throw), or null when it is one. */
function malformedEvent(event: unknown): string | null {
	if (typeof event !== 'object' || event === null) return 'not an object';
	const { requestContext, isBase64Encoded, body } = event as { requestContext?: unknown; isBase64Encoded?: unknown; body?: unknown };
	if (typeof requestContext !== 'object' || requestContext === null) return 'no requestContext';
	if (isBase64Encoded === true && typeof body === 'string' && !BASE64.test(body)) return 'a body that is not base64';
	return null;
}

/**
 * A deployed function (AWS_LAMBDA_FUNCTION_NAME set) must know CloudFront's secret: without it, its public Function URL
 * would serve anyone who found it, with a forged x-forwarded-host and viewer address.
 * @throws Error naming the missing setting
 */
function requireOriginVerify(env: NodeJS.ProcessEnv): void {
	if (env.AWS_LAMBDA_FUNCTION_NAME && !env.ORIGIN_VERIFY)
		throw new Error('ORIGIN_VERIFY is not set (nor ORIGIN_VERIFY_ARN): a deployed web function serves only CloudFront (web-stack.ts)');
}

/**
 * A handler that starts on its first invocation: reads the secrets, refuses to run in Lambda without ORIGIN_VERIFY,
 * loads and initialises Kit's server with `env`, then serves every invocation with `handle(createWebApp(kit))`.
 * Concurrent first invocations share the start; a failed start is tried again by the next invocation. Nothing throws out
 * of it: an event `handle` cannot read is a plain 400, a failed start or any other throw a plain 500 (logged with why),
 * both with the security headers.
 * Buffered responses (Function URL invoke mode BUFFERED), not streaming: pages are rendered whole (no streamed
 * promises), CloudFront compresses them, and `handle` returns `cookies[]` as API Gateway v2 / Function URLs expect.
 * @param options `loadServer` imports Kit's `server`; `env` defaults to process.env
 */
export function createWebHandler(options: { loadServer: () => Promise<KitServer>; env?: NodeJS.ProcessEnv }): WebLambdaHandler {
	const env = options.env ?? process.env;
	let started: Promise<ReturnType<typeof handle>> | undefined;
	const start = async () => {
		// PROXY_SECRET and ORIGIN_VERIFY from their *_ARN, as every function of ours reads its secrets (one call).
		await loadColdStartEnv(env);
		requireOriginVerify(env);
		const kit = await options.loadServer();
		// No `read`: the app has no server assets ($app/server `read`); static files come from S3 through CloudFront.
		await kit.init({ env: definedEnv(env) });
		return handle(createWebApp(kit, { originVerify: env.ORIGIN_VERIFY }));
	};
	const serve: WebLambdaHandler = async (event, context) => {
		const malformed = malformedEvent(event);
		if (malformed !== null) {
			console.error(`[web] refused an event with ${malformed}`);
			return plainResult(400);
		}
		try {
			started ??= start().catch((error: unknown) => {
				started = undefined;
				throw error;
			});
			return await (
				await started
			)(event, context);
		} catch (error) {
			console.error('[web] invocation failed:', error);
			return plainResult(500);
		}
	};
	return serve;
}

/**
 * The deployed entry point (`index.handler`). A variable specifier, so esbuild leaves Kit's server out of this bundle;
 * resolved against this file's URL, not the working directory.
 */
const serverEntry: string = new URL(DEPLOYED_SERVER, import.meta.url).href;
export const handler: WebLambdaHandler = createWebHandler({
	loadServer: async () => ((await import(serverEntry)) as { server: KitServer }).server,
});
