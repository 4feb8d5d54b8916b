import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Project, ProjectSummary } from '@mekendesh/contracts';
import { DEMO_PASSWORD } from '@mekendesh/demo-data';
import { bishkekDay } from '@mekendesh/domain';
import { launchBrowser } from './browser.js';
import { PASSWORD, api, apiAccessToken, createAccount, newPage, signIn, uniqueEmail, web } from './account-helpers.js';

// Phones first (PRODUCT.md): every check here runs at 390x844, the size of a common phone (newPage's viewport).
const SCREEN = { width: 390, height: 844 };
const STAFF = 'staff@demo.mekendesh.kg';
const NARYN = '41704000000000';
const LANGS = ['ky', 'ru', 'en'] as const;

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

const widthOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const cardTop = (page: Page) =>
	page
		.locator('.cards li')
		.first()
		.evaluate((li) => li.getBoundingClientRect().top);
const ruProjects = (n: number) => {
	const form = new Intl.PluralRules('ru').select(n);
	return `${n} ${form === 'one' ? 'проект' : form === 'few' ? 'проекта' : 'проектов'}`;
};

async function submitSearch(page: Page, words: string) {
	await page.locator('#f-q').fill(words);
	await Promise.all([page.waitForURL(/[?&]q=/), page.locator('.search-row button').click()]);
}

describe('discovery on a phone, without JavaScript', () => {
	it('after a search in Russian, the result count and the first result are on the first screen; the map follows the results', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(`${web()}/ru/projects`);
		await submitSearch(page, 'школ');
		const cards = await page.locator('.cards li').count();
		expect(cards).toBeGreaterThan(1);
		// The first screen holds the count and the top of the first result.
		expect(await cardTop(page)).toBeLessThan(SCREEN.height);
		expect(await page.locator('.results-count').innerText()).toBe(`Найдено: ${ruProjects(cards)}.`);
		expect(await page.locator('.results-count').evaluate((p) => p.getBoundingClientRect().bottom)).toBeLessThan(SCREEN.height);
		// The filters are folded away under the search box; the map comes after the results.
		expect(await page.locator('details.filters').getAttribute('open')).toBeNull();
		const [results, map] = await Promise.all([page.locator('#results').boundingBox(), page.locator('figure.oblast-map').boundingBox()]);
		expect(map!.y).toBeGreaterThan(results!.y + results!.height - 1);
		expect(await widthOf(page)).toBeLessThanOrEqual(SCREEN.width);
		await context.close();
	});

	it('after a tap on the map, the oblast’s results come first, counted in each language, and what is chosen shows on the folded filters', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		const found = {
			ky: (n: number) => `${n} долбоор табылды.`,
			ru: (n: number) => `Найдено: ${ruProjects(n)}.`,
			en: (n: number) => `${n} ${n === 1 ? 'project' : 'projects'} found.`,
		};
		const naryn = { ky: 'Нарын облусу', ru: 'Нарынская область', en: 'Naryn Region' };
		for (const lang of LANGS) {
			await page.goto(`${web()}/${lang}/projects`);
			await Promise.all([page.waitForURL(new RegExp(`oblast=${NARYN}`)), page.locator(`svg a[href*="oblast=${NARYN}"]`).click()]);
			const cards = await page.locator('.cards li').count();
			expect(cards, lang).toBeGreaterThan(0);
			expect(await cardTop(page), lang).toBeLessThan(SCREEN.height);
			expect(await page.locator('.results-count').innerText(), lang).toBe(found[lang](cards));
			expect(await page.locator('details.filters summary').innerText(), lang).toContain(naryn[lang]);
			expect(await widthOf(page), lang).toBeLessThanOrEqual(SCREEN.width);
		}
		await context.close();
	});

	it('says honestly when more pages exist instead of inventing a total', async () => {
		const { nextCursor } = (await (await fetch(`${api()}/v1/projects?state=raising&limit=12`)).json()) as { nextCursor: string | null };
		expect(nextCursor).not.toBeNull(); // the demo data has more than one page of projects raising money
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(`${web()}/ru/projects?state=raising`);
		expect(await page.locator('.cards li').count()).toBe(12);
		expect(await page.locator('.results-count').innerText()).toBe('На этой странице: 12 проектов. Ещё есть на следующей странице.');
		expect(await page.locator('a[rel=next]').count()).toBe(1);
		expect(await cardTop(page)).toBeLessThan(SCREEN.height);
		await page.goto(`${web()}/en/projects?state=raising`);
		expect(await page.locator('.results-count').innerText()).toBe('12 projects on this page. More on the next page.');
		await context.close();
	});
});

/** A published project no other project shares its oblast, sector and kind with, so a programme for it co-finances only it. */
async function projectOfItsOwnKind(): Promise<Project> {
	const items: ProjectSummary[] = [];
	let cursor: string | null = null;
	do {
		const page = (await (
			await fetch(`${api()}/v1/projects?limit=50&state=raising${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
		).json()) as { items: ProjectSummary[]; nextCursor: string | null };
		items.push(...page.items);
		cursor = page.nextCursor;
	} while (cursor);
	const triple = (p: Pick<Project, 'oblastSoate' | 'sector' | 'kind'>) => `${p.oblastSoate}/${p.sector}/${p.kind}`;
	const counts = new Map<string, number>();
	for (const p of items) counts.set(triple(p), (counts.get(triple(p)) ?? 0) + 1);
	const today = bishkekDay(new Date());
	// From the end of the list: the pledge story (pledges.test.ts) takes the first project that fits it.
	for (const summary of [...items].reverse()) {
		if (counts.get(triple(summary)) !== 1 || summary.oblastSoate === NARYN) continue;
		const p = (await (await fetch(`${api()}/v1/projects/${summary.id}`)).json()) as Project;
		if (p.status === 'published' && p.pledgeTypes.includes('donation') && p.deadline >= today && p.minimumPledge <= 1_000_000) return p;
	}
	throw new Error('no published project has an oblast, sector and kind of its own');
}

async function post(path: string, token: string, body: unknown, headers: Record<string, string> = {}) {
	const res = await fetch(`${api()}/v1${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
		body: JSON.stringify(body),
	});
	expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
	return res.json() as Promise<Record<string, unknown>>;
}

const tokenOf = (email: string, password: string) => apiAccessToken(email, password);

describe('money pages on a phone', () => {
	it(
		'the project page’s public ledger, with co-financing, fits 390 px in ky, ru and en; so do the pledge, receipt, portfolio and audit pages',
		{ timeout: 120_000 },
		async () => {
			const target = await projectOfItsOwnKind();
			const staff = await tokenOf(STAFF, DEMO_PASSWORD);
			const year = Number(bishkekDay(new Date()).slice(0, 4));
			await post('/programmes', staff, {
				name: {
					ky: 'Мекендеш — мамлекеттик кошо каржылоо программасы',
					ru: 'Государственная программа софинансирования «Мекендеш»',
					en: 'Mekendesh state co-financing programme',
				},
				ratio: { numerator: 1, denominator: 1 },
				budget: 500_000_000,
				capPerProject: 200_000_000,
				oblastSoates: [target.oblastSoate],
				sectors: [target.sector],
				kinds: [target.kind],
				startDate: `${year - 1}-01-01`,
				endDate: `${year + 1}-12-31`,
			});
			// A supporter with a long, real-looking name, named in the ledger; a sum in the millions.
			const email = uniqueEmail('phone');
			await createAccount(email, 'Айжаркын Абдыкадырова-Сатыбалдиева');
			const investor = await tokenOf(email, PASSWORD);
			const pledge = await post(
				`/projects/${target.id}/pledges`,
				investor,
				{ type: 'donation', amount: { amount: 123_456_700, currency: 'KGS' }, channel: 'bank_transfer', display: 'name' },
				{ 'idempotency-key': `phone-${Date.now()}` },
			);
			const booked = await post('/staff/statements/commit', staff, {
				csv: [
					'date;amount;currency;description;bank_reference',
					`${bishkekDay(new Date())};1234567,00;KGS;Взнос ${pledge.paymentReference};phone-${Date.now()}`,
				].join('\n'),
			});
			expect(JSON.stringify(booked)).toContain('"booked"');
			// An application is in the audit log: the staff's audit page has a row to show.
			await post('/organisations', investor, {
				name: { ru: 'Айыл өкмөтү для проверки ширины' },
				kind: 'ayil_okmotu',
				territorySoate: target.oblastSoate,
				applicantPosition: 'специалист',
				contactPhone: '+996 555 123 456',
				contactEmail: email,
			});

			const visitor = await newPage(browser);
			const kinds = { ky: 'Кошо каржыланды', ru: 'Софинансирование', en: 'Matched' };
			for (const lang of LANGS) {
				await visitor.page.goto(`${web()}/${lang}/projects/${target.id}`);
				const ledger = visitor.page.locator('table.ledger');
				expect(await ledger.innerText(), lang).toContain('Абдыкадырова-Сатыбалдиева');
				expect(await ledger.innerText(), lang).toContain(kinds[lang]);
				expect(await widthOf(visitor.page), `${lang} project page`).toBeLessThanOrEqual(SCREEN.width);
				expect(await ledger.evaluate((t) => t.getBoundingClientRect().right), lang).toBeLessThanOrEqual(SCREEN.width);
			}
			const result = await new AxeBuilder({ page: visitor.page }).analyze();
			expect(result.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
			// The discovery page laid out for results (folded filters naming the choice, count, map after) is axe clean too.
			await visitor.page.goto(`${web()}/ru/projects?q=${encodeURIComponent('школ')}&oblast=${target.oblastSoate}`);
			const discovery = await new AxeBuilder({ page: visitor.page }).analyze();
			expect(discovery.violations.map((v) => `discovery: ${v.id} (${v.nodes.length})`)).toEqual([]);
			await visitor.context.close();

			const { context, page } = await newPage(browser);
			await signIn(page, 'ru', email, PASSWORD);
			for (const lang of LANGS) {
				for (const path of [
					'/account/pledges',
					`/pledges/${pledge.id}`,
					`/pledges/${pledge.id}/receipt`,
					`/projects/${target.id}/pledge`,
				]) {
					expect((await page.goto(`${web()}/${lang}${path}`))?.status(), path).toBe(200);
					expect(await widthOf(page), `${lang}${path}`).toBeLessThanOrEqual(SCREEN.width);
				}
			}
			await context.close();

			// The public statistics and another project page (its funder table) fit too.
			const anyone = await newPage(browser);
			for (const lang of LANGS) {
				for (const path of ['/statistics', '/projects/prj-001']) {
					expect((await anyone.page.goto(`${web()}/${lang}${path}`))?.status(), path).toBe(200);
					expect(await widthOf(anyone.page), `${lang}${path}`).toBeLessThanOrEqual(SCREEN.width);
					// Every figure is on the screen, under its column's name (a table of figures is a card per row on a
					// phone): not off to the right of a scrolling table (new-user review: ky sector names only).
					const figures = anyone.page.locator('table.phone-cards td.num');
					expect(await figures.count(), `${lang}${path}`).toBeGreaterThan(0);
					const rights = await figures.evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().right));
					expect(Math.max(...rights), `${lang}${path}`).toBeLessThanOrEqual(SCREEN.width);
					// Nothing in a card spills out of it: a column's name wraps, an amount keeps to its line.
					const spills = await figures.evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).length);
					expect(spills, `${lang}${path}`).toBe(0);
				}
			}
			await anyone.page.goto(`${web()}/ru/statistics`);
			const statistics = await new AxeBuilder({ page: anyone.page }).analyze();
			expect(statistics.violations.map((v) => `statistics: ${v.id} (${v.nodes.length})`)).toEqual([]);
			await anyone.context.close();

			const office = await newPage(browser);
			await signIn(office.page, 'ru', STAFF, DEMO_PASSWORD);
			for (const lang of LANGS) {
				// The dashboard's charts keep 12px text: they scroll in their own focusable regions instead of shrinking.
				await office.page.goto(`${web()}/${lang}/staff/dashboard`);
				expect(await widthOf(office.page), `${lang} dashboard`).toBeLessThanOrEqual(SCREEN.width);
				expect(await office.page.locator('.chart-scroll[role=region][tabindex="0"]').count(), lang).toBeGreaterThan(0);
				await office.page.goto(`${web()}/${lang}/staff/audit`);
				expect(await widthOf(office.page), `${lang} audit`).toBeLessThanOrEqual(SCREEN.width);
				// The log is wider than a phone: it scrolls inside its own labelled region, which a keyboard can reach.
				const region = office.page.locator('.table-scroll[role=region]');
				expect(await region.getAttribute('tabindex'), lang).toBe('0');
				expect(await region.getAttribute('aria-labelledby'), lang).toBe('page-title');
			}
			await office.context.close();
		},
	);
});
