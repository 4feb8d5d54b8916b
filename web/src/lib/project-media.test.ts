import { describe, expect, it } from 'vitest';
import { coverPhoto, mediaPath, photoFile, photoSources, shareLinks } from './project-media.js';

describe('project media', () => {
	it("maps the API media URL to a photo's public path or a document's download route, and nothing else", () => {
		expect(mediaPath('/v1/projects/p-1/media/01jabcdefghjkmnpqrstvwxyz0.png')).toBe('/media/projects/p-1/01jabcdefghjkmnpqrstvwxyz0.png');
		expect(mediaPath('/v1/projects/p-1/media/01jabcdefghjkmnpqrstvwxyz0.pdf')).toBe('/documents/p-1/01jabcdefghjkmnpqrstvwxyz0.pdf');
		expect(mediaPath('https://evil.example/x.png')).toBeNull();
		expect(mediaPath(null)).toBeNull();
	});
	it('builds the srcset from the copies the API made, and picks the smallest copy wide enough', () => {
		const photo = { key: 'k.png', variants: [320, 640].map((width) => ({ width, key: `k-w${width}.webp` })) };
		expect(photoSources('p', photo)).toEqual({
			src: '/media/projects/p/k-w640.webp',
			srcset: '/media/projects/p/k-w320.webp 320w, /media/projects/p/k-w640.webp 640w',
		});
		expect(photoFile('p', photo, 1280)).toBe('/media/projects/p/k-w640.webp');
		expect(photoFile('p', photo)).toBe('/media/projects/p/k.png');
		expect(photoSources('p', { key: 'small.jpg', variants: [] })).toEqual({ src: '/media/projects/p/small.jpg', srcset: undefined });
	});
	it('finds the cover among the attachments, and has none for a document or no cover', () => {
		const attachments = [{ key: 'a.jpg', variants: [{ width: 320, key: 'a-w320.webp' }] }];
		expect(coverPhoto({ coverPhoto: 'a.jpg', attachments })).toBe(attachments[0]);
		expect(coverPhoto({ coverPhoto: 'b.jpg' })).toEqual({ key: 'b.jpg', variants: [] });
		expect(coverPhoto({ coverPhoto: null, attachments })).toBeNull();
	});
	it('builds share links with the URL encoded', () => {
		const links = shareLinks('https://m.kg/ky/projects/p1', 'Көпүрө & жол');
		expect(links.telegram).toBe(
			'https://t.me/share/url?url=https%3A%2F%2Fm.kg%2Fky%2Fprojects%2Fp1&text=%D0%9A%D3%A9%D0%BF%D2%AF%D1%80%D3%A9+%26+%D0%B6%D0%BE%D0%BB',
		);
		expect(links.whatsapp).toContain('wa.me/?text=');
	});
});
