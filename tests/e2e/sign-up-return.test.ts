import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { PASSWORD, api, codeInNewTab, createAccount, meFromCookies, newPage, openMenu, uniqueEmail, web } from './account-helpers.js';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A published demo project: its pledge page is the return address of these sign-ups. */
async function publishedProjectId(): Promise<string> {
	const { items } = (await (await fetch(`${api()}/v1/projects?limit=50`)).json()) as { items: { id: string; status: string }[] };
	const found = items.find((p) => p.status === 'published');
	if (!found) throw new Error('no published demo project');
	return found.id;
}

const TEXT = {
	ky: {
		rules: 'Сырсөз бул талаптарга жооп бербейт: баш латын тамгасы (A–Z); белги, мисалы ! же -.',
		confirmed: 'Почтаңыз ырасталды. Эми кире аласыз.',
		signOut: 'Чыгуу',
	},
	en: {
		rules: 'The password does not meet these requirements: an uppercase letter (A–Z); a symbol such as ! or -.',
		confirmed: 'Your email is confirmed. You can sign in now.',
		signOut: 'Sign out',
	},
} as const;

async function submit(page: Page, url: RegExp | ((url: URL) => boolean)) {
	await Promise.all([page.waitForURL(url), page.locator('main form.stack button[type=submit]').first().click()]);
}

/** From the pledge page, signed out: sent to sign in, then on to sign-up, and the form filled in once. */
async function signUpFromPledgePage(page: Page, lang: keyof typeof TEXT, pledgePath: string, email: string) {
	await page.goto(`${web()}${pledgePath}`);
	expect(new URL(page.url()).pathname).toBe(`/${lang}/sign-in`);
	await Promise.all([page.waitForURL(new RegExp(`/${lang}/sign-up\\?`)), page.locator(`main a[href^="/${lang}/sign-up"]`).click()]);
	expect(new URL(page.url()).searchParams.get('next')).toBe(pledgePath);

	// A password that breaks two rules is told which two, in the page's language.
	await page.locator('#f-email').fill(email);
	await page.locator('#f-displayName').fill('Nurlan Asanov');
	await page.locator('#f-password').fill('mekendesh2026');
	await page.locator('main form.stack button[type=submit]').click();
	await page.waitForSelector('#f-password-error');
	expect(await page.locator('#f-password-error').innerText()).toBe(TEXT[lang].rules);
	expect(await page.locator('input[name=next]').inputValue()).toBe(pledgePath);

	await page.locator('#f-password').fill(PASSWORD);
	await submit(page, new RegExp(`/${lang}/confirm\\?`));
	expect(new URL(page.url()).searchParams.get('next')).toBe(pledgePath);
}

describe('signing up to pledge, without JavaScript', () => {
	for (const lang of ['ky', 'en'] as const) {
		it(`(${lang}) comes back to the pledge page signed in, after typing the password once`, async () => {
			const pledgePath = `/${lang}/projects/${await publishedProjectId()}/pledge`;
			const email = uniqueEmail(`pledge-${lang}`);
			const { context, page } = await newPage(browser, { javaScriptEnabled: false });
			await signUpFromPledgePage(page, lang, pledgePath, email);

			// Held for the confirmation only: a short-lived, HttpOnly, Secure, SameSite=Strict cookie without the password.
			const pending = (await context.cookies()).find((c) => c.name === 'mk_pending');
			expect(pending).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
			expect(pending!.expires * 1000 - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000 + 5000);
			expect(pending!.value).not.toContain(PASSWORD);
			expect(await page.content()).not.toContain(PASSWORD);
			expect(page.url()).not.toContain(encodeURIComponent(PASSWORD));
			expect(await page.locator('input[type=password]').count()).toBe(0);

			await page.locator('#f-code').fill(await codeInNewTab(context, lang, email));
			await submit(page, (url) => url.pathname === pledgePath);

			// Signed in on the pledge page: its form, the account's menu, the session cookies, and nothing held any more.
			expect(await page.locator('input[name=type]').count()).toBeGreaterThan(0);
			await openMenu(page);
			expect(await page.locator('.account-nav').innerText()).toContain(TEXT[lang].signOut);
			const names = (await context.cookies()).map((c) => c.name);
			expect(names).toEqual(expect.arrayContaining(['mk_access', 'mk_refresh']));
			expect(names).not.toContain('mk_pending');
			expect(((await meFromCookies(context)) as unknown as { email: string }).email).toBe(email);
			expect(await page.locator('script[src]').count()).toBe(0);
			await context.close();
		});
	}

	it('keeps the return address when the held sign-in is gone: the sign-in page asks for the password, then goes back', async () => {
		const pledgePath = `/en/projects/${await publishedProjectId()}/pledge`;
		const email = uniqueEmail('pledge-expired');
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await signUpFromPledgePage(page, 'en', pledgePath, email);
		await context.clearCookies({ name: 'mk_pending' }); // as after 15 minutes, or a restart of the web server

		await page.locator('#f-code').fill(await codeInNewTab(context, 'en', email));
		await submit(page, /\/en\/sign-in\?/);
		expect(await page.getByRole('status').innerText()).toBe(TEXT.en.confirmed);
		expect(new URL(page.url()).searchParams.get('next')).toBe(pledgePath);
		expect(await page.locator('#f-email').inputValue()).toBe(email);
		await page.locator('#f-password').fill(PASSWORD);
		await submit(page, (url) => url.pathname === pledgePath);
		expect(await page.locator('input[name=type]').count()).toBeGreaterThan(0);
		await context.close();
	});
});

describe('return addresses', () => {
	it('fall back to the home page for another site, on every page that carries one', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		for (const hostile of ['//evil.example/x', '/%2e//evil.example', '/en/..//evil.example', '/\\evil.example', 'https://evil.example/']) {
			for (const path of ['sign-in', 'sign-up', 'confirm', 'forgot-password', 'reset-password']) {
				await page.goto(`${web()}/en/${path}?next=${encodeURIComponent(hostile)}`);
				expect(await page.locator('input[name=next]').inputValue(), `${path} ${hostile}`).toBe('/en');
			}
		}
		await context.close();
	});

	it('sent straight to the sign-in form, still lead only to this site (the language tidy-up cannot make //host of them)', async () => {
		const email = uniqueEmail('hostile-next');
		await createAccount(email, 'Nurlan Asanov');
		for (const next of [
			'/.//evil.example',
			'/%2e//evil.example',
			'/en/..//evil.example',
			'//evil.example',
			'/\\evil.example',
			'/\t/evil.example',
		]) {
			const response = await fetch(`${web()}/en/sign-in`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: web(), accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ email, password: PASSWORD, next }),
			});
			expect(`${JSON.stringify(next)} ${response.status} ${response.headers.get('location')}`).toBe(`${JSON.stringify(next)} 303 /en`);
		}
	});
});
