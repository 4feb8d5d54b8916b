import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '@mekendesh/demo-data';
import { launchBrowser } from './browser.js';
import { createAccount, meFromCookies, newPage, PASSWORD, signIn, uniqueEmail, web } from './account-helpers.js';

/** Demand signals in the browser, without JavaScript: the officer's table, and an investor's consent. */

const OFFICER = DEMO_USERS.find((u) => u.role === 'officer')!.email;
const STAFF = DEMO_USERS.find((u) => u.role === 'staff')!.email;

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The rows of one breakdown's table: label → cell text. */
async function rows(page: Page, section: 'sector' | 'amount' | 'country'): Promise<Record<string, string>> {
	const pairs = await page
		.locator(`[data-testid=demand-${section}] tbody tr`)
		.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelector('td')!.textContent!.trim()]));
	return Object.fromEntries(pairs);
}

describe('an officer, without JavaScript', () => {
	it('sees the demand of their territory in bands of 5, cells under 5 as "fewer than 5", small countries folded, in Kyrgyz and in Russian', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await signIn(page, 'ky', OFFICER, DEMO_PASSWORD);
		await page.goto(`${web()}/ky/organisation`);
		await Promise.all([page.waitForURL(/\/ky\/organisation\/demand$/), page.locator('a[href="/ky/organisation/demand"]').click()]);
		expect(await page.locator('h1').innerText()).toBe('Мекендештердин суроо-талабы');
		expect(await page.locator('.lead').innerText()).toContain('Ат-Башы');
		// The demo data: 8 people from At-Bashy, water 6, agriculture 5, education 3; Russia 5, Kazakhstan 2, Türkiye 1.
		// Only bands reach the page: 8, 6 and 5 are all "5–9"; Kazakhstan and Türkiye are never named.
		expect(await page.getByTestId('demand-total').innerText()).toBe('5–9');
		const sectors = await rows(page, 'sector');
		expect(Object.keys(sectors)).toHaveLength(11);
		expect(Object.values(sectors).filter((v) => v === '5–9')).toHaveLength(2);
		expect(Object.values(sectors).filter((v) => v === '5тен аз')).toHaveLength(9);
		expect(Object.values(await rows(page, 'amount'))).toEqual(['5тен аз', '5–9', '5тен аз', '5тен аз', '5тен аз', '5тен аз']);
		expect(await rows(page, 'country')).toEqual({ Россия: '5–9', 'Башка өлкөлөр жана өлкөсүн көрсөтпөгөндөр': '5тен аз' });
		expect(await page.locator('main').innerText()).not.toMatch(/Казакстан|Түркия|\b[678]\b/);
		// The chart carries its title and description; its bars are for cells of 5 or more only.
		const chart = page.locator('svg.demand-chart').first();
		expect(await chart.getAttribute('role')).toBe('img');
		expect(await chart.locator('title').textContent()).toContain('Кызыкчылыгы боюнча');
		expect(await chart.locator('rect').count()).toBe(2); // water 6, agriculture 5
		expect(await page.locator('script[src]').count()).toBe(0);

		await page.goto(`${web()}/ru/organisation/demand`);
		expect(Object.values(await rows(page, 'amount'))).toEqual(['меньше 5', '5–9', 'меньше 5', 'меньше 5', 'меньше 5', 'меньше 5']);
		expect(await rows(page, 'country')).toEqual({ Россия: '5–9', 'Другие страны и страна не указана': 'меньше 5' });
		expect(await page.content()).not.toMatch(/demo-demand-|Бакыт/);
		await context.close();
	});

	it('lets staff pick any territory with a GET form', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await signIn(page, 'en', STAFF, DEMO_PASSWORD);
		await page.goto(`${web()}/en/staff/demand`);
		await page.locator('#f-soate').selectOption('41704000000000');
		await Promise.all([page.waitForURL(/soate=41704000000000/), page.locator('main form button[type=submit]').click()]);
		expect(await page.getByTestId('demand-total').innerText()).toBe('10–14');
		expect(Object.values(await rows(page, 'amount'))).toContain('fewer than 5');
		await context.close();
	});
});

describe('an investor, without JavaScript', () => {
	it('ticks "count my interest" in the profile, and it is saved', async () => {
		const email = uniqueEmail('demand-consent');
		await createAccount(email, 'Consenting Investor');
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await signIn(page, 'en', email, PASSWORD);
		await page.goto(`${web()}/en/account`);
		const consent = page.locator('input[name=countInterest]');
		expect(await consent.isChecked()).toBe(false); // off by default
		expect(await page.locator('label', { has: consent }).innerText()).toContain('they see only totals, never my name');
		await consent.check();
		await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/en/account'),
			page.locator('main form.stack:has(input[name=countInterest]) button[type=submit]').click(),
		]);
		await page.goto(`${web()}/en/account`);
		expect(await page.locator('input[name=countInterest]').isChecked()).toBe(true);
		expect((await meFromCookies(context)).profile.countInterest).toBe(true);
		await context.close();
	});
});
