import type { StatementEncoding, StatementEncodingChoice } from '@mekendesh/contracts';

/** The encoding a byte-order mark names, and the mark's length; undefined without one. */
export function byteOrderMark(bytes: Uint8Array): { encoding: StatementEncoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * UTF-16 without a mark, told by its zero bytes: text in the Latin range has a zero in every other byte,
 * which neither UTF-8 text nor Windows-1251 text has. Undefined when the bytes do not look like it.
 */
function unmarkedUtf16(bytes: Uint8Array): StatementEncoding | undefined {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const pairs = sample.length / 2;
  if (pairs === 0) return undefined;
  if (odd > pairs / 4 && even === 0) return 'utf-16le';
  if (even > pairs / 4 && odd === 0) return 'utf-16be';
  return undefined;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The encoding to read `bytes` in: what staff chose, else the mark, else UTF-16 by its zero bytes, else strict UTF-8, else Windows-1251. */
function pickEncoding(bytes: Uint8Array, choice: StatementEncodingChoice): StatementEncoding {
  const mark = byteOrderMark(bytes);
  if (choice === 'utf-8' || choice === 'windows-1251') return choice;
  if (choice === 'utf-16')
    return mark?.encoding === 'utf-16be' ? 'utf-16be' : mark?.encoding === 'utf-16le' ? 'utf-16le' : (unmarkedUtf16(bytes) ?? 'utf-16le');
  return mark?.encoding ?? unmarkedUtf16(bytes) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1251');
}

/**
 * Decodes the bytes of a text file (a bank statement) the way Kyrgyz and Russian banks' software saves
 * them. `auto`: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else UTF-16 when every other byte is zero;
 * else UTF-8 if the bytes are valid UTF-8 (strict); else Windows-1251, which every byte decodes in. A
 * chosen encoding is used as told (UTF-16 follows the mark, little-endian without one). Bytes that do not
 * decode become U+FFFD, never an error: `hasUndecodable` finds them, line by line. The mark is not kept.
 * @example decodeText(new Uint8Array([0xc4, 0xe0, 0xf2, 0xe0])) // { text: 'Дата', encoding: 'windows-1251' }
 */
export function decodeText(bytes: Uint8Array, choice: StatementEncodingChoice = 'auto'): { text: string; encoding: StatementEncoding } {
  const encoding = pickEncoding(bytes, choice);
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: false }).decode(bytes);
  // TextDecoder drops only the mark of its own encoding; a UTF-8 mark read as Windows-1251 stays as "п»ї".
  return { text: text.replace(/^(?:\uFEFF|п»ї)/, ''), encoding };
}

/**
 * Whether text holds characters that only a wrong decoding produces: U+FFFD (bytes invalid in the
 * encoding), NUL (UTF-16 read as 8-bit) or C1 controls U+0080–U+009F (Windows-1251's unassigned 0x98, or
 * UTF-8 Cyrillic read as Windows-1251). Such text must never be stored as if it had been read.
 */
export function hasUndecodable(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- NUL and C1 controls are what a wrong decoding leaves behind.
  return /[\uFFFD\u0000\u0080-\u009F]/.test(text);
}
