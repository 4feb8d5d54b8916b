// The web app on Lambda: SvelteKit's server from adapter-node's build (`build/server/server.js`, re-bundled beside
// this file as `server/server.mjs` by bundle-server.mjs) behind a Function URL, behind CloudFront.
// No Lambda adapter supports Kit 3 (STACK-NOTES), and adapter-node's output is a plain `server` with init/respond.
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { Hono } from 'hono';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { FALLBACK_CSP, SECURITY_HEADERS } from '../security-headers.js';

/** What adapter-node 6 writes as `server` in `build/server/server.js` (Kit 3's generated server instance). */
export interface KitServer {
	init(options: { env: Record<string, string> }): Promise<void>;
	respond(request: Request, options: { getClientAddress: () => string; platform?: unknown }): Promise<Response>;
}

/** The Lambda handler `handle(app)` returns (buffered API Gateway v2 / Function URL payloads). */
export type WebLambdaHandler = ReturnType<typeof handle>;

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
 * The request as the visitor made it: CloudFront sends the Function URL's own Host (the origin requires it) and
 * the viewer's Host in `x-forwarded-host` (copied by the viewer-request CloudFront Function, which overwrites any
 * client-sent value), always over https. Kit and the same-origin check (hooks.server.ts, `event.url.origin`)
 * then see `https://<site>/…`. Only CloudFront can invoke the function (URL auth AWS_IAM + origin access control).
 * Without the header (a direct call in tests) the request is left as Hono built it.
 * @returns null when the forwarded host is not a host name (the caller answers 400)
 */
export function siteRequest(raw: Request): Request | null {
	const host = raw.headers.get('x-forwarded-host');
	if (host === null) return raw;
	if (!HOST.test(host)) return null;
	const url = new URL(raw.url);
	url.protocol = 'https:';
	url.host = host;
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

/** True when `sent` is the secret (constant time); always true when no secret is configured (local runs, tests). */
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

/**
 * Sets each plain variable from the Secrets Manager secret its `<NAME>_ARN` names (PROXY_SECRET, ORIGIN_VERIFY), once
 * per cold start; a value set already wins (local runs, tests). The hooks send PROXY_SECRET with the visitor's address
 * to the API (hooks.server.ts). Part A's shared loader (packages/lambda-runtime) can replace this when it lands.
 * @throws Error when a named secret has no string value
 */
async function loadSecrets(env: NodeJS.ProcessEnv, names: readonly string[]): Promise<void> {
	const wanted = names.filter((name) => !env[name] && env[`${name}_ARN`]);
	if (wanted.length === 0) return;
	// Imported here: only a cold start with an ARN loads the SDK (the runtime's own copy; not bundled).
	const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
	const client = new SecretsManagerClient({});
	for (const name of wanted) {
		const arn = env[`${name}_ARN`]!;
		const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
		if (!out.SecretString) throw new Error(`${name}_ARN (${arn}) names a secret without a string value`);
		env[name] = out.SecretString;
	}
}

/** Kit's env: the defined variables only (it reads `$app/env/private` from this object). */
const definedEnv = (env: NodeJS.ProcessEnv) =>
	Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));

/**
 * A handler that starts on its first invocation: reads the secrets, loads and initialises Kit's server with
 * `env`, then serves every invocation with `handle(createWebApp(kit))`. Concurrent first invocations share the
 * start; a failed start is tried again by the next invocation.
 * Buffered responses (Function URL invoke mode BUFFERED), not streaming: pages are rendered whole (no streamed
 * promises), CloudFront compresses them, and `handle` returns `cookies[]` as API Gateway v2 / Function URLs expect.
 * @param options `loadServer` imports Kit's `server`; `env` defaults to process.env
 */
export function createWebHandler(options: { loadServer: () => Promise<KitServer>; env?: NodeJS.ProcessEnv }): WebLambdaHandler {
	const env = options.env ?? process.env;
	let started: Promise<WebLambdaHandler> | undefined;
	const start = async () => {
		await loadSecrets(env, ['PROXY_SECRET', 'ORIGIN_VERIFY']);
		const kit = await options.loadServer();
		// No `read`: the app has no server assets ($app/server `read`); static files come from S3 through CloudFront.
		await kit.init({ env: definedEnv(env) });
		return handle(createWebApp(kit, { originVerify: env.ORIGIN_VERIFY }));
	};
	return async (event, context) => {
		started ??= start().catch((error: unknown) => {
			started = undefined;
			throw error;
		});
		return (await started)(event, context);
	};
}

/**
 * The deployed entry point (`index.handler`). A variable specifier, so esbuild leaves Kit's server out of this bundle;
 * resolved against this file's URL, not the working directory.
 */
const serverEntry: string = new URL(DEPLOYED_SERVER, import.meta.url).href;
export const handler: WebLambdaHandler = createWebHandler({
	loadServer: async () => ((await import(serverEntry)) as { server: KitServer }).server,
});
