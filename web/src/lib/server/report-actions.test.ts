import { describe, expect, it } from 'vitest';
import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import { makeProject } from '../../../../tests/fixtures/projects.js';
import { reportActions } from './report-actions.js';

/** An officer's POST of one progress form, answered by a fake API that books whatever it is sent. */
function posted(fields: Record<string, string>, calls: string[] = []): RequestEvent {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
		const request = new Request(input, init);
		const key = request.headers.get('idempotency-key');
		calls.push(`${request.method} ${new URL(request.url).pathname}${key ? ` key=${key}` : ''}`);
		const at = '2026-11-30T10:00:00.000Z';
		const body = request.url.endsWith('/reports')
			? {
					id: 'r1',
					projectId: 'prj-1',
					milestoneId: 'm1',
					text: { ru: 'Крыша' },
					photos: [],
					status: 'posted',
					postedAt: at,
					updatedAt: at,
					version: 1,
				}
			: {
					id: 'd1',
					projectId: 'prj-1',
					milestoneId: null,
					amountKgs: 125_050,
					paidOn: '2026-11-30',
					purpose: 'x',
					document: null,
					recordedAt: at,
				};
		return new Response(JSON.stringify(body), { status: 201, headers: { 'content-type': 'application/json' } });
	}) as typeof globalThis.fetch;
	return {
		params: { lang: 'ru', id: 'prj-1' },
		request: new Request('http://localhost/ru/organisation/projects/prj-1', { method: 'POST', body: form }),
		url: new URL('http://localhost/ru/organisation/projects/prj-1'),
		fetch,
	} as unknown as RequestEvent;
}

async function redirected(run: Promise<unknown>): Promise<{ status: number; location: string }> {
	try {
		await run;
	} catch (thrown) {
		if (isRedirect(thrown)) return { status: thrown.status, location: thrown.location };
		throw thrown;
	}
	throw new Error('answered without redirecting: a reload would post again');
}

describe('the officer progress forms (issue 13 attacker 2)', () => {
	it('redirect 303 to the project page with ?done=<action> after a disbursement, so a reload posts nothing', async () => {
		const calls: string[] = [];
		const event = posted(
			{ amount: '1 250,50', paidOn: '2026-11-30', purpose: 'Roofing sheets', idempotencyKey: 'k-0123456789abcdef' },
			calls,
		);
		expect(await redirected(reportActions.disburse(event))).toEqual({
			status: 303,
			location: '/ru/organisation/projects/prj-1?done=disburse',
		});
		// The key the form was rendered with goes to the API, so a double submit of this form is one booking (attacker 1).
		expect(calls).toEqual(['POST /v1/projects/prj-1/disbursements key=k-0123456789abcdef']);
	});

	it('redirect 303 with ?done=report after a report, so a reload posts nothing', async () => {
		const calls: string[] = [];
		const event = posted({ milestoneId: 'm1', text: 'Крыша готова', idempotencyKey: 'k-0123456789abcdef' }, calls);
		expect(await redirected(reportActions.report(event))).toEqual({ status: 303, location: '/ru/organisation/projects/prj-1?done=report' });
		expect(calls).toEqual(['POST /v1/projects/prj-1/reports']);
	});

	it('refuse a disbursement larger than the project holds before its document is uploaded: nothing attached (attacker 3)', async () => {
		const project = makeProject({ id: 'prj-1', status: 'funded', funding: undefined });
		const f = { planned: 0, received: 0, spent: 0 };
		const byFunder = { diaspora: { ...f, received: 100_000 }, municipality: f, programme: f, otherDonors: f };
		const funded = { ...project, funding: { byFunder, received: 100_000, spent: 0, available: 100_000 } };
		const calls: string[] = [];
		const form = new FormData();
		for (const [k, v] of Object.entries({
			amount: '5000',
			paidOn: '2026-11-30',
			purpose: 'Roofing sheets',
			idempotencyKey: 'k-0123456789abcdef',
		}))
			form.set(k, v);
		form.set('document', new File([new Uint8Array([37, 80, 68, 70])], 'invoice.pdf', { type: 'application/pdf' }));
		const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
			const request = new Request(input, init);
			calls.push(`${request.method} ${new URL(request.url).pathname}`);
			return new Response(JSON.stringify(funded), { status: 200, headers: { 'content-type': 'application/json' } });
		}) as typeof globalThis.fetch;
		const event = {
			params: { lang: 'en', id: 'prj-1' },
			request: new Request('http://localhost/en/organisation/projects/prj-1', { method: 'POST', body: form }),
			url: new URL('http://localhost/en/organisation/projects/prj-1'),
			fetch,
		} as unknown as RequestEvent;
		const out = (await reportActions.disburse(event)) as unknown as { status: number; data: { fields: Record<string, string> } };
		expect(out.status).toBe(409);
		expect(Object.keys(out.data.fields)).toEqual(['amountKgs']);
		expect(out.data.fields.amountKgs).toContain('1');
		// Only the project was read: no upload was asked for, so the project's attachments are unchanged.
		expect(calls).toEqual(['GET /v1/projects/prj-1']);
	});
});
