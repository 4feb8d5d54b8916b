import { describe, expect, it } from 'vitest';
import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import { reportActions, tyiyn } from './report-actions.js';

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

	it('send the photos ticked and the document chosen among those uploaded beforehand, and nothing that is not an upload key', async () => {
		// The files went straight to the object store (issue 14): the forms carry only their keys, which the API checks belong to the project.
		const bodies: unknown[] = [];
		const base = posted({});
		const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
			bodies.push(JSON.parse(String(init?.body ?? new Request(input, init).body)));
			return base.fetch(input, init);
		}) as typeof globalThis.fetch;
		const form = (fields: [string, string][]) => {
			const data = new FormData();
			for (const [k, v] of fields) data.append(k, v);
			return { ...base, fetch, request: new Request(base.url, { method: 'POST', body: data }) } as unknown as RequestEvent;
		};
		const photo = '01jabcdefghjkmnpqrstvwxyz0.png';
		const pdf = '01jabcdefghjkmnpqrstvwxyz1.pdf';
		await redirected(
			reportActions.report(
				form([
					['milestoneId', 'm1'],
					['text', 'Крыша'],
					['photoKeys', photo],
					['photoKeys', '../../other/x.png'],
				]),
			),
		);
		await redirected(
			reportActions.disburse(
				form([
					['amount', '50'],
					['paidOn', '2026-11-30'],
					['purpose', 'x'],
					['documentKey', pdf],
					['idempotencyKey', 'k-0123456789abcdef'],
				]),
			),
		);
		expect(bodies).toEqual([
			{ milestoneId: 'm1', text: { ru: 'Крыша' }, photoKeys: [photo] },
			{ amountKgs: 5000, paidOn: '2026-11-30', purpose: 'x', documentKey: pdf },
		]);
	});

	it('refuse a disbursement whose form has no key of its own, calling no API: a fresh key would book each repeat again', async () => {
		for (const idempotencyKey of [undefined, '', 'short', 'a b c d e f g h', '../../../etc/passwd']) {
			const calls: string[] = [];
			const values = { amount: '50', paidOn: '2026-11-30', purpose: 'x', ...(idempotencyKey === undefined ? {} : { idempotencyKey }) };
			const answer = (await reportActions.disburse(posted(values, calls))) as { status: number; data: { message: string } };
			expect(answer.status, String(idempotencyKey)).toBe(400);
			expect(answer.data.message).toBe('Форманын мөөнөтү өтүп кетти. Аны кайра ачып, кайталаңыз.'); // the server's locale outside a request: ky;
			expect(calls).toEqual([]);
		}
	});

	it('read a file part sent for a text field as empty, never as the text "[object File]" (attacker review)', async () => {
		const calls: string[] = [];
		const data = new FormData();
		data.append('amount', '50');
		data.append('paidOn', '2026-11-30');
		data.append('purpose', new File(['x'], 'a.txt', { type: 'text/plain' }));
		data.append('idempotencyKey', 'k-0123456789abcdef');
		const event = posted({}, calls);
		const answer = (await reportActions.disburse({
			...event,
			request: new Request(event.url, { method: 'POST', body: data }),
		} as unknown as RequestEvent)) as { status: number; data: { fields: Record<string, string> } };
		expect(answer.status).toBe(400);
		expect(Object.keys(answer.data.fields)).toEqual(['purpose']);
		expect(calls).toEqual([]);
	});

	it('read amounts as each language writes them (new-user review: "99,999,999" was refused on /en)', () => {
		expect(tyiyn('99,999,999', 'en')).toBe(9_999_999_900);
		expect(tyiyn('1,250.50', 'en')).toBe(125_050);
		expect(tyiyn('1250,50', 'en')).toBe(125_050);
		expect(tyiyn('1 250,50', 'ru')).toBe(125_050);
		expect(tyiyn('1\u00a0250,5', 'ky')).toBe(125_050);
		expect(tyiyn('1250.50', 'ru')).toBe(125_050);
		for (const bad of ['1,2,3', '12,34,567', '1.234.567', '1,2345', 'abc', '', '-5', '1e3']) expect(tyiyn(bad, 'en'), bad).toBeNaN();
		expect(tyiyn('99,999,999', 'ru')).toBeNaN();
	});

	it('refuse an amount over the limit in som and the page language, calling no API (issue 14 review 5)', async () => {
		const calls: string[] = [];
		const event = posted({ amount: '100000000,01', paidOn: '2026-11-30', purpose: 'x', idempotencyKey: 'k-0123456789abcdef' }, calls);
		const answer = (await reportActions.disburse(event)) as { status: number; data: { fields: Record<string, string> } };
		expect(answer.status).toBe(400);
		expect(answer.data.fields.amountKgs).toBe('Сумма слишком большая: не больше 100\u00a0000\u00a0000\u00a0сом.');
		expect(calls).toEqual([]);
	});
});
