import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type Locale, type NotificationKind } from '@mekendesh/contracts';

/**
 * One-click unsubscribe links (issue 12, RFC 8058): a token names one person and one email kind and is signed, so
 * a link turns off that kind for that person only and cannot be made up for someone else. Nothing is stored: the
 * signature is checked again when the link is used.
 */

/** What a valid token says: whose email of which kind to stop. */
export interface UnsubscribeSubject {
  userId: string;
  kind: NotificationKind;
}

/** The label the unsubscribe key is derived under, so it differs from the cursor key made from the same secret. */
const KEY_LABEL = 'mekendesh unsubscribe links v1';

/**
 * The key unsubscribe tokens are signed with: HMAC-SHA256(secret, label), from the deployment's CURSOR_SECRET (or the
 * per-process one locally), so one secret serves both without a cursor signature ever passing as a token.
 * @example const key = unsubscribeKey(db.cursorSecret) // 32 bytes
 */
export function unsubscribeKey(secret: string): Buffer {
  return createHmac('sha256', secret).update(KEY_LABEL).digest();
}

function signature(key: Buffer, userId: string, kind: string): Buffer {
  return createHmac('sha256', key).update(`${userId}\n${kind}`).digest();
}

/** User ids are Cognito subs or ULIDs: no dots, nothing a URL path must escape. */
const USER_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** An HMAC-SHA256 (32 bytes) in unpadded base64url: 43 characters, the last carrying 4 bits and 2 unused ones. */
const SIGNATURE_LENGTH = 43;

/**
 * The signature's bytes when `sig` is exactly how unsubscribeToken spells them, else undefined. Node's decoder ignores
 * the last character's 2 unused bits, padding and characters outside the alphabet, so without the re-encoding check
 * one link had four (or more) spellings that all worked: each must be the one token a mail was sent with.
 */
function signatureBytes(sig: string): Buffer | undefined {
  if (sig.length !== SIGNATURE_LENGTH) return undefined;
  const bytes = Buffer.from(sig, 'base64url');
  return bytes.toString('base64url') === sig ? bytes : undefined;
}

/**
 * The token of a link that turns `kind` off for `userId`: `<userId>.<kind>.<signature, base64url>` (URL-safe).
 * @example unsubscribeToken(key, { userId: 'u-1', kind: 'digest' }) // 'u-1.digest.Xk3…'
 */
export function unsubscribeToken(key: Buffer, subject: UnsubscribeSubject): string {
  return `${subject.userId}.${subject.kind}.${signature(key, subject.userId, subject.kind).toString('base64url')}`;
}

/**
 * Reads a token back: its person and kind when the signature matches (compared in constant time), else undefined
 * (malformed, an unknown kind, forged, or the signature spelt any other way than the 43 characters it was issued as).
 */
export function verifyUnsubscribeToken(key: Buffer, token: string): UnsubscribeSubject | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [userId, kind, sig] = parts as [string, string, string];
  if (!USER_ID.test(userId) || !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return undefined;
  const given = signatureBytes(sig);
  const expected = signature(key, userId, kind);
  if (!given || given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { userId, kind: kind as NotificationKind };
}

/** Where unsubscribe links point and what signs them (composition: the key from CURSOR_SECRET, the origins from the environment). */
export interface UnsubscribeLinks {
  key: Buffer;
  /** The web app's origin: the preferences page and the human unsubscribe page (which asks before it acts). */
  webOrigin: string;
  /** The API's public origin: the List-Unsubscribe URL a mail provider posts to (RFC 8058), with no cookies or Origin. */
  apiOrigin: string;
}

/** Each kind's name in an email footer, in the reader's language (the web pages say the same from web/messages/notifications:
 * notification-kind-names.test.ts keeps the two identical, so a footer names a kind as the settings page does). */
export const NOTIFICATION_KIND_NAMES: Record<Locale, Record<NotificationKind, string>> = {
  ky: {
    digest: 'Жумалык жаңылыктар',
    home_project: 'Туулган жериңиздеги жаңы долбоорлор',
    pledge_received: 'Салым катталды',
    payment_received: 'Төлөм келди',
    match_added: 'Кошумча каржылоо кошулду',
    project_funded: 'Долбоор каржыланды',
    refund: 'Акча кайтарылды',
    answer: 'Сурооңузга жооп',
    project_update: 'Долбоордун жаңылыктары',
    new_question: 'Долбоорго жаңы суроо',
    pledge_message: 'Салым менен келген билдирүүлөр',
    staff_decision: 'Программанын чечимдери',
  },
  ru: {
    digest: 'Еженедельная сводка',
    home_project: 'Новые проекты в родном районе',
    pledge_received: 'Взнос записан',
    payment_received: 'Платёж получен',
    match_added: 'Добавлено софинансирование',
    project_funded: 'Проект профинансирован',
    refund: 'Возврат денег',
    answer: 'Ответ на ваш вопрос',
    project_update: 'Новости проектов',
    new_question: 'Новый вопрос о проекте',
    pledge_message: 'Сообщения к взносам',
    staff_decision: 'Решения программы',
  },
  en: {
    digest: 'Weekly digest',
    home_project: 'New projects in your home district',
    pledge_received: 'Pledge recorded',
    payment_received: 'Payment received',
    match_added: 'Co-financing added',
    project_funded: 'Project funded',
    refund: 'Refunds',
    answer: 'Answers to your questions',
    project_update: 'Updates on projects you funded',
    new_question: 'New questions on your projects',
    pledge_message: 'Messages with pledges',
    staff_decision: 'Programme decisions',
  },
};

const FOOTER = {
  ky: (name: string, stop: string, prefs: string) =>
    `Бул кат «${name}» түрүндөгү каттарга кирет. Мындай каттарды токтотуу: ${stop}\nКаттардын жөндөөлөрү: ${prefs}`,
  ru: (name: string, stop: string, prefs: string) =>
    `Это письмо из рассылки «${name}». Отписаться от таких писем: ${stop}\nНастройки писем: ${prefs}`,
  en: (name: string, stop: string, prefs: string) =>
    `This email is one of your "${name}" emails. Stop these emails: ${stop}\nEmail settings: ${prefs}`,
} satisfies Record<Locale, unknown>;

/**
 * What every notice's email carries for its kind (issue 12): a footer in the reader's language with the unsubscribe
 * page (a GET that only asks) and the preferences page, and the RFC 8058 headers whose URL the mail provider posts
 * `List-Unsubscribe=One-Click` to (the API, POST /v1/unsubscribe/{token}).
 * @example withUnsubscribe(links, { userId: 'u-1', kind: 'refund', locale: 'en' }, { subject, text }) // { subject, text + footer, headers }
 */
export function withUnsubscribe(
  links: UnsubscribeLinks,
  to: UnsubscribeSubject & { locale: Locale },
  mail: { subject: string; text: string },
): { subject: string; text: string; headers: Record<string, string> } {
  const token = unsubscribeToken(links.key, to);
  const stop = `${links.webOrigin}/${to.locale}/unsubscribe?t=${token}`;
  const prefs = `${links.webOrigin}/${to.locale}/account/notifications`;
  const footer = FOOTER[to.locale](NOTIFICATION_KIND_NAMES[to.locale][to.kind], stop, prefs);
  return {
    subject: mail.subject,
    text: `${mail.text}\n\n-- \n${footer}\n`,
    headers: { 'List-Unsubscribe': `<${links.apiOrigin}/v1/unsubscribe/${token}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
