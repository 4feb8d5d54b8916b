import {
  formatDay,
  formatMoney,
  type AuditEntry,
  type Locale,
  type Pledge,
  type ProjectStatus,
  type RefundDue,
  type RefundDueList,
  type RefundPaidRequest,
} from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import type { UserRecord } from './account-ports.js';
import { bishkekToday } from './bishkek-calendar.js';
import { conflictIn, invalid } from './errors.js';
import { bookingProject } from './money-ports.js';
import type { MoneyDeps } from './money-deps.js';
import { bookFresh } from './money-commit.js';
import type { Notice } from './notification-ports.js';
import { notifyAfterCommit } from './notifications.js';
import type { Page } from './ports.js';
import { authorize } from './policy.js';

/**
 * Refunded transfer pledges whose received money is still owed back (pledge gsi4 REFUNDDUE, oldest first), each
 * with its investor's user record (undefined: account deleted) and its project's status; one bounded page.
 */
export interface RefundsDueStore {
  list(input: {
    limit: number;
    cursor?: string;
  }): Promise<Page<{ pledge: Pledge; investor: UserRecord | undefined; projectStatus?: ProjectStatus }>>;
}

export const REFUND_ALREADY_PAID = {
  ky: 'Бул салымдын акчасы кайтарылды деп мурун белгиленген',
  ru: 'Возврат по этому взносу уже отмечен выплаченным',
  en: "This pledge's refund was already marked paid",
} as const;
export const REFUND_NOT_OWED = {
  ky: 'Бул салым боюнча кайтарыла турган акча жок',
  ru: 'По этому взносу нечего возвращать',
  en: 'Nothing is owed back on this pledge',
} as const;

/** A pledge's money owed back as staff read it: the pledge, its investor's details, why. */
function refundDueOf(row: { pledge: Pledge; investor: UserRecord | undefined; projectStatus?: ProjectStatus }): RefundDue {
  const { pledge, investor } = row;
  return {
    pledgeId: pledge.id,
    paymentReference: pledge.paymentReference,
    channel: pledge.channel,
    received: pledge.received ?? { amount: pledge.receivedKgs, currency: 'KGS' },
    receivedKgs: pledge.receivedKgs,
    projectId: pledge.projectId,
    projectTitle: pledge.projectTitle,
    why: row.projectStatus === 'expired' ? 'expired' : 'refunded',
    owedSince: pledge.updatedAt,
    investor: {
      id: pledge.investorId,
      deleted: investor === undefined,
      displayName: investor?.profile.displayName ?? null,
      email: investor?.email ?? null,
      residenceCountry: investor?.profile.residenceCountry ?? null,
      locale: investor?.profile.locale ?? null,
    },
  };
}

/** Staff's "refunds to pay" queue (GET /v1/staff/refunds), oldest first, one bounded page; 403 for anyone else. */
export async function listRefundsDue(
  deps: { refundsDue: RefundsDueStore },
  actor: Actor,
  q: { limit: number; cursor?: string | undefined },
): Promise<RefundDueList> {
  authorize(actor, { action: 'money:manage' });
  const page = await deps.refundsDue.list({ limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) });
  return { items: page.items.map(refundDueOf), nextCursor: page.nextCursor };
}

const PAID_WORDS: Record<Locale, { subject: (p: string) => string; text: (a: string, d: string, p: string) => string; page: string }> = {
  ky: {
    subject: (p) => `Мекендеш: «${p}» боюнча акчаңыз кайтарылды`,
    text: (a, d, p) => `«${p}» долбооруна берилген ${a} сизге ${d} кайтарылып жөнөтүлдү.`,
    page: 'Салымыңыздын барагы',
  },
  ru: {
    subject: (p) => `Мекендеш: деньги по «${p}» возвращены`,
    text: (a, d, p) => `${a}, внесённые в проект «${p}», отправлены вам обратно ${d}.`,
    page: 'Страница взноса',
  },
  en: {
    subject: (p) => `Mekendesh: your money for "${p}" was sent back`,
    text: (a, d, p) => `The ${a} you gave to "${p}" was sent back to you on ${d}.`,
    page: 'Your pledge',
  },
};

/** The investor's notice that their money was sent back (kind `refund`, about `refund-paid-<pledge id>`: once). */
export function refundPaidNotice(input: { pledge: Pledge; paidOn: string; webOrigin: string }): Notice {
  const { pledge } = input;
  const money = pledge.received ?? { amount: pledge.receivedKgs, currency: 'KGS' as const };
  return {
    kind: 'refund',
    userId: pledge.investorId,
    about: `refund-paid-${pledge.id}`,
    message: (l) => {
      const title = pledge.projectTitle[l] ?? pledge.projectTitle.ky ?? '';
      const link = `${input.webOrigin}/${l}/pledges/${encodeURIComponent(pledge.id)}`;
      const w = PAID_WORDS[l];
      return {
        subject: w.subject(title),
        text: `${w.text(formatMoney(money, l), formatDay(input.paidOn, l), title)}\n\n${w.page}: ${link}`,
      };
    },
  };
}

/**
 * Staff mark a refunded transfer pledge's money paid back (POST /v1/staff/refunds/{id}/paid): a booking with no
 * ledger entries (the money left the ledger when the pledge was refunded) that writes the pledge's next version with
 * `refundPaidAt` and the payout, so it leaves the REFUNDDUE index, and the audit entry `refund.paid`, atomically.
 * 400 on `paidOn` in the future (Bishkek); 404 no such pledge; 409 already paid or nothing owed (nothing changes).
 * The investor is told after the commit.
 */
export async function markRefundPaid(deps: MoneyDeps, actor: Actor, input: { pledgeId: string; body: RefundPaidRequest }): Promise<Pledge> {
  const staff = actor;
  authorize(staff, { action: 'money:manage' });
  const { paidOn, bankReference } = input.body;
  if (paidOn > bishkekToday(deps.clock)) throw invalid('paidOn', 'must not be in the future (Bishkek day)');
  let paid: Pledge | undefined;
  await bookFresh(deps, {
    pledgeId: input.pledgeId,
    decide: ({ pledge, project }) => {
      if (pledge.refundPaidAt) throw conflictIn(REFUND_ALREADY_PAID);
      if (pledge.status !== 'refunded' || pledge.channel === 'card' || pledge.receivedKgs <= 0) throw conflictIn(REFUND_NOT_OWED);
      const at = deps.clock.now().toISOString();
      const payout = { paidOn, bankReference, note: input.body.note ?? null };
      const next: Pledge = { ...pledge, refundPaidAt: at, refundPayout: payout, version: pledge.version + 1, updatedAt: at };
      const audit: AuditEntry = {
        id: deps.newId(),
        at,
        actorId: staff.id,
        actorRoles: [...staff.roles],
        action: 'refund.paid',
        objectType: 'pledge',
        objectId: pledge.id,
        reason: input.body.note ?? null,
        before: { refundPaidAt: null },
        after: {
          amount: pledge.received?.amount ?? null,
          currency: pledge.received?.currency ?? null,
          amountKgs: pledge.receivedKgs,
          projectId: pledge.projectId,
          paidOn,
          bankReference,
        },
      };
      paid = next;
      return {
        booking: { entries: [], project: bookingProject(project), pledge: { next, expectedVersion: pledge.version }, audit: [audit] },
        value: 'paid',
      };
    },
  });
  if (deps.notices && paid)
    await notifyAfterCommit(deps.notices.notifier, [refundPaidNotice({ pledge: paid, paidOn, webOrigin: deps.notices.webOrigin })]);
  return paid!;
}
