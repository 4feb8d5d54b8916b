import { createHash } from 'node:crypto';
import type { PublicLedger, PublicLedgerEntry } from '@mekendesh/contracts';
import { notFound } from './errors.js';
import { isPublic } from './lifecycle.js';
import type { LedgerEntry } from './money-ports.js';
import type { Page, ProjectRepository } from './ports.js';

/** Where a project's ledger is read from; packages/db reads the project's ledger partition, newest first. */
export interface LedgerReader {
  listProjectLedger(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<LedgerEntry>>;
}

/** The amount an entry moved, by its kind: the one running total it is about. */
function amountOf(entry: LedgerEntry): number {
  const d = entry.deltas;
  switch (entry.kind) {
    case 'pledged':
      return d.pledged;
    case 'received':
    case 'opening':
      // Money in from any funder: diaspora (raised), the municipality's own budget, other donors.
      return d.raised + d.municipality + d.otherDonors;
    case 'matched':
      return d.matched;
    case 'refunded':
      return d.refunded;
    case 'released':
      return d.released;
    case 'disbursed':
      return d.disbursed;
  }
}

/** Entry ids are built from pledge ids; the public sees a stable digest that points at nothing. */
function publicId(entry: LedgerEntry): string {
  return createHash('sha256').update(`${entry.projectId}/${entry.id}`).digest('base64url').slice(0, 22);
}

export function publicEntry(entry: LedgerEntry): PublicLedgerEntry {
  return {
    id: publicId(entry),
    at: entry.at,
    kind: entry.kind,
    funder: entry.funder,
    amountKgs: amountOf(entry),
    original: entry.original,
    programmeId: entry.programmeId,
    publicName: entry.publicName,
    // Only spending says what it paid for; entries from before issue 13 have no purpose.
    purpose: entry.kind === 'disbursed' ? (entry.purpose ?? null) : null,
  };
}

type SplitFunder = NonNullable<PublicLedgerEntry['split']>[number]['funder'];

/** The disbursement an entry belongs to: its entries are `<disbursementId>-<funder>` (disbursements.ts), written together. */
const disbursementOf = (e: LedgerEntry) => (e.kind === 'disbursed' ? e.id.slice(0, e.id.length - e.funder.length - 1) : null);

/**
 * One public line per disbursement: its per-funder entries (adjacent on a page: one booking, one `at`) become one entry
 * with the whole amount and the funder split beside it (issue 13 review 6: three lines of fractions, each "name not
 * shown"). A disbursement cut by a page boundary shows as a line on each page; the amounts still add up.
 */
export function publicEntries(entries: readonly LedgerEntry[]): PublicLedgerEntry[] {
  const out: PublicLedgerEntry[] = [];
  let group: string | null = null;
  for (const entry of entries) {
    const id = disbursementOf(entry);
    const last = out.at(-1);
    const share = { funder: entry.funder as SplitFunder, amountKgs: amountOf(entry) };
    if (id !== null && id === group && last?.split) {
      last.amountKgs += share.amountKgs;
      last.split = [...last.split, share].sort((a, b) => b.amountKgs - a.amountKgs);
      continue;
    }
    group = id;
    const shown = publicEntry(entry);
    out.push(id === null ? shown : { ...shown, id: publicId({ ...entry, id }), publicName: null, split: [share] });
  }
  return out;
}

/**
 * A public project's ledger, a bounded page at a time. Nothing identifies an investor but the name they
 * chose to show; pledge and receipt ids stay private.
 */
export async function getPublicLedger(
  deps: { projects: ProjectRepository; ledger: LedgerReader },
  input: { projectId: string; limit: number; cursor?: string },
): Promise<PublicLedger> {
  const project = await deps.projects.get(input.projectId);
  if (!project || !isPublic(project.status)) throw notFound('project');
  const page = await deps.ledger.listProjectLedger(input);
  return { items: publicEntries(page.items), nextCursor: page.nextCursor };
}
