import { describe, expect, it } from 'vitest';
import {
  MAX_INSTRUCTIONS_LENGTH,
  PayeeOptionSchema,
  type BankAccountRequest,
  type MoneyTransferRequest,
  type ReceivingAccount,
} from '@mekendesh/contracts';
import {
  activeClash,
  fillReference,
  isValidIban,
  payeeOptions,
  qrField,
  receivingAccountErrors,
  transferQr,
} from './receiving-account-rules.js';
import { pledgeEmail } from './pledge-email.js';

const bank = (overrides: Partial<BankAccountRequest> = {}): BankAccountRequest => ({
  kind: 'bank',
  currency: 'KGS',
  active: true,
  bankName: 'Demo Bank',
  bic: '199001',
  accountNumber: '1990010000482731',
  beneficiaryName: 'Mekendesh Programme',
  beneficiaryTaxId: '02512202610037',
  purposeTemplate: { ky: 'Убада {reference}', ru: 'Обещание {reference}', en: 'Pledge {reference}' },
  ...overrides,
});
const transfer = (overrides: Partial<MoneyTransferRequest> = {}): MoneyTransferRequest => ({
  kind: 'money_transfer',
  currency: 'RUB',
  active: true,
  company: 'Korona Pay',
  receiverName: 'Asanova Aigul',
  country: 'KG',
  city: { ky: 'Бишкек', ru: 'Бишкек', en: 'Bishkek' },
  instructions: { ky: 'Билдирүүгө {reference}', ru: 'В сообщении {reference}', en: 'In the message, {reference}' },
  ...overrides,
});
const stored = <T extends object>(r: T, id: string, createdAt = '2026-01-01T00:00:00.000Z') =>
  ({ ...r, id, version: 1, createdAt, updatedAt: createdAt }) as unknown as ReceivingAccount;
const fields = (errors: { field: string }[]) => errors.map((e) => e.field);

describe('receiving account rules', () => {
  it('accepts a Kyrgyz account with a BIK and an INN, and a money-transfer company', () => {
    expect(receivingAccountErrors(bank())).toEqual([]);
    expect(receivingAccountErrors(bank({ accountNumber: '1990 0100 0048 2731' }))).toEqual([]);
    expect(receivingAccountErrors(transfer())).toEqual([]);
  });

  it('checks IBAN check digits (ISO 13616, mod 97)', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('DE88370400440532013000')).toBe(false);
    expect(receivingAccountErrors(bank({ currency: 'EUR', bic: 'DEUTDEFF', accountNumber: 'DE89370400440532013000' }))).toEqual([]);
    expect(fields(receivingAccountErrors(bank({ currency: 'EUR', bic: 'DEUTDEFF', accountNumber: 'DE88370400440532013000' })))).toEqual([
      'accountNumber',
    ]);
  });

  it('names each malformed field', () => {
    expect(fields(receivingAccountErrors(bank({ accountNumber: '12345', bic: 'XX', beneficiaryTaxId: '123' })))).toEqual([
      'accountNumber',
      'bic',
      'beneficiaryTaxId',
    ]);
    // A 6-digit BIK only routes to a Kyrgyz account; an IBAN needs a SWIFT BIC.
    expect(fields(receivingAccountErrors(bank({ accountNumber: 'DE89370400440532013000' })))).toEqual(['bic']);
  });

  it('wants {reference} in the purpose and the instructions, in every language, within what a bank takes', () => {
    expect(fields(receivingAccountErrors(bank({ purposeTemplate: { ky: 'Убада', ru: 'Обещание {reference}', en: 'Pledge' } })))).toEqual([
      'purposeTemplate.ky',
      'purposeTemplate.en',
    ]);
    expect(
      fields(receivingAccountErrors(transfer({ instructions: { ky: 'x {reference}', ru: 'без кода', en: 'x {reference}' } }))),
    ).toEqual(['instructions.ru']);
    // 129 characters + the 12-character reference in place of the 11-character placeholder = 141 > 140.
    const long = `${'a'.repeat(129)}{reference}`;
    expect(fields(receivingAccountErrors(bank({ purposeTemplate: { ky: long, ru: long.slice(1), en: 'ok {reference}' } })))).toEqual([
      'purposeTemplate.ky',
    ]);
  });

  it('keeps money-transfer instructions within the one maximum with the reference in place, so they can always be shown', () => {
    // The contract takes MAX_INSTRUCTIONS_LENGTH characters as written; the 12-character reference replaces the 11-character placeholder.
    const longest = `${'a'.repeat(MAX_INSTRUCTIONS_LENGTH - 12)}{reference}`;
    const tooLong = `${'a'.repeat(MAX_INSTRUCTIONS_LENGTH - 11)}{reference}`;
    expect(receivingAccountErrors(transfer({ instructions: { ky: longest, ru: longest, en: longest } }))).toEqual([]);
    const errors = receivingAccountErrors(transfer({ instructions: { ky: longest, ru: tooLong, en: longest } }));
    expect(errors).toMatchObject([{ field: 'instructions.ru', code: 'too_long' }]);
    expect(errors[0]!.messages?.ru).toContain(String(MAX_INSTRUCTIONS_LENGTH));
    // What is kept is what the payment details carry, and what the web reads with the shared contract.
    const account = stored(transfer({ currency: 'USD', instructions: { ky: longest, ru: longest, en: longest } }), 'long');
    const [option] = payeeOptions([account], {
      channel: 'money_transfer',
      amount: { amount: 100, currency: 'USD' },
      paymentReference: 'MK-7KQ2-9XF4',
    });
    expect(option!.purpose.en).toHaveLength(MAX_INSTRUCTIONS_LENGTH);
    expect(PayeeOptionSchema.safeParse(option).success).toBe(true);
  });

  it('refuses line breaks, controls and bidi marks in every single-line text, and all but line feeds in instructions', () => {
    const evil = 'Evil\nAccount: DE44500105175407324931\u202e';
    const bankErrors = receivingAccountErrors(bank({ beneficiaryName: evil }));
    expect(bankErrors).toMatchObject([{ field: 'beneficiaryName', code: 'invalid_format' }]);
    expect(Object.keys(bankErrors[0]!.messages!)).toEqual(['ky', 'ru', 'en']);
    for (const bad of [
      'a\rb',
      'a\u2028b',
      'a\u2029b',
      'a\u0085b',
      'a\u200eb',
      'a\u200fb',
      'a\u202ab',
      'a\u2066b',
      'a\u2069b',
      'a\u0000b',
      'a\tb',
    ]) {
      expect(fields(receivingAccountErrors(bank({ bankName: bad })))).toEqual(['bankName']);
    }
    // An account number compacts its spaces away, but a line break in it is refused, not dropped.
    expect(fields(receivingAccountErrors(bank({ accountNumber: '1990010000\n482731' })))).toEqual(['accountNumber']);
    expect(
      fields(
        receivingAccountErrors(
          bank({
            bic: '199001\u202e',
            beneficiaryTaxId: '0251220261003\n',
            correspondent: 'X\nY',
            purposeTemplate: { ky: 'a\n{reference}', ru: 'Обещание {reference}', en: 'Pledge {reference}' },
          }),
        ),
      ),
    ).toEqual(['bic', 'beneficiaryTaxId', 'correspondent', 'purposeTemplate.ky']);
    expect(
      fields(
        receivingAccountErrors(
          transfer({ company: evil, receiverName: 'A\u2067B', city: { ky: 'Бишкек\n', ru: 'Бишкек', en: 'Bishkek\u200f' } }),
        ),
      ),
    ).toEqual(['company', 'receiverName', 'city.ky', 'city.en']);
    // Instructions may run over lines (a textarea's CR LF too), but carry no other control.
    const lines = { ky: 'Биринчи\r\n{reference}', ru: 'Первое\nВторое {reference}', en: 'First\n{reference}' };
    expect(receivingAccountErrors(transfer({ instructions: lines }))).toEqual([]);
    expect(fields(receivingAccountErrors(transfer({ instructions: { ...lines, en: 'First\u202e{reference}' } })))).toEqual([
      'instructions.en',
    ]);
  });

  it('writes every QR field on one line, whatever was stored', () => {
    expect(qrField('Evil\nAccount: DE44500105175407324931\u202e')).toBe('Evil Account: DE44500105175407324931');
    const stale = stored(
      bank({
        currency: 'EUR',
        bic: 'DEUTDEFF',
        accountNumber: 'DE89370400440532013000',
        beneficiaryName: 'Evil\nAccount: DE44500105175407324931\u202e',
      }),
      'stale',
    );
    const epc = transferQr(stale, { amount: 100, currency: 'EUR' }, 'MK-7KQ2-9XF4').payload.split('\n');
    expect(epc).toHaveLength(11);
    expect(epc[5]).toBe('Evil Account: DE44500105175407324931');
    expect(epc[6]).toBe('DE89370400440532013000');
    const text = transferQr({ ...stale, currency: 'USD' } as ReceivingAccount, null, 'MK-7KQ2-9XF4').payload;
    expect(text.split('\n').filter((l) => l.includes('DE44500105175407324931'))).toHaveLength(1);
    expect(text).not.toMatch(/\u202e/u);
  });

  it('allows one active account per kind and currency', () => {
    const accounts = [stored(bank(), 'a'), stored(bank({ currency: 'USD', active: false }), 'b')];
    expect(activeClash(accounts, bank())?.id).toBe('a');
    expect(activeClash(accounts, { ...bank(), id: 'a' })).toBeUndefined();
    expect(activeClash(accounts, bank({ active: false }))).toBeUndefined();
    expect(activeClash(accounts, bank({ currency: 'USD' }))).toBeUndefined();
    expect(activeClash(accounts, transfer({ currency: 'KGS' }))).toBeUndefined();
  });
});

describe('how a pledge is paid', () => {
  const accounts = [
    stored(bank(), 'kgs-bank'),
    stored(bank({ currency: 'USD', bic: 'DEMOKG22' }), 'usd-bank'),
    stored(transfer({ currency: 'USD' }), 'usd-korona', '2026-01-02T00:00:00.000Z'),
    stored(bank({ currency: 'RUB', active: false }), 'rub-off'),
  ];
  const pledge = {
    channel: 'bank_transfer' as const,
    amount: { amount: 10_000, currency: 'USD' as const },
    paymentReference: 'MK-7KQ2-9XF4',
  };

  it('offers the active accounts of the pledge’s currency, its channel’s kind first, with the reference filled in', () => {
    expect(payeeOptions(accounts, pledge).map((o) => o.account.id)).toEqual(['usd-bank', 'usd-korona']);
    expect(payeeOptions(accounts, { ...pledge, channel: 'money_transfer' }).map((o) => o.account.id)).toEqual(['usd-korona', 'usd-bank']);
    expect(payeeOptions(accounts, pledge)[0]!.purpose).toEqual({
      ky: 'Убада MK-7KQ2-9XF4',
      ru: 'Обещание MK-7KQ2-9XF4',
      en: 'Pledge MK-7KQ2-9XF4',
    });
    expect(payeeOptions(accounts, { ...pledge, amount: { amount: 100, currency: 'RUB' } })).toEqual([]);
    expect(payeeOptions(accounts, { ...pledge, channel: 'card' })).toEqual([]);
    expect(fillReference('{reference} / {reference}', 'MK-A')).toBe('MK-A / MK-A');
  });

  it('encodes a euro IBAN transfer as an EPC QR code and anything else as the documented text payload', () => {
    const eur = stored(bank({ currency: 'EUR', bic: 'DEUTDEFF', accountNumber: 'DE89370400440532013000' }), 'eur');
    expect(transferQr(eur, { amount: 123_456, currency: 'EUR' }, 'MK-7KQ2-9XF4')).toEqual({
      format: 'epc',
      payload: 'BCD\n002\n1\nSCT\nDEUTDEFF\nMekendesh Programme\nDE89370400440532013000\nEUR1234.56\n\n\nMK-7KQ2-9XF4',
    });
    const text = transferQr(accounts[0]!, { amount: 500_000, currency: 'KGS' }, 'MK-7KQ2-9XF4');
    expect(text.format).toBe('text');
    expect(text.payload.split('\n')).toEqual([
      'MEKENDESH-TRANSFER/1',
      'Beneficiary: Mekendesh Programme',
      'Account: 1990010000482731',
      'BIC: 199001',
      'Bank: Demo Bank',
      'INN: 02512202610037',
      'Amount: 5,000\u00a0som',
      'Reference: MK-7KQ2-9XF4',
    ]);
  });

  it('labels the text payload in the reader’s language, with the amount as they write money; the EPC code stays as the standard says', () => {
    const kgs = { amount: 300_000, currency: 'KGS' as const };
    expect(transferQr(accounts[0]!, kgs, 'MK-7KQ2-9XF4', 'ru').payload.split('\n')).toEqual([
      'MEKENDESH-TRANSFER/1',
      'Получатель: Mekendesh Programme',
      'Счёт: 1990010000482731',
      'БИК/SWIFT: 199001',
      'Банк: Demo Bank',
      'ИНН: 02512202610037',
      'Сумма: 3\u00a0000\u00a0сом',
      'Код платежа: MK-7KQ2-9XF4',
    ]);
    const ky = transferQr(accounts[2]!, { amount: 5000, currency: 'USD' }, 'MK-7KQ2-9XF4', 'ky').payload;
    expect(ky).toContain('Компания: Korona Pay');
    expect(ky).toContain('Шаар: Бишкек, Кыргызстан');
    expect(ky).toContain('Сумма: 50,00\u00a0USD');
    expect(ky).toContain('Төлөм коду: MK-7KQ2-9XF4');
    expect(ky).not.toMatch(/Beneficiary|Amount|Reference|City/);
    const eur = stored(bank({ currency: 'EUR', bic: 'DEUTDEFF', accountNumber: 'DE89370400440532013000' }), 'eur');
    expect(transferQr(eur, { amount: 123_456, currency: 'EUR' }, 'MK-7KQ2-9XF4', 'ru')).toEqual(
      transferQr(eur, { amount: 123_456, currency: 'EUR' }, 'MK-7KQ2-9XF4', 'en'),
    );
  });

  it('writes the pledge email in the investor’s language, or says whom to ask when no account takes the currency', () => {
    const base = {
      pledge: { id: 'p1', amount: pledge.amount, paymentReference: pledge.paymentReference, projectTitle: { ky: 'Мектеп', en: 'School' } },
      payBy: '2026-12-31',
      name: 'Aibek',
      office: { email: 'office@example.kg', phone: null },
      link: 'https://x/ru/pledges/p1',
    };
    const ru = pledgeEmail({ ...base, options: payeeOptions(accounts, pledge), locale: 'ru' });
    expect(ru.subject).toBe('Мекендеш: взнос MK-7KQ2-9XF4 записан');
    expect(ru.text).toContain('Сумма: 100,00\u00a0$');
    expect(ru.text).toContain('Счёт: 1990010000482731');
    expect(ru.text).toContain('Назначение платежа: Обещание MK-7KQ2-9XF4');
    expect(ru.text).toContain('Оплатите до 31 декабря 2026 г. включительно');
    const ky = pledgeEmail({
      ...base,
      pledge: { ...base.pledge, amount: { amount: 300_000, currency: 'KGS' } },
      payBy: '2027-04-30',
      options: [],
      locale: 'ky',
    });
    expect(ky.text).toContain('Сумма: 3\u00a0000\u00a0сом');
    expect(ky.text).toContain('Төлөө мөөнөтү: 2027-ж., 30-апрель');
    expect(pledgeEmail({ ...base, options: [], locale: 'en' }).text).toContain('Amount: $100.00');
    expect(ru.text).toContain('«Мектеп»'); // no Russian title: the Kyrgyz one
    const none = pledgeEmail({ ...base, options: [], locale: 'en' });
    expect(none.text).toContain('The programme has no account for USD yet. Write to the programme office at office@example.kg');
    expect(pledgeEmail({ ...base, options: [], locale: 'ky' }).text).toContain('USD валютасы үчүн программанын эсеби азырынча жок');
  });
});
