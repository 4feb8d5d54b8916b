import { z } from 'zod';
import { MatchOneSomSchema } from './matching.js';
import { ProjectSummarySchema } from './project.js';
import { text } from './text.js';

/**
 * A card of discovery's list (GET /v1/projects): the project's summary and, while it raises money, what one som
 * of a donation becomes where programmes co-finance it today ("1 som becomes 2 som"; null when none does). The
 * rule is the recommendations' own (packages/domain/src/cofinancing.ts, cofinancedOneSom).
 */
export const ProjectListItemSchema = ProjectSummarySchema.extend({ oneSom: MatchOneSomSchema.nullable() }).meta({ id: 'ProjectListItem' });
export type ProjectListItem = z.infer<typeof ProjectListItemSchema>;

export const ProjectListSchema = z
  .object({ items: z.array(ProjectListItemSchema), nextCursor: text().nullable() })
  .meta({ id: 'ProjectList' });
export type ProjectList = z.infer<typeof ProjectListSchema>;

/**
 * An organisation's projects as anyone may see them (GET /v1/organisations/{id}/published-projects): published or
 * later only, newest first. A page may hold fewer than asked (its drafts are read and left out); follow `nextCursor`.
 */
export const OrganisationProjectListSchema = z
  .object({ items: z.array(ProjectSummarySchema), nextCursor: text().nullable() })
  .meta({ id: 'OrganisationProjectList' });
export type OrganisationProjectList = z.infer<typeof OrganisationProjectListSchema>;
