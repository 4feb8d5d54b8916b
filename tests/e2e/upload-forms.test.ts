import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import type { Project } from '@mekendesh/contracts';
import { createDb, seedProjects } from '@mekendesh/db';
import { DEMO_PASSWORD, DEMO_PROJECTS } from '@mekendesh/demo-data';
import { launchBrowser } from './browser.js';
import { signIn, web } from './account-helpers.js';

// Issue 14, without JavaScript: the officer's photo goes from the browser straight to the object store (s3rver here, S3 in
// the cloud) through a presigned POST form; nothing of the file passes through the web server. The store sends the browser
// back to the site, which completes the upload through the API and shows the photo on the project page.

const OFFICER = 'officer@demo.mekendesh.kg';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A draft of the demo officer's organisation that belongs to this test (a copy of prj-002 with its own id, no photo). */
async function ownDraft(): Promise<Project> {
	const base = DEMO_PROJECTS.find((p) => p.id === 'prj-002')!;
	const id = `prj-e2e-upload-${randomUUID().slice(0, 8)}`;
	const now = new Date().toISOString();
	const words = { ky: 'Сүрөт сыноосу', ru: 'Проверка фото', en: 'Photo test' };
	const project: Project = {
		...base,
		id,
		slug: id,
		title: words,
		summary: words,
		description: words,
		rayonSoate: null,
		settlement: null,
		pledged: 0,
		raised: 0,
		supporters: 0,
		status: 'draft',
		publishedAt: null,
		createdAt: now,
		updatedAt: now,
		version: 1,
		attachments: [],
		coverPhoto: null,
		coverUrl: null,
	};
	const db = createDb({ tableName: inject('tableName'), endpoint: inject('dynamoEndpoint'), region: 'local' });
	await seedProjects(db, { organisations: [], projects: [project] });
	return project;
}

describe('uploads straight to the object store, without JavaScript', () => {
	it(
		'the officer uploads a photo through the signed form and sees it on the draft page; a non-photo is refused',
		{ timeout: 90_000 },
		async () => {
			const project = await ownDraft();
			const context = await browser.newContext({ javaScriptEnabled: false });
			const page = await context.newPage();
			await signIn(page, 'en', OFFICER, DEMO_PASSWORD);
			const answer = await page.goto(`${web()}/en/organisation/projects/${project.id}`);

			// The form posts to the store, which the page's CSP allows; the policy fields go first, the file input last.
			const form = page.locator('form.upload-form');
			const action = new URL((await form.getAttribute('action'))!);
			expect(action.origin).not.toBe(new URL(web()).origin);
			expect(answer!.headers()['content-security-policy']).toMatch(new RegExp(`form-action [^;]*${action.origin.replace(/[.]/g, '\\.')}`));
			expect(await form.locator('input[name=key]').inputValue()).toMatch(
				new RegExp(`^incoming/projects/${project.id}/[0-9a-z]{26}\\.jpg$`),
			);
			expect(await form.locator('input').last().getAttribute('name')).toBe('file');
			expect(await form.locator('input[name=file]').getAttribute('accept')).toBe('image/jpeg,image/png,image/webp');
			expect(await page.locator('.photo-upload .hint').innerText()).toContain('up to 5 MB');

			// Not a photo: the store takes it, completing refuses it (its bytes say PDF), and the page says so in English.
			await page
				.locator('#f-photo')
				.setInputFiles({ name: 'walls.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.4 not a photo') });
			await Promise.all([page.waitForURL(/#photo-title$/), page.getByRole('button', { name: 'Upload photo' }).click()]);
			expect(new URL(page.url()).pathname).toBe(`/en/organisation/projects/${project.id}`);
			expect(await page.locator('.photo-upload .form-error').innerText()).toContain(
				'This is not a photo (the file inside is another format, such as PDF).',
			);
			expect(await page.locator('img.cover-thumb').count()).toBe(0);
			// The refusal is shown once: a reload of the page has none.
			await page.reload();
			expect(await page.locator('.photo-upload .form-error').count()).toBe(0);

			// A PNG photo: attached as the cover, its 320-wide copy shown from /media/projects/ (CloudFront's path; locally the dev route).
			const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a6ea5' } })
				.png()
				.toBuffer();
			await page.locator('#f-photo').setInputFiles({ name: 'kopuro.png', mimeType: 'image/png', buffer: png });
			await Promise.all([page.waitForURL(/done=photo/), page.getByRole('button', { name: 'Upload photo' }).click()]);
			expect(await page.locator('.photo-upload .form-success').innerText()).toBe('Photo uploaded.');
			const src = (await page.locator('img.cover-thumb').getAttribute('src'))!;
			expect(src).toMatch(new RegExp(`^/media/projects/${project.id}/[0-9a-z]{26}-w320\\.webp$`));
			const image = await page.request.get(`${web()}${src}`);
			expect(image.status()).toBe(200);
			expect(image.headers()['content-type']).toBe('image/webp');
			expect(image.headers()['x-content-type-options']).toBe('nosniff');
			expect((await sharp(await image.body()).metadata()).width).toBe(320);
			// Only photo names are served there: a document's path or any other name is not found.
			expect((await page.request.get(`${web()}/media/projects/${project.id}/${'0'.repeat(26)}.pdf`)).status()).toBe(404);
			await context.close();
		},
	);

	// Issue 14 attacker 2: the session cookie is SameSite=Lax, so another site can open the return page as a top-level GET.
	it(
		'completes nothing from a return address without the proof the API signed into the form (or with a forged one)',
		{ timeout: 90_000 },
		async () => {
			const project = await ownDraft();
			const context = await browser.newContext({ javaScriptEnabled: false });
			const page = await context.newPage();
			await signIn(page, 'en', OFFICER, DEMO_PASSWORD);
			await page.goto(`${web()}/en/organisation/projects/${project.id}`);
			const form = page.locator('form.upload-form');
			const fields: Record<string, string> = {};
			for (const input of await form.locator('input[type=hidden]').all())
				fields[(await input.getAttribute('name'))!] = await input.inputValue();
			const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#5a3' } })
				.png()
				.toBuffer();
			// The store's answer, not followed: the signed return address.
			const posted = await page.request.post((await form.getAttribute('action'))!, {
				multipart: { ...fields, file: { name: 'kopuro.png', mimeType: 'image/png', buffer: png } },
				maxRedirects: 0,
			});
			expect(posted.status()).toBe(303);
			const signed = new URL(posted.headers()['location']!);
			expect(signed.searchParams.get('proof')).toMatch(/^[A-Za-z0-9_-]{43}$/);

			const without = new URL(signed);
			without.searchParams.delete('proof');
			without.searchParams.delete('expires');
			await page.goto(without.href);
			expect(new URL(page.url()).pathname).toBe(`/en/organisation/projects/${project.id}`);
			expect(await page.locator('.photo-upload .form-error').innerText()).toContain('Nothing was uploaded here.');
			expect(await page.locator('img.cover-thumb').count()).toBe(0);

			const forged = new URL(signed);
			forged.searchParams.set('proof', 'A'.repeat(43));
			await page.goto(forged.href);
			expect(new URL(page.url()).pathname).toBe(`/en/organisation/projects/${project.id}`);
			expect(await page.locator('.photo-upload .form-error').innerText()).toContain("This upload's return link is not valid");
			expect(await page.locator('img.cover-thumb').count()).toBe(0);

			// The address the store sent completes it.
			await page.goto(signed.href);
			expect(new URL(page.url()).searchParams.get('done')).toBe('photo');
			expect(await page.locator('img.cover-thumb').count()).toBe(1);
			await context.close();
		},
	);
});
