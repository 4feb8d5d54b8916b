import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { freePort } from '@mekendesh/db/local';
import { startChild, waitForHttp } from '@mekendesh/local-stack';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
const viteBin = fileURLToPath(new URL('../../web/node_modules/vite/bin/vite.js', import.meta.url));

/** `pnpm smoke <args>` as the package script runs it (tsx scripts/smoke.ts), in its own process. */
async function smoke(args: string[]): Promise<{ code: number; out: string }> {
	try {
		const { stdout } = await promisify(execFile)(process.execPath, [tsx, 'scripts/smoke.ts', ...args], { cwd: root, timeout: 60_000 });
		return { code: 0, out: stdout };
	} catch (e) {
		const failed = e as { code?: number; stdout?: string; stderr?: string };
		return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
	}
}

describe('pnpm smoke', () => {
	it('passes against the local stack: health, /ky /ru /en with their lang and security headers, OpenAPI, an immutable asset', async () => {
		const { code, out } = await smoke([inject('webUrl'), '--api', `${inject('apiUrl')}/v1`]);
		expect(out).toContain('✔ all 6 checks passed');
		expect(code).toBe(0);
		expect(out).toMatch(/✔ API health\s+\d+ ms {2}200 \{"status":"ok","database":"ok"\}/);
		for (const lang of ['ky', 'ru', 'en'])
			expect(out).toMatch(new RegExp(`✔ page /${lang}\\s+\\d+ ms {2}200 lang=${lang}, security headers present`));
		expect(out).toMatch(/✔ OpenAPI document\s+\d+ ms {2}OpenAPI 3\.1\.\d+, \d+ paths/);
		// The built app links its CSS under /_app/immutable/, served with a year-long cache.
		expect(out).toMatch(/✔ static asset\s+\d+ ms {2}200 \/_app\/immutable\/\S+ cache-control: public,max-age=31536000,immutable/);
	});

	it("passes against `vite dev` given only the site: /v1 reaches the API through Vite's proxy, as behind CloudFront", async () => {
		const port = await freePort();
		const vite = startChild('vite', process.execPath, [viteBin, 'dev', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
			cwd: `${root}web`,
			quiet: true,
			env: { ...process.env, API_URL: inject('apiUrl') },
		});
		try {
			await waitForHttp(`http://127.0.0.1:${port}/`, 120_000, vite.process);
			const { code, out } = await smoke([`http://127.0.0.1:${port}`]);
			expect(out).toContain(`(API http://127.0.0.1:${port}/v1)`);
			expect(out).toMatch(/✔ API health\s+\d+ ms {2}200 \{"status":"ok","database":"ok"\}/);
			expect(out).toMatch(/✔ OpenAPI document\s+\d+ ms {2}OpenAPI 3\.1\.\d+, \d+ paths/);
			expect(out).toContain('– static asset');
			expect(out).toContain('✔ all 6 checks passed');
			expect(code).toBe(0);
		} finally {
			await vite.stop();
		}
	}, 240_000);

	it('fails with a clear line per check when nothing answers on the port', async () => {
		const port = await freePort();
		const { code, out } = await smoke([`http://127.0.0.1:${port}`]);
		expect(code).toBe(1);
		expect(out).toMatch(/✖ API health\s+\d+ ms {2}fetch failed \(ECONNREFUSED\)/);
		expect(out).toMatch(/✖ page \/ky\s+\d+ ms {2}fetch failed \(ECONNREFUSED\)/);
		expect(out).toContain('✖ 5 of 6 checks failed');
	});

	it('refuses a missing or malformed URL with its usage (exit 2)', async () => {
		const { code, out } = await smoke(['not a url']);
		expect(code).toBe(2);
		expect(out).toContain('usage: pnpm smoke <site url> [--api <api base url>]');
	});
});
