import {
  formatMoney,
  type Locale,
  type LocalizedText,
  type Money,
  type Pledge,
  type Project,
  type ReceiptResult,
} from '@mekendesh/contracts';
import type { MoneyStore } from './money-ports.js';
import type { Notice, Notifier } from './notification-ports.js';
import { notifyAfterCommit } from './notifications.js';

/**
 * The transactional emails of issue 12, each a Notice of its kind, sent after the change it reports was committed.
 * `about` names the booked thing (a receipt, a refund, a review's version), so a retried booking or job sends once.
 */

const pick = (t: LocalizedText, l: Locale) => t[l] ?? t.ky ?? t.ru ?? t.en ?? '';
const pledgeLink = (webOrigin: string, l: Locale, pledgeId: string) => `${webOrigin}/${l}/pledges/${encodeURIComponent(pledgeId)}`;
const projectLink = (webOrigin: string, l: Locale, projectId: string) => `${webOrigin}/${l}/projects/${encodeURIComponent(projectId)}`;

const WORDS = {
  ky: {
    paid: (p: string) => `Мекендеш: «${p}» үчүн төлөмүңүз келди`,
    paidText: (a: string, p: string) => `«${p}» долбооруна ${a} келди. Рахмат!`,
    matched: (p: string) => `Мекендеш: «${p}» үчүн берген салымыңызга кошумча каржылоо кошулду`,
    matchedText: (a: string, p: string) => `Программа сиздин салымыңызга ${a} кошту: «${p}» долбоору ошончолук көбүрөөк алат.`,
    funded: (p: string) => `Мекендеш: «${p}» долбоору каржыланды`,
    fundedText: (p: string) => `Сиз колдогон «${p}» долбоору каржыланды. Ишке ашырылышын долбоордун барагынан көрүңүз.`,
    refund: (p: string) => `Мекендеш: «${p}» боюнча акчаңыз кайтарылат`,
    refundText: (a: string, p: string) => `«${p}» долбооруна берилген ${a} сизге кайтарылат.`,
    page: 'Барак',
  },
  ru: {
    paid: (p: string) => `Мекендеш: платёж для «${p}» получен`,
    paidText: (a: string, p: string) => `Мы получили ${a} для проекта «${p}». Спасибо!`,
    matched: (p: string) => `Мекендеш: к вашему вкладу в «${p}» добавлено софинансирование`,
    matchedText: (a: string, p: string) => `Программа добавила ${a} к вашему вкладу: проект «${p}» получит на столько больше.`,
    funded: (p: string) => `Мекендеш: проект «${p}» профинансирован`,
    fundedText: (p: string) => `Проект «${p}», который вы поддержали, профинансирован. Следите за ходом работ на странице проекта.`,
    refund: (p: string) => `Мекендеш: возврат денег по «${p}»`,
    refundText: (a: string, p: string) => `${a}, внесённые в проект «${p}», будут вам возвращены.`,
    page: 'Страница',
  },
  en: {
    paid: (p: string) => `Mekendesh: your payment for "${p}" has arrived`,
    paidText: (a: string, p: string) => `We received ${a} for "${p}". Thank you!`,
    matched: (p: string) => `Mekendesh: co-financing was added to your gift to "${p}"`,
    matchedText: (a: string, p: string) => `A programme added ${a} to your gift: "${p}" gets that much more.`,
    funded: (p: string) => `Mekendesh: "${p}" is funded`,
    fundedText: (p: string) => `"${p}", which you supported, is funded. Follow its progress on the project page.`,
    refund: (p: string) => `Mekendesh: a refund for "${p}"`,
    refundText: (a: string, p: string) => `The ${a} you gave to "${p}" will be returned to you.`,
    page: 'Page',
  },
} as const satisfies Record<Locale, unknown>;

const withLink = (text: string, l: Locale, link: string) => `${text}\n\n${WORDS[l].page}: ${link}`;

/**
 * The investor's notices for a booked receipt: payment received (about `receipt-<receipt id>`) and, when a programme
 * matched it, match added (about `match-<receipt id>`); amounts in the reader's language (KGS for the match).
 */
export function receiptNotices(result: ReceiptResult, webOrigin: string): Notice[] {
  const { receipt, pledge } = result;
  const title = (l: Locale) => pick(pledge.projectTitle, l);
  const link = (l: Locale) => pledgeLink(webOrigin, l, pledge.id);
  const paid: Notice = {
    kind: 'payment_received',
    userId: pledge.investorId,
    about: `receipt-${receipt.id}`,
    message: (l) => ({
      subject: WORDS[l].paid(title(l)),
      text: withLink(WORDS[l].paidText(formatMoney(receipt.amount, l), title(l)), l, link(l)),
    }),
  };
  const matchedKgs = receipt.matched.reduce((sum, m) => sum + m.amountKgs, 0);
  if (matchedKgs <= 0) return [paid];
  const match: Money = { amount: matchedKgs, currency: 'KGS' };
  return [
    paid,
    {
      kind: 'match_added',
      userId: pledge.investorId,
      about: `match-${receipt.id}`,
      message: (l) => ({
        subject: WORDS[l].matched(title(l)),
        text: withLink(WORDS[l].matchedText(formatMoney(match, l), title(l)), l, link(l)),
      }),
    },
  ];
}

/** The investor's refund notice: `amount` is what goes back; `about` names the refund (`refund-<pledge or event>`). */
export function refundNotice(input: {
  pledge: Pick<Pledge, 'id' | 'investorId' | 'projectTitle'>;
  amount: Money;
  about: string;
  webOrigin: string;
}): Notice {
  const { pledge } = input;
  return {
    kind: 'refund',
    userId: pledge.investorId,
    about: input.about,
    message: (l) => ({
      subject: WORDS[l].refund(pick(pledge.projectTitle, l)),
      text: withLink(
        WORDS[l].refundText(formatMoney(input.amount, l), pick(pledge.projectTitle, l)),
        l,
        pledgeLink(input.webOrigin, l, pledge.id),
      ),
    }),
  };
}

/** What telling a project's supporters it is funded needs: its pledges by index, a page at a time, and the notifier. */
export interface FundedNoticeDeps {
  pledges: Pick<MoneyStore, 'listProjectPledges'>;
  notifier: Notifier;
  webOrigin: string;
}

/** Pledges read per page when telling supporters (bounded reads through the project's pledge index). */
const FUNDED_PAGE = 100;

/**
 * Tells everyone who pledged to `project` (pledges not cancelled, released or refunded) that it is funded, once each:
 * the notice is about `funded-<project id>`, so a second pledge of the same person or a rerun sends nothing more.
 * Answers how many notices were sent or queued.
 */
export async function notifyProjectFunded(deps: FundedNoticeDeps, project: Pick<Project, 'id' | 'title'>): Promise<number> {
  let cursor: string | undefined;
  let count = 0;
  const seen = new Set<string>();
  do {
    const page = await deps.pledges.listProjectPledges({ projectId: project.id, limit: FUNDED_PAGE, ...(cursor ? { cursor } : {}) });
    const investors = page.items
      .filter((p) => ['pledged', 'partially_received', 'received'].includes(p.status) && !seen.has(p.investorId))
      .map((p) => (seen.add(p.investorId), p.investorId));
    const outcomes = await notifyAfterCommit(
      deps.notifier,
      investors.map((userId) => ({
        kind: 'project_funded' as const,
        userId,
        about: `funded-${project.id}`,
        message: (l: Locale) => ({
          subject: WORDS[l].funded(pick(project.title, l)),
          text: withLink(WORDS[l].fundedText(pick(project.title, l)), l, projectLink(deps.webOrigin, l, project.id)),
        }),
      })),
    );
    count += outcomes.filter((o) => o === 'sent' || o === 'queued').length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return count;
}

const DECISIONS = {
  ky: {
    approve: (p: string) => `Мекендеш: «${p}» долбоору бекитилди жана жарыяланды`,
    reject: (p: string) => `Мекендеш: «${p}» долбоору четке кагылды`,
    request_changes: (p: string) => `Мекендеш: «${p}» долбоорун оңдоо керек`,
    reason: 'Программанын түшүндүрмөсү',
  },
  ru: {
    approve: (p: string) => `Мекендеш: проект «${p}» одобрен и опубликован`,
    reject: (p: string) => `Мекендеш: проект «${p}» отклонён`,
    request_changes: (p: string) => `Мекендеш: проект «${p}» нужно доработать`,
    reason: 'Пояснение программы',
  },
  en: {
    approve: (p: string) => `Mekendesh: "${p}" is approved and published`,
    reject: (p: string) => `Mekendesh: "${p}" was rejected`,
    request_changes: (p: string) => `Mekendesh: "${p}" needs changes`,
    reason: 'What the programme says',
  },
} as const satisfies Record<Locale, unknown>;

/**
 * The officers' notice of a staff decision on their project (kind 'staff_decision'), about `review-<id>-v<version>`:
 * one per decision, however often it is retried. `reason` is the staff's own words, quoted as written.
 */
export function projectDecisionNotice(input: {
  project: Pick<Project, 'id' | 'title' | 'version'>;
  decision: 'approve' | 'reject' | 'request_changes';
  reason: string | null;
  webOrigin: string;
}): Omit<Notice, 'userId'> {
  const { project } = input;
  return {
    kind: 'staff_decision',
    about: `review-${project.id}-v${project.version}`,
    message: (l) => {
      const title = pick(project.title, l);
      const body = [DECISIONS[l][input.decision](title), ...(input.reason ? ['', `${DECISIONS[l].reason}: ${input.reason}`] : [])].join(
        '\n',
      );
      return { subject: DECISIONS[l][input.decision](title), text: withLink(body, l, projectLink(input.webOrigin, l, project.id)) };
    },
  };
}
