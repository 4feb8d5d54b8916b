import type { Locale, LocalizedText, PayeeOption, PledgeClub, PledgeRequest, PledgeView } from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import { formatDay, formatMoney } from '@mekendesh/contracts';
import type { PledgeInvestor } from './money-ports.js';
import { createPledge, type PledgeMail, type PledgeRead } from './pledges.js';
import { payeeOptions } from './receiving-account-rules.js';
import { deliverQueued, sendClaimedMail } from './mail-delivery.js';
import { cachedAccounts, type PaymentDeps, type ProgrammeOffice, type QueuedMail } from './receiving-accounts.js';
import { turnedOff } from './notifications.js';
import { withUnsubscribe } from './unsubscribe.js';

const pick = (t: LocalizedText, l: Locale) => t[l] ?? t.ky ?? t.ru ?? t.en ?? '';

const WORDS = {
  ky: {
    subject: (ref: string) => `Мекендеш: ${ref} салымыңыз катталды`,
    hello: (n: string) => `Саламатсызбы, ${n}!`,
    thanks: (p: string) => `«${p}» долбооруна кошкон салымыңыз үчүн рахмат.`,
    amount: 'Сумма',
    reference: 'Төлөм коду',
    quote: 'Бул кодду төлөмдүн максатына жазыңыз: акчаңыз ушул код менен табылат.',
    payBy: (d: string) => `Төлөө мөөнөтү: ${d} күнү кошо (Бишкек убактысы, UTC+6).`,
    bank: 'Банктык которуу',
    transfer: 'Акча которуу системасы',
    bankName: 'Банк',
    bic: 'БИК/SWIFT',
    account: 'Эсеп',
    beneficiary: 'Алуучу',
    inn: 'Алуучунун ИННи',
    correspondent: 'Корреспондент банк',
    purpose: 'Төлөмдүн максаты',
    company: 'Компания',
    receiver: 'Алуучу',
    city: 'Шаар',
    how: 'Кантип жөнөтүү керек',
    none: (c: string, office: string) =>
      `${c} валютасы үчүн программанын эсеби азырынча жок. Программанын кеңсесине жазыңыз: ${office} — акчаны кантип которуу керектигин айтабыз.`,
    page: 'Салымдын барагы',
  },
  ru: {
    subject: (ref: string) => `Мекендеш: взнос ${ref} записан`,
    hello: (n: string) => `Здравствуйте, ${n}!`,
    thanks: (p: string) => `Спасибо за взнос в проект «${p}».`,
    amount: 'Сумма',
    reference: 'Код платежа',
    quote: 'Укажите этот код в назначении платежа: по нему мы найдём ваш перевод.',
    payBy: (d: string) => `Оплатите до ${d} включительно (время Бишкека, UTC+6).`,
    bank: 'Банковский перевод',
    transfer: 'Денежный перевод',
    bankName: 'Банк',
    bic: 'БИК/SWIFT',
    account: 'Счёт',
    beneficiary: 'Получатель',
    inn: 'ИНН получателя',
    correspondent: 'Банк-корреспондент',
    purpose: 'Назначение платежа',
    company: 'Компания',
    receiver: 'Получатель',
    city: 'Город',
    how: 'Как отправить',
    none: (c: string, office: string) =>
      `Для валюты ${c} у программы пока нет счёта. Напишите в офис программы: ${office} — мы подскажем, как перевести деньги.`,
    page: 'Страница взноса',
  },
  en: {
    subject: (ref: string) => `Mekendesh: your pledge ${ref} is recorded`,
    hello: (n: string) => `Hello ${n},`,
    thanks: (p: string) => `Thank you for your pledge to "${p}".`,
    amount: 'Amount',
    reference: 'Payment reference',
    quote: 'Quote this reference in the payment details: it is how your money is found.',
    payBy: (d: string) => `Please pay by ${d}, end of day (Bishkek time, UTC+6).`,
    bank: 'Bank transfer',
    transfer: 'Money transfer',
    bankName: 'Bank',
    bic: 'BIK/SWIFT',
    account: 'Account',
    beneficiary: 'Beneficiary',
    inn: 'Beneficiary INN',
    correspondent: 'Correspondent bank',
    purpose: 'Payment purpose',
    company: 'Company',
    receiver: 'Receiver',
    city: 'City',
    how: 'How to send',
    none: (c: string, office: string) =>
      `The programme has no account for ${c} yet. Write to the programme office at ${office} and we will tell you how to send the money.`,
    page: 'Your pledge',
  },
} as const satisfies Record<Locale, unknown>;

function optionLines(o: PayeeOption, l: Locale): string[] {
  const w = WORDS[l];
  const a = o.account;
  if (a.kind === 'bank') {
    return [
      `${w.bank}:`,
      `${w.bankName}: ${a.bankName}`,
      `${w.bic}: ${a.bic}`,
      `${w.account}: ${a.accountNumber}`,
      `${w.beneficiary}: ${a.beneficiaryName}`,
      `${w.inn}: ${a.beneficiaryTaxId}`,
      ...(a.correspondent ? [`${w.correspondent}: ${a.correspondent}`] : []),
      `${w.purpose}: ${o.purpose[l]}`,
    ];
  }
  const country = new Intl.DisplayNames([l], { type: 'region', fallback: 'code' }).of(a.country) ?? a.country;
  return [
    `${w.transfer}:`,
    `${w.company}: ${a.company}`,
    `${w.receiver}: ${a.receiverName}`,
    `${w.city}: ${a.city[l]}, ${country}`,
    `${w.how}: ${o.purpose[l]}`,
  ];
}

/**
 * The email sent on pledging by transfer, in the investor's language: amount, project, reference, the
 * accounts for the pledge's currency (or whom to ask when there is none), and the day to pay by.
 */
export function pledgeEmail(input: {
  pledge: Pick<PledgeView, 'id' | 'amount' | 'paymentReference' | 'projectTitle'>;
  options: readonly PayeeOption[];
  payBy: string | null;
  name: string;
  office: ProgrammeOffice;
  link: string;
  locale: Locale;
}): { subject: string; text: string } {
  const { pledge, locale: l } = input;
  const w = WORDS[l];
  const office = [input.office.email, input.office.phone].filter(Boolean).join(', ');
  const accounts = input.options.length
    ? input.options.flatMap((o) => ['', ...optionLines(o, l)])
    : ['', w.none(pledge.amount?.currency ?? '', office)];
  const text = [
    w.hello(input.name),
    '',
    w.thanks(pick(pledge.projectTitle, l)),
    ...(pledge.amount ? [`${w.amount}: ${formatMoney(pledge.amount, l)}`] : []),
    `${w.reference}: ${pledge.paymentReference}`,
    w.quote,
    ...(input.payBy ? [w.payBy(formatDay(input.payBy, l))] : []),
    ...accounts,
    '',
    `${w.page}: ${input.link}`,
  ].join('\n');
  return { subject: w.subject(pledge.paymentReference), text };
}

/** The id of a pledge's email in the mail queue: one per pledge. */
export const pledgeMailId = (pledgeId: string) => `pledge-${pledgeId}`;

/**
 * Sends a queued mail if nobody has (claim, send, mark sent): a pledge's, or any other the stream mail function and
 * the stuck-mail sweep are handed (a notice is checked against its reader first and may be dropped: deliverQueued).
 * A failed send gives the claim back and answers false: the mail stays queued, and the next attempt sends it.
 */
export async function deliverMail(deps: Pick<PaymentDeps, 'queue' | 'mailer' | 'money'>, id: string): Promise<boolean> {
  const outcome = await deliverQueued({ queue: deps.queue, mailer: deps.mailer, clock: deps.money.clock, users: deps.money.users }, id);
  return outcome !== 'failed';
}

/** The pledge's email to its investor as queued, in their language, with the accounts for its currency (`options`). */
function pledgeMail(
  deps: PaymentDeps,
  input: { pledge: PledgeView; investor: PledgeInvestor; deadline: string | null; options: readonly PayeeOption[] },
): QueuedMail {
  const { pledge, investor } = input;
  const locale = investor.locale;
  const mail = pledgeEmail({
    pledge,
    options: input.options,
    payBy: input.deadline,
    name: investor.displayName,
    office: deps.office,
    link: `${deps.webOrigin}/${locale}/pledges/${encodeURIComponent(pledge.id)}`,
    locale,
  });
  // The same footer and RFC 8058 headers as every notice, under kind 'pledge_received' (unsubscribe.ts).
  const sent = deps.unsubscribe
    ? withUnsubscribe(deps.unsubscribe, { userId: pledge.investorId, kind: 'pledge_received', locale }, mail)
    : mail;
  return { id: pledgeMailId(pledge.id), to: investor.email, ...sent };
}

/**
 * A replay's look for the pledge's email: queued with the pledge as a rule, it is queued here only if it is
 * missing (a pledge written before emails went into the pledge's transaction, or whose investor had no record then).
 */
async function queueMissingMail(deps: PaymentDeps, pledge: PledgeView): Promise<void> {
  const id = pledgeMailId(pledge.id);
  const [queued, user, project, accounts] = await Promise.all([
    deps.queue.exists(id),
    deps.money.users.get(pledge.investorId),
    deps.money.projects.get(pledge.projectId),
    deps.accounts.list(),
  ]);
  if (queued || !user || turnedOff(user, 'pledge_received')) return;
  const investor = { email: user.email, locale: user.profile.locale, displayName: user.profile.displayName };
  const options = payeeOptions(accounts, pledge, investor.locale);
  await deps.queue.enqueue(
    pledgeMail(deps, { pledge, investor, deadline: project?.deadline ?? null, options }),
    deps.money.clock.now().toISOString(),
  );
}

/**
 * Pledges (see createPledge) and emails the investor how to pay, once per pledge: the mail is keyed by the
 * pledge's id and written in the pledge's own transaction. Delivered `inline` (deps.mailDelivery, the default) it is
 * written already claimed, so this call sends it right after (one send, one mark); a retry with the same
 * Idempotency-Key (or a race of two) sends nothing new, and a retry after a failed send sends it then. Delivered by
 * `stream` it is written pending and this call sends nothing: the table's stream hands it to the mail function
 * (functions/jobs/src/mail.ts, deliverMail), which keeps it once. Card and in-kind pledges get no transfer email.
 * `emailed` is false when the mail is still waiting to be sent (always, by `stream`).
 */
export async function pledgeAndNotify(
  deps: PaymentDeps,
  actor: Actor,
  input: { projectId: string; idempotencyKey: string; request: PledgeRequest; read?: PledgeRead; club?: PledgeClub },
): Promise<{ pledge: PledgeView; created: boolean; emailed: boolean }> {
  const r = input.request;
  if (r.channel === 'card' || !r.amount) {
    const out = await createPledge(deps.money, actor, input);
    return { pledge: out.pledge, created: out.created, emailed: true };
  }
  // The accounts may come from this instance's cache: the pledge's transaction checks the ones the email lists
  // (ListedAccounts), and a round after a conflict reads them afresh, so no email names a closed account.
  const currency = r.amount.currency;
  const byStream = deps.mailDelivery === 'stream';
  const mail: PledgeMail = async (pledge, context, fresh) => {
    // No email to an account gone, or to one that turned these emails off (the pledge page shows the same details).
    if (!context.investor || (context.user && turnedOff(context.user, 'pledge_received'))) return undefined;
    const options = payeeOptions(await cachedAccounts(deps.accounts, fresh), pledge, context.investor.locale);
    const listed = { currency, accounts: options.map(({ account: a }) => ({ id: a.id, kind: a.kind, version: a.version })) };
    const queued = pledgeMail(deps, { pledge, investor: context.investor, deadline: context.project?.deadline ?? null, options });
    return { mail: queued, listed, ...(byStream ? { mailPending: true } : {}) };
  };
  const out = await createPledge(deps.money, actor, { ...input, mail });
  if (byStream) {
    // A replay queues a mail that is missing; its INSERT record reaches the mail function like a new pledge's.
    if (!out.mail) await queueMissingMail(deps, out.pledge);
    return { pledge: out.pledge, created: out.created, emailed: false };
  }
  if (out.mail)
    return {
      pledge: out.pledge,
      created: out.created,
      emailed: (await sendClaimedMail({ ...deps, clock: deps.money.clock }, out.mail)) === 'sent',
    };
  await queueMissingMail(deps, out.pledge);
  return { pledge: out.pledge, created: out.created, emailed: await deliverMail(deps, pledgeMailId(out.pledge.id)) };
}
