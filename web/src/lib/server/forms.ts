import { fail, type ActionFailure } from '@sveltejs/kit';
import { ApiError } from './api-error.js';

/** Errors a form shows: one localized message per field, and one for the form as a whole. */
export interface FormErrors {
	fields: Record<string, string>;
	form?: string;
}

/** Localized messages per field name of a form; an API field `name.ky` or `sectors.2` falls back to `name`, `sectors`. */
export type FieldMessages = Record<string, () => string>;

/** A trimmed text field of a submitted form ('' when missing). */
export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim() : '';
}

/** A field as typed, untrimmed (a password), '' when missing or when the part is a file rather than text. */
export function raw(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** A text field, or null when empty. */
export function optional(form: FormData, name: string): string | null {
	return text(form, name) || null;
}

/** The checked values of a group of checkboxes, kept only when they are among `allowed`. */
export function checked<T extends string>(form: FormData, name: string, allowed: readonly T[]): T[] {
	const values = form.getAll(name).filter((v): v is string => typeof v === 'string');
	return allowed.filter((a) => values.includes(a));
}

/**
 * Turns field names (from a zod issue path or an API problem's `errors[].field`) into localized messages.
 * Unknown fields leave a message for the whole form instead, so nothing is silently dropped.
 */
export function localizeFields(fields: readonly string[], messages: FieldMessages, fallback: string): FormErrors {
	const out: FormErrors = { fields: {} };
	for (const field of fields) {
		const key = field in messages ? field : field.split('.')[0]!;
		const message = messages[key];
		if (message) out.fields[key] ??= message();
		else out.form = fallback;
	}
	return out;
}

/** Field names of a zod `safeParse` failure. */
export function issueFields(error: { issues: { path: PropertyKey[] }[] }): string[] {
	return error.issues.map((issue) => issue.path.map(String).join('.') || '(body)');
}

/**
 * What a problem without field errors says to the reader: for a 429 its detail, which says when to try again
 * (issue 9), else its title; both already in the page's language, since the API got Accept-Language.
 */
export function problemMessage(cause: ApiError): string | undefined {
	if (cause.status === 429 && cause.problem?.detail) return cause.problem.detail;
	return cause.problem?.title;
}

/**
 * The form's answer to a failed API call: field errors next to their fields, else the problem's words
 * (problemMessage), else `unavailable`.
 */
export function apiFailure<V extends object>(
	cause: unknown,
	options: { messages: FieldMessages; values: V; unavailable: string; fallback: string; overrides?: Partial<Record<number, string>> },
): ActionFailure<{ values: V; errors: FormErrors }> {
	if (!(cause instanceof ApiError)) throw cause;
	const { messages, values, unavailable, fallback, overrides = {} } = options;
	if (cause.status === 0 || cause.status >= 500) {
		console.error(`[web] ${cause.message}`);
		return fail(503, { values, errors: { fields: {}, form: unavailable } });
	}
	const fieldNames = cause.problem?.errors?.map((e) => e.field) ?? [];
	const errors = fieldNames.length > 0 ? localizeFields(fieldNames, messages, fallback) : { fields: {} };
	if (!errors.form && Object.keys(errors.fields).length === 0) {
		errors.form = overrides[cause.status] ?? problemMessage(cause) ?? fallback;
	}
	return fail(cause.status, { values, errors });
}

/** A failure the form action found itself, before calling the API. */
export function invalid<V extends object>(values: V, errors: FormErrors): ActionFailure<{ values: V; errors: FormErrors }> {
	return fail(400, { values, errors });
}
