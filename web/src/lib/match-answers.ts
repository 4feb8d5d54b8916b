import { COUNTRY_CODES, MAX_AMOUNT_MINOR, SECTORS, type CountryCode, type Sector } from '@mekendesh/contracts';
import { RAYONS, territoryBySoate } from '@mekendesh/territories';
import { parseSomInput } from '#lib/money-input.js';

/**
 * A visitor's answers to the "for you" question flow, as its URL keeps them (shareable), and as the sign-up
 * offer carries them into the new profile. Every value is checked against the reference data here, so a hand
 * edited or stale URL loses the bad value (and says so) instead of failing the page.
 */
export interface MatchAnswers {
	/** Oblast-level SOATE (7 oblasts, Bishkek, Osh). */
	oblast: string | null;
	/** Rayon-level SOATE lying in `oblast`. */
	rayon: string | null;
	/** Interests, each once, in the order of SECTORS. */
	sectors: Sector[];
	/** About how much, whole som (KGS), 1..MAX_AMOUNT_MINOR/100. */
	amount: number | null;
	/** Country of residence (ISO 3166-1 alpha-2, not KG): for the profile only, never sent to the recommendations API. */
	country: CountryCode | null;
}

/** The answer names a URL can carry; the ones dropped as unreadable are reported by these names. */
export type AnswerName = 'oblast' | 'rayon' | 'sectors' | 'country';

export interface ReadAnswers {
	answers: MatchAnswers;
	/** Answers from a select or checkboxes present in the URL but unreadable (only a hand-edited link has them), left out. */
	dropped: AnswerName[];
	/** The amount as typed when it cannot be read (the form says so next to the field, keeping it); else null. */
	badAmount: string | null;
	/** Whether the second step was sent (its fields are in the URL, even empty): the list is shown then. */
	answered: boolean;
}

const MAX_SOM = Math.floor(MAX_AMOUNT_MINOR / 100);
const SECTOR_SET = new Set<string>(SECTORS);
const COUNTRY_SET = new Set<string>(COUNTRY_CODES.filter((c) => c !== 'KG'));

/**
 * Som as the profile's amount field reads them ("20 000", "20,000", "20000", "1500,50": parseSomInput), as whole
 * som (tyiyn dropped: the answer is "about how much"), 1..MAX_SOM. Empty is null; unreadable is undefined.
 */
function readSom(raw: string): number | null | undefined {
	const tyiyn = parseSomInput(raw, { commaGroups: true });
	if (tyiyn === null || tyiyn === undefined) return tyiyn;
	const som = Math.floor(tyiyn / 100);
	return som >= 1 && som <= MAX_SOM ? som : undefined;
}

/** Sectors from `sectors=a,b` or repeated `sectors=a&sectors=b` (what checkboxes send); unknown ones are dropped. */
function readSectors(params: URLSearchParams): { sectors: Sector[]; bad: boolean } {
	const parts = params
		.getAll('sectors')
		.flatMap((v) => v.split(','))
		.map((s) => s.trim())
		.filter(Boolean);
	const bad = parts.length > SECTORS.length * 2 || parts.some((p) => !SECTOR_SET.has(p));
	return { sectors: SECTORS.filter((s) => parts.includes(s)), bad };
}

/**
 * Reads the answers from a URL's query. A rayon fills in its oblast; a rayon outside the chosen oblast, an
 * unknown code, an unknown sector or country is dropped and named in `dropped`; an amount that cannot be read
 * (or is out of range) is left out and kept as typed in `badAmount`.
 * @example readMatchAnswers(new URLSearchParams('oblast=41704000000000&rayon=41704220000000&sectors=education&amount=20,000'))
 * // { answers: { oblast: '41704000000000', rayon: '41704220000000', sectors: ['education'], amount: 20000, country: null },
 * //   dropped: [], badAmount: null, answered: true }
 */
export function readMatchAnswers(params: URLSearchParams): ReadAnswers {
	const dropped: AnswerName[] = [];
	const oblastRaw = params.get('oblast')?.trim() ?? '';
	const rayonRaw = params.get('rayon')?.trim() ?? '';
	let oblast: string | null = null;
	if (oblastRaw) {
		if (territoryBySoate(oblastRaw)?.level === 1) oblast = oblastRaw;
		else dropped.push('oblast');
	}
	let rayon: string | null = null;
	if (rayonRaw) {
		// Bishkek and Osh are both an oblast-level unit and a rayon-level one, under one code.
		const place = RAYONS.find((t) => t.soate === rayonRaw);
		if (!place?.parentSoate || (oblast && place.parentSoate !== oblast)) dropped.push('rayon');
		else {
			rayon = rayonRaw;
			oblast ??= place.parentSoate;
		}
	}
	const { sectors, bad } = readSectors(params);
	if (bad) dropped.push('sectors');
	const countryRaw = params.get('country')?.trim().toUpperCase() ?? '';
	const country = COUNTRY_SET.has(countryRaw) ? (countryRaw as CountryCode) : null;
	if (countryRaw && !country) dropped.push('country');
	const amountRaw = params.get('amount') ?? '';
	const amount = readSom(amountRaw);
	return {
		answers: { oblast, rayon, sectors, amount: amount ?? null, country },
		dropped,
		badAmount: amount === undefined ? amountRaw.slice(0, 40) : null,
		answered: params.has('rayon') || params.has('sectors') || params.has('amount') || params.has('country'),
	};
}

/**
 * The answers as a query string, in one canonical form (`sectors=a,b`), without the leading `?`. `rayon` is
 * always written, empty when not chosen, so a shared link opens on the list rather than on the second step.
 * @example answersQuery({ oblast: '41704000000000', rayon: null, sectors: ['education', 'water'], amount: 50000, country: null })
 * // 'oblast=41704000000000&rayon=&sectors=education%2Cwater&amount=50000'
 */
export function answersQuery(answers: MatchAnswers): string {
	const qs = new URLSearchParams();
	if (answers.oblast) qs.set('oblast', answers.oblast);
	qs.set('rayon', answers.rayon ?? '');
	if (answers.sectors.length > 0) qs.set('sectors', answers.sectors.join(','));
	if (answers.amount !== null) qs.set('amount', String(answers.amount));
	if (answers.country) qs.set('country', answers.country);
	return qs.toString();
}

/** Whether any answer is given: the sign-up offer has something to carry only then. */
const hasAnswers = (a: MatchAnswers): boolean => !!a.oblast || !!a.rayon || a.sectors.length > 0 || a.amount !== null || a.country !== null;

/** What the answers put into a profile: the profile's own field names, the amount in tyiyn. */
export interface ProfileSuggestion {
	homeOblastSoate: string | null;
	homeRayonSoate: string | null;
	sectors: Sector[];
	amountMax: number | null;
	residenceCountry: CountryCode | null;
}

/**
 * What the answers fill in on the profile (the sign-up offer saves them, or lands on the form): home oblast and
 * rayon, interests, the amount as the top of the range in tyiyn, the country of residence. Null when the URL
 * carries no readable answer.
 */
export function profileSuggestion(params: URLSearchParams): ProfileSuggestion | null {
	const { answers } = readMatchAnswers(params);
	if (!hasAnswers(answers)) return null;
	return {
		homeOblastSoate: answers.oblast,
		homeRayonSoate: answers.rayon,
		sectors: answers.sectors,
		amountMax: answers.amount === null ? null : answers.amount * 100,
		residenceCountry: answers.country,
	};
}
