import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_PROJECTS, DEMO_USERS } from '@mekendesh/demo-data';
import { launchBrowser } from './browser.js';
import { createAccount, newPage, PASSWORD, signIn, uniqueEmail, web } from './account-helpers.js';

/** Questions and answers in the browser, without JavaScript (issue 12): ask, answer as the officer, read the notice. */

const OFFICER = DEMO_USERS.find((u) => u.role === 'officer')!;
const PROJECT = DEMO_PROJECTS.find((p) => p.organisationId === OFFICER.organisationId && p.status === 'published')!;

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Submits a form by its button and waits for the page it leads to. */
async function submit(page: Page, form: string, button: string) {
	await Promise.all([page.waitForLoadState('load'), page.locator(form).getByRole('button', { name: button }).click()]);
}

describe('questions, without JavaScript', () => {
	it('an investor asks, the officer answers on the project page, and the asker finds the answer in the dev outbox', async () => {
		const email = uniqueEmail('asker');
		const question = `When does the work start? ${Date.now().toString(36)}`;
		await createAccount(email, 'Asel Asker');

		// Signed out: a sign-in link in place of the form.
		const visitor = await newPage(browser, { javaScriptEnabled: false });
		await visitor.page.goto(`${web()}/en/projects/${PROJECT.id}`);
		const signInLink = visitor.page.locator('#questions ~ p a', { hasText: 'Sign in to ask a question' });
		expect(await signInLink.getAttribute('href')).toBe(`/en/sign-in?next=${encodeURIComponent(`/en/projects/${PROJECT.id}`)}`);
		await visitor.context.close();

		const investor = await newPage(browser, { javaScriptEnabled: false });
		await signIn(investor.page, 'en', email, PASSWORD);
		await investor.page.goto(`${web()}/en/projects/${PROJECT.id}`);
		// Too short first: the form comes back with the error and the text kept.
		await investor.page.locator('form.ask textarea[name=text]').fill('Hi');
		await submit(investor.page, 'form.ask', 'Send the question');
		expect(await investor.page.locator('form.ask .error').innerText()).toBe('Write 3 to 500 characters.');
		await investor.page.locator('form.ask textarea[name=text]').fill(question);
		await submit(investor.page, 'form.ask', 'Send the question');
		expect(new URL(investor.page.url()).pathname).toBe(`/en/projects/${PROJECT.id}`);
		expect(await investor.page.locator('.questions [role=status]').innerText()).toMatch(/^Your question is sent\./);
		const asked = investor.page.locator('li.question', { hasText: question });
		expect(await asked.locator('.meta').first().innerText()).toMatch(/^Asel Asker, /);

		const officer = await newPage(browser, { javaScriptEnabled: false });
		await signIn(officer.page, 'en', OFFICER.email, DEMO_PASSWORD);
		// The officer's project list counts the questions waiting on the project; its page lists this one.
		await officer.page.goto(`${web()}/en/organisation/projects`);
		const card = officer.page.locator('.queue > li', { has: officer.page.locator(`a[href$="/organisation/projects/${PROJECT.id}"]`) });
		expect(await card.locator('.unanswered-count').innerText()).toMatch(/^Unanswered questions: [1-9]\d*$/);
		await Promise.all([officer.page.waitForLoadState('load'), card.locator('.unanswered-count a').click()]);
		expect(await officer.page.locator('[data-testid=unanswered]').innerText()).toContain(question);
		await officer.page.goto(`${web()}/en/projects/${PROJECT.id}`);
		const item = officer.page.locator('li.question', { hasText: question });
		await item.locator('textarea[name=text]').fill('In May, once the snow has gone.');
		await Promise.all([officer.page.waitForLoadState('load'), item.getByRole('button', { name: 'Publish the answer' }).click()]);
		const answered = officer.page.locator('li.question', { hasText: question });
		expect(await answered.locator('.answer .text').innerText()).toBe('In May, once the snow has gone.');
		expect(await officer.page.locator('.questions [role=status]').innerText()).toBe(
			'Your answer is published. The asker is told by email.',
		);
		await officer.page.goto(`${web()}/en/organisation/projects/${PROJECT.id}`);
		expect(await officer.page.locator('section.unanswered').innerText()).not.toContain(question);

		// The asker sees the answer on the page, and its notice in the dev outbox.
		await investor.page.goto(`${web()}/en/projects/${PROJECT.id}`);
		expect(await investor.page.locator('li.question', { hasText: question }).locator('.answer .text').innerText()).toBe(
			'In May, once the snow has gone.',
		);
		await investor.page.goto(`${web()}/en/dev/outbox`);
		const mail = investor.page.locator(`article[data-to="${email}"]`, { hasText: question }).first();
		expect(await mail.innerText()).toContain('In May, once the snow has gone.');
		expect(await mail.innerText()).toMatch(/Mekendesh: your question on “.+” has an answer/);
		await Promise.all([investor.context.close(), officer.context.close()]);
	});
});
