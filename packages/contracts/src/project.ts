import { z } from 'zod';
import { text, TEXT_LIMITS } from './text.js';
import { LocaleSchema, localizedLine, localizedProse } from './locale.js';
import { SoateSchema } from './territory.js';
import { AttachmentSchema } from './attachment.js';
import { ProjectFundsSchema } from './funding-figures.js';

export const SECTORS = [
  'education',
  'health',
  'water',
  'roads',
  'agriculture',
  'energy',
  'tourism',
  'culture',
  'environment',
  'digital',
  'business',
] as const;
export const SectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof SectorSchema>;

export const ProjectKindSchema = z.enum(['community', 'business']);
export type ProjectKind = z.infer<typeof ProjectKindSchema>;

export const PROJECT_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'published',
  'funded',
  'in_progress',
  'completed',
  'rejected',
  'cancelled',
  'expired',
] as const;
export const ProjectStatusSchema = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ProjectStatusSchema>;

/** Only these states are visible to the public. */
export const PUBLIC_STATUSES: readonly ProjectStatus[] = ['published', 'funded', 'in_progress', 'completed'];

export const PledgeTypeSchema = z.enum(['donation', 'loan', 'equity', 'in_kind']);
export type PledgeType = z.infer<typeof PledgeTypeSchema>;
export const FundingModelSchema = z.enum(['keep_what_is_raised', 'all_or_nothing']);

/** Shares of the goal in KGS tyiyn; they add up to the goal. */
export const FundingPlanSchema = z
  .object({
    diaspora: z.number().int().nonnegative(),
    municipality: z.number().int().nonnegative(),
    cofinancing: z.number().int().nonnegative(),
    otherDonors: z.number().int().nonnegative(),
  })
  .strict();

export const MilestoneSchema = z.object({
  id: text(),
  title: localizedLine(TEXT_LIMITS.title),
  dueDate: z.iso.date(),
  tranche: z.number().int().nonnegative(),
});

const ProjectCore = {
  id: text(),
  slug: text(),
  status: ProjectStatusSchema,
  organisationId: text(),
  organisationName: localizedLine(TEXT_LIMITS.name),
  oblastSoate: SoateSchema,
  rayonSoate: SoateSchema.nullable(),
  settlement: localizedLine(TEXT_LIMITS.settlement).nullable(),
  title: localizedLine(TEXT_LIMITS.title),
  summary: localizedProse(TEXT_LIMITS.summary),
  languages: z.array(LocaleSchema),
  sector: SectorSchema,
  kind: ProjectKindSchema,
  /** Funding goal in KGS tyiyn (1 som = 100 tyiyn). */
  goal: z.number().int().positive(),
  /** Received so far, KGS tyiyn, from the project's running total. */
  raised: z.number().int().nonnegative(),
  pledged: z.number().int().nonnegative(),
  supporters: z.number().int().nonnegative(),
  deadline: z.iso.date(),
  publishedAt: z.iso.datetime().nullable(),
  coverUrl: text().nullable(),
};

export const ProjectSummarySchema = z.object(ProjectCore).meta({ id: 'ProjectSummary' });
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

export const ProjectSchema = z
  .object({
    ...ProjectCore,
    description: localizedProse(TEXT_LIMITS.markdownBody),
    fundingPlan: FundingPlanSchema,
    pledgeTypes: z.array(PledgeTypeSchema).min(1),
    minimumPledge: z.number().int().positive(),
    fundingModel: FundingModelSchema,
    beneficiaries: z.number().int().nonnegative(),
    jobs: z.number().int().nonnegative(),
    milestones: z.array(MilestoneSchema),
    version: z.number().int().positive(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** When the status last changed, and why (the reviewer's reason the officer sees). */
    statusChangedAt: z.iso.datetime().optional(),
    statusReason: text().nullable().optional(),
    /** When the project was last submitted for review: the review queue's waiting time counts from it. */
    submittedAt: z.iso.datetime().nullable().optional(),
    /** When the project became funded (issue 13): no disbursement is paid before that Bishkek day. */
    fundedAt: z.iso.datetime().nullable().optional(),
    /** Verified photos and documents (see project-drafts.ts); the cover is one of the photos. */
    attachments: z.array(AttachmentSchema).optional(),
    coverPhoto: text().nullable().optional(),
    /** Public projects only: money received and spent per funder type, from the running totals (issue 13). */
    funding: ProjectFundsSchema.optional(),
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof ProjectSchema>;

/** Public funding states a visitor can filter by; `raising` is a published project still taking pledges. */
export const FUNDING_STATES = ['raising', 'funded', 'in_progress', 'completed'] as const;
export const FundingStateSchema = z.enum(FUNDING_STATES);
export type FundingState = z.infer<typeof FundingStateSchema>;
/** The lifecycle status behind each funding state. */
export const FUNDING_STATE_STATUS: Readonly<Record<FundingState, ProjectStatus>> = {
  raising: 'published',
  funded: 'funded',
  in_progress: 'in_progress',
  completed: 'completed',
};

export const PROJECT_SORTS = ['newest', 'closing_soon', 'percent_funded'] as const;
export const ProjectSortSchema = z.enum(PROJECT_SORTS);
export type ProjectSort = z.infer<typeof ProjectSortSchema>;

// The discovery query (GET /v1/projects) and its rules: discovery-query.ts; its answer, ProjectListSchema: project-list.ts.
