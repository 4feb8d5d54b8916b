import type { NamedSupporters, Project, ProjectFunds } from '@mekendesh/contracts';
import { notFound } from './errors.js';
import { isPublic } from './lifecycle.js';
import type { LedgerDeltas } from './money-ports.js';
import type { Page, ProjectRepository } from './ports.js';

/** The running totals a project item carries beside its fields (money-transaction.ts ADDs every booking's deltas). */
export type ProjectTotals = Partial<Pick<LedgerDeltas, 'matched' | 'municipality' | 'otherDonors' | 'disbursed'>> &
  Partial<Pick<LedgerDeltas, 'spentDiaspora' | 'spentProgramme' | 'spentMunicipality' | 'spentOther'>>;

const n = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * A project's money per funder type (issue 13, public transparency), KGS tyiyn, from its running totals: diaspora
 * money received is `raised`, the programme's is `matched` (planned as the plan's `cofinancing` share), and each
 * funder's `spent` is its share of the disbursements (`spent*`, which add up to `disbursed`). Totals missing on
 * items from before issue 13 count as 0. `available` = received − disbursed, as the project item keeps it.
 * @example projectFunds({ ...p, raised: 500_00, matched: 500_00, disbursed: 300_00, spentDiaspora: 300_00 }).available // 700_00
 */
export function projectFunds(project: Pick<Project, 'raised' | 'fundingPlan'> & ProjectTotals): ProjectFunds {
  const plan = project.fundingPlan;
  const byFunder = {
    diaspora: { planned: plan.diaspora, received: n(project.raised), spent: n(project.spentDiaspora) },
    municipality: { planned: plan.municipality, received: n(project.municipality), spent: n(project.spentMunicipality) },
    programme: { planned: plan.cofinancing, received: n(project.matched), spent: n(project.spentProgramme) },
    otherDonors: { planned: plan.otherDonors, received: n(project.otherDonors), spent: n(project.spentOther) },
  };
  const received = Object.values(byFunder).reduce((s, f) => s + f.received, 0);
  const spent = n(project.disbursed);
  return { byFunder, received, spent, available: received - spent };
}

/** The project as the public reads it: with `funding` when it is in a public state (drafts have no money to show). */
export function withPublicFunds<P extends Project>(project: P): Project {
  if (!isPublic(project.status)) return project;
  return { ...project, funding: projectFunds(project as P & ProjectTotals) };
}

/** Where a project's named supporters are read (packages/db: the Supporter markers' sparse index, newest first). */
export interface NamedSupporterReader {
  listNamedSupporters(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<{ name: string; since: string }>>;
}

/**
 * A public project's supporters who chose to be shown by name (pledge display 'name'; a club pledge shows its club),
 * a bounded page at a time; anonymous supporters are never listed, a deleted account's name is gone (public-traces.ts).
 * Errors: not_found when the project is missing or not public.
 */
export async function getNamedSupporters(
  deps: { projects: ProjectRepository; supporters: NamedSupporterReader },
  input: { projectId: string; limit: number; cursor?: string },
): Promise<NamedSupporters> {
  const project = await deps.projects.get(input.projectId);
  if (!project || !isPublic(project.status)) throw notFound('project');
  const page = await deps.supporters.listNamedSupporters(input);
  return { items: page.items, nextCursor: page.nextCursor };
}
