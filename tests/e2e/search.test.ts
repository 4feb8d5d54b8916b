/**
 * Search on the projects page over the demo data (issue 8, fault 2): `суу` is a word, names and places are
 * searched, a word typed in NFD is found, and a refused search is explained in the page's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { newPage, web } from './account-helpers.js';

const LANGS = ['ky', 'ru', 'en'] as const;
const TOO_SHORT = {
	ky: 'Издөө үчүн кеминде 3 тамгадан турган сөз жазыңыз.',
	ru: 'Для поиска введите слово не короче 3 букв.',
	en: 'To search, type a word of at least 3 letters.',
} as const;

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The ids of the projects the page lists for a search, in order. */
async function results(page: Page, lang: string, q: string): Promise<string[]> {
	const response = await page.goto(`${web()}/${lang}/projects?q=${encodeURIComponent(q)}`);
	expect(response?.status(), q).toBe(200);
	const hrefs = await Promise.all((await page.locator('.cards .card-title a').all()).map((a) => a.getAttribute('href')));
	// Only the demo projects (prj-001 …): other e2e files share this stack and publish projects of their own.
	return hrefs.map((h) => h!.split('/').pop()!.split('?')[0]!).filter((id) => /^prj-\d{3}$/.test(id));
}

describe('search on the projects page', () => {
	it.each(LANGS)('finds water by суу, a village by a word typed in NFD, and places by name, in %s', async (lang) => {
		const { context, page } = await newPage(browser);
		// Exact word first: the two drinking-water projects and Кара-Суу's two, before longer words (сугат, Сузак).
		const water = await results(page, lang, 'суу');
		expect(water.slice(0, 4).sort()).toEqual(['prj-001', 'prj-002', 'prj-021', 'prj-023']);
		expect(water).toContain('prj-030'); // "сугат" (irrigation) starts with the same skeleton
		// "айылындагы" with й typed as и + U+0306, as some phone keyboards send it.
		expect(await results(page, lang, 'аи\u0306ылындагы')).toEqual(['prj-001']);
		expect((await results(page, lang, 'Ат-Башы')).sort()).toEqual(['prj-001', 'prj-002']);
		expect((await results(page, lang, 'Атбашы')).sort()).toEqual(['prj-001', 'prj-002']); // typed without the hyphen
		expect(await results(page, lang, 'Казарман')).toEqual(['prj-023']);
		expect((await results(page, lang, 'окмоту Кочкор')).sort()).toEqual(['prj-003', 'prj-005']);
		await context.close();
	});

	it.each(LANGS)('tells why a search was refused in %s, never in the API wording', async (lang) => {
		const { context, page } = await newPage(browser);
		// Three letters as typed, none left after folding (hard signs): the page lets it through, the API refuses it.
		expect(await results(page, lang, 'ъъъ')).toEqual([]);
		const notices = await page.locator('.notice').allInnerTexts();
		expect(notices).toContain(TOO_SHORT[lang]);
		expect(notices.join(' ')).not.toMatch(/invalid fields|needs a word/);
		await context.close();
	});
});
