import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Project } from '@mekendesh/contracts';
import { bishkekDay } from '@mekendesh/domain';
import { formatSom } from '../../web/src/lib/format.js';
import { launchBrowser } from './browser.js';
import { api, createAccount, newPage, PASSWORD, signIn, uniqueEmail, web } from './account-helpers.js';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A published demo project that takes donations of 1,500 som and is still raising. */
async function raisingProject(): Promise<Project> {
	const { items } = (await (await fetch(`${api()}/v1/projects?limit=50`)).json()) as { items: { id: string; status: string }[] };
	const today = bishkekDay(new Date());
	for (const item of items.filter((p) => p.status === 'published')) {
		const p = (await (await fetch(`${api()}/v1/projects/${item.id}`)).json()) as Project;
		// In a rayon: the club is founded there, and its page offers the projects of its home oblast to support.
		if (p.rayonSoate && p.pledgeTypes.includes('donation') && p.deadline >= today && p.minimumPledge <= 150_000) return p;
	}
	throw new Error('no published demo project takes donations');
}

/** The project's public figures. */
async function funding(projectId: string): Promise<{ pledged: number; supporters: number }> {
	return (await fetch(`${api()}/v1/projects/${projectId}/funding`)).json() as Promise<{ pledged: number; supporters: number }>;
}

/** Sends one POST form of the page (no JavaScript) and waits for where it leads. */
async function submit(page: Page, form: string, url: RegExp): Promise<void> {
	await Promise.all([page.waitForURL(url), page.locator(`${form} button[type=submit]`).click()]);
}

async function contribute(page: Page, clubUrl: string, som: string): Promise<void> {
	await page.goto(clubUrl);
	await page.locator('form.contribute input[name=amount]').fill(som);
	await submit(page, 'form.contribute', /\/en\/pledges\/[^/]+\?created=1#page-title$/);
}

describe('hometown clubs', () => {
	it(
		'a club pledge with two members shows on the project page as one club supporter with the exact sum, without JavaScript',
		{ timeout: 120_000 },
		async () => {
			const target = await raisingProject();
			const name = `At-Bashy people in Moscow ${Date.now().toString(36)}`;
			const [organiserEmail, memberEmail] = [uniqueEmail('club-organiser'), uniqueEmail('club-member')];
			await Promise.all([createAccount(organiserEmail, 'Club Organiser'), createAccount(memberEmail, 'Club Member')]);

			// The organiser founds the club and opens a club pledge on the project.
			const organiser = await newPage(browser, { javaScriptEnabled: false });
			organiser.context.setDefaultTimeout(15_000);
			await signIn(organiser.page, 'en', organiserEmail, PASSWORD);
			await organiser.page.goto(`${web()}/en/clubs/new`);
			await organiser.page.locator('#f-name').fill(name);
			await organiser.page.locator('#f-homeRayon').selectOption(target.rayonSoate!);
			await organiser.page.locator('#f-residenceCountry').selectOption('RU');
			await organiser.page.locator('#f-residenceCity').fill('Moscow');
			await submit(organiser.page, 'main form', /\/en\/clubs\/[A-Za-z0-9_-]+$/);
			const clubUrl = organiser.page.url();
			// Picked from the home oblast's raising projects, not typed (issue 12 review).
			await organiser.page.locator('#f-projectId').selectOption(target.id);
			await organiser.page.locator('#f-goal').fill('10000');
			await submit(organiser.page, 'form[action="?/open"]', /\/en\/clubs\/[A-Za-z0-9_-]+\?done=opened$/);
			expect(await organiser.page.locator('.funded li').count()).toBe(1);
			// Said what it did; nothing received yet is said as such (issue 12 second review).
			expect(await organiser.page.locator('p.notice[role=status]').allInnerTexts()).toContain(
				'The club pledge is open: members can now contribute their share.',
			);
			expect(await organiser.page.locator('.funded li .received').innerText()).toBe('Nothing received yet');

			// A member joins with one click (name shown) and contributes; the organiser contributes too.
			const member = await newPage(browser, { javaScriptEnabled: false });
			member.context.setDefaultTimeout(15_000);
			await signIn(member.page, 'en', memberEmail, PASSWORD);
			await member.page.goto(clubUrl);
			await member.page.locator('form[action="?/join"] input[name=shown]').check();
			await submit(member.page, 'form[action="?/join"]', /\/en\/clubs\/[A-Za-z0-9_-]+$/);
			expect(await member.page.locator('.members-count').innerText()).toContain('2');
			expect(await member.page.locator('main').innerText()).toContain('Club Member');
			// Members see who organises the club, here unnamed; the organiser hides, so "the other members" is said.
			expect(await member.page.locator('.organiser-of-club').innerText()).toBe("The club's organiser (name not shown)");
			expect(await member.page.locator('main').innerText()).toContain('The other members keep their names private.');

			// Below the project's minimum: the plain pledge form's message naming it, back at the form (an anchor, no JS).
			const minimum = formatSom(target.minimumPledge, 'en');
			expect(await member.page.locator('form.contribute .hint').first().innerText()).toBe(`At least ${minimum}.`);
			await member.page.locator('form.contribute input[name=amount]').fill('1');
			await Promise.all([member.page.waitForURL(/#contribute-/), member.page.locator('form.contribute button[type=submit]').click()]);
			expect(await member.page.locator('form.contribute .error').innerText()).toContain(minimum);

			const before = await funding(target.id);
			await contribute(member.page, clubUrl, '1500');
			await contribute(organiser.page, clubUrl, '2500');
			// The club is one supporter, however many of its members contribute.
			const after = await funding(target.id);
			expect(after.supporters).toBe(before.supporters + 1);
			expect(after.pledged).toBe(before.pledged + 400_000);
			await member.page.goto(clubUrl);
			expect(await member.page.locator('ul.mine li').count()).toBe(1);
			expect(await member.page.locator('ul.mine li').innerText()).toContain(formatSom(150_000, 'en'));

			// The project page names the club once, with the exact sum of both members' pledges; neither member is named.
			const visitor = await newPage(browser, { javaScriptEnabled: false });
			await visitor.page.goto(`${web()}/en/projects/${target.id}`);
			const supporters = visitor.page.locator('section[aria-labelledby=club-supporters] li');
			expect(await supporters.count()).toBe(1);
			const line = await supporters.innerText();
			expect(line).toContain(name);
			expect(line).toContain(formatSom(400_000, 'en'));
			expect(await visitor.page.locator('main').innerText()).not.toMatch(/Club Member|Club Organiser/);

			// The club page lists what it funded, with the same sum.
			await visitor.page.goto(clubUrl);
			expect(await visitor.page.locator('.funded li .pledged').innerText()).toContain(formatSom(400_000, 'en'));
			await Promise.all([organiser.context.close(), member.context.close(), visitor.context.close()]);
		},
	);
});
