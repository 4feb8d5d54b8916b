import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ProgrammeStats, Project, PublicLedger } from '@mekendesh/contracts';
import { DEMO_PASSWORD } from '@mekendesh/demo-data';
import { bishkekDay } from '@mekendesh/domain';
import { formatDate, formatSom } from '../../web/src/lib/format.js';
import { formatUsd } from '../../web/src/lib/usd-amount.js';
import { launchBrowser } from './browser.js';
import { api, apiAccessToken, web } from './account-helpers.js';
import { ownPublishedProject } from './own-project.js';

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
const OFFICER = 'officer@demo.mekendesh.kg';
const STAFF = 'staff@demo.mekendesh.kg';

/** A demo user's API token (signed in through the API, as the web server does). */
async function investorToken(email = INVESTOR): Promise<string> {
	return apiAccessToken(email, DEMO_PASSWORD);
}

async function send<T>(method: string, path: string, bearer: string, body?: unknown): Promise<{ status: number; json: T }> {
	const res = await fetch(`${api()}/v1${path}`, {
		method,
		headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, 'idempotency-key': randomUUID() },
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
	});
	return { status: res.status, json: (await res.json().catch(() => null)) as T };
}

/** The first line of a cell: its som figure, above the "≈ $…" line. */
const firstLine = async (text: Promise<string>) => (await text).trim().split('\n')[0]!.trim();

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
	// The first pledge, shown by name, is made even when earlier files already filled the ledger past one page.
	for (let i = 0; i === 0 || (await getJson<PublicLedger>(`/projects/${project.id}/ledger?limit=11`)).items.length < 11; i++) {
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
		await expect(page.locator('.funder-chart rect.bar-received').count()).resolves.toBeGreaterThan(0);
		const funds = project.funding!;
		expect(await firstLine(page.locator('[data-total=received]').innerText())).toBe(formatSom(funds.received, 'en'));
		expect(await firstLine(page.locator('[data-total=spent]').innerText())).toBe(formatSom(funds.spent, 'en'));
		expect(await page.locator('[data-total=planned]').innerText()).toBe(formatSom(project.goal, 'en'));
		expect(await firstLine(page.locator('tr[data-funder=diaspora] td').nth(1).innerText())).toBe(
			formatSom(funds.byFunder.diaspora.received, 'en'),
		);
		// USD beside the totals, at the NBKR rate the API names (demo rates are stored for today).
		const usd = funds.usd!;
		expect(usd.received).toBeGreaterThan(0);
		expect((await page.locator('[data-usd=received]').innerText()).trim()).toBe(`≈\u00a0${formatUsd(usd.received, 'en')}`);
		expect(await page.locator('[data-usd=available]').innerText()).toContain(`${formatUsd(usd.available, 'en')} at the NBKR rate of`);
		expect(await page.locator('[data-usd=progress]').innerText()).toContain('at the NBKR rate of');
		// One meaning of "raised" on the page: the headline, its USD line and the funder table's "Received" total agree.
		expect(await page.locator('.funding-progress .progress-text').innerText()).toContain(formatSom(funds.received, 'en'));
		expect(await page.locator('[data-usd=progress]').innerText()).toContain(`≈ ${formatUsd(usd.received, 'en')} of `);

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
		expect(await firstLine(page.locator('[data-figure=received]').innerText())).toBe(formatSom(stats.totals.received, 'ru'));
		expect(await firstLine(page.locator('[data-figure=disbursed]').innerText())).toBe(formatSom(stats.totals.disbursed, 'ru'));
		expect(await page.locator('[data-usd=received]').innerText()).toBe(
			`≈ ${formatUsd(stats.totals.usd!.received, 'ru')} по курсу НБКР на ${formatDate(stats.usdRate!.date, 'ru')}`,
		);
		expect(await page.locator('[data-map-legend]').innerText()).toContain('от всех источников');
		expect(await page.locator('.licence').innerText()).toBe(
			'Открытые данные © Мекендеш по лицензии CC BY 4.0: используйте свободно со ссылкой на Мекендеш.',
		);
		expect(await page.locator('.licence a[rel=license]').count()).toBe(1);
		// Dated by today's Bishkek day, not the last month with money in it.
		expect(await page.locator('[data-through]').innerText()).toBe(`Данные на ${formatDate(bishkekDay(new Date()), 'ru')}`);
		expect((await page.locator('.attribution').allInnerTexts()).join(' ')).toContain('OCHA');
		await expect(page.locator('svg').count()).resolves.toBeGreaterThan(0);

		const href = await page.locator('a[href$="/statistics/open-data.csv"]').getAttribute('href');
		const csv = await context.request.get(`${web()}${href}`);
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
		const bytes = await csv.body();
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(csv.headers()['link']).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
		expect(csv.headers()['content-disposition']).toBe('attachment; filename="mekendesh-open-data-ru.csv"');
		const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
		expect(lines[0]).toMatch(/^oblast_soate,oblast,sector,/);
		expect(lines[1]!.split(',').at(-3)).toBe(stats.usdRate!.date);
		const received = lines.slice(1).reduce((t, l) => t + Math.round(Number(l.split(',')[3]) * 100), 0);
		expect(received).toBe(stats.totals.received);
		await context.close();
	});

	it('a disbursement says on the project page what it paid for, as plain text', { timeout: 60_000 }, async () => {
		const [officer, staff, investor] = await Promise.all([investorToken(OFFICER), investorToken(STAFF), investorToken()]);
		const today = bishkekDay(new Date());
		const own = await ownPublishedProject('transparency');
		const project = (await send<Project>('GET', `/projects/${own.id}`, officer)).json;
		const pledge = {
			type: 'donation',
			amount: { amount: Math.max(project.goal - project.pledged, project.minimumPledge), currency: 'KGS' },
		};
		expect(
			(await send('POST', `/projects/${project.id}/pledges`, investor, { ...pledge, channel: 'bank_transfer', display: 'anonymous' }))
				.status,
		).toBe(201);
		expect((await send('POST', `/projects/${project.id}/status`, staff, { to: 'funded', reason: 'goal pledged' })).status).toBe(200);
		const cofunding = { funder: 'municipality', amountKgs: 300_000, receivedOn: today, note: 'Ayil okmotu budget' };
		expect((await send('POST', `/staff/projects/${project.id}/cofunding`, staff, cofunding)).status).toBe(201);
		const purpose = `Roofing <b>sheets</b> ${randomUUID().slice(0, 8)}`;
		expect(
			(await send('POST', `/projects/${project.id}/disbursements`, officer, { amountKgs: 100_000, paidOn: today, purpose })).status,
		).toBe(201);

		const { context, page } = await open(`/en/projects/${project.id}`);
		const shown = page.locator('section[aria-labelledby=ledger] [data-purpose]');
		expect(await shown.first().innerText()).toBe(`Paid for: ${purpose}`);
		// Text, not markup: no <b> element came from the officer's words.
		expect(await page.locator('section[aria-labelledby=ledger] [data-purpose] b').count()).toBe(0);
		await context.close();
	});
});
