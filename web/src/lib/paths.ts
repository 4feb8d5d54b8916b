import type { Locale } from '@mekendesh/contracts';

// The URL scheme is a plain language prefix (/ky/..., /ru/..., /en/...), no trailing slash (Kit's default).
// Paraglide's localizeHref('/') answers '/ky/', which would cost every home link a redirect, hence these.
const PREFIX = /^\/(ky|ru|en)(?=\/|$)/;

/**
 * The path of a page in a language.
 * @example localizedPath('/', 'ru') // '/ru'
 * @example localizedPath('/projects/p1?x=1', 'en') // '/en/projects/p1?x=1'
 */
export function localizedPath(path: string, locale: Locale): string {
	const rest = delocalizedPath(path);
	return rest === '/' || rest.startsWith('/?') || rest.startsWith('/#') ? `/${locale}${rest.slice(1)}` : `/${locale}${rest}`;
}

/**
 * A path without its language prefix.
 * @example delocalizedPath('/ky/projects/p1') // '/projects/p1'
 */
export function delocalizedPath(path: string): string {
	const rest = path.replace(PREFIX, '');
	return rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}`;
}
