import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { PASSWORD, createAccount, newPage, openMenu, signIn, uniqueEmail, web } from './account-helpers.js';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

const NARYN = '41704000000000';

/** Submits the form holding `button` and waits for the page it lands on (a plain POST, then a 303). */
async function press(page: Page, button: ReturnType<Page['getByRole']>) {
	await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), button.click()]);
}

describe('following and saved searches, without JavaScript', () => {
	it('follows a project and saves a search, sees both on the following page, and removes one', async () => {
		const email = uniqueEmail('follows');
		await createAccount(email, 'Aibek Follows');
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await signIn(page, 'en', email, PASSWORD);

		// The project page's button follows it and comes back to the same page, now offering to unfollow.
		await page.goto(`${web()}/en/projects/prj-001`);
		await press(page, page.getByRole('button', { name: 'Follow', exact: true }));
		expect(new URL(page.url()).pathname).toBe('/en/projects/prj-001');
		expect(await page.getByRole('button', { name: 'Unfollow', exact: true }).count()).toBe(1);
		expect(await page.locator('.follow-done').innerText()).toMatch(/^You now follow this\./);
		// The organisation behind it is a link to its page, which offers to follow it too.
		await Promise.all([page.waitForURL(/\/en\/organisations\/org-/), page.locator('.facts a[href^="/en/organisations/"]').click()]);
		expect(await page.getByRole('button', { name: 'Follow', exact: true }).count()).toBe(1);
		// "Following" is in the header's account menu.
		await openMenu(page);
		expect(await page.locator('.account-nav a[href="/en/following"]').innerText()).toBe('Following');

		// The projects page filtered by Naryn oblast and a sector: save this search, and follow the region.
		const search = `/en/projects?oblast=${NARYN}&sector=education`;
		await page.goto(`${web()}${search}`);
		await press(page, page.getByRole('button', { name: 'Save this search' }));
		expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`${search}&done=saved`);
		expect(await page.locator('.follow-done').innerText()).toMatch(/^Search saved\./);
		await press(page, page.getByRole('button', { name: 'Follow this district/region' }));
		expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`${search}&done=followed`);
		expect(await page.getByRole('button', { name: 'Unfollow', exact: true }).count()).toBe(1);
		expect(await page.locator('.follow-done').innerText()).toMatch(/^You now follow this\./);

		// The following page, from the account page: the project, the oblast (named) and the search, each removable.
		await page.goto(`${web()}/en/account`);
		await Promise.all([page.waitForURL(/\/en\/following$/), page.getByRole('link', { name: 'Following and saved searches' }).click()]);
		const follows = page.getByTestId('follows');
		expect(await follows.locator('li').count()).toBe(2);
		expect(await follows.innerText()).toContain('Naryn');
		const searches = page.getByTestId('searches');
		expect(await searches.locator('li').count()).toBe(1);
		const saved = searches.locator('a').first();
		expect(await saved.innerText()).toContain('Naryn');
		expect(await saved.getAttribute('href')).toBe(search);

		await press(page, searches.getByRole('button').first());
		expect(new URL(page.url()).pathname).toBe('/en/following');
		expect(await page.getByRole('status').innerText()).toBe('Removed.');
		expect(await page.getByTestId('searches').count()).toBe(0);
		expect(await page.getByText('No saved searches.', { exact: false }).count()).toBe(1);
		expect(await page.getByTestId('follows').locator('li').count()).toBe(2);

		// Signed out, the project page offers a sign-in link that returns to it.
		await context.clearCookies();
		await page.goto(`${web()}/en/projects/prj-001`);
		const link = page.getByRole('link', { name: 'Sign in to follow' });
		expect(await link.getAttribute('href')).toBe(`/en/sign-in?next=${encodeURIComponent('/en/projects/prj-001')}`);
		await context.close();
	});
});
