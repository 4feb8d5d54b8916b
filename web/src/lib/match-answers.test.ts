import { describe, expect, it } from 'vitest';
import { answersQuery, profileSuggestion, readMatchAnswers } from './match-answers.js';

const NARYN = '41704000000000';
const AT_BASHY = '41704220000000';
const CHUI = '41708000000000';
const read = (qs: string) => readMatchAnswers(new URLSearchParams(qs));

describe('readMatchAnswers', () => {
	it('reads the four answers, sectors from checkboxes or one comma list, in one order', () => {
		expect(read(`oblast=${NARYN}&rayon=${AT_BASHY}&sectors=water&sectors=education&amount=50+000`)).toEqual({
			answers: { oblast: NARYN, rayon: AT_BASHY, sectors: ['education', 'water'], amount: 50000, country: null },
			dropped: [],
			badAmount: null,
			answered: true,
		});
		expect(read('sectors=water,education').answers.sectors).toEqual(['education', 'water']);
	});

	it('is on the first step until the second sends its fields, even empty', () => {
		expect(read(`oblast=${NARYN}`).answered).toBe(false);
		expect(read(`oblast=${NARYN}&rayon=&amount=`)).toEqual({
			answers: { oblast: NARYN, rayon: null, sectors: [], amount: null, country: null },
			dropped: [],
			badAmount: null,
			answered: true,
		});
	});

	it('fills in the oblast from the rayon, and drops a rayon outside the chosen oblast', () => {
		expect(read(`rayon=${AT_BASHY}`).answers.oblast).toBe(NARYN);
		expect(read(`oblast=${CHUI}&rayon=${AT_BASHY}`)).toMatchObject({ answers: { oblast: CHUI, rayon: null }, dropped: ['rayon'] });
	});

	it('drops unreadable values and names them, keeping the rest', () => {
		const { answers, dropped, badAmount } = read(`oblast=41799999999999&rayon=x&sectors=education,space&amount=-5&country=SU`);
		expect(answers).toEqual({ oblast: null, rayon: null, sectors: ['education'], amount: null, country: null });
		expect(dropped).toEqual(['oblast', 'rayon', 'sectors', 'country']);
		expect(badAmount).toBe('-5'); // said next to the amount field, as typed, not as a link problem
		expect(read('amount=lots')).toMatchObject({ dropped: [], badAmount: 'lots', answers: { amount: null } });
		expect(read('amount=0,5').badAmount).toBe('0,5');
		expect(read('amount=1000000000000').badAmount).toBe('1000000000000');
		expect(read('country=KG').dropped).toEqual(['country']); // residence abroad: Kyrgyzstan is not offered
		expect(read(`oblast=${AT_BASHY}`).dropped).toEqual(['oblast']); // a rayon is not an oblast
	});

	it('reads the amount as the site writes amounts, with the profile form parser', () => {
		for (const typed of ['20,000', '20 000', '20\u00a0000', '20000', '20000,50'])
			expect(read(`amount=${encodeURIComponent(typed)}`).answers.amount).toBe(20000);
	});

	it('keeps the country of residence, upper-cased', () => {
		expect(read(`oblast=${NARYN}&rayon=&country=ru`)).toMatchObject({ answers: { country: 'RU' }, dropped: [], answered: true });
	});
});

describe('answersQuery', () => {
	it('writes one canonical, shareable form that reads back to the same answers', () => {
		const answers = {
			oblast: NARYN,
			rayon: AT_BASHY,
			sectors: ['education' as const, 'water' as const],
			amount: 50000,
			country: 'KZ' as const,
		};
		const qs = answersQuery(answers);
		expect(qs).toBe(`oblast=${NARYN}&rayon=${AT_BASHY}&sectors=education%2Cwater&amount=50000&country=KZ`);
		expect(read(qs)).toEqual({ answers, dropped: [], badAmount: null, answered: true });
		expect(answersQuery({ oblast: NARYN, rayon: null, sectors: [], amount: null, country: null })).toBe(`oblast=${NARYN}&rayon=`);
		// "20,000" typed comes back as digits.
		expect(answersQuery(read(`oblast=${NARYN}&amount=20%2C000`).answers)).toBe(`oblast=${NARYN}&rayon=&amount=20000`);
	});
});

describe('profileSuggestion', () => {
	it('carries only the known, valid answers, the amount as the top of the range in tyiyn', () => {
		expect(
			profileSuggestion(new URLSearchParams(`oblast=${NARYN}&rayon=${AT_BASHY}&sectors=water&amount=40000&country=TR&role=admin`)),
		).toEqual({
			homeOblastSoate: NARYN,
			homeRayonSoate: AT_BASHY,
			sectors: ['water'],
			amountMax: 4_000_000,
			residenceCountry: 'TR',
		});
		expect(profileSuggestion(new URLSearchParams('oblast=evil&sectors=space'))).toBeNull();
		expect(profileSuggestion(new URLSearchParams(''))).toBeNull();
	});
});
