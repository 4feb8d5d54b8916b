import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@mekendesh/demo-data';
import { launchBrowser } from './browser.js';
import { PASSWORD, codeFromOutbox, createAccount, meFromCookies, newPage, openMenu, signIn, uniqueEmail, web } from './account-helpers.js';

const INVESTOR = 'aibek.investor@demo.mekendesh.kg';
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function submit(page: Page, urlPart: string | RegExp) {
	await Promise.all([page.waitForURL(urlPart), page.locator('main form.stack button[type=submit]').first().click()]);
}

describe('an investor, in Russian', () => {
	it('signs up, confirms with the code from the dev outbox, signs in and edits the profile', async () => {
		const email = uniqueEmail('investor');
		const { context, page } = await newPage(browser);

		// A password that breaks the policy is named next to its field, in Russian.
		await page.goto(`${web()}/ru/sign-up`);
		await page.locator('#f-email').fill(email);
		await page.locator('#f-displayName').fill('Айгуль Маматова');
		await page.locator('#f-password').fill('short');
		await page.locator('main form.stack button[type=submit]').click();
		await page.waitForSelector('#f-password-error');
		expect(await page.locator('#f-password-error').innerText()).toBe(
			'Пароль не отвечает этим требованиям: не меньше 12 символов; заглавная латинская буква (A–Z); цифра (0–9); символ, например ! или -.',
		);
		expect(await page.locator('#f-email').inputValue()).toBe(email);

		await page.locator('#f-password').fill(PASSWORD);
		await submit(page, /\/ru\/confirm\?/);
		expect(await page.getByRole('status').innerText()).toContain('Проверьте почту');

		const code = await codeFromOutbox(page, 'ru', email);
		await page.goto(`${web()}/ru/confirm?email=${encodeURIComponent(email)}`);
		await page.locator('#f-code').fill(code);
		// Confirmed in the browser that signed up: signed in at once, without the password a second time, on the home page.
		await submit(page, /\/ru$/);
		await openMenu(page);
		expect(await page.locator('.account-nav').innerText()).toContain('Выйти');
		await page.goto(`${web()}/ru/account`);
		expect(await page.locator('h1').innerText()).toBe('Мой профиль');

		// Home district only (its region fills in), residence, interests and an amount range in som.
		await page.locator('#f-homeRayonSoate').selectOption('41704220000000'); // At-Bashy rayon
		await page.locator('#f-homeSettlement').fill('Кара-Суу');
		await page.locator('#f-residenceCountry').selectOption('KR');
		await page.locator('#f-residenceCity').fill('Сеул');
		await page.locator('input[name=sectors][value=education]').check();
		await page.locator('input[name=sectors][value=water]').check();
		await page.locator('input[name=pledgeTypes][value=donation]').check();
		await page.locator('#f-amountMin').fill('5 000');
		await page.locator('#f-amountMax').fill('12 500,29');
		await page.locator('#f-telegram').fill('@aigul_seoul');
		await page.locator('input[name=showAsSupporter]').check();
		await page.locator('main form.stack button[type=submit]').click();
		await page.waitForSelector('.form-success');
		expect(await page.locator('.form-success').innerText()).toBe('Профиль сохранён.');

		// Saved for real: a fresh load shows it, and the API holds exact tyiyn.
		await page.reload();
		expect(await page.locator('#f-amountMax').inputValue()).toBe('12500,29');
		expect(await page.locator('#f-homeOblastSoate').inputValue()).toBe('41704000000000'); // Naryn oblast
		expect(await page.locator('input[name=sectors][value=water]').isChecked()).toBe(true);
		const me = await meFromCookies(context);
		expect(me.profile).toMatchObject({
			amountMin: 500_000,
			amountMax: 1_250_029,
			homeRayonSoate: '41704220000000',
			homeOblastSoate: '41704000000000',
			residenceCountry: 'KR',
			sectors: ['education', 'water'],
			pledgeTypes: ['donation'],
			telegram: '@aigul_seoul',
			showAsSupporter: true,
		});

		// A bad amount is refused next to its field and nothing changes.
		await page.locator('#f-amountMin').fill('пять');
		await page.locator('main form.stack button[type=submit]').click();
		await page.waitForSelector('#f-amountMin-error');
		expect(await page.locator('#f-amountMin-error').innerText()).toContain('Укажите сумму в сомах');
		expect((await meFromCookies(context)).profile.amountMin).toBe(500_000);
		await context.close();
	});
});

describe('the session cookies', () => {
	it('are HttpOnly, Secure and SameSite=Lax, invisible to page scripts, and go on sign-out', async () => {
		const { context, page } = await newPage(browser);
		await signIn(page, 'en', INVESTOR, DEMO_PASSWORD);
		const session = (await context.cookies()).filter((c) => c.name === 'mk_access' || c.name === 'mk_refresh');
		expect(session.map((c) => c.name).sort()).toEqual(['mk_access', 'mk_refresh']);
		for (const cookie of session) {
			expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
		}
		expect(await page.evaluate(() => document.cookie)).not.toMatch(/mk_(access|refresh)/);
		expect(await page.content()).not.toContain(session[0]!.value);

		await page.goto(`${web()}/en/sign-out`);
		await Promise.all([
			page.waitForURL(/\/en\/sign-in\?signed-out=1/),
			page.getByRole('button', { name: 'Sign out on this device' }).click(),
		]);
		expect((await context.cookies()).filter((c) => c.name.startsWith('mk_'))).toEqual([]);
		await context.close();
	});
});

describe('sign out everywhere', () => {
	it('ends the sessions on other devices too', async () => {
		const email = uniqueEmail('two-phones');
		await createAccount(email, 'Эрлан Садыков');
		const phone = await newPage(browser);
		const laptop = await newPage(browser);
		await signIn(phone.page, 'ru', email, PASSWORD);
		await signIn(laptop.page, 'ru', email, PASSWORD);
		await phone.page.goto(`${web()}/ru/sign-out`);
		// Tokens carry their issue time in whole seconds: let the next second start before revoking.
		await phone.page.waitForTimeout(1100);
		await Promise.all([
			phone.page.waitForURL(/signed-out=1/),
			phone.page.getByRole('button', { name: 'Выйти на всех устройствах' }).click(),
		]);
		const response = await laptop.page.goto(`${web()}/ru/account`);
		expect(new URL(laptop.page.url()).pathname).toBe('/ru/sign-in');
		expect(response?.status()).toBe(200);
		expect((await laptop.context.cookies()).filter((c) => c.name.startsWith('mk_'))).toEqual([]);
		await phone.context.close();
		await laptop.context.close();
	});
});

describe('without JavaScript', () => {
	it('signs in with the plain form and lands on the home page, which leads with what is for this person', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await signIn(page, 'ky', INVESTOR, DEMO_PASSWORD);
		expect(new URL(page.url()).pathname).toBe('/ky');
		expect(await page.locator('#for-you-title').innerText()).toBe('Сиз үчүн');
		await page.goto(`${web()}/ky/account`);
		expect(await page.locator('h1').innerText()).toBe('Менин профилим');
		expect(await page.locator('script[src]').count()).toBe(0);
		await context.close();
	});
});

describe('accessibility', () => {
	it('passes axe on sign-in, sign-up and profile pages in ky, ru and en', async () => {
		const anonymous = await newPage(browser);
		const signedIn = await newPage(browser);
		await signIn(signedIn.page, 'en', INVESTOR, DEMO_PASSWORD);
		const violations: string[] = [];
		for (const lang of ['ky', 'ru', 'en']) {
			for (const [{ page }, path] of [
				[anonymous, `/${lang}/sign-in`],
				[anonymous, `/${lang}/sign-up`],
				[signedIn, `/${lang}/account`],
			] as const) {
				const response = await page.goto(`${web()}${path}`);
				expect(response?.status(), path).toBe(200);
				expect(await page.getAttribute('html', 'lang')).toBe(lang);
				const result = await new AxeBuilder({ page }).analyze();
				violations.push(...result.violations.map((v) => `${path}: ${v.id} (${v.nodes.length})`));
			}
		}
		// And a form showing its errors.
		await anonymous.page.goto(`${web()}/ky/sign-up`);
		await anonymous.page.locator('main form.stack button[type=submit]').click();
		await anonymous.page.waitForSelector('#f-email-error');
		violations.push(...(await new AxeBuilder({ page: anonymous.page }).analyze()).violations.map((v) => `sign-up errors: ${v.id}`));
		expect(violations).toEqual([]);
		await anonymous.context.close();
		await signedIn.context.close();
	});
});
