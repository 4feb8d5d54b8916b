import { afterEach, describe, expect, it } from 'vitest';
import type { Locale, MatchReasonCode } from '@mekendesh/contracts';
import { overwriteGetLocale } from '#lib/paraglide/runtime.js';
import { missingText, oneSomText, shownReasons } from './recommendations.js';

const inLocale = <T>(locale: Locale, fn: () => T): T => {
	overwriteGetLocale(() => locale);
	return fn();
};
afterEach(() => overwriteGetLocale(() => 'ky'));

const mekenim = { ky: 'Мекеним 1+1', ru: 'Мекеним 1+1', en: 'Mekenim 1+1' };

describe('oneSomText', () => {
	it('says what one som becomes, by which programmes, in each language', () => {
		const oneSom = { multiplier: '2', programmes: [mekenim] };
		expect(inLocale('en', () => oneSomText(oneSom, 'en'))).toBe('Co-financed by Mekenim 1+1: 1 som becomes 2\u00a0som');
		expect(inLocale('ru', () => oneSomText(oneSom, 'ru'))).toBe('Софинансирует Мекеним 1+1: каждый сом становится 2\u00a0сом');
		expect(inLocale('ky', () => oneSomText(oneSom, 'ky'))).toBe('Мекеним 1+1 кошо каржылайт: ар бир сом 2\u00a0сом болот');
	});

	it('reads a fractional multiplier exactly, names no programme when none is given, and skips an unreadable one', () => {
		expect(inLocale('en', () => oneSomText({ multiplier: '1.5', programmes: [] }, 'en'))).toBe('Co-financed: 1 som becomes 1.50\u00a0som');
		expect(inLocale('en', () => oneSomText({ multiplier: 'lots', programmes: [] }, 'en'))).toBeNull();
	});
});

describe('missingText', () => {
	it('names the missing answers as a list', () => {
		expect(inLocale('en', () => missingText(['home', 'amount'], 'en'))).toBe(
			'Recommendations get better when your profile says: your home district and about how much you could give.',
		);
	});
});

describe('shownReasons', () => {
	const reasons = (...codes: MatchReasonCode[]) => codes.map((code) => ({ code }));
	it('shows at most the three strongest, in the order given', () => {
		expect(shownReasons(reasons('home_rayon', 'sector', 'amount_fits', 'closing_soon'), false).map((r) => r.code)).toEqual([
			'home_rayon',
			'sector',
			'amount_fits',
		]);
	});

	it('drops the co-financing bullet only when the one-som line says it', () => {
		const four = reasons('home_rayon', 'cofinanced', 'sector', 'amount_fits');
		expect(shownReasons(four, true).map((r) => r.code)).toEqual(['home_rayon', 'sector', 'amount_fits']);
		expect(shownReasons(four, false).map((r) => r.code)).toEqual(['home_rayon', 'cofinanced', 'sector']);
	});
});
