import { notifyAfterCommit } from './notifications.js';
import { refundNotice } from './transactional-notices.js';
import type { AuditEntry, Pledge, Project } from '@mekendesh/contracts';
import { bookingProject, type Booking, type LedgerEntry, type Reservation } from './money-ports.js';
import type { MoneyDeps } from './money-deps.js';
import { bookFresh } from './money-commit.js';
import { deltas } from './pledge-rules.js';
import type { ProjectDeps } from './project-ports.js';
import { settleDeadlines } from './vetting.js';

/**
 * Whether a project's pledges go back: it expired, i.e. its deadline passed short of an all-or-nothing goal
 * (or with nothing raised); settleDeadlines (vetting.ts) makes that transition.
 */
export function pledgesGoBack(project: Pick<Project, 'status'>): boolean {
  return project.status === 'expired';
}

/** Entries that undo a pledge: released if no money came, refunded (with its matches given back) if some did. */
function undoEntries(
  pledge: Pledge,
  project: Project,
  at: string,
): { entries: LedgerEntry[]; reservations: Reservation[]; status: Pledge['status'] } {
  const base = {
    at,
    projectId: project.id,
    oblastSoate: project.oblastSoate,
    country: pledge.investorCountry ?? null,
    pledgeId: pledge.id,
    receiptId: null,
    original: null,
    publicName: null,
  };
  if (pledge.receivedKgs === 0) {
    return {
      status: 'released',
      reservations: [],
      entries: [
        {
          ...base,
          id: `${pledge.id}-x`,
          kind: 'released',
          programmeId: null,
          funder: 'diaspora',
          deltas: deltas({ pledged: -pledge.amountKgs, released: pledge.amountKgs }),
        },
      ],
    };
  }
  const matched = Object.entries(pledge.matchedBy).filter(([, amount]) => amount > 0);
  return {
    status: 'refunded',
    reservations: matched.map(([programmeId, amount]) => ({ programmeId, amount: -amount, budget: 0, capPerProject: 0 })),
    entries: [
      {
        ...base,
        id: `${pledge.id}-x`,
        kind: 'refunded',
        programmeId: null,
        funder: 'diaspora',
        deltas: deltas({ pledged: -pledge.amountKgs, raised: -pledge.receivedKgs, refunded: pledge.receivedKgs }),
      },
      ...matched.map(([programmeId, amount], i): LedgerEntry => ({
        ...base,
        id: `${pledge.id}-x-m${i}`,
        kind: 'matched',
        programmeId,
        funder: 'programme',
        deltas: deltas({ matched: -amount }),
      })),
    ],
  };
}

/** The audit entry of a pledge given back by the deadline job (actor `system`): what was received is owed back. */
function systemRefundAudit(deps: MoneyDeps, pledge: Pledge, at: string): AuditEntry {
  return {
    id: deps.newId(),
    at,
    actorId: 'system',
    actorRoles: [],
    action: 'pledge.refund',
    objectType: 'pledge',
    objectId: pledge.id,
    reason: 'expired',
    before: { status: pledge.status },
    after: {
      status: 'refunded',
      amount: pledge.received?.amount ?? null,
      currency: pledge.received?.currency ?? null,
      amountKgs: pledge.receivedKgs,
      projectId: pledge.projectId,
    },
  };
}

/**
 * Releases or refunds every open pledge of a project that expired unfunded (all-or-nothing short of its goal), each through
 * the ledger in its own transaction (a rerun skips what is done). Returns how many of each it booked.
 * Refunds record that the money is owed back; paying it out is the payment channel's job.
 */
export async function releaseExpiredProject(deps: MoneyDeps, projectId: string): Promise<{ released: number; refunded: number }> {
  const counts = { released: 0, refunded: 0 };
  let cursor: string | undefined;
  do {
    const page = await deps.money.listProjectPledges({ projectId, limit: 50, cursor });
    for (const open of page.items.filter((p) => ['pledged', 'partially_received', 'received'].includes(p.status))) {
      const out = await bookFresh(deps, {
        pledgeId: open.id,
        decide: ({ pledge, project }) => {
          if (!['pledged', 'partially_received', 'received'].includes(pledge.status)) return { skip: null };
          if (!pledgesGoBack(project)) return { skip: null };
          const at = deps.clock.now().toISOString();
          const undo = undoEntries(pledge, project, at);
          const booking: Booking = {
            entries: undo.entries,
            reservations: undo.reservations,
            project: bookingProject(project),
            pledge: {
              next: { ...pledge, status: undo.status, version: pledge.version + 1, updatedAt: at },
              expectedVersion: pledge.version,
            },
            ...(undo.status === 'refunded' ? { audit: [systemRefundAudit(deps, pledge, at)] } : {}),
          };
          return { booking, value: undo.status };
        },
      });
      if (out.kind === 'booked' && out.value) counts[out.value === 'released' ? 'released' : 'refunded'] += 1;
      // Money received is owed back: tell the investor once (about the pledge: a rerun books and sends nothing).
      if (out.kind === 'booked' && out.value === 'refunded' && open.received && deps.notices) {
        const notice = refundNotice({ pledge: open, amount: open.received, about: `refund-${open.id}`, webOrigin: deps.notices.webOrigin });
        await notifyAfterCommit(deps.notices.notifier, [notice]);
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return counts;
}

/**
 * The scheduled deadline job: settles published projects past their deadline (funded or expired, see
 * settleDeadlines), then gives back the pledges of every expired project through the ledger. Safe to rerun:
 * settled projects and settled pledges are skipped.
 * @example await runDeadlineJob({ projects: deps.projectDeps, money: deps.money }) // daily, and `pnpm jobs:deadlines`
 */
export async function runDeadlineJob(deps: {
  projects: ProjectDeps;
  money: MoneyDeps;
}): Promise<{ expired: number; funded: number; released: number; refunded: number }> {
  const out = { expired: 0, funded: 0, released: 0, refunded: 0 };
  for (let round = 0; round < 100; round++) {
    const r = await settleDeadlines(deps.projects);
    out.expired += r.expired;
    out.funded += r.funded;
    if (r.settled === 0) break;
  }
  let cursor: string | undefined;
  do {
    const page = await deps.projects.projects.listOldestInStatus({ status: 'expired', limit: 50, cursor });
    for (const project of page.items) {
      const r = await releaseExpiredProject(deps.money, project.id);
      out.released += r.released;
      out.refunded += r.refunded;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
