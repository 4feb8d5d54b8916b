import {
  LOCALES,
  MAX_INSTRUCTIONS_LENGTH,
  type Locale,
  MAX_PURPOSE_LENGTH,
  REFERENCE_PLACEHOLDER,
  type Money,
  type PayeeOption,
  type Pledge,
  type ReceivingAccount,
  type ReceivingAccountRequest,
  type TransferQr,
  type TrilingualText,
} from '@mekendesh/contracts';
import type { FieldError } from './errors.js';
import { formatMinor } from './money.js';
import { formatMoney } from '@mekendesh/contracts';

/** The contract's limits, with the reference in place: what a bank's purpose field holds, and the instructions' maximum. */
export { MAX_INSTRUCTIONS_LENGTH, MAX_PURPOSE_LENGTH };
/** A payment reference is MK-XXXX-XXXX: what replaces {reference} in a template. */
const REFERENCE_LENGTH = 12;

/** The National Bank's 6-digit BIK of a Kyrgyz bank. */
const NATIONAL_BIK = /^\d{6}$/;
/** SWIFT BIC (ISO 9362): bank, country, location, optional branch. */
const SWIFT_BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
/** A Kyrgyz bank account number: 16 digits. */
const KYRGYZ_ACCOUNT = /^\d{16}$/;
/** A Kyrgyz INN (taxpayer number): 14 digits. */
const KYRGYZ_INN = /^\d{14}$/;

/** Account numbers are stored without spaces, upper case. */
export const compactAccountNumber = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/**
 * True for an IBAN whose ISO 13616 check digits are right (mod 97 = 1).
 * @example isValidIban('DE89370400440532013000') // true
 */
export function isValidIban(value: string): boolean {
  const iban = compactAccountNumber(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

/** A 6-digit BIK or a SWIFT BIC. */
export const isValidBic = (bic: string) => NATIONAL_BIK.test(bic) || SWIFT_BIC.test(bic);

/** The request as stored: account number without spaces, instructions' line breaks as line feeds (a textarea sends CR LF). */
export function normaliseAccountRequest<T extends ReceivingAccountRequest>(request: T): T {
  if (request.kind === 'bank') return { ...request, accountNumber: compactAccountNumber(request.accountNumber) };
  const lf = (t: string) => t.replace(/\r\n/g, '\n');
  const { ky, ru, en } = (request as Extract<ReceivingAccountRequest, { kind: 'money_transfer' }>).instructions;
  return { ...request, instructions: { ky: lf(ky), ru: lf(ru), en: lf(en) } };
}

/** The text with {reference} replaced by the pledge's payment reference (every occurrence). */
export function fillReference(text: string, reference: string): string {
  return text.split(REFERENCE_PLACEHOLDER).join(reference);
}

/** How long a template is once {reference} is replaced by a payment reference (every occurrence). */
export const filledLength = (text: string) =>
  text.length + (REFERENCE_LENGTH - REFERENCE_PLACEHOLDER.length) * text.split(REFERENCE_PLACEHOLDER).slice(1).length;

/** Each language's text must carry {reference} and, with it in place, fit `maxLength` (so the filled text can always be shown). */
function templateErrors(field: string, text: TrilingualText, maxLength: number): FieldError[] {
  return LOCALES.flatMap((l): FieldError[] => {
    if (!text[l].includes(REFERENCE_PLACEHOLDER))
      return [{ field: `${field}.${l}`, message: `must contain ${REFERENCE_PLACEHOLDER}, where the payment reference goes` }];
    const length = filledLength(text[l]);
    if (length > maxLength) {
      return [
        {
          field: `${field}.${l}`,
          code: 'too_long',
          message: `is ${length} characters with the reference in place; at most ${maxLength}`,
          messages: {
            ky: `Төлөм коду коюлганда ${length} белги болот; эң көп ${maxLength}`,
            ru: `С кодом платежа получается ${length} символов; не больше ${maxLength}`,
            en: `is ${length} characters with the reference in place; at most ${maxLength}`,
          },
        },
      ];
    }
    return [];
  });
}

/**
 * Characters a receiving account's text may not hold: C0 and C1 controls (line breaks, tab, escape), the Unicode
 * line and paragraph separators, and the bidi controls (embeddings, overrides, isolates, direction marks). A line
 * break in a name would shift the lines of a QR payload (a bank app would read another account than the page
 * shows); a bidi override would show the page's text in another order than a bank reads it.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
/** The same, except a line feed: instructions may run over several lines. */
// eslint-disable-next-line no-control-regex -- as above, a line feed aside
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

const SINGLE_LINE_MESSAGES = {
  ky: 'Жаңы сап же көрүнбөгөн башкаруучу белгилер (мисалы, тексттин багытын өзгөрткөн белгилер) болбошу керек',
  ru: 'Не должно быть переводов строки и невидимых управляющих символов (например, меняющих направление текста)',
  en: 'must not contain line breaks or invisible control characters (such as text direction marks)',
} as const;
const MULTI_LINE_MESSAGES = {
  ky: 'Көрүнбөгөн башкаруучу белгилер (мисалы, тексттин багытын өзгөрткөн белгилер) болбошу керек; жаңы сап болот',
  ru: 'Не должно быть невидимых управляющих символов (например, меняющих направление текста); переводы строки можно',
  en: 'must not contain invisible control characters (such as text direction marks); line breaks are fine',
} as const;

/** Each text of the account that holds a control character, by field (see CONTROLS); instructions may keep line feeds (CR LF counts as one). */
export function controlCharacterErrors(request: ReceivingAccountRequest): FieldError[] {
  const single: [string, string | undefined][] =
    request.kind === 'bank'
      ? [
          ['bankName', request.bankName],
          ['bic', request.bic],
          ['accountNumber', request.accountNumber],
          ['beneficiaryName', request.beneficiaryName],
          ['beneficiaryTaxId', request.beneficiaryTaxId],
          ['correspondent', request.correspondent],
          ...LOCALES.map((l): [string, string] => [`purposeTemplate.${l}`, request.purposeTemplate[l]]),
        ]
      : [
          ['company', request.company],
          ['receiverName', request.receiverName],
          ['country', request.country],
          ...LOCALES.map((l): [string, string] => [`city.${l}`, request.city[l]]),
        ];
  const multi: [string, string][] =
    request.kind === 'bank'
      ? []
      : LOCALES.map((l): [string, string] => [`instructions.${l}`, request.instructions[l].replace(/\r\n/g, '\n')]);
  const refuse = (field: string, messages: Readonly<Record<'ky' | 'ru' | 'en', string>>): FieldError => ({
    field,
    code: 'invalid_format',
    message: messages.en,
    messages,
  });
  return [
    ...single.filter(([, v]) => v !== undefined && CONTROLS.test(v)).map(([field]) => refuse(field, SINGLE_LINE_MESSAGES)),
    ...multi.filter(([, v]) => CONTROLS_BUT_NEWLINE.test(v)).map(([field]) => refuse(field, MULTI_LINE_MESSAGES)),
  ];
}

function bankErrors(r: Extract<ReceivingAccountRequest, { kind: 'bank' }>): FieldError[] {
  const errors: FieldError[] = [];
  const account = compactAccountNumber(r.accountNumber);
  const kyrgyz = KYRGYZ_ACCOUNT.test(account);
  if (!kyrgyz && !isValidIban(account))
    errors.push({ field: 'accountNumber', message: 'a Kyrgyz account number (16 digits) or an IBAN with correct check digits' });
  if (!isValidBic(r.bic)) errors.push({ field: 'bic', message: 'the 6-digit BIK of a Kyrgyz bank or a SWIFT BIC (8 or 11 characters)' });
  else if (NATIONAL_BIK.test(r.bic) && !kyrgyz && account)
    errors.push({ field: 'bic', message: 'a 6-digit BIK routes to a Kyrgyz 16-digit account; an IBAN needs a SWIFT BIC' });
  if (!KYRGYZ_INN.test(r.beneficiaryTaxId)) errors.push({ field: 'beneficiaryTaxId', message: 'the beneficiary’s INN: 14 digits' });
  return [...errors, ...templateErrors('purposeTemplate', r.purposeTemplate, MAX_PURPOSE_LENGTH)];
}

/**
 * Every rule a receiving account breaks (the shape is the contract's job): no line breaks or invisible
 * controls in its texts (line feeds only in instructions), account number, BIC and INN formats, and a payment
 * purpose (or transfer instructions) that carries the pledge's reference and fits with it in place.
 * @example receivingAccountErrors({ kind: 'bank', accountNumber: '123', ... }) // [{ field: 'accountNumber', ... }]
 */
export function receivingAccountErrors(request: ReceivingAccountRequest): FieldError[] {
  // Control characters are looked for as sent: compacting an account number would drop a line break in it.
  const controls = controlCharacterErrors(request);
  const refused = new Set(controls.map((e) => e.field));
  const normal = normaliseAccountRequest(request);
  const rules = normal.kind === 'bank' ? bankErrors(normal) : templateErrors('instructions', normal.instructions, MAX_INSTRUCTIONS_LENGTH);
  return [...controls, ...rules.filter((e) => !refused.has(e.field))];
}

/** Another active account of the same kind and currency, which an active candidate would clash with. */
export function activeClash(
  accounts: readonly ReceivingAccount[],
  candidate: Pick<ReceivingAccount, 'kind' | 'currency' | 'active'> & { id?: string },
): ReceivingAccount | undefined {
  if (!candidate.active) return undefined;
  return accounts.find((a) => a.active && a.kind === candidate.kind && a.currency === candidate.currency && a.id !== candidate.id);
}

/**
 * One value as a QR payload writes it: on one line, whatever was stored (accounts written before the rule
 * against control characters, or by any other way in). Line breaks become a space, other controls go.
 */
export function qrField(value: string): string {
  return value
    .replace(/[\r\n\u2028\u2029\u0085]+/g, ' ')
    .replace(new RegExp(CONTROLS.source, 'gu'), '')
    .trim();
}

/** EPC069-12 ("SEPA credit transfer" QR, version 002, UTF-8): read by European bank apps for euro transfers to an IBAN. */
function epcPayload(a: Extract<ReceivingAccount, { kind: 'bank' }>, amount: Money | null, reference: string): string {
  const lines = [
    'BCD',
    '002',
    '1',
    'SCT',
    qrField(a.bic),
    qrField(a.beneficiaryName).slice(0, 70),
    qrField(a.accountNumber),
    amount ? `EUR${formatMinor(amount.amount)}` : '',
    '',
    '',
    qrField(reference),
  ];
  return lines.join('\n');
}

/** The labels of the text payload, in the reader's language (the values are copied as stored). */
const QR_LABELS = {
  ky: {
    beneficiary: 'Алуучу',
    account: 'Эсеп',
    bic: 'БИК/SWIFT',
    bank: 'Банк',
    inn: 'ИНН',
    amount: 'Сумма',
    reference: 'Төлөм коду',
    company: 'Компания',
    receiver: 'Алуучу',
    city: 'Шаар',
  },
  ru: {
    beneficiary: 'Получатель',
    account: 'Счёт',
    bic: 'БИК/SWIFT',
    bank: 'Банк',
    inn: 'ИНН',
    amount: 'Сумма',
    reference: 'Код платежа',
    company: 'Компания',
    receiver: 'Получатель',
    city: 'Город',
  },
  en: {
    beneficiary: 'Beneficiary',
    account: 'Account',
    bic: 'BIC',
    bank: 'Bank',
    inn: 'INN',
    amount: 'Amount',
    reference: 'Reference',
    company: 'Company',
    receiver: 'Receiver',
    city: 'City',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/**
 * The text a transfer's QR code carries. A euro account with an IBAN and a SWIFT BIC gets an EPC QR code
 * (bank apps in Europe fill the transfer from it), exactly per EPC069-12 whatever the reader's language.
 * Anything else gets Mekendesh's plain text payload, documented in docs/receiving-accounts.md: a first line
 * `MEKENDESH-TRANSFER/1`, then `Label: value` lines that a phone camera shows and a person copies, labelled
 * in the reader's language, the amount as the reader writes money. It is not the NBKR's ELQR payload, which
 * routes through the receiving bank's own QR service identifier, which this configuration does not hold.
 */
export function transferQr(account: ReceivingAccount, amount: Money | null, reference: string, locale: Locale = 'en'): TransferQr {
  if (account.kind === 'bank' && account.currency === 'EUR' && isValidIban(account.accountNumber) && SWIFT_BIC.test(account.bic)) {
    return { format: 'epc', payload: epcPayload(account, amount, reference) };
  }
  const w = QR_LABELS[locale];
  const sum = amount ? [`${w.amount}: ${formatMoney(amount, locale)}`] : [];
  const lines =
    account.kind === 'bank'
      ? [
          `${w.beneficiary}: ${account.beneficiaryName}`,
          `${w.account}: ${account.accountNumber}`,
          `${w.bic}: ${account.bic}`,
          `${w.bank}: ${account.bankName}`,
          `${w.inn}: ${account.beneficiaryTaxId}`,
          ...sum,
          `${w.reference}: ${reference}`,
        ]
      : [
          `${w.company}: ${account.company}`,
          `${w.receiver}: ${account.receiverName}`,
          `${w.city}: ${account.city[locale]}, ${new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(account.country) ?? account.country}`,
          ...sum,
          `${w.reference}: ${reference}`,
        ];
  return { format: 'text', payload: ['MEKENDESH-TRANSFER/1', ...lines.map(qrField)].join('\n') };
}

const fill = (t: TrilingualText, reference: string): TrilingualText => ({
  ky: fillReference(t.ky, reference),
  ru: fillReference(t.ru, reference),
  en: fillReference(t.en, reference),
});

/**
 * How a transfer pledge can be paid: the active accounts of its currency, the kind that fits its channel
 * first (a bank for a bank transfer, a company for a money transfer), each with its reference filled in and
 * its QR payload for a reader of `locale`.
 * Card and in-kind pledges have none.
 */
export function payeeOptions(
  accounts: readonly ReceivingAccount[],
  pledge: Pick<Pledge, 'channel' | 'amount' | 'paymentReference'>,
  locale: Locale = 'en',
): PayeeOption[] {
  if (pledge.channel === 'card' || !pledge.amount) return [];
  const currency = pledge.amount.currency;
  const first = pledge.channel === 'money_transfer' ? 'money_transfer' : 'bank';
  return accounts
    .filter((a) => a.active && a.currency === currency)
    .sort((x, y) => Number(y.kind === first) - Number(x.kind === first) || (x.createdAt < y.createdAt ? -1 : 1))
    .map((account) => ({
      account,
      purpose: fill(account.kind === 'bank' ? account.purposeTemplate : account.instructions, pledge.paymentReference),
      qr: transferQr(account, pledge.amount, pledge.paymentReference, locale),
    }));
}
