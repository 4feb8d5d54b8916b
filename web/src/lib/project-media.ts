/** A photo as the API describes it: its key and its resized WebP copies (narrowest first). */
export type PhotoFile = { key: string; variants: readonly { width: number; key: string }[] };

const API_MEDIA = /\/projects\/([A-Za-z0-9_-]{1,64})\/media\/([0-9a-z]{26}\.(?:jpg|png|webp|pdf))$/;

/**
 * The web path of a project file, from the API's media URL (`/v1/projects/<id>/media/<key>`): a photo's public path
 * (`/media/projects/<id>/<key>`, served by CloudFront from the bucket; locally by the dev route), a document's download
 * route (`/documents/<id>/<key>`, a redirect to a short-lived URL; not under /media/, which CloudFront sends to the bucket).
 * @example mediaPath('/v1/projects/p1/media/01j0000000000000000000000a.png') // '/media/projects/p1/01j0000000000000000000000a.png'
 */
export function mediaPath(apiUrl: string | null | undefined): string | null {
	const match = API_MEDIA.exec(apiUrl ?? '');
	if (!match) return null;
	return match[2]!.endsWith('.pdf') ? `/documents/${match[1]}/${match[2]}` : `/media/projects/${match[1]}/${match[2]}`;
}

/**
 * The public path of a photo's smallest copy at least `width` wide (the widest copy, else the photo itself when none is).
 * @example photoFile('p1', { key: 'k.png', variants: [{ width: 320, key: 'k-w320.webp' }] }, 320) // '/media/projects/p1/k-w320.webp'
 */
export function photoFile(projectId: string, photo: PhotoFile, width?: number): string {
	const copy = width ? (photo.variants.find((v) => v.width >= width) ?? photo.variants.at(-1)) : undefined;
	return `/media/projects/${projectId}/${copy?.key ?? photo.key}`;
}

/** `src` and `srcset` of a responsive photo: its phone-sized copies (320, 640, 1280 wide, those narrower than it), else itself. */
export function photoSources(projectId: string, photo: PhotoFile): { src: string; srcset: string | undefined } {
	const srcset = photo.variants.map((v) => `/media/projects/${projectId}/${v.key} ${v.width}w`).join(', ');
	return { src: photoFile(projectId, photo, 640), srcset: srcset || undefined };
}

/** A project's cover photo, with its copies when the project lists its attachments; null without a cover. */
export function coverPhoto(project: {
	coverPhoto?: string | null | undefined;
	attachments?: readonly PhotoFile[] | undefined;
}): PhotoFile | null {
	if (!project.coverPhoto || project.coverPhoto.endsWith('.pdf')) return null;
	return project.attachments?.find((a) => a.key === project.coverPhoto) ?? { key: project.coverPhoto, variants: [] };
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
