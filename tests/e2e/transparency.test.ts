import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ProgrammeStats, Project, PublicLedger } from '@mekendesh/contracts';
import { DEMO_PASSWORD } from '@mekendesh/demo-data';
import { bishkekDay } from '@mekendesh/domain';
import { formatSom } from '../../web/src/lib/format.js';
import { launchBrowser } from './browser.js';
import { api, web } from './account-helpers.js';

// Public transparency without JavaScript (issue 13): the project page's money chart and table, the ledger's pager,
// the statistics page's totals and its open-data CSV.

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

const getJson = async <T>(path: string): Promise<T> => (await (await fetch(`${api()}/v1${path}`)).json()) as T;

async function open(path: string) {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const response = await page.goto(`${web()}${path}`);
	expect(response?.status()).toBe(200);
	return { context, page };
}

const INVESTOR = 'aibek.investor@demo.mekendesh.kg';

/** A demo investor's API token (signed in through the API, as the web server does). */
async function investorToken(): Promise<string> {
	const res = await fetch(`${api()}/v1/auth/sign-in`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: INVESTOR, password: DEMO_PASSWORD }),
	});
	return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * A published demo project that has received money, its ledger made longer than one page of the project page (10
 * entries) by pledges of the demo investor, the first shown by name.
 */
async function projectWithLedger(): Promise<{ project: Project; name: string }> {
	const today = bishkekDay(new Date());
	const { items } = await getJson<{ items: { id: string }[] }>('/projects?limit=50');
	let project: Project | undefined;
	for (const { id } of items) {
		const p = await getJson<Project>(`/projects/${id}`);
		if (p.status === 'published' && p.deadline >= today && p.pledgeTypes.includes('donation') && (p.funding?.received ?? 0) > 0) {
			project = p;
			break;
		}
	}
	if (!project) throw new Error('no published demo project with money received');
	const token = await investorToken();
	let name = '';
	for (let i = 0; (await getJson<PublicLedger>(`/projects/${project.id}/ledger?limit=11`)).items.length < 11; i++) {
		const res = await fetch(`${api()}/v1/projects/${project.id}/pledges`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
			body: JSON.stringify({
				type: 'donation',
				amount: { amount: project.minimumPledge + i, currency: 'KGS' },
				channel: 'bank_transfer',
				display: i === 0 ? 'name' : 'anonymous',
			}),
		});
		expect(res.status).toBe(201);
		if (i === 0) name = ((await res.json()) as { displayName: string }).displayName;
	}
	return { project, name };
}

describe('public transparency without JavaScript', () => {
	it('the project page shows received and spent per funder with the numbers, and the ledger pages', { timeout: 60_000 }, async () => {
		const { project, name } = await projectWithLedger();
		const { context, page } = await open(`/en/projects/${project.id}`);
		await expect(page.locator('svg.funder-chart rect.bar-received').count()).resolves.toBeGreaterThan(0);
		const funds = project.funding!;
		expect((await page.locator('[data-total=received]').innerText()).trim()).toBe(formatSom(funds.received, 'en'));
		expect((await page.locator('[data-total=spent]').innerText()).trim()).toBe(formatSom(funds.spent, 'en'));
		expect((await page.locator('tr[data-funder=diaspora] td').nth(1).innerText()).trim()).toBe(
			formatSom(funds.byFunder.diaspora.received, 'en'),
		);

		// The investor who chose to be named is listed among the named supporters.
		expect(await page.locator('section[aria-labelledby=named-supporters] li').allInnerTexts()).toEqual(
			expect.arrayContaining([expect.stringContaining(name)]),
		);

		const ledger = page.locator('section[aria-labelledby=ledger]');
		const first = await ledger.locator('tbody tr').allInnerTexts();
		expect(first).toHaveLength(10);
		await Promise.all([page.waitForURL(/[?&]ledger=/), ledger.locator('nav.pager a').last().click()]);
		const second = await page.locator('section[aria-labelledby=ledger] tbody tr').allInnerTexts();
		expect(second.length).toBeGreaterThan(0);
		expect(second[0]).not.toBe(first[0]);
		// Back to the newest page: the link drops the cursor.
		await Promise.all([
			page.waitForURL((url) => !url.searchParams.has('ledger')),
			page.locator('section[aria-labelledby=ledger] nav.pager a').first().click(),
		]);
		expect(await page.locator('section[aria-labelledby=ledger] tbody tr').allInnerTexts()).toEqual(first);
		await context.close();
	});

	it('the statistics page shows the totals and downloads the open-data CSV with its licence', async () => {
		const stats = await getJson<ProgrammeStats>('/stats/programme');
		const { context, page } = await open('/ru/statistics');
		expect((await page.locator('[data-figure=received]').innerText()).trim()).toBe(formatSom(stats.totals.received, 'ru'));
		expect((await page.locator('[data-figure=disbursed]').innerText()).trim()).toBe(formatSom(stats.totals.disbursed, 'ru'));
		expect(await page.locator('.licence').innerText()).toContain('CC BY 4.0, Mekendesh');
		expect((await page.locator('.attribution').allInnerTexts()).join(' ')).toContain('OCHA');
		await expect(page.locator('svg').count()).resolves.toBeGreaterThan(0);

		const href = await page.locator('a[href$="/statistics/open-data.csv"]').getAttribute('href');
		const csv = await context.request.get(`${web()}${href}`);
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
		const bytes = await csv.body();
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
		expect(lines[0]).toContain('CC BY 4.0, Mekendesh');
		const received = lines.slice(2).reduce((t, l) => t + Math.round(Number(l.split(',')[3]) * 100), 0);
		expect(received).toBe(stats.totals.received);
		await context.close();
	});
});
