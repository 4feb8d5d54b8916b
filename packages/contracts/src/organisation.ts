import { z } from 'zod';
import { LocalizedTextSchema } from './locale.js';
import { SoateSchema } from './territory.js';

export const OrganisationKindSchema = z.enum(['ayil_okmotu', 'city', 'rayon_administration', 'oblast_administration']);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

export const OrganisationStatusSchema = z.enum(['pending', 'approved', 'rejected']);
export type OrganisationStatus = z.infer<typeof OrganisationStatusSchema>;

/** A local government bound to its territory; officers are its members. What anyone may see. */
export const OrganisationSchema = z
  .object({
    id: z.string(),
    name: LocalizedTextSchema,
    kind: OrganisationKindSchema,
    territorySoate: SoateSchema,
    oblastSoate: SoateSchema,
    settlement: LocalizedTextSchema.optional(),
    status: OrganisationStatusSchema,
    /** True once programme staff approved the organisation. */
    verified: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof OrganisationSchema>;

/** A local government's application to join: the applicant becomes the organisation's admin. */
export const OrganisationApplicationSchema = z
  .object({
    name: LocalizedTextSchema,
    kind: OrganisationKindSchema,
    territorySoate: SoateSchema,
    settlement: LocalizedTextSchema.optional(),
    applicantPosition: z.string().trim().min(2).max(120),
    contactPhone: z.string().regex(/^\+?[0-9 ()-]{7,20}$/, 'a phone number such as +996 555 123 456'),
    contactEmail: z.email().max(254),
  })
  .strict()
  .meta({ id: 'OrganisationApplication' });
export type OrganisationApplication = z.infer<typeof OrganisationApplicationSchema>;

export const MemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['admin', 'officer']),
  joinedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof MemberSchema>;

/** What the organisation's members and programme staff see: contacts, review outcome, members. */
export const OrganisationDetailSchema = OrganisationSchema.extend({
  applicantId: z.string().nullable(),
  applicantPosition: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  reviewReason: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  members: z.array(MemberSchema),
}).meta({ id: 'OrganisationDetail' });
export type OrganisationDetail = z.infer<typeof OrganisationDetailSchema>;

export const OrganisationListSchema = z
  .object({ items: z.array(OrganisationDetailSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'OrganisationList' });

export const ReviewDecisionSchema = z
  .object({ reason: z.string().trim().min(3).max(1000) })
  .strict()
  .meta({ id: 'ReviewDecision' });
export const ApprovalSchema = z
  .object({ reason: z.string().trim().max(1000).optional() })
  .strict()
  .meta({ id: 'Approval' });

export const InvitationRequestSchema = z
  .object({ email: z.email().max(254), locale: z.enum(['ky', 'ru', 'en']).default('ky') })
  .strict()
  .meta({ id: 'InvitationRequest' });
export const InvitationSchema = z
  .object({
    token: z.string(),
    organisationId: z.string(),
    organisationName: LocalizedTextSchema,
    email: z.string(),
    expiresAt: z.iso.datetime(),
    acceptedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof InvitationSchema>;
