import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api.js';
import { toApiRequest } from './api-fetch.js';

// One host plays both the API (which redirects a media read to a signed URL) and the object store: the store must
// never be asked by this server (nothing of a file passes through it), whatever origin it is on.
let origin = '';
const seenByStore: IncomingHttpHeaders[] = [];
const server = createServer((req, res) => {
	if (req.url?.startsWith('/v1/')) {
		res.writeHead(302, { location: `${origin}/bucket/photo.webp?X-Amz-Signature=abc` }).end();
		return;
	}
	seenByStore.push(req.headers);
	res.writeHead(200, { 'content-type': 'image/webp' }).end('RIFF');
});

beforeAll(async () => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a file the API redirects to the object store', () => {
	it('is never fetched by this server: the signed URL is handed on for the browser (issue 14)', async () => {
		// event.fetch as SvelteKit runs it: handleFetch's rewrite, then the network.
		const eventFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
			const request = new Request(input, init);
			const context = {
				apiUrl: origin,
				token: 'secret-token',
				locale: 'ky',
				proxySecret: 'proxy-secret',
				clientAddress: () => '203.0.113.9',
			};
			return fetch(toApiRequest(request, context) ?? request);
		}) as typeof fetch;
		const location = await api({ fetch: eventFetch } as never).projects.mediaLocation('prj-1', '01jabcdefghjkmnpqrstvwxyz0.pdf');
		expect(location).toBe(`${origin}/bucket/photo.webp?X-Amz-Signature=abc`);
		expect(seenByStore).toHaveLength(0);
	});
});
