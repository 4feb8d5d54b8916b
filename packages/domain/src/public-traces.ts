import type { Pledge } from '@mekendesh/contracts';
import { DomainError } from './errors.js';
import type { Page } from './ports.js';

/** Where one ledger entry sits: its project's ledger, its booking time and its id (packages/db builds the key). */
export interface LedgerEntryRef {
  projectId: string;
  at: string;
  id: string;
}

/**
 * What account deletion needs to find and clear an investor's public traces, by key only (no scans):
 * their pledges through the per-investor index, each pledge's named entries through its own booking times.
 */
export interface PublicTraceStore {
  /** The investor's pledges, newest first, a bounded page at a time. */
  listInvestorPledges(input: { investorId: string; limit: number; cursor?: string }): Promise<Page<Pledge>>;
  /** One pledge, read strongly consistent. */
  getPledge(id: string): Promise<Pledge | undefined>;
  /**
   * The pledge's ledger entries that still show a name: those booked when it was made and when each of
   * its receipts was booked (the only bookings that copy the pledge's `displayName`).
   */
  namedEntries(pledge: Pledge): Promise<LedgerEntryRef[]>;
  /**
   * Clears `publicName` on the entries, in transaction batches, then makes the pledge anonymous (`display`
   * 'anonymous', `displayName` null, version + 1) on condition it is still at `pledge.version`, so a receipt
   * booked meanwhile is planned again from the anonymous pledge. A changed version is a DomainError('conflict').
   */
  anonymise(input: { pledge: Pledge; entries: LedgerEntryRef[] }): Promise<void>;
}

/** Pledges read per page: small, so one page's writes stay well inside a request. */
const PAGE = 25;
/** Reads again when a booking changed the pledge meanwhile; more than this in a row is a fault. */
const ATTEMPTS = 5;

const showsName = (p: Pledge) => p.display === 'name' || p.displayName !== null;

/**
 * Makes every public trace of an investor anonymous: on each of their pledges that showed their name, the
 * ledger entries (pledged, received) lose the name and the pledge becomes anonymous, so money received
 * later is booked anonymous too. Amounts, totals and entry counts do not change (the ledger stays balanced).
 * Idempotent: a second run finds nothing named and writes nothing; a run cut short is finished by the next.
 * Bounded: pages of 25 pledges through the investor's index, each pledge's entries found by key.
 * Source of the rule: PRODUCT.md (the public ledger names investors only if they opted in; a deleted account opts in to nothing) and issue 9, fault 6.
 * @returns how many pledges and ledger entries were made anonymous
 * @example await anonymiseInvestor({ traces }, 'user-123') // { pledges: 2, entries: 3 }
 */
export async function anonymiseInvestor(
  deps: { traces: PublicTraceStore },
  investorId: string,
): Promise<{ pledges: number; entries: number }> {
  let pledges = 0;
  let entries = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.traces.listInvestorPledges({ investorId, limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const pledge of page.items.filter(showsName)) {
      entries += await anonymisePledge(deps.traces, pledge);
      pledges += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { pledges, entries };
}

async function anonymisePledge(traces: PublicTraceStore, first: Pledge): Promise<number> {
  let pledge = first;
  for (let attempt = 1; ; attempt++) {
    const named = await traces.namedEntries(pledge);
    try {
      await traces.anonymise({ pledge, entries: named });
      return named.length;
    } catch (e) {
      if (!(e instanceof DomainError && e.kind === 'conflict') || attempt >= ATTEMPTS) throw e;
      // A receipt was booked meanwhile (perhaps with the name): read the pledge again and clear that one too.
      const fresh = await traces.getPledge(pledge.id);
      if (!fresh) throw e;
      if (!showsName(fresh)) return 0;
      pledge = fresh;
    }
  }
}
