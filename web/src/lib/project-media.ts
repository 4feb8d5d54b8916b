import { PHOTO_WIDTHS } from '@mekendesh/contracts';

/**
 * The web route serving a project file, from the API's media URL (`/v1/projects/<id>/media/<key>`).
 * @example mediaPath('/v1/projects/p1/media/01j0000000000000000000000a.png') // '/media/p1/01j0000000000000000000000a.png'
 */
export function mediaPath(apiUrl: string | null | undefined): string | null {
	const match = /\/projects\/([A-Za-z0-9_-]{1,64})\/media\/([0-9a-z]{26}\.(?:jpg|png|webp|pdf))$/.exec(apiUrl ?? '');
	return match ? `/media/${match[1]}/${match[2]}` : null;
}

/** `src` and `srcset` of a responsive photo: the phone-sized copies the API makes (320, 640, 1280 wide). */
export function photoSources(path: string): { src: string; srcset: string } {
	return { src: `${path}?w=640`, srcset: PHOTO_WIDTHS.map((w) => `${path}?w=${w} ${w}w`).join(', ') };
}

/**
 * Share links that need no JavaScript or tracking scripts: Telegram's and WhatsApp's own share URLs.
 * @example shareLinks('https://mekendesh.kg/ky/projects/p1', 'Мектеп').telegram // 'https://t.me/share/url?url=...'
 */
export function shareLinks(url: string, title: string): { telegram: string; whatsapp: string } {
	return {
		telegram: `https://t.me/share/url?${new URLSearchParams({ url, text: title })}`,
		whatsapp: `https://wa.me/?${new URLSearchParams({ text: `${title} ${url}` })}`,
	};
}

/** Open Graph locale of each page language. */
export const OG_LOCALE = { ky: 'ky_KG', ru: 'ru_RU', en: 'en_US' } as const;
