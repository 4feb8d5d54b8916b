import { z } from 'zod';
import { LocaleSchema } from './locale.js';

export const EmailSchema = z.email('a valid email address').max(254).transform((e) => e.toLowerCase());

/** The password policy, enforced by the API itself (the local Cognito does not). */
export const PasswordSchema = z
  .string()
  .min(12, 'at least 12 characters')
  .max(128, 'at most 128 characters')
  .regex(/[a-z]/, 'at least one lowercase letter')
  .regex(/[A-Z]/, 'at least one uppercase letter')
  .regex(/\d/, 'at least one digit')
  .regex(/[^A-Za-z0-9]/, 'at least one symbol');

export const CodeSchema = z.string().regex(/^\d{6}$/, 'the 6-digit code from the email');

export const SignUpRequestSchema = z
  .object({ email: EmailSchema, password: PasswordSchema, displayName: z.string().trim().min(2).max(80), locale: LocaleSchema })
  .strict()
  .meta({ id: 'SignUpRequest' });
export const ConfirmRequestSchema = z.object({ email: EmailSchema, code: CodeSchema }).strict().meta({ id: 'ConfirmRequest' });
export const SignInRequestSchema = z.object({ email: EmailSchema, password: z.string().min(1).max(128) }).strict().meta({ id: 'SignInRequest' });
export const RefreshRequestSchema = z.object({ refreshToken: z.string().min(10).max(4096) }).strict().meta({ id: 'RefreshRequest' });
export const SignOutRequestSchema = z
  .object({ refreshToken: z.string().min(10).max(4096).optional(), everywhere: z.boolean().default(false) })
  .strict()
  .meta({ id: 'SignOutRequest' });
export const ForgotPasswordRequestSchema = z.object({ email: EmailSchema, locale: LocaleSchema.optional() }).strict().meta({ id: 'ForgotPasswordRequest' });
export const ResetPasswordRequestSchema = z
  .object({ email: EmailSchema, code: CodeSchema, password: PasswordSchema })
  .strict()
  .meta({ id: 'ResetPasswordRequest' });

export const TokensSchema = z
  .object({ accessToken: z.string(), idToken: z.string(), refreshToken: z.string().optional(), expiresIn: z.number().int() })
  .meta({ id: 'Tokens' });
export type Tokens = z.infer<typeof TokensSchema>;

/** The one answer to sign-up and password reset requests, whether or not the account exists. */
export const AcceptedSchema = z.object({ status: z.literal('accepted') }).meta({ id: 'Accepted' });

export const ROLES = ['investor', 'officer', 'staff', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
