import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every catalog the app compiles (the inlang project's path patterns), read as the files are.
const web = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const settings = JSON.parse(readFileSync(web('project.inlang/settings.json'), 'utf8')) as {
	locales: string[];
	'plugin.inlang.messageFormat': { pathPattern: string[] };
};
const LOCALES = settings.locales;
const PATTERNS = settings['plugin.inlang.messageFormat'].pathPattern;

type Message = string | { declarations?: string[]; match?: Record<string, string> }[];
const catalog = (pattern: string, locale: string): Record<string, Message> => {
	const { $schema: _, ...messages } = JSON.parse(readFileSync(web(pattern.replace('{locale}', locale).replace(/^\.\//, '')), 'utf8'));
	return messages;
};

/** Every text a message can show. */
const texts = (message: Message): string[] =>
	typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match ?? {}));

/** The variables its texts show, {name}: a plural selector (count) is not one, as Kyrgyz has no plural forms. */
const inputs = (message: Message): string[] =>
	[...new Set(texts(message).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();

describe.each(PATTERNS)('the messages in %s', (pattern) => {
	const catalogs = Object.fromEntries(LOCALES.map((l) => [l, catalog(pattern, l)]));
	const keys = [...new Set(LOCALES.flatMap((l) => Object.keys(catalogs[l]!)))].sort();

	it('exist in every language, none empty', () => {
		for (const l of LOCALES) {
			expect(
				keys.filter((k) => !(k in catalogs[l]!)),
				`missing in ${l}`,
			).toEqual([]);
			expect(
				keys.filter((k) => k in catalogs[l]! && texts(catalogs[l]![k]!).some((t) => !t.trim())),
				`empty in ${l}`,
			).toEqual([]);
		}
	});

	it('show the same variables in every language', () => {
		for (const key of keys) {
			const [first, ...rest] = LOCALES.map((l) => (key in catalogs[l]! ? inputs(catalogs[l]![key]!) : null));
			for (const other of rest) if (first && other) expect(other, key).toEqual(first);
		}
	});

	it('are written in Cyrillic in Kyrgyz and Russian wherever English has words', () => {
		const words = (s: string) =>
			s
				.replace(/\{\w+\}/g, '')
				.replace(
					/https?:\S+|Stripe|JPEG|PNG|WebP|PDF|CSV|IBAN|SWIFT|BIC|BIK|INN|Telegram|WhatsApp|Mekendesh|OpenAPI|SOATE|Unicode|Windows|MK-\S+|\S*\d\S*|[A-Z]{2,}/g,
					'',
				);
		for (const l of LOCALES.filter((l) => l !== 'en')) {
			for (const key of keys) {
				if (!(key in catalogs[l]!) || !(key in catalogs.en!)) continue;
				const english = texts(catalogs.en![key]!).join(' ');
				if (!/[A-Za-z]{3}/.test(words(english))) continue; // names, codes, numbers
				expect(texts(catalogs[l]![key]!).join(' '), `${l} ${key}`).toMatch(/[А-Яа-яЁёӨөҮүҢң]/);
			}
		}
	});
});
