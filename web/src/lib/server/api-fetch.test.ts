import { describe, expect, it } from 'vitest';
import { api, ApiError } from './api.js';
import { API_ORIGIN, toApiRequest, type ApiRequestContext } from './api-fetch.js';

const context = (over: Partial<ApiRequestContext> = {}): ApiRequestContext => ({
	apiUrl: 'http://api.test:8787/',
	token: 'tok-1',
	locale: 'ru',
	clientAddress: () => '203.0.113.9',
	proxySecret: 'proxy-secret',
	...over,
});

/** SvelteKit's `event.fetch` as far as the client can tell: handleFetch's rewrite, then the network (`answer`). */
function eventFetch(seen: Request[], answer: (request: Request) => Response, ctx = context()): typeof fetch {
	return (async (input: RequestInfo | URL, init?: RequestInit) => {
		const original = new Request(input, init);
		const request = toApiRequest(original, ctx) ?? original;
		seen.push(request);
		return answer(request);
	}) as typeof fetch;
}

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
	});

describe('toApiRequest (handleFetch)', () => {
	it('sends a client call to API_URL with the token, the language and the proxy headers, once each', async () => {
		const seen: Request[] = [];
		const me = { id: 'u1' };
		await api({ fetch: eventFetch(seen, () => json(200, me)) })
			.me.get()
			.catch(() => undefined);
		expect(seen).toHaveLength(1);
		const sent = seen[0]!;
		expect(sent.url).toBe('http://api.test:8787/v1/me');
		expect(sent.headers.get('authorization')).toBe('Bearer tok-1');
		expect(sent.headers.get('accept-language')).toBe('ru');
		expect(sent.headers.get('x-mekendesh-client-ip')).toBe('203.0.113.9');
		expect(sent.headers.get('x-mekendesh-proxy-secret')).toBe('proxy-secret');
		expect(sent.credentials).toBe('omit');
	});

	it('keeps the method, body, query and per-call headers of a write', async () => {
		const seen: Request[] = [];
		const request = {
			type: 'donation',
			channel: 'bank_transfer',
			display: 'anonymous',
			amount: { amount: 100_00, currency: 'KGS' },
		} as const;
		await api({ fetch: eventFetch(seen, () => json(500, {})) })
			.pledges.create('prj-1', 'key-12345678', request)
			.catch(() => undefined);
		const sent = seen[0]!;
		expect(sent.method).toBe('POST');
		expect(sent.url).toBe('http://api.test:8787/v1/projects/prj-1/pledges');
		expect(sent.headers.get('idempotency-key')).toBe('key-12345678');
		expect(sent.headers.get('content-type')).toBe('application/json');
		expect(await sent.json()).toEqual(request);
	});

	it('sends no token for an anonymous visitor and no proxy headers without a secret', () => {
		const sent = toApiRequest(new Request(`${API_ORIGIN}/v1/projects?limit=12`), context({ token: null, proxySecret: '' }))!;
		expect(sent.url).toBe('http://api.test:8787/v1/projects?limit=12');
		expect(sent.headers.has('authorization')).toBe(false);
		expect(sent.headers.has('x-mekendesh-client-ip')).toBe(false);
		expect(sent.headers.has('x-mekendesh-proxy-secret')).toBe(false);
	});

	it('leaves every other request alone (an upload to the object store keeps its own headers)', () => {
		expect(toApiRequest(new Request('https://bucket.s3.example/key?sig=1', { method: 'PUT' }), context())).toBeNull();
		expect(toApiRequest(new Request('http://api.test:8787/v1/me'), context())).toBeNull();
	});
});

describe('ApiError from a problem+json answer', () => {
	it('carries the status, the problem and the names of the refused fields', async () => {
		const problem = {
			type: 'https://mekendesh.kg/problems/validation',
			title: 'Проверьте поля',
			status: 400,
			errors: [
				{ field: 'amount.amount', code: 'too_small', message: 'слишком мало' },
				{ field: 'channel', code: 'invalid_choice', message: 'выберите' },
			],
		};
		const cause = await api({ fetch: eventFetch([], () => json(400, problem)) })
			.pledges.create('prj-1', 'key-12345678', { type: 'donation', channel: 'card', display: 'name' } as never)
			.catch((e: unknown) => e);
		expect(cause).toBeInstanceOf(ApiError);
		const error = cause as ApiError;
		expect(error.status).toBe(400);
		expect(error.problem?.title).toBe('Проверьте поля');
		expect(error.fields).toEqual(['amount.amount', 'channel']);
		expect(error.unavailable).toBe(false);
	});

	it('is unavailable (status 0) when the call never reached handleFetch: the stand-in origin does not resolve', async () => {
		const cause = await api({
			fetch: (async () => {
				throw new TypeError('fetch failed');
			}) as typeof fetch,
		})
			.me.get()
			.catch((e: unknown) => e);
		expect(cause).toBeInstanceOf(ApiError);
		expect((cause as ApiError).status).toBe(0);
		expect((cause as ApiError).unavailable).toBe(true);
	});
});
