import type { LocalizedText } from '@mekendesh/contracts';
import { markdownToText } from '@mekendesh/markdown';

/** A Markdown text in each of its languages as plain text, for titles and summaries shown as text. */
function plainText<T extends LocalizedText | null>(text: T): T {
	if (!text) return text;
	return Object.fromEntries(Object.entries(text).map(([lang, value]) => [lang, value ? markdownToText(value) : value])) as T;
}

/** A project (or its summary) with title and summary as plain text; the description stays Markdown. */
export function withPlainTexts<P extends { title: LocalizedText; summary: LocalizedText }>(project: P): P {
	return { ...project, title: plainText(project.title), summary: plainText(project.summary) };
}
