import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { GET } from './+server.js';

const KEY = '01jd0000000000000000000000';
const SIGNED = 'https://bucket.s3.eu-central-1.amazonaws.com/projects/prj-1/x.pdf?X-Amz-Signature=abc';

/** The route with an API answering the media read with `status` (and a Location); event.fetch stands for the network. */
async function serve(key: string, status = 302) {
	const asked: string[] = [];
	const fetch = (async (input: RequestInfo | URL) => {
		asked.push(String(input instanceof Request ? input.url : input));
		return new Response(null, { status, headers: status === 302 ? { location: SIGNED } : {} });
	}) as typeof globalThis.fetch;
	const headers: Record<string, string> = {};
	const event = {
		params: { id: 'prj-1', key },
		url: new URL(`http://localhost/documents/prj-1/${key}`),
		locals: {},
		fetch,
		setHeaders: (h: Record<string, string>) => Object.assign(headers, h),
	};
	try {
		await GET(event as never);
	} catch (thrown) {
		return { thrown, headers, asked };
	}
	throw new Error('the route neither redirected nor failed');
}

describe('GET /documents/<project>/<key> (issue 14: no file passes through the web server)', () => {
	it('redirects a document to the URL the API signed for this reader, never cached, without reading its bytes', async () => {
		const { thrown, headers, asked } = await serve(`${KEY}.pdf`);
		expect(isRedirect(thrown) && [thrown.status, thrown.location]).toEqual([302, SIGNED]);
		expect(headers['cache-control']).toBe('private, no-store');
		expect(asked).toHaveLength(1);
		expect(asked[0]).toContain(`/projects/prj-1/media/${KEY}.pdf`);
	});

	it('sends an old photo link to the public path CloudFront serves, asking the API nothing', async () => {
		const { thrown, asked } = await serve(`${KEY}.jpg`);
		expect(isRedirect(thrown) && [thrown.status, thrown.location]).toEqual([301, `/media/projects/prj-1/${KEY}.jpg`]);
		expect(asked).toEqual([]);
	});

	it('answers 404 for a file the API does not show this reader, and for a key of another shape', async () => {
		expect(((await serve(`${KEY}.pdf`, 404)).thrown as { status: number }).status).toBe(404);
		expect(((await serve('../secret.pdf')).thrown as { status: number }).status).toBe(404);
	});
});
