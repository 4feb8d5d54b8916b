import AxeBuilder from '@axe-core/playwright';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@mekendesh/demo-data';
import { launchBrowser } from './browser.js';
import { newPage, signIn, web } from './account-helpers.js';

const OFFICER = 'officer@demo.mekendesh.kg';
const STAFF = 'staff@demo.mekendesh.kg';
const NARYN = '41704000000000';
const CHUI = '41708000000000';
const LANGS = ['ky', 'ru', 'en'] as const;
// A distinctive Kyrgyz title (ө, ү, ң) and the way someone types it on a Russian keyboard.
const run = Date.now().toString(36);
const TITLE = `Күңгөй көпүрөсү ${run}`;
const MISSPELT = 'кунгой копуросу';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A PNG whose IHDR says `w` x `h` RGB pixels, with `rows` as its (deflated) pixel data. */
function png(w: number, h: number, rows: Buffer): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const out = Buffer.alloc(body.length + 8);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc32(body), body.length + 4);
		return out;
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(w, 0);
	header.writeUInt32BE(h, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

/** A real 24x16 PNG (RGB gradient), made here so the API's magic-byte check and resizing see a true image. */
function smallPng(): Buffer {
	const [w, h] = [24, 16];
	const rows = Buffer.alloc((w * 3 + 1) * h);
	for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rows.set([x * 10, y * 15, 120], y * (w * 3 + 1) + 1 + x * 3);
	return png(w, h, rows);
}

async function axe(page: Page, label: string) {
	const result = await new AxeBuilder({ page }).analyze();
	expect(result.violations.map((v) => `${label}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}

async function submitAndWait(page: Page, button: ReturnType<Page['locator']>, url?: RegExp) {
	await Promise.all([url ? page.waitForURL(url) : page.waitForLoadState('load'), button.click()]);
}

describe('a project from draft to discovery', () => {
	let projectPath = '';

	it('the officer drafts in Kyrgyz, uploads a photo and submits; the form passes axe in three languages', async () => {
		const { context, page } = await newPage(browser);
		await signIn(page, 'ky', OFFICER, DEMO_PASSWORD);
		for (const lang of ['ru', 'en'] as const) {
			await page.goto(`${web()}/${lang}/organisation/projects/new`);
			await axe(page, `${lang} officer form`);
		}
		await page.goto(`${web()}/ky/organisation/projects/new`);
		await axe(page, 'ky officer form');

		// A first try with sums that do not add up: refused, and what was typed stays.
		await page.locator('#f-title_ky').fill(TITLE);
		await page.locator('#f-summary_ky').fill('Айылдын **эски** көпүрөсүн жаңылайбыз.');
		await page
			.locator('#f-description_ky')
			.fill('## Эмне үчүн\n\n**Көпүрө** 40 жыл мурун курулган.<script>alert(1)</script>\n\n- мектепке жол\n- базарга жол');
		await page.locator('#f-sector').selectOption('roads');
		await page.locator('#f-goal').fill('100 000');
		await page.locator('#f-plan_diaspora').fill('60 000');
		await page.locator('#f-plan_municipality').fill('30 000');
		await page.locator('#f-deadline').fill('2027-06-30');
		await page.locator('#f-m0_title').fill('Көпүрөнүн пайдубалы');
		await page.locator('#f-m0_due').fill('2027-09-01');
		await page.locator('#f-m0_tranche').fill('100 000');
		await submitAndWait(page, page.getByRole('button', { name: 'Каралама катары сактоо' }));
		expect(await page.locator('.form-error').innerText()).toContain('Форманы текшериңиз');
		expect(await page.locator('#f-plan-error').innerText()).toBe('Үлүштөрдүн суммасы керектүү суммага барабар эмес.');
		expect(await page.locator('#f-title_ky').inputValue()).toBe(TITLE);

		await page.locator('#f-plan_municipality').fill('40 000');
		await submitAndWait(
			page,
			page.getByRole('button', { name: 'Каралама катары сактоо' }),
			/\/ky\/organisation\/projects\/[^/?]+\?created=1/,
		);
		projectPath = new URL(page.url()).pathname.replace('/ky/organisation/projects/', '');
		expect(await page.locator('.form-success').first().innerText()).toContain('Каралама сакталды');

		// A PNG of a few dozen bytes that declares 20000x20000 pixels: refused in Kyrgyz, and no cover appears. The form posts
		// it straight to the object store, which sends the browser back to /uploaded, which goes back to the page (issue 14).
		await page
			.locator('#f-photo')
			.setInputFiles({ name: 'bomba.png', mimeType: 'image/png', buffer: png(20_000, 20_000, Buffer.alloc(64)) });
		await submitAndWait(page, page.getByRole('button', { name: 'Сүрөттү жүктөө' }), /#photo-title$/);
		expect(await page.locator('.form-error').first().innerText()).toContain('Сүрөт 20000×20000 пиксель; 40 мегапикселден');
		expect(await page.locator('img.cover-thumb').count()).toBe(0);

		await page.locator('#f-photo').setInputFiles({ name: 'kopuro.png', mimeType: 'image/png', buffer: smallPng() });
		await submitAndWait(page, page.getByRole('button', { name: 'Сүрөттү жүктөө' }), /done=photo/);
		expect(await page.locator('.form-success').first().innerText()).toBe('Сүрөт жүктөлдү.');
		// The thumbnail is at its public path, /media/projects/... (CloudFront's; locally the dev route), by an unguessable name.
		const thumb = page.locator('img.cover-thumb');
		await thumb.waitFor();
		expect(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

		await submitAndWait(page, page.getByRole('button', { name: 'Текшерүүгө жөнөтүү' }), /submitted=1/);
		const card = page.locator('article', { has: page.locator('h2', { hasText: TITLE }) });
		expect(await card.locator('.status').innerText()).toBe('Текшерүүгө жөнөтүлдү');
		await context.close();
	});

	it('staff ask for changes with a reason; the officer reads it, loses nothing to a stale save, fixes and resubmits; staff approve', async () => {
		const staff = await newPage(browser);
		await signIn(staff.page, 'en', STAFF, DEMO_PASSWORD);
		await staff.page.goto(`${web()}/en/staff/projects`);
		const item = staff.page.locator('article', { has: staff.page.locator('h2', { hasText: TITLE }) });
		expect(await item.innerText()).toMatch(/Waiting for \d+ (minute|second)s?/);
		await submitAndWait(staff.page, item.getByRole('link'), /\/en\/staff\/projects\/[^/]+$/);
		expect(await staff.page.locator('.prose strong').first().innerText()).toBe('Көпүрө');
		const reason = 'Please add who will maintain the bridge after the works.';
		await staff.page.locator('#f-reason').fill(reason);
		await submitAndWait(staff.page, staff.page.getByRole('button', { name: 'Request changes' }), /done=request_changes/);

		const officer = await newPage(browser);
		await signIn(officer.page, 'ky', OFFICER, DEMO_PASSWORD);
		await officer.page.goto(`${web()}/ky/organisation/projects`);
		const card = officer.page.locator('article', { has: officer.page.locator('h2', { hasText: TITLE }) });
		expect(await card.locator('.review-reason').innerText()).toContain(reason);
		expect(await card.locator('.status').innerText()).toBe('Оңдоо суралды');

		// Two tabs on the same proposal: the second save is stale and keeps its text.
		const editUrl = `${web()}/ky/organisation/projects/${projectPath}`;
		await officer.page.goto(editUrl);
		const other = await officer.context.newPage();
		await other.goto(editUrl);
		await other.locator('#f-jobs').fill('3');
		await submitAndWait(other, other.getByRole('button', { name: 'Өзгөртүүлөрдү сактоо' }));
		expect(await other.locator('.form-success').innerText()).toBe('Өзгөртүүлөр сакталды.');
		const fixed = 'Айылдын эски көпүрөсүн жаңылайбыз. Көпүрөнү айыл өкмөтү күтөт.';
		await officer.page.locator('#f-summary_ky').fill(fixed);
		await submitAndWait(officer.page, officer.page.getByRole('button', { name: 'Өзгөртүүлөрдү сактоо' }));
		expect(await officer.page.locator('.form-error').innerText()).toContain('башка бирөө сактап койду');
		expect(await officer.page.locator('#f-summary_ky').inputValue()).toBe(fixed);
		await submitAndWait(officer.page, officer.page.getByRole('button', { name: 'Өзгөртүүлөрдү сактоо' }));
		expect(await officer.page.locator('.form-success').innerText()).toBe('Өзгөртүүлөр сакталды.');
		await submitAndWait(officer.page, officer.page.getByRole('button', { name: 'Текшерүүгө жөнөтүү' }), /submitted=1/);
		await officer.context.close();

		await staff.page.goto(`${web()}/en/staff/projects/${projectPath}`);
		await submitAndWait(staff.page, staff.page.getByRole('button', { name: 'Approve and publish' }), /done=approve/);
		expect(await staff.page.getByRole('status').innerText()).toBe('The project was approved and published.');
		await staff.context.close();
	});

	it.each(LANGS)(
		'a visitor finds it in %s by a misspelt Kyrgyz word and by its oblast on the map; no framework JS, axe clean',
		async (lang) => {
			// JavaScript stays on for axe and the checks.
			const { context, page } = await newPage(browser);
			await page.goto(`${web()}/${lang}/projects`);
			// No framework JavaScript: only the optional static script that narrows the district list to the oblast.
			expect(await page.locator('script').evaluateAll((els) => els.map((e) => e.getAttribute('src')))).toEqual(['/js/rayon-filter.js']);
			await axe(page, `${lang} discovery with map`);

			await page.locator('#f-q').fill(MISSPELT);
			await submitAndWait(page, page.locator('.search-row button'), /[?&]q=/);
			expect(await page.locator('.cards').innerText()).toContain(TITLE);
			expect(await page.locator('.cards').innerText()).toContain('Айылдын эски көпүрөсүн'); // the summary's Markdown as text

			await page.goto(`${web()}/${lang}/projects`);
			await submitAndWait(page, page.locator(`svg a[href*="oblast=${NARYN}"]`), new RegExp(`oblast=${NARYN}`));
			const link = page.locator('.cards a', { hasText: TITLE });
			expect(await link.count()).toBe(1);
			// The card carries the list it came from (?from=…), so the project page can lead back to the same search.
			await submitAndWait(page, link, new RegExp(`/${lang}/projects/${projectPath}\\?from=oblast%3D${NARYN}$`));

			// The project page: sanitised Markdown, cover photo from the web origin, plan picture, share tags.
			expect(await page.locator('.prose strong').first().innerText()).toBe('Көпүрө');
			expect(await page.locator('.prose script').count()).toBe(0);
			// Its srcset lists the copies the API made: this photo is 24 pixels wide, so one copy at its own width (issue 14 paths).
			expect(await page.locator('img.cover').getAttribute('srcset')).toMatch(/^\/media\/projects\/[^/]+\/[0-9a-z]{26}-w24\.webp 24w$/);
			expect(await page.locator('img.cover').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
			expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(TITLE);
			expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(
				/^http:\/\/127\.0\.0\.1:\d+\/media\/projects\/[^/]+\/[0-9a-z]{26}-w24\.webp$/,
			);
			expect(await page.locator('meta[property="og:locale"]').getAttribute('content')).toBe(
				{ ky: 'ky_KG', ru: 'ru_RU', en: 'en_US' }[lang],
			);
			expect(await page.locator('a[href^="https://t.me/share/url"]').count()).toBe(1);
			expect(await page.locator('svg.plan-chart rect').count()).toBe(2);
			await context.close();
		},
	);
});

describe('co-financing on the cards', () => {
	/** The card of a demo project on the list of an oblast, in Kyrgyz. */
	async function card(page: Page, oblast: string, id: string) {
		const response = await page.goto(`${web()}/ky/projects?oblast=${oblast}`);
		expect(response?.status()).toBe(200);
		const found = page.locator('.cards .card').filter({ has: page.locator(`.card-title a[href*="/projects/${id}?"]`) });
		expect(await found.count(), id).toBe(1);
		return found;
	}

	it('a Naryn card says in Kyrgyz what one som becomes under Mekenim 1+1; a Chui card says nothing of it', async () => {
		const { context, page } = await newPage(browser);
		// prj-001: Kara-Suu school roof (Naryn, education, donations): the demo programme covers it 1:1.
		const naryn = await card(page, NARYN, 'prj-001');
		expect(await naryn.locator('.card-one-som').innerText()).toMatch(/^Мекеним 1\+1 кошо каржылайт: ар бир сом 2\sсом болот$/);
		// prj-016: Green Tokmok park (Chui): no programme there.
		const chui = await card(page, CHUI, 'prj-016');
		expect(await chui.locator('.card-one-som').count()).toBe(0);
		expect(await chui.innerText()).not.toContain('кошо каржылайт');
		await context.close();
	});
});
