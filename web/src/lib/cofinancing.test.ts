import { afterEach, describe, expect, it } from 'vitest';
import type { Locale, PledgeType, ProjectFunding } from '@mekendesh/contracts';
import { overwriteGetLocale } from '#lib/paraglide/runtime.js';
import { formatDate, formatSom } from './format.js';
import { matchingStarts, summarizeCofinancing } from './cofinancing.js';

const inLocale = <T>(locale: Locale, fn: () => T): T => {
	overwriteGetLocale(() => locale);
	return fn();
};
afterEach(() => overwriteGetLocale(() => 'ky'));

type FundingProgramme = ProjectFunding['programmes'][number];
const mekenim: FundingProgramme = {
	id: 'prg-mekenim',
	name: { ky: 'Мекеним 1+1', ru: 'Мекеним 1+1', en: 'Mekenim 1+1' },
	ratio: { numerator: 1, denominator: 1 },
	pledgeTypes: ['donation'],
	matchedForProject: 0,
	capLeft: 200_000_000,
	budgetLeft: 5_000_000_000,
	startDate: '2026-06-01',
	endDate: '2027-11-30',
};
const som = (type: PledgeType, matched: number) => ({
	type,
	diaspora: 100,
	matched,
	total: 100 + matched,
	multiplier: String((100 + matched) / 100),
});

function funding(programmes: FundingProgramme[], oneSomByType: ReturnType<typeof som>[]): ProjectFunding {
	return {
		projectId: 'prj-002',
		currency: 'KGS',
		goal: 350_000_000,
		pledged: 0,
		raised: 0,
		matched: 0,
		supporters: 0,
		oneSom: oneSomByType.find((r) => r.type === 'donation') ?? som('donation', 0),
		oneSomByType,
		programmes,
	};
}

describe('what co-financing does to a pledge, in words', () => {
	const dairy = funding([mekenim], [som('equity', 0), som('loan', 0), som('donation', 100)]);

	it('says what a donated som becomes, by which programme and on what terms, and that loans are not matched, in ky/ru/en', () => {
		const said = (l: Locale) => inLocale(l, () => summarizeCofinancing(dairy, l));
		expect(said('en').lines).toEqual([
			{ type: 'donation', text: `Every som you give becomes ${formatSom(200, 'en')}: Mekenim 1+1 matches 1:1, donations only.` },
		]);
		expect(said('ru').lines[0]!.text).toBe(
			`Каждый пожертвованный вами сом превращается в ${formatSom(200, 'ru')}: «Мекеним 1+1» добавляет 1:1, только пожертвования.`,
		);
		expect(said('ky').lines[0]!.text).toBe(
			`Сиз кайрымдуулук катары берген ар бир сом ${formatSom(200, 'ky')} болот: «Мекеним 1+1» 1:1 катышында кошот, кайрымдуулук гана.`,
		);
		expect(said('en').notMatched).toBe('Not matched: equity investments and loans.');
		expect(said('ru').notMatched).toBe('Не софинансируются: долевые вложения и займы.');
		expect(said('ky').notMatched).toMatch(/^Кошо каржыланбайт: үлүштүк салымдар .+ карыздар\.$/);
		expect(said('en').usedUp).toEqual([]);
	});

	it('names, for each pledge type, only the programmes that match it', () => {
		const lenders: FundingProgramme = {
			...mekenim,
			id: 'prg-loans',
			name: { en: 'Loans 1:2' },
			ratio: { numerator: 1, denominator: 2 },
			pledgeTypes: ['loan'],
		};
		const both = funding([mekenim, lenders], [som('donation', 100), som('loan', 50)]);
		expect(inLocale('en', () => summarizeCofinancing(both, 'en'))).toEqual({
			lines: [
				{ type: 'donation', text: `Every som you give becomes ${formatSom(200, 'en')}: Mekenim 1+1 matches 1:1, donations only.` },
				{ type: 'loan', text: `Every som you lend becomes ${formatSom(150, 'en')}: Loans 1:2 matches 1:2, loans only.` },
			],
			notMatched: null,
			usedUp: [],
		});
	});

	it('says a programme has nothing left for the project, and promises no match', () => {
		const spent = funding([{ ...mekenim, capLeft: 0 }], [som('donation', 0)]);
		expect(inLocale('en', () => summarizeCofinancing(spent, 'en'))).toEqual({
			lines: [],
			notMatched: null,
			usedUp: ['Mekenim 1+1 co-finances this project, but what it could add here is used up.'],
		});
	});
});

describe('why nothing is matched yet', () => {
	const received = (programmes: FundingProgramme[], matched: number) => ({
		...funding(programmes, [som('donation', 100)]),
		raised: 500_000,
		matched,
	});

	it('names the day each programme started matching, when money came in but nothing was matched, in ky/ru/en', () => {
		const said = (l: Locale) => inLocale(l, () => matchingStarts(received([mekenim], 0), l));
		expect(said('en')).toEqual([
			`Mekenim 1+1 matches donations received from ${formatDate('2026-06-01', 'en')}, the day it started; money received earlier is not matched.`,
		]);
		expect(said('ru')).toEqual([
			`«Мекеним 1+1» софинансирует пожертвования, поступившие с ${formatDate('2026-06-01', 'ru')} — дня начала программы; поступившее раньше не софинансируется.`,
		]);
		expect(said('ky')[0]).toContain(formatDate('2026-06-01', 'ky'));
	});

	it('says nothing when something was matched, nothing was received or no programme applies', () => {
		expect(matchingStarts(received([mekenim], 100), 'en')).toEqual([]);
		expect(matchingStarts({ ...received([mekenim], 0), raised: 0 }, 'en')).toEqual([]);
		expect(matchingStarts(received([], 0), 'en')).toEqual([]);
	});
});
