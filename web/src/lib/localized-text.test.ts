import { describe, expect, it } from 'vitest';
import { paragraphs, pickText } from './localized-text.js';

describe('pickText', () => {
	it("takes the reader's language when it exists", () => {
		expect(pickText({ ky: 'Мектеп', ru: 'Школа', en: 'School' }, 'ru')).toEqual({
			text: 'Школа',
			lang: 'ru',
			isFallback: false,
		});
	});

	it('falls back to another language and says so', () => {
		expect(pickText({ ru: 'Школа' }, 'ky')).toEqual({ text: 'Школа', lang: 'ru', isFallback: true });
		expect(pickText({ ky: 'Мектеп' }, 'en')).toEqual({ text: 'Мектеп', lang: 'ky', isFallback: true });
	});

	it('prefers Russian over Kyrgyz for English readers, Kyrgyz over English for Russian readers', () => {
		expect(pickText({ ky: 'Мектеп', ru: 'Школа' }, 'en')?.lang).toBe('ru');
		expect(pickText({ ky: 'Мектеп', en: 'School' }, 'ru')?.lang).toBe('ky');
	});

	it('skips blank texts and handles missing ones', () => {
		expect(pickText({ ky: '  ', ru: 'Школа' }, 'ky')?.lang).toBe('ru');
		expect(pickText(null, 'ky')).toBeUndefined();
		expect(pickText(undefined, 'en')).toBeUndefined();
	});
});

describe('paragraphs', () => {
	it('splits at blank lines and keeps single line breaks', () => {
		expect(paragraphs('One\nstill one\n\n\nTwo\r\n\r\nThree  ')).toEqual(['One\nstill one', 'Two', 'Three']);
	});

	it('returns nothing for empty text', () => {
		expect(paragraphs(' \n\n ')).toEqual([]);
	});
});
