import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createDb } from '@mekendesh/db';
import { DEMO_ACTIVITY, DEMO_PASSWORD } from '@mekendesh/demo-data';
import { addDays, bishkekDay } from '@mekendesh/domain';
import { ensureDemoRefund } from '@mekendesh/local-stack';
import { launchBrowser } from './browser.js';
import { api, apiAccessToken, newPage, signIn, web } from './account-helpers.js';

// The programme office's audit log, exchange rates and refunds to pay, without JavaScript (issue 13, part C).

const STAFF = 'staff@demo.mekendesh.kg';
const STAFF_NAME = 'Нурлан Бекматов';
const REFUND_TITLE = DEMO_ACTIVITY.refund.title.en!;

let browser: Browser;
let page: Page;
beforeAll(async () => {
	// The e2e stack loads the demo data but not the demo activity: only its refund to pay is made here, through the
	// same bookings (a received transfer, then the deadline job's refund) as in `pnpm dev`.
	const token = await staffToken();
	const me = (await (await fetch(`${api()}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string };
	const db = createDb({ tableName: inject('tableName'), endpoint: inject('dynamoEndpoint'), region: 'local' });
	await ensureDemoRefund(db, me.id);
	browser = await launchBrowser();
	({ page } = await newPage(browser, { javaScriptEnabled: false }));
	await page.setViewportSize({ width: 1280, height: 900 });
	await signIn(page, 'en', STAFF, DEMO_PASSWORD);
}, 90_000);
afterAll(() => browser?.close());

async function staffToken(): Promise<string> {
	return apiAccessToken(STAFF, DEMO_PASSWORD);
}

/** Submits a no-JS form and waits for the page the redirect lands on. */
async function submit(form: ReturnType<Page['locator']>, url: RegExp): Promise<void> {
	await Promise.all([page.waitForURL(url), form.locator('button[type=submit]').click()]);
}

describe('staff audit log, rates and refunds without JavaScript', () => {
	it('marks the refund paid: it leaves the queue with a confirmation', { timeout: 60_000 }, async () => {
		expect((await page.goto(`${web()}/en/staff/refunds`))?.status()).toBe(200);
		expect(await page.locator('script[src]').count()).toBe(0);
		const row = page.locator('tbody tr', { hasText: REFUND_TITLE });
		expect(await row.count()).toBe(1);
		expect(await row.innerText()).toMatch(/7,500\s+som/);
		await row.locator('input[name="bankReference"]').fill('SWIFT-E2E-0001');
		await row.locator('input[name="note"]').fill('Sent back by SWIFT');
		await submit(row.locator('form'), /\/en\/staff\/refunds\?/);
		expect(await page.locator('p.notice[role="status"]').innerText()).toContain('SWIFT-E2E-0001');
		expect(await page.locator('tbody tr', { hasText: REFUND_TITLE }).count()).toBe(0);
	});

	it('corrects a day’s rates with a reason: the table is in force and the change is in the audit log', { timeout: 60_000 }, async () => {
		// Yesterday, so today's table (the one pledges are priced with in other tests) stays as it is.
		const day = addDays(bishkekDay(new Date()), -1);
		expect((await page.goto(`${web()}/en/staff/rates`))?.status()).toBe(200);
		const form = page.locator('form[action="?/correct"]');
		await form.locator('input[name="date"]').fill(day);
		// The form starts from today's rates in force.
		expect(await form.locator('input[name="rate_USD"]').inputValue()).toMatch(/^\d+\.\d+$/);
		await form.locator('input[name="rate_USD"]').fill('87,1234');
		await form.locator('textarea[name="reason"]').fill('NBKR published a correction');
		await submit(form, /saved=/);
		expect(await page.locator('p.notice[role="status"]').count()).toBe(1);
		const manual = page.locator('tbody tr', { hasText: 'NBKR published a correction' });
		expect(await manual.count()).toBe(1);
		expect(await manual.innerText()).toMatch(/USD 87\.1234/);
		expect(await manual.innerText()).toMatch(/in force/);
		expect(await manual.innerText()).toContain(`Entered by ${STAFF_NAME}`);

		// The audit log searched by action: a sentence with the staff member's name and a link to the rates page.
		expect((await page.goto(`${web()}/en/staff/audit`))?.status()).toBe(200);
		const search = page.locator('form.audit-search');
		await search.locator('select[name="action"]').selectOption('rates.correct');
		await submit(search, /action=rates\.correct/);
		const rows = page.locator('table.log tbody tr');
		expect(await rows.count()).toBe(1);
		const sentence = await rows.first().locator('td.sentence').innerText();
		expect(sentence).toContain(STAFF_NAME);
		expect(sentence).toMatch(/corrected the exchange rates/);
		expect(sentence).not.toContain('rates.correct');
		// The object column links the rates page; the actor's name links the log searched by that account.
		expect(await rows.first().locator('td').nth(2).locator('a').getAttribute('href')).toBe('/en/staff/rates');
		expect(await rows.first().locator('td.sentence a').innerText()).toBe(STAFF_NAME);
		expect(await rows.first().locator('td.sentence a').getAttribute('href')).toMatch(/^\/en\/staff\/audit\?actor=.+/);
		expect(await rows.first().innerText()).toContain('NBKR published a correction');
		// Changes read as fields, not raw JSON.
		expect(await rows.first().locator('dl.changes').last().textContent()).toMatch(/Rates\s*.*USD 87\.1234/);
	});

	it('finds the refund paid by action, linked to its pledge', { timeout: 60_000 }, async () => {
		expect((await page.goto(`${web()}/en/staff/audit?action=refund.paid`))?.status()).toBe(200);
		const rows = page.locator('table.log tbody tr');
		expect(await rows.count()).toBe(1);
		const sentence = await rows.first().locator('td.sentence').innerText();
		expect(sentence).toContain(STAFF_NAME);
		expect(sentence).toMatch(/7,500\s+som/);
		expect(await rows.first().locator('td').nth(2).locator('a').getAttribute('href')).toMatch(/^\/en\/pledges\/.+/);
	});
});
