import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureDemoUsers } from '@mekendesh/local-stack';
import { launchBrowser } from './browser.js';
import { freshTotpCode } from '../fixtures/totp-codes.js';
import { PASSWORD, newPage, totpCode, uniqueEmail, web } from './account-helpers.js';

/**
 * Staff accounts with MFA (issue 14), in a browser with JavaScript off: a staff account made as the demo staff one is
 * (by an administrator, no authenticator yet) is sent from a staff page to two-step sign-in, sets it up from the
 * secret the page shows, signs in again with the code and reaches the staff page; replacing the app then takes a code
 * of the current one.
 */
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('two-step sign-in for staff', () => {
	it('sends staff without it to set it up, takes the first code, then asks for the code at every sign-in', async () => {
		const email = uniqueEmail('staff-mfa');
		const { endpoint, userPoolId } = inject('e2eCognito');
		await ensureDemoUsers(endpoint, userPoolId, [{ email, password: PASSWORD, role: 'staff', displayName: 'Staff MFA' }]);
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });

		// The password alone signs in, but staff pages wait for two-step sign-in.
		await page.goto(`${web()}/en/sign-in?next=${encodeURIComponent('/en/staff/audit')}`);
		await page.locator('#f-email').fill(email);
		await page.locator('#f-password').fill(PASSWORD);
		await Promise.all([page.waitForURL(/\/en\/account\/two-step\?required=1/), page.locator('form.stack button[type=submit]').click()]);
		expect(await page.locator('[role=alert]').innerText()).toContain('set up two-step sign-in first');

		// Set it up: a QR code drawn on the server and the secret as text; a wrong first code is refused.
		const setupPage = page.url();
		await Promise.all([page.waitForSelector('code.secret'), page.getByRole('button', { name: 'Set it up' }).click()]);
		expect(await page.locator('figure.qr svg').count()).toBe(1);
		const secret = (await page.locator('code.secret').getAttribute('data-secret'))!;
		expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
		const wrong = String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');
		await page.locator('#f-code').fill(wrong);
		await Promise.all([page.waitForSelector('#f-code-error'), page.getByRole('button', { name: 'Confirm' }).click()]);
		expect(await page.locator('#f-code-error').innerText()).toContain('That code is wrong or has already changed.');
		expect((await page.locator('code.secret').getAttribute('data-secret'))!).toBe(secret);
		// Another language mid-setup keeps the same key (issue 14 new-user review 8), with a tap-to-add link for a phone.
		await page.goto(setupPage.replace('/en/account/two-step', '/ru/account/two-step'));
		expect(await page.locator('code.secret').getAttribute('data-secret')).toBe(secret);
		expect(await page.locator('a[data-otpauth]').getAttribute('href')).toMatch(/^otpauth:\/\/totp\/Mekendesh:/);
		await page.goto(setupPage);
		await page.locator('#f-code').fill(totpCode(secret));
		await Promise.all([page.waitForURL(/\/en\/sign-in\?two-step=1/), page.getByRole('button', { name: 'Confirm' }).click()]);
		expect(await page.locator('.form-success').innerText()).toContain('Two-step sign-in is on');

		// Every sign-in now asks for the code; with it, the staff page opens.
		await page.locator('#f-password').fill(PASSWORD);
		await Promise.all([page.waitForSelector('#f-code'), page.locator('form.stack button[type=submit]').click()]);
		expect(await page.locator('.auth-page h2').innerText()).toBe('Code from your app');
		await page.locator('#f-code').fill(wrong);
		await Promise.all([page.waitForSelector('#f-code-error'), page.locator('form.stack button[type=submit]').click()]);
		await page.locator('#f-code').fill(await freshTotpCode(secret));
		await Promise.all([page.waitForURL(/\/en\/staff\/audit/), page.locator('form.stack button[type=submit]').click()]);
		expect(new URL(page.url()).pathname).toBe('/en/staff/audit');

		// Replacing the app (issue 14 review): the page asks for a code of the current app first, and again with the new one.
		await page.goto(`${web()}/en/account/two-step`);
		await Promise.all([page.waitForSelector('#f-currentCode-error'), page.getByRole('button', { name: 'Replace the app' }).click()]);
		expect(await page.locator('#f-currentCode-error').innerText()).toContain('current authenticator app');
		await page.locator('#f-currentCode').fill(totpCode(secret));
		await Promise.all([page.waitForSelector('code.secret'), page.getByRole('button', { name: 'Replace the app' }).click()]);
		const replacement = (await page.locator('code.secret').getAttribute('data-secret'))!;
		expect(replacement).not.toBe(secret);
		await page.locator('#f-currentCode').fill(totpCode(secret));
		await page.locator('#f-code').fill(totpCode(replacement));
		await Promise.all([page.waitForURL(/\/en\/sign-in\?two-step=1/), page.getByRole('button', { name: 'Confirm' }).click()]);
		await page.locator('#f-password').fill(PASSWORD);
		await Promise.all([page.waitForSelector('#f-code'), page.locator('form.stack button[type=submit]').click()]);
		// The new app's code signs in (back to the account page the replacement started from).
		await page.locator('#f-code').fill(await freshTotpCode(replacement));
		await Promise.all([page.waitForURL(/\/en\/account$/), page.locator('form.stack button[type=submit]').click()]);
		await context.close();
	});
});
