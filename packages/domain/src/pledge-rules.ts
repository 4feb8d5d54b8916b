import { formatMinor } from './money.js';
import { referenceKey, type LocalizedText, type Money, type Pledge, type PledgeRequest, type Project } from '@mekendesh/contracts';
import { invalid, type FieldError, DomainError } from './errors.js';
import { ZERO_DELTAS, type LedgerDeltas } from './money-ports.js';
import { formatMoney } from '@mekendesh/contracts';

/** Crockford-like alphabet without 0/O/1/I: nothing to misread when typed into a bank form. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const N = ALPHABET.length;

/** Luhn mod N check character over the characters given (detects every single-character error). */
export function checkCharacter(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    const code = ALPHABET.indexOf(body[i]!);
    if (code < 0) throw new RangeError(`"${body[i]}" is not a reference character`);
    let addend = factor * code;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(N - (sum % N)) % N]!;
}

/**
 * A new payment reference MK-XXXX-XXXX: seven random characters and a check character.
 * @example paymentReference(crypto.getRandomValues(new Uint8Array(7))) // 'MK-7KQ2-9XF4'
 */
export function paymentReference(random: Uint8Array = globalThis.crypto.getRandomValues(new Uint8Array(7))): string {
  const body = Array.from(random.subarray(0, 7), (b) => ALPHABET[b % N]).join('');
  const all = body + checkCharacter(body);
  return `MK-${all.slice(0, 4)}-${all.slice(4)}`;
}

/**
 * Finds a valid reference in free text ("mk 7kq2 9xf4", "MK7KQ29XF4", "MK\u2011 7KQ2\u200B-9XF4"); undefined if none
 * checks out. The text is normalised first (contracts normalise.ts), so look-alike hyphens and invisible characters read as typed.
 */
export function findPaymentReference(text: string): string | undefined {
  return findPaymentReferences(text)[0];
}

/**
 * Every distinct valid reference in free text, in the order written: a statement line naming two pledges
 * ("MK-2222-2222 и MK-3333-3333") is booked on neither (`several_references`), never silently on the first.
 * @example findPaymentReferences('за MK-7KQ2-9XF4 и mk 7kq2 9xf4') // ['MK-7KQ2-9XF4']
 */
export function findPaymentReferences(text: string): string[] {
  const pattern = /M\s*K[\s-]*([2-9A-HJ-NP-Z]{4})[\s-]*([2-9A-HJ-NP-Z]{4})/g;
  const found = new Set<string>();
  for (const m of referenceKey(text).matchAll(pattern)) {
    const all = m[1]! + m[2]!;
    if (checkCharacter(all.slice(0, 7)) === all[7]) found.add(`MK-${m[1]}-${m[2]}`);
  }
  return [...found];
}

/** Every rule a pledge request breaks against the project (the shape is the contract's job). */
export function pledgeRuleErrors(request: PledgeRequest, project: Project): FieldError[] {
  const errors: FieldError[] = [];
  if (!project.pledgeTypes.includes(request.type))
    errors.push({ field: 'type', message: `this project accepts ${project.pledgeTypes.join(', ')}` });
  if (request.type === 'equity' && project.kind !== 'business')
    errors.push({ field: 'type', message: 'equity is for business ventures only' });
  if (request.type === 'in_kind' && request.channel === 'card')
    errors.push({ field: 'channel', message: 'an in-kind pledge is not paid by card' });
  return errors;
}

/** Refuses a money pledge below the project's minimum, compared in KGS at the pledge day's rate. */
export function assertMinimum(amountKgs: number, project: Project): void {
  if (amountKgs < project.minimumPledge) {
    throw invalid(
      'amount.amount',
      `below the project's minimum of ${formatMinor(project.minimumPledge)} KGS (${formatMinor(amountKgs)} KGS at today's rate)`,
    );
  }
}

/** Deltas of an entry: zeros except those given. */
export function deltas(partial: Partial<LedgerDeltas>): LedgerDeltas {
  return { ...ZERO_DELTAS, ...partial };
}

/** Pledge states that still take money (a received pledge takes more, kept as over-payment). */
const TAKES_MONEY: readonly Pledge['status'][] = ['pledged', 'partially_received', 'received'];

/** Whether money can be booked on a pledge now: a money pledge (not in kind) that is still open; applyReceipt's rule. */
export const takesMoney = (pledge: Pick<Pledge, 'amount' | 'status'>): boolean =>
  Boolean(pledge.amount) && TAKES_MONEY.includes(pledge.status);

/**
 * A pledge after a receipt: received and overpaid in the pledge's currency, status from how much came.
 * @example applyReceipt(pledge100usd, { inPledgeCurrency: 4_000, amountKgs: 350_000, matched: [], at })
 * // status 'partially_received', received 40.00 USD
 */
export function applyReceipt(
  pledge: Pledge,
  r: { inPledgeCurrency: number; amountKgs: number; matched: readonly { programmeId: string; amountKgs: number }[]; at: string },
): Pledge {
  if (!pledge.amount) throw new DomainError('conflict', 'an in-kind pledge takes no money');
  if (!TAKES_MONEY.includes(pledge.status)) throw new DomainError('conflict', `the pledge is ${pledge.status}`);
  const received = (pledge.received?.amount ?? 0) + r.inPledgeCurrency;
  const currency = pledge.amount.currency;
  const overpaid: Money = { amount: Math.max(0, received - pledge.amount.amount), currency };
  return {
    ...pledge,
    received: { amount: received, currency },
    receivedKgs: pledge.receivedKgs + r.amountKgs,
    overpaid,
    matchedKgs: pledge.matchedKgs + r.matched.reduce((sum, m) => sum + m.amountKgs, 0),
    matchedBy: r.matched.reduce((by, m) => ({ ...by, [m.programmeId]: (by[m.programmeId] ?? 0) + m.amountKgs }), pledge.matchedBy),
    status: received >= pledge.amount.amount ? 'received' : 'partially_received',
    receipts: pledge.receipts + 1,
    version: pledge.version + 1,
    updatedAt: r.at,
  };
}

/** How to pay a transfer pledge, in the three languages; null for card and in-kind pledges. */
export function paymentInstructions(pledge: Pick<Pledge, 'channel' | 'amount' | 'paymentReference'>): LocalizedText | null {
  if (pledge.channel === 'card' || !pledge.amount) return null;
  const amount = pledge.amount;
  const sum = { ky: formatMoney(amount, 'ky'), ru: formatMoney(amount, 'ru'), en: formatMoney(amount, 'en') };
  const ref = pledge.paymentReference;
  const via =
    pledge.channel === 'bank_transfer'
      ? { ky: 'банктык которуу менен', ru: 'банковским переводом', en: 'by bank transfer' }
      : { ky: 'акча которуу системасы аркылуу', ru: 'через систему денежных переводов', en: 'through a money-transfer company' };
  return {
    ky: `${sum.ky} суммасын программанын эсебине ${via.ky} жөнөтүңүз. Төлөмдүн максатына ${ref} кодун жазыңыз: акча ушул код менен табылат.`,
    ru: `Переведите ${sum.ru} на счёт программы ${via.ru}. В назначении платежа укажите ${ref}: по этому коду мы найдём ваш платёж.`,
    en: `Send ${sum.en} to the programme account ${via.en}. Quote ${ref} in the payment details: it is how your money is found.`,
  };
}

/** Stable JSON (sorted keys) of a request, for comparing an Idempotency-Key retry with the first call. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The name a pledge's ledger entries show: its club's, for a contribution to a club pledge (the club is one supporter,
 * its members are not named); else the investor's, only if they chose to be shown.
 */
export function ledgerName(pledge: Pick<Pledge, 'display' | 'displayName' | 'club'>): string | null {
  if (pledge.club) return pledge.club.clubName;
  return pledge.display === 'name' ? pledge.displayName : null;
}

/**
 * Who a pledge counts as on its project's supporter count (the Supporter marker's second key part): the club, as
 * `club:<clubId>`, for a contribution to a club pledge (issue 12: a club is one supporter, its members are not counted
 * for it); else the investor's id. A member's own plain pledge still counts them.
 * @example supporterIdOf({ investorId: 'u-1', club: { clubId: 'c-1' } }) // 'club:c-1'
 */
export function supporterIdOf(pledge: { investorId: string; club?: { clubId: string } | undefined }): string {
  return pledge.club ? `club:${pledge.club.clubId}` : pledge.investorId;
}
