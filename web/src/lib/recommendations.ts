import { formatSom, type Locale, type MatchAnswer, type Recommendation } from '@mekendesh/contracts';
import { parseMoneyInput } from '#lib/money-input.js';
import { m } from '#lib/paraglide/messages.js';

// What a recommendation card says beyond the project card, in the page's words.

const MISSING: Record<MatchAnswer, () => string> = {
	home: m.fy_missing_home,
	sectors: m.fy_missing_sectors,
	amount: m.fy_missing_amount,
};

/**
 * "Co-financed by Mekenim 1+1: 1 som becomes 2 som", from the API's `oneSom` (multiplier as decimal text, "2",
 * "1.5"; read exactly as som, never through a float). Null when the multiplier cannot be read.
 * @example oneSomText({ multiplier: '2', programmes: [{ en: 'Mekenim 1+1' }] }, 'en') // 'Co-financed by Mekenim 1+1: 1 som becomes 2 som'
 */
export function oneSomText(oneSom: NonNullable<Recommendation['oneSom']>, locale: Locale): string | null {
	const tyiyn = parseMoneyInput(oneSom.multiplier, 'KGS');
	if (!tyiyn) return null;
	const total = formatSom(tyiyn, locale);
	const names = oneSom.programmes.map((p) => p[locale] ?? p.ky ?? p.ru ?? p.en).filter((n): n is string => !!n);
	if (names.length === 0) return m.fy_one_som({ total });
	return m.fy_one_som_by({ names: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names), total });
}

/** The invitation's sentence naming what the profile lacks: "…when your profile says: your home district and …". */
export function missingText(missing: readonly MatchAnswer[], locale: Locale): string {
	const fields = new Intl.ListFormat(locale, { type: 'conjunction' }).format(missing.map((a) => MISSING[a]()));
	return m.fy_invite_text({ fields });
}

/** Most reasons a card shows: the strongest (the API orders them strongest first); more is noise on a phone. */
const MAX_REASONS = 3;

/**
 * The reasons a card shows: the first MAX_REASONS, without the `cofinanced` one when the card already says
 * "Co-financed by …: 1 som becomes N som" on its own line (`oneSomShown`), so co-financing is said once.
 * @example shownReasons([home_rayon, cofinanced, sector, amount], true) // [home_rayon, sector, amount]
 */
export function shownReasons<R extends Pick<Recommendation['reasons'][number], 'code'>>(reasons: readonly R[], oneSomShown: boolean): R[] {
	return reasons.filter((r) => !(oneSomShown && r.code === 'cofinanced')).slice(0, MAX_REASONS);
}

/** A reason's words in the page's language. */
export const reasonText = (reason: Recommendation['reasons'][number], locale: Locale): string => reason.text[locale];
