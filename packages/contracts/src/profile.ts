import { z } from 'zod';
import { uniqueList } from './input-rules.js';
import { line, text, TEXT_LIMITS } from './text.js';
import { nameText } from './normalise.js';
import { MAX_AMOUNT_MINOR, minorUnits } from './money-limits.js';
import { LocaleSchema } from './locale.js';
import { PledgeTypeSchema, SectorSchema } from './project.js';
import { SoateSchema } from './territory.js';
import { CountryCodeSchema } from './countries.js';
import { RoleSchema } from './auth.js';

/** An investor's profile: what matchmaking reads. Amounts in KGS tyiyn. */
export const ProfileSchema = z
  .object({
    displayName: nameText(80, { min: 2 }),
    homeSettlement: line(TEXT_LIMITS.shortLine, { min: 0 }).nullable().default(null),
    homeRayonSoate: SoateSchema.nullable().default(null),
    homeOblastSoate: SoateSchema.nullable().default(null),
    residenceCountry: CountryCodeSchema.nullable().default(null),
    residenceCity: line(TEXT_LIMITS.shortLine, { min: 0 }).nullable().default(null),
    languages: uniqueList(LocaleSchema, 3).default([]),
    sectors: uniqueList(SectorSchema, 11).default([]),
    pledgeTypes: uniqueList(PledgeTypeSchema, 4).default([]),
    amountMin: minorUnits(MAX_AMOUNT_MINOR).nullable().default(null),
    amountMax: minorUnits(MAX_AMOUNT_MINOR).nullable().default(null),
    contactByEmail: z.boolean().default(true),
    telegram: text()
      .max(33)
      .regex(/^@?[A-Za-z0-9_]{5,32}$/, 'a Telegram username')
      .nullable()
      .default(null),
    showAsSupporter: z.boolean().default(false),
    /** Consent to be counted, without name, in the demand signals of the home rayon and oblast (off by default; issue 11). */
    countInterest: z.boolean().default(false),
    locale: LocaleSchema.default('ky'),
  })
  .strict()
  .refine((p) => p.amountMin === null || p.amountMax === null || p.amountMin <= p.amountMax, {
    message: 'must not exceed amountMax',
    path: ['amountMin'],
  })
  .meta({ id: 'Profile' });
export type Profile = z.infer<typeof ProfileSchema>;

export const MeSchema = z
  .object({
    id: text(),
    email: text(),
    roles: z.array(RoleSchema),
    profile: ProfileSchema,
    organisationId: text().nullable(),
    organisationRole: z.enum(['admin', 'officer']).nullable(),
    createdAt: z.iso.datetime(),
    /**
     * Two-step sign-in: 'off' (not set up), 'on' (this session passed the TOTP code), or 'required' (staff or admin
     * without it: staff powers wait until they set it up and sign in with the code).
     */
    twoStep: z.enum(['off', 'on', 'required']),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;
