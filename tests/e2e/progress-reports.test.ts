import { randomUUID } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { OutboxMessage, Project } from '@mekendesh/contracts';
import { DEMO_PASSWORD } from '@mekendesh/demo-data';
import { bishkekDay, daysBetween } from '@mekendesh/domain';
import { launchBrowser } from './browser.js';
import { api, apiAccessToken, signIn, web } from './account-helpers.js';
import { ownPublishedProject } from './own-project.js';

// Issue 13, without JavaScript: staff record co-funding, the officer posts a report with a photo and records a
// disbursement through the pages; the investor who funded the project reads both on its page and has the notice in
// the dev outbox; the late flag shows once the API's day passes the milestone's date + 14 (clock moved, not waited for).

const OFFICER = 'officer@demo.mekendesh.kg';
const STAFF = 'staff@demo.mekendesh.kg';
const INVESTOR = 'aibek.investor@demo.mekendesh.kg';
const DAY = 86_400_000;
const run = Date.now().toString(36);

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	rmSync(inject('clockFile'), { force: true });
	await browser?.close();
});

async function token(email: string): Promise<string> {
	return apiAccessToken(email, DEMO_PASSWORD);
}

async function apiCall<T>(method: string, path: string, bearer: string, body?: unknown): Promise<{ status: number; json: T }> {
	const res = await fetch(`${api()}/v1${path}`, {
		method,
		headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, 'idempotency-key': randomUUID() },
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
	});
	return { status: res.status, json: (await res.json().catch(() => null)) as T };
}

/** A real 24x16 PNG, so the API's magic-byte check and resizing see a true image. */
function smallPng(): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const out = Buffer.alloc(body.length + 8);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc32(body), body.length + 4);
		return out;
	};
	const [w, h] = [24, 16];
	const header = Buffer.alloc(13);
	header.writeUInt32BE(w, 0);
	header.writeUInt32BE(h, 4);
	header.set([8, 2, 0, 0, 0], 8);
	const rows = Buffer.alloc((w * 3 + 1) * h);
	for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rows.set([x * 10, y * 15, 120], y * (w * 3 + 1) + 1 + x * 3);
	const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
	return Buffer.concat([sig, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** A published project of the demo officer's organisation (its own: ownPublishedProject), pledged to its goal by the demo investor and moved to funded by staff. */
async function fundedDemoProject(staff: string): Promise<Project> {
	const officer = await token(OFFICER);
	const own = await ownPublishedProject('progress');
	const project = (await apiCall<Project>('GET', `/projects/${own.id}`, officer)).json;
	const investor = await token(INVESTOR);
	const missing = Math.max(project.goal - project.pledged, project.minimumPledge);
	const pledged = await apiCall('POST', `/projects/${project.id}/pledges`, investor, {
		type: 'donation',
		amount: { amount: missing, currency: 'KGS' },
		channel: 'bank_transfer',
		display: 'anonymous',
	});
	expect(pledged.status).toBe(201);
	expect((await apiCall('POST', `/projects/${project.id}/status`, staff, { to: 'funded', reason: 'goal pledged' })).status).toBe(200);
	return project;
}

async function signedIn(email: string): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, 'en', email, DEMO_PASSWORD);
	return page;
}

async function submit(page: Page, formAction: string) {
	await Promise.all([page.waitForLoadState('load'), page.locator(`form[action^="${formAction}"] button[type=submit]`).first().click()]);
}

describe('progress reports and spending without JavaScript', () => {
	it('reach the funder’s project page and mailbox, and the late flag shows when the day passes', { timeout: 120_000 }, async () => {
		const staffToken = await token(STAFF);
		const project = await fundedDemoProject(staffToken);
		const [first, ...rest] = [...project.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
		expect(rest.length).toBeGreaterThan(0); // a second milestone to be late
		const later = rest.at(-1)!;

		// Staff record money from the municipality, so the project holds money to spend.
		const staff = await signedIn(STAFF);
		await staff.goto(`${web()}/en/staff/projects/${project.id}`);
		await staff.locator('#cf-funder').selectOption('municipality');
		await staff.locator('#cf-amount').fill('2000');
		await submit(staff, '?/cofunding');
		await expect(staff.locator('#cofunding .form-success').textContent()).resolves.toContain('The co-funding was recorded.');

		// The officer posts a report with a photo against the first milestone, then records a disbursement.
		const officer = await signedIn(OFFICER);
		await officer.goto(`${web()}/en/organisation/projects/${project.id}`);
		// The photo goes first, straight to the object store (issue 14: no file passes through the web server); it comes
		// back ticked in the report form.
		await officer.locator('#u-photo').setInputFiles({ name: 'walls.png', mimeType: 'image/png', buffer: smallPng() });
		await Promise.all([officer.waitForURL(/done=report-photo/), officer.getByRole('button', { name: 'Upload photo' }).click()]);
		await expect(officer.locator('.top-notice').textContent()).resolves.toContain('Uploaded.');
		expect(await officer.locator('input[name=photoKeys]:checked').count()).toBe(1);
		await officer.locator('#r-milestone').selectOption(first!.id);
		await officer.locator('#r-text').fill(`**Walls** are up ${run}.`);
		await submit(officer, '?/report');
		// Redirected (303) to the page with ?done=report: a reload reads the page and posts nothing again (attacker 2).
		expect(new URL(officer.url()).searchParams.get('done')).toBe('report');
		await expect(officer.locator('.top-notice').textContent()).resolves.toContain('Report posted.');
		// The receipt (a PDF) likewise, then the disbursement with it ticked.
		// A photo in the document field: the page lands on that form with the refusal beside it (issue 14 new-user review 1).
		await officer.locator('#u-document').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: smallPng() });
		await Promise.all([
			officer.waitForURL(/failed=document#u-document-form$/),
			officer.getByRole('button', { name: 'Upload document' }).click(),
		]);
		expect(await officer.locator('#u-document-form .form-error').innerText()).toContain('This is not a PDF.');
		const pdf = Buffer.from(`%PDF-1.4\n% receipt ${run}\n%%EOF\n`);
		await officer.locator('#u-document').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: pdf });
		await Promise.all([officer.waitForURL(/done=document/), officer.getByRole('button', { name: 'Upload document' }).click()]);
		const documentKey = await officer.locator('input[name=documentKey]:checked').inputValue();
		expect(documentKey).toMatch(/^[0-9a-z]{26}\.pdf$/);
		// An empty disbursement form (the browser's `required` bypassed): every empty field is named at once, beside it.
		const empty = await officer.request.post(`${web()}/en/organisation/projects/${project.id}?/disburse`, {
			form: { amount: '', paidOn: '', purpose: '' },
			headers: { origin: web(), accept: 'text/html' },
		});
		expect(empty.status()).toBe(400);
		const refusal = await empty.text();
		for (const message of ['Give the amount in som', 'Give the day it was paid', 'Say what the money paid for'])
			expect(refusal).toContain(message);
		// Each refused field is marked for assistive tech and styled as an error, tied to its message.
		for (const id of ['d-amount', 'd-paid-on', 'd-purpose'])
			expect(refusal).toMatch(new RegExp(`id="${id}"[^>]*aria-invalid="true"[^>]*aria-describedby="${id}-error"`));
		await officer.locator('#d-amount').fill('1250.50');
		await officer.locator('#d-purpose').fill(`Cement ${run}`);
		await submit(officer, '?/disburse');
		expect(await officer.locator('.field-error').count()).toBe(0);
		expect(new URL(officer.url()).searchParams.get('done')).toBe('disburse');
		// The document is a redirect to a short-lived URL on which the store answers a download: never streamed by the web.
		const link = officer.locator(`a[href="/documents/${project.id}/${documentKey}"]`);
		expect(await link.count()).toBeGreaterThan(0);
		// Sent as a browser's click on the link sends it (a navigation asking for a document): the language middleware
		// once sent such requests to /<lang>/documents/…, a page that does not exist (issue 14 review).
		const download = await officer.request.get(`${web()}/documents/${project.id}/${documentKey}`, {
			maxRedirects: 0,
			headers: { accept: 'text/html,application/xhtml+xml', 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' },
		});
		expect(download.status()).toBe(302);
		expect(download.headers()['cache-control']).toBe('private, no-store');
		const signed = new URL(download.headers()['location']!);
		expect(signed.searchParams.get('response-content-disposition')).toBe(`attachment; filename="${documentKey}"`);
		const file = await fetch(signed);
		expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${documentKey}"`);
		expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
		// A reload of the answer is a GET of the page: the disbursement is booked once.
		await officer.reload();

		// The investor who funded it reads both on the project page, and has the notice.
		const investor = await signedIn(INVESTOR);
		await investor.goto(`${web()}/en/projects/${project.id}`);
		const progress = investor.locator('#progress-section');
		await expect(progress.locator('strong', { hasText: 'Walls' }).count()).resolves.toBeGreaterThan(0);
		await expect(progress.textContent()).resolves.toContain(`are up ${run}`);
		await expect(progress.locator('img').count()).resolves.toBeGreaterThan(0);
		await expect(progress.textContent()).resolves.toContain(`Cement ${run}`);
		const outbox = await (await fetch(`${api()}/v1/dev/outbox`)).json();
		const notices = (outbox as { items: OutboxMessage[] }).items.filter(
			(m) => m.to === INVESTOR && m.text.includes(`/projects/${project.id}#progress`),
		);
		expect(notices.length).toBeGreaterThanOrEqual(2); // the report and the disbursement

		// The late flag: none before (unless the milestone is already late), shown once the API's day passes due + 14.
		const today = bishkekDay(new Date());
		const flags = () => investor.locator('[data-late]').allTextContents();
		if (daysBetween(later.dueDate, today) <= 14) {
			expect((await flags()).join(' ')).not.toContain('Report late');
		}
		const ahead = Math.max(0, daysBetween(today, later.dueDate)) + 15;
		writeFileSync(inject('clockFile'), String(ahead * DAY));
		try {
			await investor.reload();
			const shown = (await flags()).join(' ');
			expect(shown).toContain('Report late.');
			if (later.title.en) expect(shown).toContain(later.title.en);
		} finally {
			rmSync(inject('clockFile'), { force: true });
		}
	});
});
