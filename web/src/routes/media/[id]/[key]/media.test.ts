import { describe, expect, it } from 'vitest';
import { GET } from './+server.js';

const KEY = '01jd0000000000000000000000';

/** The route with an API whose media read answers `type` bytes (event.fetch stands for handleFetch and the network). */
async function serve(key: string, type: string) {
	const fetch = (async () =>
		new Response('%PDF-1.7 <script>alert(1)</script>', { status: 200, headers: { 'content-type': type } })) as typeof globalThis.fetch;
	const event = { params: { id: 'prj-1', key }, url: new URL(`http://localhost/media/prj-1/${key}`), locals: {}, fetch };
	return (await GET(event as never)) as Response;
}

describe('GET /media/<project>/<key> (issue 13 attacker finding: documents inline on the web origin)', () => {
	it('serves a PDF document as an attachment, never inline, with nosniff', async () => {
		const res = await serve(`${KEY}.pdf`, 'application/pdf');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${KEY}.pdf"`);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('serves a photo inline (no content-disposition), with nosniff', async () => {
		const res = await serve(`${KEY}.jpg`, 'image/jpeg');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toBeNull();
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
	});
});
