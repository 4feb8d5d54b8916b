import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PROJECTS } from '@mekendesh/demo-data';
import { launchBrowser } from './browser.js';
import { PASSWORD, api, codeInNewTab, createAccount, meFromCookies, newPage, signIn, uniqueEmail, web } from './account-helpers.js';

const NARYN = '41704000000000';
const AT_BASHY = '41704220000000';
/** Published demo projects in At-Bashy: the visitor who says they are from there must see one of these first. */
const AT_BASHY_PROJECTS = DEMO_PROJECTS.filter((p) => p.status === 'published' && p.rayonSoate === AT_BASHY).map((p) => p.id);

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The project ids of the recommendation cards, in the order shown. */
async function cardIds(page: Page, scope = 'main'): Promise<string[]> {
	const hrefs = await page
		.locator(`${scope} .recommendations .card-title a`)
		.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	return hrefs.map((h) => /\/projects\/([^/?#]+)/.exec(h)?.[1] ?? h);
}

async function submit(page: Page, url: RegExp | ((url: URL) => boolean), button = 'main form.stack button[type=submit]') {
	await Promise.all([page.waitForURL(url), page.locator(button).last().click()]);
}

/** Answers the question flow in Kyrgyz: Naryn, then At-Bashy, education, 50 000 som. */
async function answerInKyrgyz(page: Page): Promise<void> {
	await page.goto(`${web()}/ky/for-you`);
	expect(await page.locator('legend').first().innerText()).toBe('1-кадам: кайсы жерденсиз?');
	await page.locator('#f-oblast').selectOption(NARYN);
	await submit(page, (u) => u.searchParams.get('oblast') === NARYN);
	expect(await page.locator('.recommendations').count()).toBe(0); // step 2 first, no list yet
	// The rayons offered are Naryn's, named in Kyrgyz.
	const rayons = await page.locator('#f-rayon option').allInnerTexts();
	expect(rayons).toContain('Ат-Башы району');
	expect(rayons).not.toContain('Ала-Бука району');
	await page.locator('#f-rayon').selectOption(AT_BASHY);
	await page.locator('input[name=sectors][value=education]').check();
	await page.locator('#f-amount').fill('50 000');
	await page.locator('#f-country').selectOption('RU');
	await submit(page, (u) => u.searchParams.get('rayon') === AT_BASHY);
}

describe('a visitor, without JavaScript', () => {
	it('answers the question flow in Kyrgyz and gets a list led by a project in the home district, shareable by its URL', async () => {
		expect(AT_BASHY_PROJECTS.length).toBeGreaterThan(0);
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await answerInKyrgyz(page);
		expect(await page.getAttribute('html', 'lang')).toBe('ky');
		const ids = await cardIds(page);
		expect(ids.length).toBeGreaterThan(0);
		expect(AT_BASHY_PROJECTS).toContain(ids[0]);
		// Its reasons in Kyrgyz, the home district first among them.
		const reasons = page.locator('main .recommendations li').first().locator('.reasons li');
		expect(await reasons.first().getAttribute('data-reason')).toBe('home_rayon');
		expect(await reasons.first().innerText()).toMatch(/Ат-Башы/);
		// At most three reasons a card, and co-financing said once: the bold line, not also a bullet.
		const cards = page.locator('main .recommendations > li');
		for (let i = 0; i < (await cards.count()); i += 1) {
			const card = cards.nth(i);
			expect(await card.locator('.reasons li').count()).toBeLessThanOrEqual(3);
			if ((await card.locator('.one-som').count()) > 0) expect(await card.locator('.reasons li[data-reason=cofinanced]').count()).toBe(0);
		}
		// The answers in one line at the top, with a way to change them (the form, further down, keeps them).
		const summary = page.locator('main p.summary');
		expect(await summary.locator('strong').innerText()).toMatch(/^.*Ат-Башы.* · .+ · .*50\s000\sсом.* · .+$/);
		expect(await summary.locator('a').getAttribute('href')).toBe('#answers');
		expect(await page.locator('#answers #f-amount').inputValue()).toBe('50000');
		expect(await page.locator('#answers #f-country').inputValue()).toBe('RU');
		const top = await summary.evaluate((el) => el.getBoundingClientRect().top);
		const firstCard = await cards.first().evaluate((el) => el.getBoundingClientRect().top);
		expect(top).toBeLessThan(firstCard);

		// The share link is the canonical URL of the same answers, and opens the same list.
		const share = await page.locator('a.share-link').getAttribute('href');
		const shared = new URL(share!);
		expect([shared.pathname, shared.searchParams.get('oblast'), shared.searchParams.get('rayon')]).toEqual([
			'/ky/for-you',
			NARYN,
			AT_BASHY,
		]);
		expect([shared.searchParams.get('sectors'), shared.searchParams.get('amount'), shared.searchParams.get('country')]).toEqual([
			'education',
			'50000',
			'RU',
		]);
		expect(page.url()).toBe(share); // the form's answers moved to the canonical URL
		expect(await page.locator('#share-url').inputValue()).toBe(share);
		await page.goto(`${web()}${shared.pathname}${shared.search}`);
		expect(await cardIds(page)).toEqual(ids);
		expect(await page.locator('script[src]').count()).toBe(0);
		// Good on a small phone: nothing wider than 360 px, the long share link and the country names included.
		const { context: phoneContext, page: phone } = await newPage(browser, { javaScriptEnabled: false });
		await phone.setViewportSize({ width: 360, height: 740 });
		await phone.goto(share!);
		const wide = await phone.evaluate(() =>
			[...document.querySelectorAll('body *')]
				.filter((e) => e.getBoundingClientRect().right > 361)
				.map((e) => `${e.tagName}.${e.className}`),
		);
		expect(await phone.evaluate(() => document.documentElement.scrollWidth), wide.slice(0, 5).join(' ')).toBeLessThanOrEqual(360);
		await phoneContext.close();
		await context.close();
	});

	it('drops unreadable answers in the URL with a note, never a 500', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		const response = await page.goto(`${web()}/en/for-you?oblast=${NARYN}&rayon=41708000000000&sectors=education,space&country=SU`);
		expect(response?.status()).toBe(200);
		expect(await page.locator('main [role=status]').first().innerText()).toBe(
			'Some answers in the link could not be read and were left out: district, interests, and country.',
		);
		expect((await cardIds(page)).length).toBeGreaterThan(0);
		const bad = await page.goto(`${web()}/en/for-you?oblast=%3Cscript%3E`);
		expect(bad?.status()).toBe(200);
		expect(await page.locator('#f-oblast').count()).toBe(1); // back on step 1
		await context.close();
	});

	it('reads an amount as the site writes it, and says next to the field when one cannot be read', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(`${web()}/en/for-you?oblast=${NARYN}`);
		await page.locator('#f-amount').fill('20,000');
		await submit(page, (u) => u.searchParams.has('rayon'));
		expect(new URL(page.url()).searchParams.get('amount')).toBe('20000');
		expect(await page.locator('main p.summary strong').innerText()).toMatch(/about 20,000\ssom/);
		await page.locator('#f-amount').fill('lots');
		await submit(page, (u) => u.searchParams.get('amount') === 'lots');
		expect(await page.locator('#f-amount-error').innerText()).toBe('This amount could not be read. Write whole som, for example 20 000.');
		expect(await page.locator('#f-amount').inputValue()).toBe('lots');
		expect(await page.locator('main [role=status]').count()).toBe(0); // not a "link" problem
		expect(await cardIds(page)).toEqual([]);
		await context.close();
	});

	it('is invited into the question flow from the home page, and from the header on every page', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(`${web()}/ru`);
		expect(await page.locator('#for-you-title').innerText()).toBe('Для вас');
		await page.locator('#f-oblast').selectOption(NARYN);
		await submit(page, (u) => u.pathname === '/ru/for-you' && u.searchParams.get('oblast') === NARYN, 'main form.for-you-start button');
		expect(await page.locator('#f-rayon').count()).toBe(1);
		await page.goto(`${web()}/ru/projects`);
		await Promise.all([page.waitForURL(`${web()}/ru/for-you`), page.locator('header a[href="/ru/for-you"]').click()]);
		expect(await page.locator('#f-oblast').count()).toBe(1);
		await context.close();
	});
});

describe('keeping the answers by signing up', () => {
	it('saves them into the new profile once sign-up is confirmed, and lands on the list for them', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await answerInKyrgyz(page);
		await Promise.all([page.waitForURL(/\/ky\/sign-up\?/), page.locator('main .keep-links a.button').click()]);
		const next = new URL(page.url()).searchParams.get('next')!;
		expect(next.startsWith('/ky/account?')).toBe(true);

		const email = uniqueEmail('for-you');
		await page.locator('#f-email').fill(email);
		await page.locator('#f-displayName').fill('Айбек Токтогулов');
		await page.locator('#f-password').fill(PASSWORD);
		await submit(page, /\/ky\/confirm\?/);
		await page.locator('#f-code').fill(await codeInNewTab(context, 'ky', email));
		await submit(page, (u) => u.pathname === '/ky/for-you');

		// Saved without visiting the profile form, and said so.
		expect(await page.locator('main [role=status]').first().innerText()).toBe('Жоопторуңуз профилиңизде сакталды.');
		const { profile } = await meFromCookies(context);
		expect([profile.homeOblastSoate, profile.homeRayonSoate, profile.sectors, profile.amountMax, profile.residenceCountry]).toEqual([
			NARYN,
			AT_BASHY,
			['education'],
			5_000_000,
			'RU',
		]);
		expect(profile.displayName).toBe('Айбек Токтогулов');
		// The list is now the investor's own, from the saved profile, led by home.
		expect(AT_BASHY_PROJECTS).toContain((await cardIds(page))[0]);
		await context.close();
	});
});

describe('a link carrying answers, followed to sign in to an existing account', () => {
	for (const who of ['with answers', 'without answers'] as const) {
		it(`(${who}) opens the prefilled form and changes nothing until they save`, async () => {
			const email = who === 'with answers' ? await investorWithProfile() : uniqueEmail('for-you-link');
			if (who === 'without answers') await createAccount(email, 'Асель Бекова');
			const { context, page } = await newPage(browser, { javaScriptEnabled: false });
			// Anyone can send this link: Chui, tourism, 1,000 som.
			const next = `/en/account?oblast=41708000000000&sectors=tourism&amount=1000`;
			await page.goto(`${web()}/en/sign-in?next=${encodeURIComponent(next)}`);
			await page.locator('#f-email').fill(email);
			await page.locator('#f-password').fill(PASSWORD);
			await submit(page, (u) => u.pathname === '/en/account');
			const { profile } = await meFromCookies(context);
			expect([profile.homeOblastSoate, profile.homeRayonSoate, profile.sectors, profile.amountMax]).toEqual(
				who === 'with answers' ? [NARYN, AT_BASHY, ['education', 'agriculture'], 10_000_000] : [null, null, [], null],
			);
			await context.close();
		});
	}
});

/** A new investor whose profile says At-Bashy, education and agriculture, 10 000 to 100 000 som. */
async function investorWithProfile(): Promise<string> {
	const email = uniqueEmail('for-you-investor');
	await createAccount(email, 'Нурлан Асанов');
	const tokens = (await (
		await fetch(`${api()}/v1/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email, password: PASSWORD }),
		})
	).json()) as { accessToken: string };
	const put = await fetch(`${api()}/v1/me/profile`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.accessToken}` },
		body: JSON.stringify({
			displayName: 'Нурлан Асанов',
			homeOblastSoate: NARYN,
			homeRayonSoate: AT_BASHY,
			residenceCountry: 'RU',
			sectors: ['education', 'agriculture'],
			amountMin: 1_000_000,
			amountMax: 10_000_000,
			locale: 'en',
		}),
	});
	expect(put.status).toBe(200);
	return email;
}

describe('a signed-in investor', () => {
	it('sees recommendations with their reasons on the home page, and more near home on a project page', async () => {
		const email = await investorWithProfile();
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await signIn(page, 'en', email, PASSWORD);
		await page.goto(`${web()}/en`);
		const section = 'section.for-you';
		const ids = await cardIds(page, section);
		expect(ids.length).toBeGreaterThan(0);
		expect(ids.length).toBeLessThanOrEqual(3);
		expect(AT_BASHY_PROJECTS).toContain(ids[0]);
		const reasons = await page.locator(`${section} .recommendations li`).first().locator('.reasons li').allInnerTexts();
		expect(reasons.length).toBeGreaterThan(0);
		expect(reasons[0]).toMatch(/At-Bashy/);
		expect(await page.locator(`${section} .invite`).count()).toBe(0); // the profile has all three answers

		// The project page offers others near home, never the one being read.
		await page.goto(`${web()}/en/projects/${ids[0]}`);
		expect(await page.locator('#near-home').innerText()).toBe('More near your home');
		const near = await cardIds(page, 'section:has(#near-home)');
		expect(near.length).toBeGreaterThan(0);
		expect(near.length).toBeLessThanOrEqual(3);
		expect(near).not.toContain(ids[0]);
		// Their own list says where its answers come from, and how to change them.
		await page.goto(`${web()}/en/for-you`);
		expect(await page.locator('main a[href="/en/account"]', { hasText: 'Change your answers in your profile' }).count()).toBe(1);
		await context.close();
	});

	it('with an empty profile is invited to give the three answers, on the home page and at /for-you', async () => {
		const email = uniqueEmail('for-you-empty');
		await createAccount(email, 'Nurlan Asanov');
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await signIn(page, 'en', email, PASSWORD);
		for (const path of ['/en', '/en/for-you']) {
			await page.goto(`${web()}${path}`);
			const invite = page.locator('main .invite');
			expect(await invite.innerText(), path).toContain('your home district, what you care about, and about how much you could give');
			expect(await invite.locator('a').getAttribute('href')).toBe('/en/account');
		}
		await context.close();
	});
});
