import { describe, expect, it } from 'vitest';
import { api, ApiError } from './api.js';
import { toApiRequest } from './api-fetch.js';

const summary = {
	id: 'p1',
	slug: 'school-roof',
	status: 'published',
	organisationId: 'o1',
	organisationName: { ky: 'Ат-Башы айыл өкмөтү' },
	oblastSoate: '41704000000000',
	rayonSoate: null,
	settlement: null,
	title: { ky: 'Мектептин чатыры' },
	summary: { ky: 'Чатырды оңдоо' },
	languages: ['ky'],
	sector: 'education',
	kind: 'community',
	goal: 150_000_00,
	raised: 0,
	pledged: 0,
	supporters: 0,
	deadline: '2026-09-01',
	publishedAt: '2026-01-10T08:00:00.000Z',
	coverUrl: null,
};

function fakeFetch(status: number, body: unknown, seen: string[] = []): typeof fetch {
	return (async (input: RequestInfo | URL) => {
		seen.push(input instanceof Request ? input.url : String(input));
		return new Response(JSON.stringify(body), {
			status,
			headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
		});
	}) as typeof fetch;
}

/**
 * What SvelteKit does with `event.fetch`: every call passes `handleFetch`, which (hooks.server.ts) sends the
 * client's stand-in URL to the API's base URL with the token, language and proxy headers.
 */
function createApiClient({ baseUrl, fetch }: { baseUrl: string; fetch: typeof globalThis.fetch }) {
	const eventFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
		const request = new Request(input, init);
		const context = { apiUrl: baseUrl, token: null, locale: 'ky', clientAddress: () => '203.0.113.9', proxySecret: '' };
		return fetch(toApiRequest(request, context) ?? request);
	}) as typeof globalThis.fetch;
	const client = api({ fetch: eventFetch });
	return {
		listProjects: client.projects.list,
		getProject: client.projects.get,
		// GET /v1/territories is not called by the web (it reads packages/territories); any read shows the same.
		listTerritories: client.stats.oblasts,
	};
}

describe('api(event)', () => {
	it('lists projects with limit and cursor under /v1', async () => {
		const seen: string[] = [];
		const api = createApiClient({
			baseUrl: 'http://api.test/',
			fetch: fakeFetch(200, { items: [{ ...summary, oneSom: null }], nextCursor: 'c2' }, seen),
		});
		const list = await api.listProjects({ limit: 12, cursor: 'c1' });
		expect(seen).toEqual(['http://api.test/v1/projects?limit=12&cursor=c1']);
		expect(list.nextCursor).toBe('c2');
		expect(list.items[0]?.goal).toBe(150_000_00);
	});

	it('encodes the project id', async () => {
		const seen: string[] = [];
		const api = createApiClient({ baseUrl: 'http://api.test', fetch: fakeFetch(404, {}, seen) });
		await expect(api.getProject('a/b')).rejects.toBeInstanceOf(ApiError);
		expect(seen).toEqual(['http://api.test/v1/projects/a%2Fb']);
	});

	it('turns a problem+json 404 into an ApiError with the problem', async () => {
		const problem = { type: 'https://mekendesh.kg/problems/not-found', title: 'Not Found', status: 404 };
		const api = createApiClient({ baseUrl: 'http://api.test', fetch: fakeFetch(404, problem) });
		const error = await api.getProject('nope').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ApiError);
		expect((error as ApiError).status).toBe(404);
		expect((error as ApiError).problem?.title).toBe('Not Found');
	});

	it('rejects a response that breaks the contract', async () => {
		const api = createApiClient({
			baseUrl: 'http://api.test',
			fetch: fakeFetch(200, { items: [{ ...summary, oneSom: null, goal: 1.5 }], nextCursor: null }),
		});
		const error = await api.listProjects().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ApiError);
		expect((error as ApiError).status).toBe(0);
	});

	it('reports an unreachable API as status 0', async () => {
		const api = createApiClient({
			baseUrl: 'http://api.test',
			fetch: (async () => {
				throw new TypeError('fetch failed');
			}) as typeof fetch,
		});
		const error = await api.listTerritories().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ApiError);
		expect((error as ApiError).status).toBe(0);
	});
});
