import { z } from 'zod';
import { queryInt } from './input-rules.js';
import { CurrencySchema, MoneySchema } from './money.js';

/**
 * Where investors send transfers: the programme's bank accounts and the money-transfer companies it
 * accepts, per currency, maintained by staff. Names that a sender must type exactly as the bank or the
 * company knows them (bank, beneficiary, receiver) are one spelling; texts a person reads (purpose,
 * city, instructions) exist in Kyrgyz, Russian and English.
 */
export const RECEIVING_ACCOUNT_KINDS = ['bank', 'money_transfer'] as const;
export const ReceivingAccountKindSchema = z.enum(RECEIVING_ACCOUNT_KINDS);
export type ReceivingAccountKind = z.infer<typeof ReceivingAccountKindSchema>;

/** The placeholder a payment purpose template must contain; the pledge's payment reference replaces it. */
export const REFERENCE_PLACEHOLDER = '{reference}';

/**
 * The longest payment purpose of a bank account, with the reference in place: what a bank's purpose field
 * holds (SWIFT field 70 is 4 x 35 characters; Kyrgyz banks allow more).
 */
export const MAX_PURPOSE_LENGTH = 140;
/**
 * The longest money-transfer instructions, as staff write them and with the reference in place: the domain
 * refuses a template whose filled-in text would be longer, so every stored account can be shown. The
 * payment details' `purpose` (either of the two) is at most this long.
 */
export const MAX_INSTRUCTIONS_LENGTH = 1000;

const line = (max: number) => z.string().trim().min(1, 'required').max(max);
/** A text shown to people: required in each of the three languages. */
const Trilingual = (max: number) => z.object({ ky: line(max), ru: line(max), en: line(max) }).strict();
export const TrilingualTextSchema = Trilingual(500).meta({ id: 'TrilingualText' });
/** A purpose or instructions with the reference in place, as the payment details carry them. */
export const FilledPurposeSchema = Trilingual(MAX_INSTRUCTIONS_LENGTH).meta({ id: 'FilledPurpose' });
export type TrilingualText = z.infer<typeof TrilingualTextSchema>;

const common = {
  currency: CurrencySchema,
  /** Only active accounts are shown to investors; one active account per kind and currency. */
  active: z.boolean(),
};

export const BankAccountRequestSchema = z
  .object({
    kind: z.literal('bank'),
    ...common,
    bankName: line(140),
    /** The National Bank's 6-digit BIK, or a SWIFT BIC (8 or 11 characters) for transfers from abroad. */
    bic: z.string().trim().toUpperCase().max(11),
    /** A Kyrgyz 16-digit account number or an IBAN (spaces allowed; the domain drops them). */
    accountNumber: z.string().trim().toUpperCase().max(42),
    beneficiaryName: line(140),
    /** The beneficiary's INN (Kyrgyz tax id, 14 digits). */
    beneficiaryTaxId: z.string().trim().max(14),
    /** For transfers from abroad: the correspondent (intermediary) bank, as the sender's bank asks for it. */
    correspondent: z.string().trim().max(200).optional(),
    /** What the sender writes as the payment purpose; must contain {reference}. */
    purposeTemplate: Trilingual(MAX_PURPOSE_LENGTH),
  })
  .strict();

export const MoneyTransferRequestSchema = z
  .object({
    kind: z.literal('money_transfer'),
    ...common,
    /** The company, as the sender finds it, e.g. "Золотая Корона / Korona Pay". */
    company: line(100),
    /** Who collects the transfer, as on their identity document. */
    receiverName: line(140),
    city: Trilingual(100),
    /** ISO 3166-1 alpha-2 country where the transfer is paid out. */
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'a two-letter country code'),
    /** How to send it, with {reference} where the sender quotes the payment reference. */
    instructions: Trilingual(MAX_INSTRUCTIONS_LENGTH),
  })
  .strict();

/** What staff send to create or replace a receiving account. */
export const ReceivingAccountRequestSchema = z
  .discriminatedUnion('kind', [BankAccountRequestSchema, MoneyTransferRequestSchema])
  .meta({ id: 'ReceivingAccountRequest' });
export type ReceivingAccountRequest = z.infer<typeof ReceivingAccountRequestSchema>;
export type BankAccountRequest = z.infer<typeof BankAccountRequestSchema>;
export type MoneyTransferRequest = z.infer<typeof MoneyTransferRequestSchema>;

const stored = { id: z.string(), version: z.number().int().positive(), createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() };

export const ReceivingAccountSchema = z
  .discriminatedUnion('kind', [BankAccountRequestSchema.extend(stored), MoneyTransferRequestSchema.extend(stored)])
  .meta({ id: 'ReceivingAccount' });
export type ReceivingAccount = z.infer<typeof ReceivingAccountSchema>;
export type BankAccount = Extract<ReceivingAccount, { kind: 'bank' }>;
export type MoneyTransferAccount = Extract<ReceivingAccount, { kind: 'money_transfer' }>;

export const ReceivingAccountListSchema = z.object({ items: z.array(ReceivingAccountSchema) }).meta({ id: 'ReceivingAccountList' });
export type ReceivingAccountList = z.infer<typeof ReceivingAccountListSchema>;

/** A replacement sent with the version it was read at: an edit from a stale page is a 409. */
export const ReceivingAccountVersionSchema = z.object({ version: queryInt({ min: 1, max: Number.MAX_SAFE_INTEGER }) }).strict();

/** How a QR code encodes a transfer: EPC069-12 (SEPA credit transfer) where it applies, else documented plain text. */
export const TransferQrSchema = z.object({ format: z.enum(['epc', 'text']), payload: z.string() });
export type TransferQr = z.infer<typeof TransferQrSchema>;

/** One way to pay a pledge: the account, the purpose with the pledge's reference filled in, and a QR payload. */
export const PayeeOptionSchema = z.object({
  account: ReceivingAccountSchema,
  /** The purpose (banks) or the instructions (money transfer) with the payment reference in place (at most MAX_INSTRUCTIONS_LENGTH). */
  purpose: FilledPurposeSchema,
  qr: TransferQrSchema,
});
export type PayeeOption = z.infer<typeof PayeeOptionSchema>;

/** Where and how to pay one transfer pledge; `options` is empty when no account takes its currency yet. */
export const PaymentDetailsSchema = z
  .object({
    pledgeId: z.string(),
    paymentReference: z.string(),
    /** Null for in-kind pledges (nothing to transfer). */
    amount: MoneySchema.nullable(),
    /** The project's last day of raising (Bishkek): transfers must arrive by then. */
    payBy: z.iso.date().nullable(),
    /** The pledge's own channel first. */
    options: z.array(PayeeOptionSchema),
    /** Where to ask when no account takes the currency (or anything is unclear). */
    office: z.object({ email: z.string(), phone: z.string().nullable() }),
  })
  .meta({ id: 'PaymentDetails' });
export type PaymentDetails = z.infer<typeof PaymentDetailsSchema>;
