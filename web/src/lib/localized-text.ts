import type { Locale, LocalizedText } from '@mekendesh/contracts';

/**
 * The order in which to look for a text when the reader's language is missing. Russian is the
 * language most readers of the other two also read; Kyrgyz readers next prefer Russian and vice versa.
 */
const FALLBACK_ORDER: Record<Locale, readonly Locale[]> = {
	ky: ['ky', 'ru', 'en'],
	ru: ['ru', 'ky', 'en'],
	en: ['en', 'ru', 'ky'],
};

export interface PickedText {
	text: string;
	/** The language the text is actually written in. */
	lang: Locale;
	/** True when the text is not in the reader's language, so the page must say so (and set `lang`). */
	isFallback: boolean;
}

/**
 * Picks the reader's language from a text written in one to three languages, else the nearest other.
 * @example pickText({ ru: 'Школа' }, 'ky') // { text: 'Школа', lang: 'ru', isFallback: true }
 */
export function pickText(text: LocalizedText | null | undefined, locale: Locale): PickedText | undefined {
	if (!text) return undefined;
	for (const lang of FALLBACK_ORDER[locale]) {
		const value = text[lang]?.trim();
		if (value) return { text: value, lang, isFallback: lang !== locale };
	}
	return undefined;
}

/** Splits plain text into paragraphs at blank lines; single line breaks stay inside a paragraph. */
export function paragraphs(text: string): string[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n+/)
		.map((p) => p.trim())
		.filter((p) => p.length > 0);
}
