import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_CSP, presetSecurityHeaders } from '../../../security-headers.js';

const PAGE_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'";

// As serve.js and vite.config.ts wire it: the preset first, then whoever answers (Kit for pages, sirv for files).
let server: Server;
let base = '';
beforeAll(async () => {
	server = createServer((req, res) => {
		presetSecurityHeaders(res);
		if (req.url === '/page') {
			// Kit: a page with its own CSP, or its bare 304 when the ETag matches (no CSP, as Kit builds it).
			if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
			return void res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"', 'content-security-policy': PAGE_CSP }).end('<p>');
		}
		res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg/>');
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('presetSecurityHeaders', () => {
	it('gives a static file the fallback CSP and a page its own', async () => {
		expect((await fetch(`${base}/favicon.svg`)).headers.get('content-security-policy')).toBe(FALLBACK_CSP);
		const page = await fetch(`${base}/page`);
		expect(page.headers.get('content-security-policy')).toBe(PAGE_CSP);
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('sends no fallback CSP on a 304, which would replace the kept page’s own (a revisited page lost its styles)', async () => {
		const again = await fetch(`${base}/page`, { headers: { 'if-none-match': '"v1"' } });
		expect(again.status).toBe(304);
		expect(again.headers.get('content-security-policy')).toBeNull();
		expect(again.headers.get('x-frame-options')).toBe('DENY');
	});
});
