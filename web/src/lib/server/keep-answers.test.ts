import { describe, expect, it } from 'vitest';
import { ProfileSchema } from '@mekendesh/contracts';
import { holdsNoAnswers, mergeAnswers } from './keep-answers.js';

const stored = ProfileSchema.parse({
	displayName: 'Айбек Токтогулов',
	homeOblastSoate: '41708000000000',
	homeRayonSoate: '41708203000000',
	sectors: ['health'],
	amountMax: 100_000_00,
	telegram: '@aibek_t',
	residenceCountry: 'RU',
});

describe('mergeAnswers', () => {
	it('puts the answers in and leaves every other field as stored', () => {
		const merged = mergeAnswers(stored, {
			homeOblastSoate: '41704000000000',
			homeRayonSoate: '41704220000000',
			sectors: ['education'],
			amountMax: 2_000_000,
			residenceCountry: 'KZ',
		});
		expect(merged).toEqual({
			...stored,
			homeOblastSoate: '41704000000000',
			homeRayonSoate: '41704220000000',
			sectors: ['education'],
			amountMax: 2_000_000,
			residenceCountry: 'KZ',
		});
	});

	it('clears a stored rayon when a new oblast comes without one, and keeps what was not answered', () => {
		const merged = mergeAnswers(stored, {
			homeOblastSoate: '41704000000000',
			homeRayonSoate: null,
			sectors: [],
			amountMax: null,
			residenceCountry: null,
		});
		expect([merged.homeOblastSoate, merged.homeRayonSoate, merged.sectors, merged.amountMax, merged.residenceCountry]).toEqual([
			'41704000000000',
			null,
			['health'],
			100_000_00,
			'RU',
		]);
	});
});

describe('holdsNoAnswers', () => {
	it('is true only for a profile without home, interests or amount (a new account), so a link never rewrites answers given', () => {
		expect(holdsNoAnswers(ProfileSchema.parse({ displayName: 'Жаңы колдонуучу', languages: ['ky'] }))).toBe(true);
		// What a second review's crafted link overwrote: a country, a settlement, consent to be counted.
		expect(holdsNoAnswers(ProfileSchema.parse({ displayName: 'Айгүл', residenceCountry: 'DE' }))).toBe(false);
		expect(holdsNoAnswers(ProfileSchema.parse({ displayName: 'Айгүл', homeSettlement: 'Кара-Суу' }))).toBe(false);
		expect(holdsNoAnswers(ProfileSchema.parse({ displayName: 'Айгүл', countInterest: true }))).toBe(false);
		expect(holdsNoAnswers(stored)).toBe(false);
		expect(holdsNoAnswers(ProfileSchema.parse({ displayName: 'Айгүл', sectors: ['water'] }))).toBe(false);
		expect(holdsNoAnswers(ProfileSchema.parse({ displayName: 'Айгүл', amountMin: 100 }))).toBe(false);
		expect(holdsNoAnswers(ProfileSchema.parse({ displayName: 'Айгүл', homeOblastSoate: '41704000000000' }))).toBe(false);
	});
});
