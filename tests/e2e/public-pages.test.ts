import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PROJECTS } from '@mekendesh/demo-data';
import { launchBrowser } from './browser.js';

const LANGS = [
  { lang: 'ky', heading: /Мекендеш/, zone: 'Бишкек убактысы боюнча 23:59 (UTC+6)' },
  { lang: 'ru', heading: /Мекендеш/, zone: '23:59 по бишкекскому времени (UTC+6)' },
  { lang: 'en', heading: /Mekendesh/, zone: '23:59 Bishkek time (UTC+6)' },
] as const;

const published = DEMO_PROJECTS.filter((p) => p.status === 'published').sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!));
const newest = published[0]!;

let browser: Browser;
const web = () => inject('webUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const response = await page.goto(`${web()}${path}`);
  return { context, page, response };
}

describe.each(LANGS)('public pages in $lang', ({ lang, heading, zone }) => {
  it('lists the demo projects with a funding bar, with <html lang> set', async () => {
    const { context, page, response } = await open(`/${lang}/`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.title()).toMatch(heading);
    const cards = page.locator('article');
    expect(await cards.count()).toBeGreaterThanOrEqual(10);
    await expect(page.getByRole('link', { name: newest.title[lang]! }).first().isVisible()).resolves.toBe(true);
    const bars = page.getByRole('progressbar');
    expect(await bars.count()).toBeGreaterThanOrEqual(10);
    await context.close();
  });

  it('opens a project page with its texts in this language', async () => {
    const { context, page } = await open(`/${lang}/`);
    await page.getByRole('link', { name: newest.title[lang]! }).first().click();
    await page.waitForURL(`**/${lang}/projects/${newest.id}`);
    expect(await page.locator('h1').innerText()).toContain(newest.title[lang]!);
    expect(await page.content()).toContain(newest.summary[lang]!.slice(0, 40));
    // The public ledger, with its heading in this language.
    expect(await page.locator('h2#ledger').count()).toBe(1);
    await context.close();
  });

  it('shows deadlines with their hour and zone, Bishkek time (UTC+6), on the cards and the project page', async () => {
    for (const path of [`/${lang}/`, `/${lang}/projects/${newest.id}`]) {
      const { context, page } = await open(path);
      const deadline = page.locator(`time[datetime="${newest.deadline}T23:59+06:00"]`).first();
      expect(await deadline.innerText(), path).toContain(zone);
      await context.close();
    }
  });

  it('passes axe with zero violations on the home and a project page', async () => {
    for (const path of [`/${lang}/`, `/${lang}/projects/${newest.id}`]) {
      const { context, page } = await open(path);
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations.map((v) => `${path}: ${v.id} (${v.nodes.length})`)).toEqual([]);
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  it('shows the list, the project page and switches language through plain links', async () => {
    const { context, page } = await open('/en/', { javaScriptEnabled: false });
    expect(await page.locator('article').count()).toBeGreaterThanOrEqual(10);
    await page.locator('a[hreflang="ky"]').first().click();
    await page.waitForURL(/\/ky\/?$/);
    expect(await page.getAttribute('html', 'lang')).toBe('ky');
    await page.goto(`${web()}/ru/projects/${newest.id}`);
    expect(await page.locator('h1').innerText()).toContain(newest.title.ru!);
    await context.close();
  });

  it('ships no script to public pages and sends the security headers', async () => {
    const { context, page, response } = await open('/en/');
    const scripts = await page.locator('script[src]').count();
    expect(scripts).toBe(0);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    await context.close();
  });

  it('says 404 in the page language for a project that is not public', async () => {
    const draft = DEMO_PROJECTS.find((p) => p.status === 'draft')!;
    const { context, page, response } = await open(`/ru/projects/${draft.id}`);
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await context.close();
  });
});
