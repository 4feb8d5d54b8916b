import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { PASSWORD, api, createAccount, meFromCookies, newPage, signIn, uniqueEmail, web } from './account-helpers.js';

// Issue 9, fault 3/4: a page on another origin (here another port of 127.0.0.1: the same site, so the
// browser sends the session cookies, whatever their SameSite) auto-submits forms at a signed-in visitor.

let browser: Browser;
let evil: Server;
let evilOrigin: string;
/** The forms the hostile page submits, by name: action URL and fields. */
const forms = new Map<string, { action: string; fields: Record<string, string> }>();

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

beforeAll(async () => {
	browser = await launchBrowser();
	evil = createServer((req, res) => {
		const form = forms.get(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
		if (!form) return void res.writeHead(404).end();
		const inputs = Object.entries(form.fields)
			.map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
			.join('');
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(
			`<!doctype html><title>Win a prize</title><form method="post" action="${escape(form.action)}">${inputs}</form><script>document.forms[0].submit()</script>`,
		);
	});
	await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
	evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await browser?.close();
	await new Promise((resolve) => evil?.close(resolve));
});

async function publishedProjectId(): Promise<string> {
	const { items } = (await (await fetch(`${api()}/v1/projects?limit=50`)).json()) as { items: { id: string; status: string }[] };
	return items.find((p) => p.status === 'published')!.id;
}

const TITLE = {
	en: 'This form was sent from another site',
	ky: 'Бул форма башка сайттан жөнөтүлдү',
	ru: 'Форма отправлена с другого сайта',
} as const;

describe('forms posted from another origin', () => {
	it("change nothing: profile, pledge and account deletion are refused with a 403 page in the reader's language", async () => {
		const email = uniqueEmail('cross-site');
		await createAccount(email, 'Aida Cross');
		const { context, page } = await newPage(browser);
		await signIn(page, 'en', email, PASSWORD);
		const before = await meFromCookies(context);
		const access = (await context.cookies()).find((c) => c.name === 'mk_access')!.value;
		const pledgesOf = async () =>
			(
				(await (await fetch(`${api()}/v1/me/pledges?limit=50`, { headers: { authorization: `Bearer ${access}` } })).json()) as {
					items: unknown[];
				}
			).items.length;
		const projectId = await publishedProjectId();

		forms.set('profile', {
			action: `${web()}/en/account`,
			fields: { displayName: 'Hacked Name', locale: 'en', languages: 'en', amountMin: '', amountMax: '' },
		});
		forms.set('pledge', {
			action: `${web()}/ru/projects/${projectId}/pledge`,
			fields: { type: 'donation', currency: 'KGS', amount: '5000', channel: 'bank_transfer', display: 'name', key: randomUUID() },
		});
		forms.set('delete', { action: `${web()}/ky/account/delete`, fields: { confirm: 'yes' } });

		for (const [name, lang] of [
			['profile', 'en'],
			['pledge', 'ru'],
			['delete', 'ky'],
		] as const) {
			const [response] = await Promise.all([
				page.waitForResponse((r) => r.url().startsWith(web()) && r.request().method() === 'POST'),
				page.goto(`${evilOrigin}/${name}`),
			]);
			expect(`${name} ${response.status()}`).toBe(`${name} 403`);
			await page.waitForURL((url) => url.origin === web());
			expect(await page.locator('h1').innerText()).toBe(TITLE[lang]);
			expect(await page.locator('html').getAttribute('lang')).toBe(lang);
		}

		// Read back through the API with the same session: still signed in, the profile as it was, no pledge.
		const after = await meFromCookies(context);
		expect(after.profile).toEqual(before.profile);
		expect(await pledgesOf()).toBe(0);

		// The same forms from this site's own pages still work: the check refuses only other origins.
		await page.goto(`${web()}/en/account`);
		await page.locator('#f-displayName').fill('Aida Same Site');
		await Promise.all([page.waitForLoadState('load'), page.locator('main form.stack button[type=submit]').first().click()]);
		await expect.poll(async () => (await meFromCookies(context)).profile.displayName).toBe('Aida Same Site');
		await context.close();
	});

	it('are refused without a browser too: another Origin, Origin null, or no Origin and another Referer', async () => {
		for (const headers of [{ origin: evilOrigin }, { origin: 'null' }, { referer: `${evilOrigin}/form.html` }, {}] as Record<
			string,
			string
		>[]) {
			const response = await fetch(`${web()}/en/sign-in`, {
				method: 'POST',
				redirect: 'manual',
				headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'ru' },
				body: new URLSearchParams({ email: 'nobody@e2e.mekendesh.kg', password: PASSWORD }),
			});
			expect(`${JSON.stringify(headers)} ${response.status}`).toBe(`${JSON.stringify(headers)} 403`);
			expect(response.headers.get('x-frame-options')).toBe('DENY');
			expect(await response.text()).toContain(TITLE.en);
		}
		// Same origin by Referer alone (a browser that sends no Origin): let through to the action.
		const response = await fetch(`${web()}/en/sign-in`, {
			method: 'POST',
			redirect: 'manual',
			headers: { referer: `${web()}/en/sign-in`, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: 'nobody@e2e.mekendesh.kg', password: PASSWORD }),
		});
		expect(response.status).not.toBe(403);
	});
});
