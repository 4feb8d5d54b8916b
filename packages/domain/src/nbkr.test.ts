import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cp1251, utf16, utf8 } from '../../../tests/fixtures/encodings.js';
import { NbkrFeedError, parseNbkrRates, rateTableFromNbkr } from './nbkr.js';

const sample = (name: string) => new Uint8Array(readFileSync(new URL(`./test-data/${name}`, import.meta.url)));
const ascii = (text: string) => new TextEncoder().encode(text);

/** A feed as NBKR writes it, with the given <Currency> elements. */
function feed(currencies: string, root = 'Name="Daily Exchange Rates" Date="15.12.2013"'): Uint8Array {
  return ascii(`<?xml version="1.0" encoding="windows-1251" ?>\r\n<CurrencyRates ${root}>\r\n${currencies}</CurrencyRates>\r\n`);
}
const currency = (code: string, nominal: string, value: string) =>
  `<Currency ISOCode="${code}">\n<Nominal>${nominal}</Nominal>\n<Value>${value}</Value>\n</Currency>\n`;
const usd = currency('USD', '1', '29,2717');

function failure(bytes: Uint8Array): string {
  try {
    parseNbkrRates(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(NbkrFeedError);
    return (error as Error).message;
  }
  throw new Error('the feed was accepted');
}

describe('parseNbkrRates on the stored samples', () => {
  it('reads the daily feed of 15.12.2013', () => {
    const parsed = parseNbkrRates(sample('daily_sample_2013-12-15.xml'));
    expect(parsed.date).toBe('2013-12-15');
    expect(parsed.kind).toBe('daily');
    expect(parsed.rates).toEqual([
      { currency: 'USD', nominal: 1, validForDays: null, rate: { currency: 'USD', value: '29.2717', nominal: 1 } },
      { currency: 'EUR', nominal: 1, validForDays: null, rate: { currency: 'EUR', value: '67.8003', nominal: 1 } },
      { currency: 'KZT', nominal: 1, validForDays: null, rate: { currency: 'KZT', value: '0.3197', nominal: 1 } },
      { currency: 'RUB', nominal: 1, validForDays: null, rate: { currency: 'RUB', value: '1.4992', nominal: 1 } },
    ]);
  });

  it('reads the weekly feed of 14.12.2013 with its nominals and validity', () => {
    const parsed = parseNbkrRates(sample('weekly_sample_2013-12-14.xml'));
    expect(parsed.date).toBe('2013-12-14');
    expect(parsed.kind).toBe('weekly');
    expect(parsed.rates).toHaveLength(39);
    const byCode = new Map(parsed.rates.map((r) => [r.currency, r]));
    expect(byCode.get('JPY')).toEqual({
      currency: 'JPY',
      nominal: 10,
      validForDays: 7,
      rate: { currency: 'JPY', value: '4.7578', nominal: 10 },
    });
    expect(byCode.get('BYR')?.rate).toEqual({ currency: 'BYR', value: '0.5231', nominal: 100 });
    expect(byCode.get('CNY')?.rate.value).toBe('8.1156');
    expect(byCode.get('PLN')?.rate.value).toBe('16.2185');
    expect(parsed.rates.every((r) => r.validForDays === 7)).toBe(true);
  });

  it('turns a feed into a rate table', () => {
    const table = rateTableFromNbkr(parseNbkrRates(sample('daily_sample_2013-12-15.xml')));
    expect(table.date).toBe('2013-12-15');
    expect(Object.keys(table.rates)).toEqual(['USD', 'EUR', 'KZT', 'RUB']);
    expect(table.rates.USD).toEqual({ currency: 'USD', value: '29.2717', nominal: 1 });
  });
});

describe('parseNbkrRates tolerance', () => {
  it('takes currencies in any order and count, CNY in the daily feed, a decimal point, comments', () => {
    const parsed = parseNbkrRates(feed(`<!-- from 2024 -->${currency('CNY', '1', '12.3456')}${usd}`));
    expect(parsed.rates.map((r) => [r.currency, r.rate.value])).toEqual([
      ['CNY', '12.3456'],
      ['USD', '29.2717'],
    ]);
  });

  it('decodes windows-1251 as declared (Cyrillic in a comment or a Name)', () => {
    // "Курсы" in windows-1251 inside a comment: decoded, not choked on
    const head = ascii('<?xml version="1.0" encoding="windows-1251" ?><!-- ');
    const cyrillic = new Uint8Array([0xca, 0xf3, 0xf0, 0xf1, 0xfb]);
    const rest = ascii(` --><CurrencyRates Name="Daily Exchange Rates" Date="01.09.2024">${usd}</CurrencyRates>`);
    const bytes = new Uint8Array([...head, ...cyrillic, ...rest]);
    expect(parseNbkrRates(bytes).date).toBe('2024-09-01');
  });

  it('reads a feed by its byte-order mark: UTF-8 with no or another declaration, UTF-16 either way round', () => {
    const body = `<CurrencyRates Name="Daily Exchange Rates" Date="07.01.2020">${usd}</CurrencyRates>`;
    for (const bytes of [
      utf8(`<!-- Курсы -->${body}`, true),
      utf8(`<?xml version="1.0" encoding="windows-1251"?>${body}`, true),
      utf16(`<?xml version="1.0" encoding="utf-16"?>${body}`, 'le'),
      utf16(`<?xml version="1.0" encoding="utf-16"?>${body}`, 'be'),
    ])
      expect(parseNbkrRates(bytes).rates.map((r) => r.rate.value)).toEqual(['29.2717']);
  });

  it('reads a feed without a declaration in windows-1251 or UTF-8, and refuses bytes that are neither', () => {
    const body = `<CurrencyRates Name="Daily Exchange Rates" Date="07.01.2020">${usd}</CurrencyRates>`;
    expect(parseNbkrRates(cp1251(`<!-- Курсы валют -->${body}`)).date).toBe('2020-01-07');
    expect(parseNbkrRates(utf8(`<!-- Курсы валют -->${body}`)).date).toBe('2020-01-07');
    expect(() => parseNbkrRates(new Uint8Array([...ascii(body), 0x98]))).toThrow(/not valid windows-1251/);
  });

  it('reads a feed without a declaration or declared as UTF-8', () => {
    expect(parseNbkrRates(ascii(`<CurrencyRates Name='Weekly Exchange Rates' Date='07.01.2020'>${usd}</CurrencyRates>`)).kind).toBe(
      'weekly',
    );
    expect(
      parseNbkrRates(
        ascii(`<?xml version="1.0" encoding="UTF-8"?><CurrencyRates Name="Daily Exchange Rates" Date="07.01.2020">${usd}</CurrencyRates>`),
      ).date,
    ).toBe('2020-01-07');
  });
});

describe('parseNbkrRates refuses malformed feeds', () => {
  it('refuses what is not the feed', () => {
    expect(failure(new Uint8Array())).toMatch(/empty/);
    expect(failure(ascii('<html><body>502 Bad Gateway</body></html>'))).toMatch(/CurrencyRates/);
    expect(failure(ascii('{"USD": 29.27}'))).toMatch(/CurrencyRates/);
    expect(failure(ascii(`<CurrencyRates Name="Daily Exchange Rates" Date="15.12.2013">${usd}`))).toMatch(/CurrencyRates/);
    expect(failure(feed(`${usd}<Other/>`))).toMatch(/unexpected content/);
    expect(failure(feed(`${usd}loose text`))).toMatch(/unexpected content/);
    expect(failure(ascii('<?xml version="1.0" encoding="koi8-r"?><CurrencyRates/>'))).toMatch(/encoding "koi8-r"/);
    expect(failure(ascii(`<!DOCTYPE x [<!ENTITY a "b">]><CurrencyRates Name="Daily" Date="15.12.2013">${usd}</CurrencyRates>`))).toMatch(
      /DOCTYPE/,
    );
  });

  it('refuses a missing or bad Date and an unknown Name', () => {
    expect(failure(feed(usd, 'Name="Daily Exchange Rates"'))).toMatch(/no Date attribute/);
    expect(failure(feed(usd, 'Name="Daily Exchange Rates" Date="2013-12-15"'))).toMatch(/Date "2013-12-15"/);
    expect(failure(feed(usd, 'Name="Daily Exchange Rates" Date="31.02.2013"'))).toMatch(/Date "31.02.2013"/);
    expect(failure(feed(usd, 'Date="15.12.2013"'))).toMatch(/no Name attribute/);
    expect(failure(feed(usd, 'Name="Monthly Rates" Date="15.12.2013"'))).toMatch(/unknown feed Name/);
    expect(failure(feed(usd, 'Name="Daily Exchange Rates" Date="15.12.2013" Date="16.12.2013"'))).toMatch(/repeated/);
    expect(failure(feed(usd, 'Name="Daily Exchange Rates" Date=15.12.2013'))).toMatch(/malformed attributes/);
  });

  it('refuses bad numbers, zero and negative values', () => {
    expect(failure(feed(currency('USD', '1', '29.27.17')))).toMatch(/Value of USD "29.27.17" is not a decimal/);
    expect(failure(feed(currency('USD', '1', '29 2717')))).toMatch(/Value of USD/);
    expect(failure(feed(currency('USD', '1', '')))).toMatch(/Value of USD "" is not a decimal/);
    expect(failure(feed(currency('USD', '1', '-29,27')))).toMatch(/Value of USD "-29,27"/);
    expect(failure(feed(currency('USD', '1', '0,0000')))).toMatch(/Value of USD is zero/);
    expect(failure(feed(currency('USD', '1', '1e3')))).toMatch(/Value of USD/);
    expect(failure(feed(currency('JPY', '0', '4,7578')))).toMatch(/Nominal of JPY "0"/);
    expect(failure(feed(currency('JPY', '1,5', '4,7578')))).toMatch(/Nominal of JPY "1,5"/);
    expect(failure(feed(currency('JPY', '-10', '4,7578')))).toMatch(/Nominal of JPY "-10"/);
    expect(failure(feed('<Currency ISOCode="USD"><Value>29,2717</Value></Currency>'))).toMatch(/Nominal of USD is missing/);
    expect(failure(feed('<Currency ISOCode="USD"><Nominal>1</Nominal></Currency>'))).toMatch(/Value of USD is missing/);
    expect(failure(feed('<Currency ISOCode="USD"><Nominal>1</Nominal><ValidFor>x</ValidFor><Value>1</Value></Currency>'))).toMatch(
      /ValidFor of USD/,
    );
  });

  it('refuses duplicates, bad codes, nesting and an empty feed', () => {
    expect(failure(feed(`${usd}${currency('EUR', '1', '67,8003')}${usd}`))).toMatch(/USD appears twice/);
    expect(failure(feed('<Currency ISOCode="USD"><Nominal>1</Nominal><Value>1</Value><Value>2</Value></Currency>'))).toMatch(
      /<Value> repeated for USD/,
    );
    expect(failure(feed(currency('usd', '1', '1')))).toMatch(/ISOCode "usd"/);
    expect(failure(feed(currency('KGS', '1', '1')))).toMatch(/KGS itself/);
    expect(failure(feed('<Currency><Nominal>1</Nominal><Value>1</Value></Currency>'))).toMatch(/no ISOCode/);
    expect(failure(feed('<Currency ISOCode="USD"><Nominal><b>1</b></Nominal><Value>1</Value></Currency>'))).toMatch(/malformed content/);
    expect(failure(feed(''))).toMatch(/no currencies/);
    expect(failure(feed('<!-- nothing today -->'))).toMatch(/no currencies/);
  });

  it('names the feed in every message', () => {
    expect(failure(feed(''))).toMatch(/^NBKR feed: /);
  });
});
