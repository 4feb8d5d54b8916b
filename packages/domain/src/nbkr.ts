import { isIsoDay } from './bishkek-calendar.js';
import { exchangeRate, type ExchangeRate, type RateTable } from './exchange-rates.js';
import { byteOrderMark, decodeText, hasUndecodable } from './text-decoding.js';

/**
 * Reads the National Bank of the Kyrgyz Republic's rate feeds (www.nbkr.kg/XML/daily.xml and
 * weekly.xml; the format is described in data/kg/nbkr/FORMAT.md). The format is tiny and fixed, so a
 * strict reader of exactly that shape is safer than a general XML parser: anything else is refused
 * with a NbkrFeedError, and the caller keeps the rates it already has.
 */

export type NbkrFeedKind = 'daily' | 'weekly';

export interface NbkrRate {
  /** ISO 4217 alpha code from the ISOCode attribute. */
  readonly currency: string;
  /** Units the value is for (JPY: 10); also in `rate`. */
  readonly nominal: number;
  /** Days of validity, given by the weekly feed only. */
  readonly validForDays: number | null;
  readonly rate: ExchangeRate;
}

export interface NbkrFeed {
  /** YYYY-MM-DD from the Date attribute: the day NBKR says the rates are for. */
  readonly date: string;
  readonly kind: NbkrFeedKind;
  readonly rates: readonly NbkrRate[];
}

/** The feed could not be read; the message says what is wrong. Keep the previous rates. */
export class NbkrFeedError extends Error {
  constructor(message: string) {
    super(`NBKR feed: ${message}`);
    this.name = 'NbkrFeedError';
  }
}

const SUPPORTED_ENCODINGS: Readonly<Record<string, string>> = {
  'windows-1251': 'windows-1251',
  cp1251: 'windows-1251',
  'utf-8': 'utf-8',
};

/** The encoding named in the XML declaration (ASCII, so readable before decoding); undefined without a declaration. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const declaration = /^\s*<\?xml\b([^?]*)\?>/.exec(head);
  if (!declaration) return undefined;
  const name = /\bencoding\s*=\s*["']([^"']+)["']/.exec(declaration[1]!)?.[1]?.toLowerCase();
  if (name === undefined) return 'utf-8'; // the XML default
  const encoding = SUPPORTED_ENCODINGS[name];
  if (!encoding) throw new NbkrFeedError(`unsupported encoding "${name}" (expected windows-1251)`);
  return encoding;
}

/**
 * The feed's text. A byte-order mark decides first (UTF-8, UTF-16; XML 1.0 Appendix F: a proxy that
 * re-encodes the feed adds one and may leave the declaration as it was), then the declaration; without
 * either, strict UTF-8, else windows-1251 (what the NBKR publishes). Bytes that do not decode refuse the feed.
 */
function decode(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new NbkrFeedError('the response is empty');
  const declared = byteOrderMark(bytes) ? undefined : declaredEncoding(bytes);
  if (declared === undefined) {
    const { text, encoding } = decodeText(bytes, 'auto');
    if (hasUndecodable(text)) throw new NbkrFeedError(`the bytes are not valid ${encoding}`);
    return text;
  }
  try {
    return new TextDecoder(declared, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new NbkrFeedError(`the bytes are not valid ${declared}`);
  }
}

/** Attributes of a start tag: name="value" or name='value' pairs and nothing else. */
function parseAttributes(source: string, element: string): Map<string, string> {
  const text = source.trim();
  const attributes = new Map<string, string>();
  const pattern = /\s*([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')\s*/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m) throw new NbkrFeedError(`malformed attributes in <${element}>: "${text.trim()}"`);
    const name = m[1]!;
    if (attributes.has(name)) throw new NbkrFeedError(`attribute ${name} repeated in <${element}>`);
    attributes.set(name, m[2] ?? m[3] ?? '');
    at = pattern.lastIndex;
  }
  return attributes;
}

function parseDate(text: string | undefined): string {
  if (text === undefined) throw new NbkrFeedError('<CurrencyRates> has no Date attribute');
  const m = /^\s*(\d{2})\.(\d{2})\.(\d{4})\s*$/.exec(text);
  const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : '';
  if (!m || !isIsoDay(iso)) {
    throw new NbkrFeedError(`Date "${text}" is not a dd.mm.yyyy date`);
  }
  return iso;
}

function parseKind(name: string | undefined): NbkrFeedKind {
  if (name === undefined) throw new NbkrFeedError('<CurrencyRates> has no Name attribute');
  if (/^\s*daily\b/i.test(name)) return 'daily';
  if (/^\s*weekly\b/i.test(name)) return 'weekly';
  throw new NbkrFeedError(`unknown feed Name "${name}" (expected Daily or Weekly Exchange Rates)`);
}

/** Child elements of one <Currency>: <Tag>text</Tag> only, each at most once. */
function parseChildren(body: string, currency: string): Map<string, string> {
  const children = new Map<string, string>();
  const pattern = /\s*<([A-Za-z][\w-]*)\s*>([^<]*)<\/\1\s*>\s*/y;
  let at = 0;
  while (at < body.length) {
    pattern.lastIndex = at;
    const m = pattern.exec(body);
    if (!m) throw new NbkrFeedError(`malformed content in <Currency ISOCode="${currency}">`);
    const tag = m[1]!;
    if (children.has(tag)) throw new NbkrFeedError(`<${tag}> repeated for ${currency}`);
    children.set(tag, m[2]!.trim());
    at = pattern.lastIndex;
  }
  return children;
}

function parsePositiveInteger(text: string | undefined, what: string): number {
  if (text === undefined) throw new NbkrFeedError(`${what} is missing`);
  const value = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new NbkrFeedError(`${what} "${text}" is not a positive integer`);
  return value;
}

function parseCurrency(attributeText: string, body: string): NbkrRate {
  const code = parseAttributes(attributeText, 'Currency').get('ISOCode');
  if (code === undefined) throw new NbkrFeedError('a <Currency> has no ISOCode attribute');
  if (!/^[A-Z]{3}$/.test(code)) throw new NbkrFeedError(`ISOCode "${code}" is not a 3-letter ISO code`);
  if (code === 'KGS') throw new NbkrFeedError('the feed has a rate for KGS itself');
  const children = parseChildren(body, code);
  const nominal = parsePositiveInteger(children.get('Nominal'), `Nominal of ${code}`);
  const validFor = children.get('ValidFor');
  const validForDays = validFor === undefined ? null : parsePositiveInteger(validFor, `ValidFor of ${code}`);
  const valueText = children.get('Value');
  if (valueText === undefined) throw new NbkrFeedError(`Value of ${code} is missing`);
  // NBKR writes a decimal comma: "29,2717".
  if (!/^\d{1,9}(?:[,.]\d{1,12})?$/.test(valueText)) {
    throw new NbkrFeedError(`Value of ${code} "${valueText}" is not a decimal number`);
  }
  const value = valueText.replace(',', '.');
  if (!/[1-9]/.test(value)) throw new NbkrFeedError(`Value of ${code} is zero`);
  return { currency: code, nominal, validForDays, rate: exchangeRate({ currency: code, value, nominal }) };
}

/** The text without the XML declaration, comments and the BOM; refuses a DOCTYPE (no entities here). */
function documentBody(text: string): string {
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(/^\s*<\?xml\b[^?]*\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  if (/<!DOCTYPE|<!\[CDATA\[|<\?/i.test(body)) throw new NbkrFeedError('unexpected DOCTYPE, CDATA or processing instruction');
  return body;
}

/**
 * Parses one NBKR feed (daily.xml or weekly.xml) from its raw bytes, decoded by its byte-order mark or
 * XML declaration (windows-1251). Throws NbkrFeedError for anything that is not exactly that format: not XML, no or a
 * bad Date, an unknown Name, a bad or non-positive number, a duplicated currency, no currencies.
 * @example
 * const feed = parseNbkrRates(new Uint8Array(await response.arrayBuffer()));
 * // { date: '2013-12-15', kind: 'daily', rates: [{ currency: 'USD', nominal: 1, validForDays: null,
 * //   rate: { currency: 'USD', value: '29.2717', nominal: 1 } }, ...] }
 */
export function parseNbkrRates(bytes: Uint8Array): NbkrFeed {
  const text = documentBody(decode(bytes));
  const root = /^\s*<CurrencyRates\b([^<>]*)>([\s\S]*)<\/CurrencyRates\s*>\s*$/.exec(text);
  if (!root) throw new NbkrFeedError('not an NBKR rates document (no <CurrencyRates> root element)');
  const attributes = parseAttributes(root[1]!, 'CurrencyRates');
  const date = parseDate(attributes.get('Date'));
  const kind = parseKind(attributes.get('Name'));

  const rates: NbkrRate[] = [];
  const seen = new Set<string>();
  const pattern = /\s*<Currency\b([^<>]*)>([\s\S]*?)<\/Currency\s*>\s*/y;
  const content = root[2]!.trim();
  let at = 0;
  while (at < content.length) {
    pattern.lastIndex = at;
    const m = pattern.exec(content);
    if (!m) throw new NbkrFeedError(`unexpected content inside <CurrencyRates>: "${content.slice(at, at + 40).trim()}"`);
    const rate = parseCurrency(m[1]!, m[2]!);
    if (seen.has(rate.currency)) throw new NbkrFeedError(`currency ${rate.currency} appears twice`);
    seen.add(rate.currency);
    rates.push(rate);
    at = pattern.lastIndex;
  }
  if (rates.length === 0) throw new NbkrFeedError('the feed has no currencies');
  return { date, kind, rates };
}

/** A feed as a rate table for `pickRateForDay`. */
export function rateTableFromNbkr(feed: NbkrFeed): RateTable {
  const rates: Record<string, ExchangeRate> = {};
  for (const { currency, rate } of feed.rates) rates[currency] = rate;
  return { date: feed.date, rates };
}
