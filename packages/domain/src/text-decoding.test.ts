import { describe, expect, it } from 'vitest';
import { cp1251, utf16, utf8 } from '../../../tests/fixtures/encodings.js';
import { decodeText, hasUndecodable } from './text-decoding.js';

describe('decodeText', () => {
  it('reads Windows-1251 when the bytes are not UTF-8, Cyrillic intact', () => {
    expect(decodeText(cp1251('Дата;Сумма;Назначение\nАсанов Бакыт Ёлкин'))).toEqual({
      text: 'Дата;Сумма;Назначение\nАсанов Бакыт Ёлкин',
      encoding: 'windows-1251',
    });
  });

  it('reads UTF-8 with and without its byte-order mark, dropping the mark', () => {
    expect(decodeText(utf8('Дата', true))).toEqual({ text: 'Дата', encoding: 'utf-8' });
    expect(decodeText(utf8('Күнү;Сумма'))).toEqual({ text: 'Күнү;Сумма', encoding: 'utf-8' });
  });

  it('reads UTF-16 by its byte-order mark, little- and big-endian, and Latin UTF-16 without one', () => {
    expect(decodeText(utf16('Дата;Асанов', 'le'))).toEqual({ text: 'Дата;Асанов', encoding: 'utf-16le' });
    expect(decodeText(utf16('Дата;Асанов', 'be'))).toEqual({ text: 'Дата;Асанов', encoding: 'utf-16be' });
    expect(decodeText(utf16('date;amount', 'le', false))).toEqual({ text: 'date;amount', encoding: 'utf-16le' });
  });

  it('uses the encoding staff chose, leaving undecodable bytes visible', () => {
    expect(decodeText(utf8('Асанов'), 'windows-1251').text).toBe('РђСЃР°РЅРѕРІ');
    const forced = decodeText(cp1251('Асанов'), 'utf-8');
    expect(forced.encoding).toBe('utf-8');
    expect(hasUndecodable(forced.text)).toBe(true);
    expect(decodeText(utf16('Дата', 'be'), 'utf-16')).toEqual({ text: 'Дата', encoding: 'utf-16be' });
    expect(decodeText(utf16('Дата', 'le', false), 'utf-16')).toEqual({ text: 'Дата', encoding: 'utf-16le' });
  });
});

describe('hasUndecodable', () => {
  it('finds replacement characters, NUL and C1 controls, and nothing in clean text', () => {
    expect(hasUndecodable('Асанов \uFFFD')).toBe(true);
    expect(hasUndecodable('a\u0000b')).toBe(true);
    expect(hasUndecodable('\u0098')).toBe(true); // Windows-1251's unassigned 0x98, as decoders give it
    expect(hasUndecodable('Асанов Ёлкин, «Оплата» №5 — 1 000,00\tMK-2222-2222')).toBe(false);
  });
});
