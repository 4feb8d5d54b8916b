import {
	CURRENCIES,
	FIRST_RECEIPT_DAY,
	type Locale,
	type StatementEncoding,
	type StatementEncodingChoice,
	type StatementReason,
	type StatementResult,
	type StatementRow,
} from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { formatDate } from '#lib/format.js';

/** Days a rate stays usable for a receipt (the API's MAX_RATE_AGE_DAYS), for the "no rate" reason. */
const RATE_AGE_DAYS = 7;

type RowFacts = Pick<StatementRow, 'cells' | 'paymentReference'> & Partial<Pick<StatementRow, 'duplicateOf'>>;

const day = (iso: string) => formatDate(iso, getLocale() as Locale);

// An explicit map, so a new reason code is a type error until it has a sentence in three languages.
const REASON: Record<StatementReason, (row: RowFacts) => string> = {
	undecodable: () => m.money_reason_undecodable(),
	row_malformed: () => m.money_reason_row_malformed(),
	quote_unterminated: () => m.money_reason_quote_unterminated(),
	date_invalid: (r) => m.money_reason_date_invalid({ value: r.cells.date }),
	date_out_of_range: (r) => m.money_reason_date_out_of_range({ value: r.cells.date, first: day(FIRST_RECEIPT_DAY) }),
	amount_invalid: (r) => m.money_reason_amount_invalid({ value: r.cells.amount }),
	amount_ambiguous: (r) => m.money_reason_amount_ambiguous({ value: r.cells.amount }),
	currency_unknown: (r) => m.money_reason_currency_unknown({ value: r.cells.currency, currencies: CURRENCIES.join(', ') }),
	already_booked: () => m.money_reason_already_booked(),
	repeated_in_statement: () => m.money_reason_repeated_in_statement(),
	possible_duplicate: (r) =>
		m.money_reason_possible_duplicate({
			date: r.duplicateOf ? day(r.duplicateOf.receivedOn) : '—',
			reference: r.duplicateOf?.bankReference ?? '—',
		}),
	no_reference: () => m.money_reason_no_reference(),
	unknown_reference: (r) => m.money_reason_unknown_reference({ reference: r.paymentReference ?? '' }),
	several_references: () => m.money_reason_several_references(),
	pledge_not_found: () => m.money_reason_pledge_not_found(),
	pledge_closed: () => m.money_reason_pledge_closed(),
	project_closed: () => m.money_reason_project_closed(),
	no_rate: () => m.money_reason_no_rate({ days: RATE_AGE_DAYS }),
	not_bookable: () => m.money_reason_not_bookable(),
};

/**
 * Why a statement line is not booked, in the page's language, from the API's reason code and the line's
 * cells as written (e.g. the date that could not be read); null when it has no reason.
 * @example reasonText({ reason: 'date_invalid', cells: { date: '31.02.2026', amount: '5', currency: 'KGS' }, paymentReference: null })
 */
export function reasonText(row: RowFacts & Pick<StatementRow, 'reason'>): string | null {
	return row.reason ? REASON[row.reason](row) : null;
}

const ENCODING_NAME: Record<StatementEncoding, string> = {
	'utf-8': 'UTF-8',
	'windows-1251': 'Windows-1251',
	'utf-16le': 'UTF-16 LE',
	'utf-16be': 'UTF-16 BE',
};

/** The encodings staff can choose in the preview, labelled in the page's language. */
export const encodingOptions = (): { value: StatementEncodingChoice; label: string }[] => [
	{ value: 'auto', label: m.money_encoding_auto() },
	{ value: 'utf-8', label: m.money_encoding_utf8() },
	{ value: 'windows-1251', label: m.money_encoding_cp1251() },
	{ value: 'utf-16', label: m.money_encoding_utf16() },
];

/** One sentence on how the file was read: encoding (for an uploaded file), column and decimal separators. */
export function howRead(result: Pick<StatementResult, 'encoding' | 'delimiter' | 'decimalSeparator'>): string {
	const delimiter = { ';': m.money_delimiter_semicolon, ',': m.money_delimiter_comma, '\t': m.money_delimiter_tab }[result.delimiter]();
	const decimal =
		result.decimalSeparator === ','
			? m.money_decimal_comma()
			: result.decimalSeparator === '.'
				? m.money_decimal_point()
				: m.money_decimal_undecided();
	return result.encoding
		? m.money_import_read_as({ encoding: ENCODING_NAME[result.encoding], delimiter, decimal })
		: m.money_import_read_text({ delimiter, decimal });
}
