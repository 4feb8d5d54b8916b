import { MAX_AMOUNT_MINOR, SECTORS, type Sector } from '@mekendesh/contracts';
import { RAYONS, territoryBySoate } from '@mekendesh/territories';

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
}

/** The answer names a URL can carry; the ones dropped as unreadable are reported by these names. */
export type AnswerName = 'oblast' | 'rayon' | 'sectors' | 'amount';

export interface ReadAnswers {
	answers: MatchAnswers;
	/** Answers present in the URL but unreadable, left out (the page says so). */
	dropped: AnswerName[];
	/** Whether the second step was sent (its fields are in the URL, even empty): the list is shown then. */
	answered: boolean;
}

const MAX_SOM = Math.floor(MAX_AMOUNT_MINOR / 100);
const SECTOR_SET = new Set<string>(SECTORS);

/** Whole som as typed ("50 000", "50000"); grouping spaces allowed, no decimals. */
function readSom(raw: string): number | null | undefined {
	const compact = raw.replace(/[\s\u00a0\u202f']/g, '');
	if (compact === '') return null;
	if (!/^\d{1,12}$/.test(compact)) return undefined;
	const som = Number(compact);
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
 * unknown code, an unknown sector or an amount that is not whole som in range is dropped and named in `dropped`.
 * @example readMatchAnswers(new URLSearchParams('oblast=41704000000000&rayon=41704220000000&sectors=education&amount=50000'))
 * // { answers: { oblast: '41704000000000', rayon: '41704220000000', sectors: ['education'], amount: 50000 }, dropped: [], answered: true }
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
	const amount = readSom(params.get('amount') ?? '');
	if (amount === undefined) dropped.push('amount');
	return {
		answers: { oblast, rayon, sectors, amount: amount ?? null },
		dropped,
		answered: params.has('rayon') || params.has('sectors') || params.has('amount'),
	};
}

/**
 * The answers as a query string, in one canonical form (`sectors=a,b`), without the leading `?`. `rayon` is
 * always written, empty when not chosen, so a shared link opens on the list rather than on the second step.
 * @example answersQuery({ oblast: '41704000000000', rayon: null, sectors: ['education', 'water'], amount: 50000 })
 * // 'oblast=41704000000000&rayon=&sectors=education%2Cwater&amount=50000'
 */
export function answersQuery(answers: MatchAnswers): string {
	const qs = new URLSearchParams();
	if (answers.oblast) qs.set('oblast', answers.oblast);
	qs.set('rayon', answers.rayon ?? '');
	if (answers.sectors.length > 0) qs.set('sectors', answers.sectors.join(','));
	if (answers.amount !== null) qs.set('amount', String(answers.amount));
	return qs.toString();
}

/** Whether any answer is given: the sign-up offer has something to carry only then. */
const hasAnswers = (a: MatchAnswers): boolean => !!a.oblast || !!a.rayon || a.sectors.length > 0 || a.amount !== null;

/**
 * What the answers fill in on the profile form (the sign-up offer lands there): home oblast and rayon, interests,
 * and the amount as the top of the range, in tyiyn. Null when the URL carries no readable answer.
 */
export function profileSuggestion(
	params: URLSearchParams,
): { homeOblastSoate: string | null; homeRayonSoate: string | null; sectors: Sector[]; amountMax: number | null } | null {
	const { answers } = readMatchAnswers(params);
	if (!hasAnswers(answers)) return null;
	return {
		homeOblastSoate: answers.oblast,
		homeRayonSoate: answers.rayon,
		sectors: answers.sectors,
		amountMax: answers.amount === null ? null : answers.amount * 100,
	};
}
