import { z } from 'zod';
import { line, prose, text, TEXT_LIMITS } from './text.js';
import { localizedLine } from './locale.js';
import { LocalizedNameSchema } from './normalise.js';
import { SoateSchema } from './territory.js';

export const OrganisationKindSchema = z.enum(['ayil_okmotu', 'city', 'rayon_administration', 'oblast_administration']);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

export const OrganisationStatusSchema = z.enum(['pending', 'approved', 'rejected']);
export type OrganisationStatus = z.infer<typeof OrganisationStatusSchema>;

/** A local government bound to its territory; officers are its members. What anyone may see. */
export const OrganisationSchema = z
  .object({
    id: text(),
    name: localizedLine(TEXT_LIMITS.name),
    kind: OrganisationKindSchema,
    territorySoate: SoateSchema,
    oblastSoate: SoateSchema,
    settlement: localizedLine(TEXT_LIMITS.settlement).optional(),
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
    /** Normalised (normalise.ts): a name of invisible characters only is refused, look-alikes stored as one. */
    name: LocalizedNameSchema,
    kind: OrganisationKindSchema,
    territorySoate: SoateSchema,
    settlement: localizedLine(TEXT_LIMITS.settlement).optional(),
    applicantPosition: line(TEXT_LIMITS.shortLine, { min: 2 }),
    contactPhone: text()
      .max(21)
      .regex(/^\+?[0-9 ()-]{7,20}$/, 'a phone number such as +996 555 123 456'),
    contactEmail: z.email().max(254),
  })
  .strict()
  .meta({ id: 'OrganisationApplication' });
export type OrganisationApplication = z.infer<typeof OrganisationApplicationSchema>;

export const MemberSchema = z.object({
  userId: text(),
  email: text(),
  displayName: text(),
  role: z.enum(['admin', 'officer']),
  joinedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof MemberSchema>;

/** What the organisation's members and programme staff see: contacts, review outcome, members. */
export const OrganisationDetailSchema = OrganisationSchema.extend({
  applicantId: text().nullable(),
  applicantPosition: text().nullable(),
  contactPhone: text().nullable(),
  contactEmail: text().nullable(),
  reviewReason: text().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  members: z.array(MemberSchema),
}).meta({ id: 'OrganisationDetail' });
export type OrganisationDetail = z.infer<typeof OrganisationDetailSchema>;

export const OrganisationListSchema = z
  .object({ items: z.array(OrganisationDetailSchema), nextCursor: text().nullable() })
  .meta({ id: 'OrganisationList' });

export const ReviewDecisionSchema = z
  .object({ reason: prose(TEXT_LIMITS.reason, { min: 3 }) })
  .strict()
  .meta({ id: 'ReviewDecision' });
export const ApprovalSchema = z
  .object({ reason: prose(TEXT_LIMITS.reason).optional() })
  .strict()
  .meta({ id: 'Approval' });

export const InvitationRequestSchema = z
  .object({ email: z.email().max(254), locale: z.enum(['ky', 'ru', 'en']).default('ky') })
  .strict()
  .meta({ id: 'InvitationRequest' });
export const InvitationSchema = z
  .object({
    token: text(),
    organisationId: text(),
    organisationName: localizedLine(TEXT_LIMITS.name),
    email: text(),
    expiresAt: z.iso.datetime(),
    acceptedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof InvitationSchema>;
