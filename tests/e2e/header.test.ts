import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { newPage, web } from './account-helpers.js';

/**
 * The site header (issue 12 review): on a phone it took ~280 of 844 px in Kyrgyz and had no link to the catalogue.
 * Now "Projects" is in it, the secondary links fold into a menu that opens without JavaScript, and a wide screen
 * keeps every link in the row. With JavaScript, picking an oblast narrows the district list to its rayons.
 */

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

const headerHeight = (page: Page) => page.locator('.site-header').evaluate((h) => h.getBoundingClientRect().height);
const NARYN = '41704000000000';

describe('the header', () => {
	it.each(['ky', 'ru', 'en'] as const)('%s on a phone, without JavaScript: short, with the catalogue, the rest in a menu', async (lang) => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(`${web()}/${lang}`);
		// Two rows: the name with the languages, then the links (it was ~280 px in ky).
		expect(await headerHeight(page)).toBeLessThan(125);
		expect(await page.locator(`.account-nav a[href="/${lang}/projects"]`).isVisible()).toBe(true);
		const clubs = page.locator(`.account-nav a[href="/${lang}/clubs"]`);
		expect(await clubs.isVisible()).toBe(false);
		await page.locator('.nav-more > summary').click();
		expect(await clubs.isVisible()).toBe(true);
		await Promise.all([
			page.waitForURL(new RegExp(`/${lang}/projects$`)),
			page.locator(`.account-nav a[href="/${lang}/projects"]`).click(),
		]);
		await context.close();
	});

	it('on a wide screen: every link in one row, no menu to open', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await page.goto(`${web()}/ky`);
		expect(await page.locator('.nav-more > summary').isVisible()).toBe(false);
		for (const path of ['/ky/projects', '/ky/for-you', '/ky/clubs', '/ky/sign-in', '/ky/sign-up'])
			expect(await page.locator(`.account-nav a[href="${path}"]`).isVisible(), path).toBe(true);
		const tops = await page.locator('.account-nav a').evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
		expect(new Set(tops).size).toBe(1);
		await context.close();
	});
});

describe('the projects filters with JavaScript (static/js/rayon-filter.js)', () => {
	it('narrow the district list to the picked oblast’s rayons, and list them all again for "all"', async () => {
		const { context, page } = await newPage(browser);
		await page.goto(`${web()}/en/projects`);
		const groups = () => page.locator('#f-rayon optgroup').count();
		const all = await groups();
		expect(all).toBeGreaterThan(1);
		await page.locator('details.filters > summary').click();
		await page.locator('#f-oblast').selectOption(NARYN);
		expect(await page.locator('#f-rayon optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')))).toEqual(['Naryn Region']);
		await page.locator('#f-oblast').selectOption('');
		expect(await groups()).toBe(all);
		await context.close();
	});
});
