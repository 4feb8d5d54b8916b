import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..');
const skip = new Set(['paraglide', 'node_modules']);

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return skip.has(entry.name) ? [] : sources(path);
		return /\.(ts|js|svelte)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
	});
}

const files = sources(SRC).map((path) => ({ name: relative(SRC, path).replaceAll('\\', '/'), text: readFileSync(path, 'utf8') }));
const where = (test: (text: string) => boolean) =>
	files
		.filter((f) => test(f.text))
		.map((f) => f.name)
		.sort();

// Every call to the API goes through api(event) (lib/server/api.ts), so handleFetch adds the base URL, the
// token, the language and the proxy headers to all of them; a second way in is how one once skipped them.
describe('one way to the API', () => {
	it('reads API_URL only in the hook that sends calls there', () => {
		expect(where((t) => /\bAPI_URL\b/.test(t) && /\$app\/env\/private/.test(t))).toEqual(['hooks.server.ts']);
	});

	it('writes API paths (/v1/...) in server code only in the client', () => {
		const server = (name: string) => /^(lib\/server\/|routes\/|hooks\.server\.ts)/.test(name);
		expect(where((t) => /['"`]\/v1\//.test(t) || /\/v1\$\{/.test(t)).filter(server)).toEqual(['lib/server/api-call.ts']);
	});

	it("calls fetch only in the client, in handleFetch, and for the local stack's photos (its dev route)", () => {
		const calls = files.flatMap((f) => [...f.text.matchAll(/(?<![.\w])(?:event\.)?fetch\(([^,)]*)/g)].map((m) => `${f.name}: ${m[1]}`));
		expect(calls.sort()).toEqual([
			'hooks.server.ts: toApi ?? request',
			'lib/server/api-call.ts: `${API_ORIGIN}/v1${path}`',
			// Local only (LOCAL_MEDIA): in the cloud CloudFront serves /media/* from the bucket; files never pass through this server.
			'routes/media/projects/[id]/[file]/+server.ts: `${LOCAL_MEDIA}/media/projects/${params.id}/${params.file}`',
		]);
	});
});
