import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { PASSWORD, api, createAccount, newPage, signIn, uniqueEmail, web } from './account-helpers.js';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

const kindBox = (page: Page, kind: string) => page.locator(`input[name="on"][value="${kind}"]`);

/** A transfer pledge to the demo project prj-001, made through the API as `email`: its email (kind pledge_received) carries the unsubscribe links. */
async function pledgeByApi(email: string): Promise<string> {
	const signedIn = await fetch(`${api()}/v1/auth/sign-in`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password: PASSWORD }),
	});
	const { accessToken } = (await signedIn.json()) as { accessToken: string };
	const made = await fetch(`${api()}/v1/projects/prj-001/pledges`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, 'idempotency-key': crypto.randomUUID() },
		body: JSON.stringify({
			type: 'donation',
			amount: { amount: 150_000, currency: 'KGS' },
			channel: 'bank_transfer',
			display: 'anonymous',
		}),
	});
	expect(made.status, await made.clone().text()).toBe(201);
	return ((await made.json()) as { paymentReference: string }).paymentReference;
}

describe('email preferences and unsubscribe links, without JavaScript', () => {
	it('turns a kind off on the preferences page, then stops another from the email’s link, that kind only', async () => {
		const email = uniqueEmail('prefs');
		await createAccount(email, 'Nurlan Prefs');
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await signIn(page, 'en', email, PASSWORD);

		// From the account page to the preferences: every kind on, officer kinds not shown to an investor.
		await page.goto(`${web()}/en/account`);
		await Promise.all([page.waitForURL(/\/en\/account\/notifications$/), page.getByRole('link', { name: 'Email settings' }).click()]);
		expect(await page.locator('h1').innerText()).toBe('Email settings');
		expect(await kindBox(page, 'digest').isChecked()).toBe(true);
		expect(await kindBox(page, 'staff_decision').count()).toBe(0);
		await kindBox(page, 'digest').uncheck();
		await Promise.all([page.waitForLoadState('load'), page.locator('main form.stack button[type=submit]').click()]);
		expect(await page.getByRole('status').innerText()).toBe('Your settings are saved.');
		await page.goto(`${web()}/en/account/notifications`);
		expect(await kindBox(page, 'digest').isChecked()).toBe(false);
		expect(await kindBox(page, 'refund').isChecked()).toBe(true);

		// The pledge email's footer links to the unsubscribe page; the outbox shows the RFC 8058 headers.
		const reference = await pledgeByApi(email);
		await page.goto(`${web()}/en/dev/outbox`);
		const mail = page.locator(`article[data-to="${email}"]`).filter({ hasText: reference }).first();
		expect(await mail.locator('pre.mail-headers').innerText()).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
		const link = /https?:\/\/\S+\/en\/unsubscribe\?t=\S+/.exec(await mail.locator('pre.mail').innerText())![0];
		const url = new URL(link);

		// Opening the link changes nothing; its button stops pledge emails only.
		await page.goto(`${web()}${url.pathname}${url.search}`);
		expect(await page.locator('main .lead').innerText()).toBe(
			'Press "Unsubscribe" to stop getting "Pledge recorded" emails. Other emails keep coming as before.',
		);
		await page.goto(`${web()}/en/account/notifications`);
		expect(await kindBox(page, 'pledge_received').isChecked()).toBe(true);
		await page.goto(`${web()}${url.pathname}${url.search}`);
		await Promise.all([page.waitForLoadState('load'), page.locator('main form.stack button[type=submit]').click()]);
		expect(await page.getByRole('status').innerText()).toBe('Done: you will no longer get "Pledge recorded" emails.');
		await page.goto(`${web()}/en/account/notifications`);
		expect(await kindBox(page, 'pledge_received').isChecked()).toBe(false);
		expect(await kindBox(page, 'payment_received').isChecked()).toBe(true);
		expect(await kindBox(page, 'digest').isChecked()).toBe(false);

		// A forged link says so and offers nothing to press.
		await page.goto(`${web()}/en/unsubscribe?t=someone.refund.AAAA`);
		expect(await page.getByRole('alert').innerText()).toBe('This link is not valid.');
		expect(await page.locator('main form').count()).toBe(0);
		await context.close();
	});
});
