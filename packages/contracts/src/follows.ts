import { z } from 'zod';
import { ProjectListQuerySchema } from './discovery-query.js';
import { LocaleSchema, type LocalizedText } from './locale.js';
import { line, text } from './text.js';

/** What a person can follow (issue 12): a project, an organisation, or a territory (a rayon or an oblast, by SOATE). */
export const FOLLOW_TYPES = ['project', 'organisation', 'territory'] as const;
export const FollowTypeSchema = z.enum(FOLLOW_TYPES).meta({ id: 'FollowType' });
export type FollowType = z.infer<typeof FollowTypeSchema>;

/** How a follow came about: the person asked (`manual`), or the profile named the rayon as home (`home`). */
export const FollowSourceSchema = z.enum(['manual', 'home']);
export type FollowSource = z.infer<typeof FollowSourceSchema>;

/** Follows and saved searches one person may keep (each a 409 with a message in ky/ru/en past it). */
export const FOLLOW_LIMITS = { follows: 200, savedSearches: 20, searchName: 80 } as const;

/** The path of PUT/DELETE /v1/me/follows/{type}/{id}. */
export const FollowParamsSchema = z.object({ type: FollowTypeSchema, id: text().max(64) });

/**
 * A saved search's filters and words: exactly the discovery query (ProjectListQuerySchema) without paging, so a
 * saved search opens as the projects page would with the same URL. Stored normalised (defaults filled, NFC words).
 */
export const SavedQuerySchema = ProjectListQuerySchema.omit({ limit: true, cursor: true }).meta({ id: 'SavedQuery' });
export type SavedQuery = z.infer<typeof SavedQuerySchema>;

/** POST /v1/me/saved-searches: the query, and a name (defaulted from the filters when left out). */
export const SaveSearchRequestSchema = z
  .object({ name: line(FOLLOW_LIMITS.searchName).optional(), query: SavedQuerySchema })
  .strict()
  .meta({ id: 'SaveSearchRequest' });
export type SaveSearchRequest = z.infer<typeof SaveSearchRequestSchema>;

/** A followed thing with its name in each language it has (territories in all three; projects and organisations as written). */
export const FollowViewSchema = z
  .object({
    type: FollowTypeSchema,
    id: text(),
    source: FollowSourceSchema,
    followedAt: z.iso.datetime(),
    /** null when the thing is gone or hidden (a project no longer public, an organisation no longer approved): the follow can still be removed. */
    name: z.partialRecord(LocaleSchema, z.string()).nullable(),
  })
  .meta({ id: 'Follow' });
export type FollowView = Omit<z.infer<typeof FollowViewSchema>, 'name'> & { name: LocalizedText | null };

export const SavedSearchSchema = z
  .object({ id: text(), name: z.string(), query: SavedQuerySchema, savedAt: z.iso.datetime() })
  .meta({ id: 'SavedSearch' });
export type SavedSearch = z.infer<typeof SavedSearchSchema>;

/** GET /v1/me/follows: everything one person follows and their saved searches (bounded by FOLLOW_LIMITS). */
export const MyFollowsSchema = z
  .object({ follows: z.array(FollowViewSchema), searches: z.array(SavedSearchSchema) })
  .meta({ id: 'MyFollows' });
export type MyFollows = { follows: FollowView[]; searches: SavedSearch[] };
