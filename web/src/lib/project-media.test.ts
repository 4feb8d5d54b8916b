import { describe, expect, it } from 'vitest';
import { mediaPath, photoSources, shareLinks } from './project-media.js';

describe('project media', () => {
	it('maps the API media URL to the web route, and nothing else', () => {
		expect(mediaPath('/v1/projects/p-1/media/01jabcdefghjkmnpqrstvwxyz0.png')).toBe('/media/p-1/01jabcdefghjkmnpqrstvwxyz0.png');
		expect(mediaPath('https://evil.example/x.png')).toBeNull();
		expect(mediaPath(null)).toBeNull();
	});
	it('offers the three phone-sized copies', () => {
		expect(photoSources('/media/p/k.png').srcset).toBe('/media/p/k.png?w=320 320w, /media/p/k.png?w=640 640w, /media/p/k.png?w=1280 1280w');
	});
	it('builds share links with the URL encoded', () => {
		const links = shareLinks('https://m.kg/ky/projects/p1', 'Көпүрө & жол');
		expect(links.telegram).toBe(
			'https://t.me/share/url?url=https%3A%2F%2Fm.kg%2Fky%2Fprojects%2Fp1&text=%D0%9A%D3%A9%D0%BF%D2%AF%D1%80%D3%A9+%26+%D0%B6%D0%BE%D0%BB',
		);
		expect(links.whatsapp).toContain('wa.me/?text=');
	});
});
