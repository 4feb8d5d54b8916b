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

/** A breakdown table's caption and its two column heads. */
async function captionAndHeads(page: Page, section: 'sector' | 'amount' | 'country'): Promise<string[]> {
	const table = page.getByTestId(`demand-${section}`);
	return [await table.locator('caption').innerText(), ...(await table.locator('thead th').allInnerTexts())].map((t) => t.trim());
}

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
		// The territory by its full name and level, never "Нарын" alone (region or district?).
		expect(await page.locator('h1').innerText()).toBe('Ат-Башы району: мекендештердин суроо-талабы');
		expect(await page.locator('.lead').innerText()).toMatch(/^Ат-Башы району: бул жерден канча инвестор/);
		// The demo data: 8 people from At-Bashy, water 6, agriculture 5, education 3; Russia 5, Kazakhstan 2, Türkiye 1.
		// Only bands reach the page: 8, 6 and 5 are all "5–9"; Kazakhstan and Türkiye are never named.
		expect(await page.getByTestId('demand-total').innerText()).toBe('5–9');
		// Each table is captioned and its first column headed by what it lists.
		expect(await captionAndHeads(page, 'sector')).toEqual(['Кызыкчылыгы боюнча', 'Кызыкчылыгы', 'Инвесторлор']);
		expect(await captionAndHeads(page, 'amount')).toEqual(['Ойлогон суммасы боюнча', 'Ойлогон суммасы', 'Инвесторлор']);
		expect(await captionAndHeads(page, 'country')).toEqual(['Жашаган өлкөсү боюнча', 'Жашаган өлкөсү', 'Инвесторлор']);
		const sectors = await rows(page, 'sector');
		expect(Object.keys(sectors)).toHaveLength(11);
		expect(Object.values(sectors).filter((v) => v === '5–9')).toHaveLength(2);
		expect(Object.values(sectors).filter((v) => v === '5тен аз')).toHaveLength(9);
		expect(Object.values(await rows(page, 'amount'))).toEqual(['5тен аз', '5–9', '5тен аз', '5тен аз', '5тен аз', '5тен аз']);
		expect(await rows(page, 'country')).toEqual({ Россия: '5–9', 'Башка өлкөлөр жана өлкөсүн көрсөтпөгөндөр': '5тен аз' });
		expect(await page.locator('main').innerText()).not.toMatch(/Казакстан|Түркия|\b[678]\b/);
		// One chart, by interest, the most first; bars for cells of 5 or more only, the rest muted below.
		expect(await page.locator('.demand-chart').count()).toBe(1);
		const chart = page.getByTestId('demand-chart');
		expect(await chart.locator('figcaption strong').innerText()).toBe('Кызыкчылыктар, эң көбү биринчи');
		expect(await chart.locator('svg rect').count()).toBe(2); // water 6, agriculture 5
		expect(await chart.locator('li').first().innerText()).toMatch(/^Суу менен камсыздоо жана санитария\s+5–9$/);
		expect(await chart.locator('li').last().innerText()).toMatch(/\s5тен аз$/);
		expect(await page.locator('script[src]').count()).toBe(0);

		await page.goto(`${web()}/ru/organisation/demand`);
		expect(await page.locator('h1').innerText()).toBe('Спрос земляков: Ат-Башынский район');
		expect(await captionAndHeads(page, 'amount')).toEqual(['По сумме, которую они готовы вложить', 'Сумма', 'Инвесторов']);
		// Som as the rest of the site writes it ("50 000 сом"), never «сомов».
		expect((await page.getByTestId('demand-amount').innerText()).replace(/\u00a0/g, ' ')).toContain('10 000–50 000 сом');
		expect(await page.locator('main').innerText()).not.toContain('сомов');
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
		expect(await page.locator('h1').innerText()).toBe('Demand from compatriots: Naryn Region');
		expect(await page.locator('.lead').innerText()).toMatch(/^Naryn Region: how many investors from here/);
		expect(await page.getByTestId('demand-total').innerText()).toBe('10–14');
		expect(Object.values(await rows(page, 'amount'))).toContain('fewer than 5');
		await context.close();
	});
});

describe('on a 360 px phone, without JavaScript', () => {
	it('the demand page fits the screen: no sideways scroll, chart labels never on their values, text of 14 px or more', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.setViewportSize({ width: 360, height: 800 });
		await signIn(page, 'ky', OFFICER, DEMO_PASSWORD);
		await page.goto(`${web()}/ky/organisation/demand`);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		const items = await page.locator('[data-testid=demand-chart] li').evaluateAll((lis) =>
			lis.map((li) => {
				const box = (el: Element) => el.getBoundingClientRect();
				const label = box(li.querySelector('.demand-chart-label')!);
				const value = li.querySelector('.demand-value')!;
				const v = box(value);
				const apart = label.right <= v.left || v.right <= label.left || label.bottom <= v.top || v.bottom <= label.top;
				return {
					apart,
					inside: v.right <= window.innerWidth && label.right <= window.innerWidth,
					oneLine: value.getClientRects().length === 1 && v.height < 1.5 * parseFloat(getComputedStyle(value).lineHeight || '24'),
					fonts: [li.querySelector('.demand-chart-label')!, value].map((el) => parseFloat(getComputedStyle(el).fontSize)),
				};
			}),
		);
		expect(items).toHaveLength(11);
		for (const item of items) expect(item).toMatchObject({ apart: true, inside: true, oneLine: true });
		expect(Math.min(...items.flatMap((i) => i.fonts))).toBeGreaterThanOrEqual(14);
		// "5тен аз" stays on one line in the tables too: its text is no taller than a band's ("5–9"), whatever the row.
		const cells = await page.locator('.demand-table td').evaluateAll((tds) =>
			tds.map((td) => {
				const range = document.createRange();
				range.selectNodeContents(td);
				return { text: td.textContent!.trim(), height: range.getBoundingClientRect().height };
			}),
		);
		const few = cells.filter((c) => c.text === '5тен аз');
		const band = cells.find((c) => c.text === '5–9')!;
		expect(few.length).toBeGreaterThan(0);
		expect(Math.max(...few.map((c) => c.height))).toBeLessThanOrEqual(band.height);
		await context.close();
	});

	it('a form section heading that wraps sits inside its box, not on its border (account page and staff picker)', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.setViewportSize({ width: 360, height: 800 });
		const legendInside = () =>
			page.locator('main fieldset.field-group').evaluateAll((sets) =>
				sets.map((set) => {
					const legend = set.querySelector(':scope > legend')!.getBoundingClientRect();
					const box = set.getBoundingClientRect();
					return {
						below: legend.top > box.top,
						inside: legend.left > box.left && legend.right < box.right,
						lines: Math.round(legend.height),
					};
				}),
			);
		await signIn(page, 'ky', OFFICER, DEMO_PASSWORD);
		await page.goto(`${web()}/ky/account`);
		const consent = page.locator('main fieldset.field-group:has(input[name=countInterest]) > legend');
		expect(await consent.innerText()).toBe('Туулган районуңузга пландоого жардам берүү');
		const sets = await legendInside();
		expect(sets.length).toBeGreaterThan(3);
		for (const set of sets) expect(set).toMatchObject({ below: true, inside: true });
		await context.close();

		const staff = await newPage(browser, { javaScriptEnabled: false });
		await staff.page.setViewportSize({ width: 360, height: 800 });
		await signIn(staff.page, 'ky', STAFF, DEMO_PASSWORD);
		await staff.page.goto(`${web()}/ky/staff/demand`);
		const picker = await staff.page.locator('main fieldset.field-group').evaluate((set) => {
			const legend = set.querySelector('legend')!.getBoundingClientRect();
			return legend.top > set.getBoundingClientRect().top;
		});
		expect(picker).toBe(true);
		await staff.context.close();
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
		expect(await page.locator('label', { has: consent }).innerText()).toContain(
			'and the programme office: they see only totals, never my name',
		);
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
