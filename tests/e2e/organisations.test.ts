import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@mekendesh/demo-data';
import { launchBrowser } from './browser.js';
import { PASSWORD, api, createAccount, newPage, openMenu, signIn, uniqueEmail, web } from './account-helpers.js';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

const submitIn = (page: Page, selector: string) => page.locator(selector).locator('button[type=submit]').first().click();

describe('a municipality joins', () => {
	it('applies, staff approve it in the queue, the officer signs in again, sees the organisation and invites a colleague', async () => {
		const applicant = uniqueEmail('ayil-okmotu');
		const name = `Кара-Суу айыл өкмөтү ${Date.now().toString(36)}`;
		await createAccount(applicant, 'Бакыт Осмонов');

		// The application, in Kyrgyz.
		const a = await newPage(browser);
		await signIn(a.page, 'ky', applicant, PASSWORD);
		await a.page.goto(`${web()}/ky/organisations/apply`);
		await a.page.locator('#f-name_ky').fill(name);
		await a.page.locator('#f-kind').selectOption('ayil_okmotu');
		await a.page.locator('#f-territorySoate').selectOption('41704220000000'); // At-Bashy rayon
		await a.page.locator('#f-settlement').fill('Кара-Суу');
		await a.page.locator('#f-applicantPosition').fill('Айыл өкмөтүнүн башчысы');
		await a.page.locator('#f-contactPhone').fill('+996 555 123 456');
		await Promise.all([a.page.waitForURL(/\/ky\/organisations\/org-/), submitIn(a.page, 'main form.stack')]);
		expect(await a.page.locator('h1').innerText()).toBe(name);
		expect(await a.page.locator('.status').innerText()).toBe('Текшерилүүдө');
		const orgPath = new URL(a.page.url()).pathname;

		// Programme staff approve it from the queue, in English.
		const s = await newPage(browser);
		await signIn(s.page, 'en', 'staff@demo.mekendesh.kg', DEMO_PASSWORD);
		await s.page.goto(`${web()}/en/staff/organisations`);
		const card = s.page.locator('article', { has: s.page.locator('h2', { hasText: name }) });
		expect(await card.innerText()).toMatch(/Waiting for \d+ minutes?/);
		await Promise.all([s.page.waitForURL(/done=approve/), card.getByRole('button', { name: 'Approve' }).click()]);
		expect(await s.page.getByRole('status').innerText()).toBe(`“${name}” was approved.`);
		expect(await s.page.locator('article', { has: s.page.locator('h2', { hasText: name }) }).count()).toBe(0);
		await s.page.goto(`${web()}/en/staff/audit`);
		expect(await s.page.locator('table.log').innerText()).toContain('approved an organisation');
		await s.context.close();

		// The applicant signs in again (new token, with the officer group) and finds "my organisation".
		await a.page.goto(`${web()}/ky/sign-out`);
		await Promise.all([a.page.waitForURL(/sign-in\?signed-out=1/), a.page.getByRole('button', { name: 'Ушул түзмөктөн чыгуу' }).click()]);
		await signIn(a.page, 'ky', applicant, PASSWORD);
		await openMenu(a.page);
		await Promise.all([a.page.waitForURL(/\/ky\/organisations\/org-/), a.page.getByRole('link', { name: 'Менин уюмум' }).click()]);
		expect(new URL(a.page.url()).pathname).toBe(orgPath);
		expect(await a.page.locator('.status').innerText()).toBe('Программа текшерген');
		expect(await a.page.locator('.members').innerText()).toContain(applicant);

		// As its admin, invite an officer; the officer accepts from the link in the email.
		const officer = uniqueEmail('officer');
		await createAccount(officer, 'Жылдыз Асанова');
		await a.page.locator('#f-email').fill(officer);
		await submitIn(a.page, 'form[action="?/invite"]');
		await a.page.waitForSelector('.form-success');
		expect(await a.page.locator('.form-success').innerText()).toContain(officer);
		await a.context.close();

		const { items } = (await (await fetch(`${api()}/v1/dev/outbox`)).json()) as { items: { to: string; text: string }[] };
		const link = items
			.map((m) => (m.to === officer ? /https?:\/\/\S+\/invitations\/[a-z0-9]+/.exec(m.text)?.[0] : undefined))
			.find(Boolean);
		expect(link).toBeDefined();
		const o = await newPage(browser, { javaScriptEnabled: false });
		await o.page.goto(link!);
		await o.page.locator('main a.button').click();
		await o.page.locator('#f-email').fill(officer);
		await o.page.locator('#f-password').fill(PASSWORD);
		await Promise.all([o.page.waitForURL(/\/invitations\//), submitIn(o.page, 'main form.stack')]);
		await Promise.all([o.page.waitForURL(/\/organisations\/org-/), submitIn(o.page, 'main form.stack')]);
		expect(new URL(o.page.url()).pathname.endsWith(orgPath.split('/').pop()!)).toBe(true);
		expect(await o.page.locator('.members').innerText()).toContain(officer);
		await o.context.close();
	});
});
