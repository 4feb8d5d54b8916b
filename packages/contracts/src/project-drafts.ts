import { z } from 'zod';
import { queryInt, uniqueList } from './input-rules.js';
import { prose, text, TEXT_LIMITS } from './text.js';
import { LOCALES, localizedLine, localizedProse } from './locale.js';
import { SoateSchema } from './territory.js';
import {
  FundingModelSchema,
  PledgeTypeSchema,
  ProjectKindSchema,
  ProjectStatusSchema,
  ProjectSummarySchema,
  SectorSchema,
} from './project.js';
import { AttachmentKeySchema } from './attachment.js';
import { MAX_GOAL_TYIYN, minorUnits } from './money-limits.js';

/** Goal, shares, tranches and minimum pledge, tyiyn: each at most a goal's maximum (money-limits.ts). */
const Tyiyn = minorUnits(MAX_GOAL_TYIYN);

export const MilestoneInputSchema = z
  .object({
    id: text()
      .max(40)
      .regex(/^[a-z0-9-]{1,40}$/)
      .optional(),
    title: localizedLine(TEXT_LIMITS.title),
    dueDate: z.iso.date(),
    tranche: Tyiyn,
  })
  .strict();

const draftFields = {
  /** Markdown, stored as written; rendered through @mekendesh/markdown. */
  title: localizedLine(TEXT_LIMITS.title),
  summary: localizedProse(TEXT_LIMITS.summary),
  description: localizedProse(TEXT_LIMITS.markdownBody),
  /** The oblast-level unit; may be left out when a rayon is given or the organisation covers one oblast. */
  oblastSoate: SoateSchema.optional(),
  rayonSoate: SoateSchema.nullable().optional(),
  settlement: localizedLine(TEXT_LIMITS.settlement).nullable().optional(),
  sector: SectorSchema,
  kind: ProjectKindSchema,
  /** KGS tyiyn (1 som = 100 tyiyn). */
  goal: Tyiyn.positive(),
  fundingPlan: z.object({ diaspora: Tyiyn, municipality: Tyiyn, cofinancing: Tyiyn, otherDonors: Tyiyn }).strict(),
  pledgeTypes: uniqueList(PledgeTypeSchema, 4).min(1),
  minimumPledge: Tyiyn.positive(),
  deadline: z.iso.date(),
  fundingModel: FundingModelSchema,
  beneficiaries: z.number().int().nonnegative().max(10_000_000),
  jobs: z.number().int().nonnegative().max(100_000),
  milestones: z.array(MilestoneInputSchema).min(1).max(20),
  /** The key of an attached photo to show first. */
  coverPhoto: AttachmentKeySchema.nullable().optional(),
};

type DraftShape = z.infer<z.ZodObject<typeof draftFields>>;

/** The sums that must hold, reported on the field a person has to fix. */
function checkSums(d: DraftShape, ctx: z.RefinementCtx) {
  const plan = d.fundingPlan.diaspora + d.fundingPlan.municipality + d.fundingPlan.cofinancing + d.fundingPlan.otherDonors;
  if (plan !== d.goal) {
    ctx.addIssue({ code: 'custom', path: ['fundingPlan'], message: `the shares add up to ${plan}, not to the goal ${d.goal}` });
  }
  const tranches = d.milestones.reduce((sum, m) => sum + m.tranche, 0);
  if (tranches !== d.goal) {
    ctx.addIssue({ code: 'custom', path: ['milestones'], message: `the tranches add up to ${tranches}, not to the goal ${d.goal}` });
  }
  if (d.minimumPledge > d.goal) ctx.addIssue({ code: 'custom', path: ['minimumPledge'], message: 'cannot exceed the goal' });
  for (const field of ['summary', 'description'] as const) {
    for (const l of LOCALES) {
      if (d.title[l] !== undefined && d[field][l] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field, l], message: `the title is in ${l}, so this text must be too` });
      }
    }
  }
  const ids = d.milestones.map((m) => m.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'milestone ids must differ' });
}

/**
 * A proposal as an officer writes it. Strict: status, money raised, owner and version are the platform's,
 * never the client's. The funding plan and the milestones' tranches must each add up to the goal.
 */
export const ProjectDraftSchema = z.object(draftFields).strict().superRefine(checkSums).meta({ id: 'ProjectDraft' });
export type ProjectDraft = z.infer<typeof ProjectDraftSchema>;

/** A whole new text of a proposal; the version it was based on comes here or in If-Match. */
export const ProjectUpdateSchema = z
  .object({ ...draftFields, version: z.number().int().positive().optional() })
  .strict()
  .superRefine(checkSums)
  .meta({ id: 'ProjectUpdate' });
export type ProjectUpdate = z.infer<typeof ProjectUpdateSchema>;

export const ReviewDecisionKindSchema = z.enum(['approve', 'reject', 'request_changes']);
export const ProjectReviewSchema = z
  .object({ decision: ReviewDecisionKindSchema, reason: prose(TEXT_LIMITS.reason).optional() })
  .strict()
  .meta({ id: 'ProjectReview' });
export type ProjectReview = z.infer<typeof ProjectReviewSchema>;

/** Moves after publication (and cancelling), each allowed only from where the lifecycle allows it. */
export const ProjectStatusChangeSchema = z
  .object({ to: z.enum(['funded', 'in_progress', 'completed', 'cancelled']), reason: prose(TEXT_LIMITS.reason, { min: 3 }) })
  .strict()
  .meta({ id: 'ProjectStatusChange' });
export type ProjectStatusChange = z.infer<typeof ProjectStatusChangeSchema>;

export const SubmissionSchema = z
  .object({ note: prose(TEXT_LIMITS.reason).optional() })
  .strict()
  .meta({ id: 'Submission' });

const page = { limit: queryInt({ min: 1, max: 50, default: 20 }), cursor: text().max(1024).optional() };

export const StaffProjectQueueQuerySchema = z.object({ status: ProjectStatusSchema.default('submitted'), ...page }).strict();
export type StaffProjectQueueQuery = z.infer<typeof StaffProjectQueueQuerySchema>;
export const OrganisationProjectsQuerySchema = z.object(page).strict();

/** A project in a staff queue or an organisation's own list, with how long it has waited in its state. */
export const ProjectQueueItemSchema = ProjectSummarySchema.extend({
  statusChangedAt: z.iso.datetime().nullable(),
  statusReason: text().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  waitingSeconds: z.number().int().nonnegative(),
}).meta({ id: 'ProjectQueueItem' });
export type ProjectQueueItem = z.infer<typeof ProjectQueueItemSchema>;

export const ProjectQueueSchema = z
  .object({ items: z.array(ProjectQueueItemSchema), nextCursor: text().nullable() })
  .meta({ id: 'ProjectQueue' });
export type ProjectQueue = z.infer<typeof ProjectQueueSchema>;
