import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_PROGRAMME_ID, DEMO_PROJECTS } from '@mekendesh/demo-data';
import { bishkekToday } from '@mekendesh/domain';
import { formatDate, formatSom } from '../../web/src/lib/format.js';
import { launchBrowser } from './browser.js';
import { apiAccessToken } from './account-helpers.js';

const LANGS = [
	{ lang: 'ky', heading: /Мекендеш/, zone: 'Бишкек убактысы боюнча 23:59 (UTC+6)' },
	{ lang: 'ru', heading: /Мекендеш/, zone: '23:59 по бишкекскому времени (UTC+6)' },
	{ lang: 'en', heading: /Mekendesh/, zone: '23:59 Bishkek time (UTC+6)' },
] as const;

const published = DEMO_PROJECTS.filter((p) => p.status === 'published').sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!));
const newest = published[0]!;

let browser: Browser;
const web = () => inject('webUrl');

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}) {
	const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	const response = await page.goto(`${web()}${path}`);
	return { context, page, response };
}

describe.each(LANGS)('public pages in $lang', ({ lang, heading, zone }) => {
	it("credits the boundary data in the reader's language, with the map legend counting projects", async () => {
		const { context, page } = await open(`/${lang}/projects`, { javaScriptEnabled: false });
		const credits = await page.locator('.attribution').allInnerTexts();
		expect(credits.length).toBeGreaterThanOrEqual(1);
		for (const credit of credits) {
			expect(credit).toContain('OCHA'); // the attribution the data's licence asks for stays
			expect(credit).toContain('CC BY-IGO 3.0');
			if (lang !== 'en') expect(credit).not.toMatch(/Administrative boundaries|Ministry of Emergency/);
		}
		const legend = (await page.locator('.map-legend').innerText()).toLowerCase();
		expect(legend).toContain({ ky: 'долбоорго чейин', ru: 'проект', en: 'project' }[lang]);
		await context.close();
	});

	it('lists the demo projects with a funding bar, with <html lang> set', async () => {
		const { context, page, response } = await open(`/${lang}/`);
		expect(response?.status()).toBe(200);
		expect(await page.getAttribute('html', 'lang')).toBe(lang);
		expect(await page.title()).toMatch(heading);
		const cards = page.locator('article');
		expect(await cards.count()).toBeGreaterThanOrEqual(10);
		await expect(page.getByRole('link', { name: newest.title[lang]! }).first().isVisible()).resolves.toBe(true);
		const bars = page.getByRole('progressbar');
		expect(await bars.count()).toBeGreaterThanOrEqual(10);
		await context.close();
	});

	it('opens a project page with its texts in this language', async () => {
		const { context, page } = await open(`/${lang}/`);
		await page.getByRole('link', { name: newest.title[lang]! }).first().click();
		await page.waitForURL(`**/${lang}/projects/${newest.id}`);
		expect(await page.locator('h1').innerText()).toContain(newest.title[lang]!);
		expect(await page.content()).toContain(newest.summary[lang]!.slice(0, 40));
		// The public ledger, with its heading in this language.
		expect(await page.locator('h2#ledger').count()).toBe(1);
		await context.close();
	});

	it('shows deadlines with their hour and zone, Bishkek time (UTC+6), on the cards and the project page', async () => {
		for (const path of [`/${lang}/`, `/${lang}/projects/${newest.id}`]) {
			const { context, page } = await open(path);
			const deadline = page.locator(`time[datetime="${newest.deadline}T23:59+06:00"]`).first();
			expect(await deadline.innerText(), path).toContain(zone);
			await context.close();
		}
	});

	it('passes axe with zero violations on the home, a project page and the for-you question flow', async () => {
		const forYou = `/${lang}/for-you?oblast=41704000000000`;
		for (const path of [
			`/${lang}/`,
			`/${lang}/projects/${newest.id}`,
			forYou,
			`${forYou}&rayon=41704220000000&sectors=education&amount=50000`,
		]) {
			const { context, page } = await open(path);
			const result = await new AxeBuilder({ page }).analyze();
			expect(result.violations.map((v) => `${path}: ${v.id} (${v.nodes.length})`)).toEqual([]);
			await context.close();
		}
	});
});

describe('without JavaScript', () => {
	it('keeps a page styled when it is opened again (the browser revalidates; a 304 must not bring another CSP)', async () => {
		const { context, page } = await open('/ky/projects', { javaScriptEnabled: false });
		const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
		expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
		for (let visit = 0; visit < 2; visit++) {
			await page.goto(`${web()}/ky/projects`);
			expect(await page.evaluate(() => document.styleSheets.length), `visit ${visit + 2}`).toBeGreaterThan(0);
			expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toBe(bodyFont);
		}
		await context.close();
	});

	it('shows the list, the project page and switches language through plain links', async () => {
		const { context, page } = await open('/en/', { javaScriptEnabled: false });
		expect(await page.locator('article').count()).toBeGreaterThanOrEqual(10);
		await page.locator('a[hreflang="ky"]').first().click();
		await page.waitForURL(/\/ky\/?$/);
		expect(await page.getAttribute('html', 'lang')).toBe('ky');
		await page.goto(`${web()}/ru/projects/${newest.id}`);
		expect(await page.locator('h1').innerText()).toContain(newest.title.ru!);
		await context.close();
	});

	it.each(LANGS)('takes "All projects" back to the list and the search the visitor came from, in $lang', async ({ lang }) => {
		const { context, page } = await open(`/${lang}/projects?sector=water&q=${encodeURIComponent('суу')}`, { javaScriptEnabled: false });
		await Promise.all([page.waitForURL(/\/projects\/prj-/), page.locator('.cards .card-title a').first().click()]);
		const back = page.locator('p.back a');
		expect(new URL(page.url()).searchParams.get('from')).toBe(`sector=water&q=${encodeURIComponent('суу')}`);
		await Promise.all([page.waitForURL(/\/projects\?/), back.click()]);
		const list = new URL(page.url());
		expect(list.pathname).toBe(`/${lang}/projects`);
		expect([list.searchParams.get('sector'), list.searchParams.get('q')]).toEqual(['water', 'суу']);
		// Opened directly: the list, not the home page; a forged `from` or a foreign Referer never leads elsewhere.
		await page.goto(`${web()}/${lang}/projects/${newest.id}`);
		expect(await back.getAttribute('href')).toBe(`/${lang}/projects`);
		await page.goto(`${web()}/${lang}/projects/${newest.id}?from=${encodeURIComponent('https://evil.example/?sector=water')}`);
		expect(await back.getAttribute('href')).toBe(`/${lang}/projects`);
		await page.goto(`${web()}/${lang}/projects/${newest.id}`, { referer: 'https://evil.example/ru/projects?sector=water' });
		expect(await back.getAttribute('href')).toBe(`/${lang}/projects`);
		await page.goto(`${web()}/${lang}/projects/${newest.id}`, { referer: `${web()}/${lang}/projects?sector=water` });
		expect(await back.getAttribute('href')).toBe(`/${lang}/projects?sector=water`);
		await context.close();
	});

	it('ships no script to public pages and sends the security headers', async () => {
		const { context, page, response } = await open('/en/');
		const scripts = await page.locator('script[src]').count();
		expect(scripts).toBe(0);
		const headers = response!.headers();
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
		expect(headers['x-content-type-options']).toBe('nosniff');
		await context.close();
	});

	it('says 404 in the page language for a project that is not public', async () => {
		const draft = DEMO_PROJECTS.find((p) => p.status === 'draft')!;
		const { context, page, response } = await open(`/ru/projects/${draft.id}`);
		expect(response?.status()).toBe(404);
		expect(await page.getAttribute('html', 'lang')).toBe('ru');
		await context.close();
	});
});

describe('co-financing on a demo project page', () => {
	// prj-002, a Naryn dairy under the demo programme Mekenim 1+1 (1:1, donations only); it also takes equity and loans.
	const dairy = DEMO_PROJECTS.find((p) => p.id === 'prj-002')!;
	const api = () => inject('apiUrl');
	const ONE_SOM = {
		ky: (two: string) => `Сиз кайрымдуулук катары берген ар бир сом ${two} болот: «Мекеним 1+1» 1:1 катышында кошот, кайрымдуулук гана.`,
		ru: (two: string) => `Каждый пожертвованный вами сом превращается в ${two}: «Мекеним 1+1» добавляет 1:1, только пожертвования.`,
		en: (two: string) => `Every som you give becomes ${two}: Mekenim 1+1 matches 1:1, donations only.`,
	};
	const NOT_MATCHED = {
		ky: (types: string) => `Кошо каржыланбайт: ${types}.`,
		ru: (types: string) => `Не софинансируются: ${types}.`,
		en: (types: string) => `Not matched: ${types}.`,
	};
	const UNMATCHED_TYPES = { ky: ['үлүштүк салымдар', 'карыздар'], ru: ['долевые вложения', 'займы'], en: ['equity investments', 'loans'] };

	async function token(email: string): Promise<string> {
		return apiAccessToken(email, DEMO_PASSWORD);
	}
	const send = async (path: string, bearer: string, body: object, headers: Record<string, string> = {}) => {
		const res = await fetch(`${api()}/v1${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...headers },
			body: JSON.stringify(body),
		});
		expect(res.status, path).toBe(201);
		return res.json() as Promise<Record<string, unknown>>;
	};

	it(
		'says nothing of co-financing in the bar where no programme applies, and from which day a programme matches where it matched nothing yet',
		{ timeout: 120_000 },
		async () => {
			type Funding = { raised: number; matched: number; programmes: { id: string; startDate: string }[] };
			const figures = await Promise.all(
				published.map(async (p) => ({
					id: p.id,
					funding: (await (await fetch(`${api()}/v1/projects/${p.id}/funding`)).json()) as Funding,
				})),
			);
			const none = figures.find((f) => f.funding.programmes.length === 0 && f.funding.matched === 0)!;
			const notYet = figures.find((f) => f.funding.programmes.length > 0 && f.funding.matched === 0 && f.funding.raised > 0);
			expect(none, 'a demo project no programme applies to').toBeDefined();
			expect(notYet, 'a demo project a programme applies to, with money received before it started').toBeDefined();
			const DAY = { ky: 'программа башталган күндөн', ru: 'дня начала программы', en: 'the day it started' };
			for (const { lang } of LANGS) {
				const { context, page } = await open(`/${lang}/projects/${none.id}`, { javaScriptEnabled: false });
				expect(await page.locator('.progress-legend li[data-part="matched"]').count(), lang).toBe(0);
				expect(await page.locator('.funding-progress').innerText(), lang).not.toMatch(
					/Кошо каржылоо кошту|Добавлено софинансированием|Added by co-financing|co-financing included|с учётом софинансирования|Кошо каржылоону кошкондо/,
				);
				await page.goto(`${web()}/${lang}/projects/${notYet!.id}`);
				expect(await page.locator('.progress-legend li[data-part="matched"]').innerText(), lang).toContain(formatSom(0, lang));
				const note = await page.locator('[data-matching-starts]').innerText();
				expect(note, lang).toContain(formatDate(notYet!.funding.programmes[0]!.startDate, lang));
				expect(note, lang).toContain(DAY[lang]);
				await context.close();
			}
		},
	);

	it(
		'says which programme adds what to which pledge, and counts matched money in the bar, in ky/ru/en without JS',
		{ timeout: 120_000 },
		async () => {
			// A donation of 5,000 som received: the programme adds 5,000 more.
			const investor = await token('aibek.investor@demo.mekendesh.kg');
			const staff = await token('staff@demo.mekendesh.kg');
			const amount = { amount: 500_000, currency: 'KGS' };
			const made = await send(
				`/projects/${dairy.id}/pledges`,
				investor,
				{ type: 'donation', amount, channel: 'bank_transfer', display: 'anonymous' },
				{ 'idempotency-key': `e2e-cofin-${Date.now()}` },
			);
			const booked = await send(`/pledges/${made.id}/receipts`, staff, {
				amount,
				receivedOn: bishkekToday({ now: () => new Date() }),
				bankReference: `E2E-COFIN-${Date.now()}`,
			});
			expect((booked.receipt as { matched: unknown }).matched).toEqual([{ programmeId: DEMO_PROGRAMME_ID, amountKgs: 500_000 }]);
			const funding = (await (await fetch(`${api()}/v1/projects/${dairy.id}/funding`)).json()) as {
				raised: number;
				matched: number;
				goal: number;
			};
			expect(funding.matched).toBeGreaterThanOrEqual(500_000);

			for (const { lang } of LANGS) {
				const { context, page } = await open(`/${lang}/projects/${dairy.id}`, { javaScriptEnabled: false });
				expect(await page.locator('.cofinancing-one-som[data-type="donation"]').innerText(), lang).toBe(
					ONE_SOM[lang](formatSom(200, lang)),
				);
				expect(await page.locator('.cofinancing-one-som').count(), lang).toBe(1); // loans and equity are not matched
				const types = new Intl.ListFormat(lang, { type: 'conjunction' }).format(UNMATCHED_TYPES[lang]);
				expect(await page.locator('[data-cofinancing]').innerText(), lang).toContain(NOT_MATCHED[lang](types));
				const terms = page.locator(`dl[data-programme="${DEMO_PROGRAMME_ID}"]`);
				expect(await terms.innerText(), lang).toContain('1:1');
				// The bar counts received and matched money, and its legend names each part in words.
				expect(await page.locator('section[aria-labelledby=funding] .progress-text').innerText(), lang).toContain(
					formatSom(funding.raised + funding.matched, lang),
				);
				expect(await page.locator('.progress-legend li[data-part="received"]').innerText(), lang).toContain(
					formatSom(funding.raised, lang),
				);
				expect(await page.locator('.progress-legend li[data-part="matched"]').innerText(), lang).toContain(
					formatSom(funding.matched, lang),
				);
				expect(await page.locator('script').count()).toBe(0);
				await context.close();

				const checked = await open(`/${lang}/projects/${dairy.id}`);
				const result = await new AxeBuilder({ page: checked.page }).analyze();
				expect(result.violations.map((v) => `${lang} co-financed project: ${v.id} (${v.nodes.length})`)).toEqual([]);
				await checked.context.close();
			}

			// The pledge form says the same before anyone chooses a type.
			const { context, page } = await open('/en/sign-in');
			await page.locator('#f-email').fill('aibek.investor@demo.mekendesh.kg');
			await page.locator('#f-password').fill(DEMO_PASSWORD);
			await Promise.all([
				page.waitForURL((url) => !url.pathname.endsWith('/sign-in')),
				page.locator('form.stack button[type=submit]').click(),
			]);
			await page.goto(`${web()}/en/projects/${dairy.id}/pledge`);
			expect(await page.locator('.cofinancing-one-som[data-type="donation"]').innerText()).toBe(ONE_SOM.en(formatSom(200, 'en')));
			expect(await page.locator('[data-cofinancing]').innerText()).toContain('Not matched: equity investments and loans.');
			await context.close();
		},
	);
});
