import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@mekendesh/demo-data';
import { launchBrowser } from './browser.js';
import { newPage, signIn, web } from './account-helpers.js';

// The staff dashboard without JavaScript (issue 13): the figures, a filter by the GET form, and each table's CSV and
// XLSX adding up to the figure on the page.

const STAFF = 'staff@demo.mekendesh.kg';
const NARYN = '41704000000000';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The received total on the page, in tyiyn (the figure's data attribute). */
const received = async (page: Page) => Number(await page.locator('dd[data-figure="received"]').getAttribute('data-tyiyn'));

/** Sums a column of CSV rows (som with 2 decimals) into tyiyn. */
const sumColumn = (rows: string[][], header: string) => {
	const i = rows[0]!.indexOf(header);
	expect(i, header).toBeGreaterThan(-1);
	return rows.slice(1).reduce((sum, row) => sum + Math.round(Number(row[i]) * 100), 0);
};

describe('staff dashboard without JavaScript', () => {
	it('shows the figures, filters by oblast with the GET form, and exports CSV and XLSX that add up', { timeout: 90_000 }, async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.setViewportSize({ width: 1280, height: 900 });
		await signIn(page, 'en', STAFF, DEMO_PASSWORD);
		const res = await page.goto(`${web()}/en/staff/dashboard`);
		expect(res?.status()).toBe(200);
		// The header keeps one row for staff too: the programme office's ten pages fold under one summary that opens
		// without JavaScript (it wrapped to five rows before).
		const dashboardLink = page.locator('.account-nav a[href="/en/staff/dashboard"]');
		expect(await dashboardLink.isVisible()).toBe(false);
		const middles = await page
			.locator('.account-nav a:visible, .account-nav summary:visible, .account-nav button:visible')
			.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => (r.top + r.bottom) / 2));
		expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(8);
		await page.locator('.nav-staff > summary').click();
		expect(await page.locator('.nav-staff > summary').innerText()).toBe('Programme office');
		expect(await dashboardLink.isVisible()).toBe(true);
		await page.locator('.nav-staff > summary').click();
		expect(await page.locator('h1').innerText()).toBe('Programme office dashboard');
		// The rate's day in words, as everywhere else ("December 1, 2026"), not the ISO date.
		expect(await page.locator('p.rate').innerText()).toMatch(/^US dollars at the NBKR rate of [A-Z][a-z]+ \d{1,2}, \d{4}: 1 USD = /);
		const all = await received(page);
		expect(all).toBeGreaterThan(0);
		expect(await page.locator('dd[data-figure="received"]').innerText()).toMatch(/\d/);
		expect(await page.locator('figure.bar-chart svg title').first().textContent()).toMatch(/By oblast/);
		expect(await page.locator('script[src]').count()).toBe(0);

		// The oblast table's CSV adds up to the received total on the page.
		const csvHref = await page.locator('a[data-export="oblast-csv"]').getAttribute('href');
		const csv = await context.request.get(`${web()}${csvHref}`);
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
		expect(csv.headers()['content-disposition']).toMatch(
			/attachment; filename="mekendesh-oblast-\d{4}-\d{2}-\d{4}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"/,
		);
		const rows = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
		expect(rows[0]![0]).toBe('Oblast');
		expect(sumColumn(rows, 'Received from the diaspora, KGS')).toBe(all);

		// The same table as XLSX: amounts are numbers (som), adding up to the same total.
		const xlsx = await context.request.get(`${web()}${await page.locator('a[data-export="oblast-xlsx"]').getAttribute('href')}`);
		expect(xlsx.status()).toBe(200);
		expect(xlsx.headers()['content-type']).toBe(XLSX);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await xlsx.body()) as unknown as Parameters<typeof book.xlsx.load>[0]);
		const sheet = book.worksheets[0]!;
		const headers = (sheet.getRow(1).values as unknown[]).slice(1);
		const col = headers.indexOf('Received from the diaspora, KGS') + 1;
		let sum = 0;
		for (let r = 2; r <= sheet.rowCount; r++) {
			const v = sheet.getRow(r).getCell(col).value;
			expect(typeof v).toBe('number');
			sum += Math.round(Number(v) * 100);
		}
		expect(sum).toBe(all);

		// A filter applied without JavaScript: the GET form narrows everything to one oblast.
		await page.locator('select[name="oblast"]').selectOption(NARYN);
		await Promise.all([page.waitForURL(/oblast=41704000000000/), page.locator('form.filters button[type=submit]').click()]);
		expect(await page.locator('.period').innerText()).toMatch(/Naryn/);
		const naryn = await received(page);
		expect(naryn).toBeLessThanOrEqual(all);
		const filtered = await context.request.get(`${web()}${await page.locator('a[data-export="totals-csv"]').getAttribute('href')}`);
		expect((await filtered.text()).length).toBeGreaterThan(0);
		expect(filtered.headers()['content-disposition']).toMatch(
			/filename="mekendesh-totals-\d{4}-\d{2}-\d{4}-\d{2}-41704000000000-\d{4}-\d{2}-\d{2}\.csv"/,
		);
		const totals = Papa.parse<string[]>((await filtered.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
		expect(sumColumn(totals, 'Received from the diaspora, KGS')).toBe(naryn);
		await context.close();
	});

	it('is not there for an investor (404) and refuses a bad filter with its field', { timeout: 60_000 }, async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await signIn(page, 'en', 'aibek.investor@demo.mekendesh.kg', DEMO_PASSWORD);
		expect((await page.goto(`${web()}/en/staff/dashboard`))?.status()).toBe(404);
		expect((await context.request.get(`${web()}/en/staff/dashboard/export?table=oblast&format=csv`)).status()).toBe(404);
		await context.close();
		const staff = await newPage(browser, { javaScriptEnabled: false });
		await signIn(staff.page, 'en', STAFF, DEMO_PASSWORD);
		await staff.page.goto(`${web()}/en/staff/dashboard?from=2026-09&to=2026-01`);
		expect(await staff.page.locator('[role="alert"]').innerText()).toBe('Check the filters: the problem is marked beside its field.');
		// Said next to its field, in the page's language; the form stays to fix it.
		expect(await staff.page.locator('#err-from').innerText()).toBe('The start month cannot be after the end month.');
		expect(await staff.page.locator('input[name="from"]').getAttribute('aria-describedby')).toBe('err-from');
		await staff.page.goto(`${web()}/ru/staff/dashboard?from=2015-01&to=2026-01`);
		expect(await staff.page.locator('#err-from').innerText()).toBe('Период — не больше 60 месяцев.');
		await staff.context.close();
	});
});
