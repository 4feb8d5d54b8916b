import { z } from 'zod';
import { nameText } from './normalise.js';
import { LocaleSchema } from './locale.js';

export const EmailSchema = z
  .email('a valid email address')
  .max(254)
  .transform((e) => e.toLowerCase());

/**
 * Cognito's special characters (its docs, "password requirements"): only these count as a symbol there, so
 * only these count here; a letter of another alphabet is not a symbol. A space inside the password counts too.
 */
export const PASSWORD_SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`+=-';
const escapeClass = (chars: string) => chars.replace(/[\\\]^-]/g, '\\$&');

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * The user pool's password policy, one named rule at a time: the same numbers as the Cognito pool
 * (packages/local-stack/src/cognito.ts, infra/lib/identity-stack.ts). The API enforces them itself (the
 * local Cognito does not), and forms say which rule a password breaks.
 */
export const PASSWORD_RULES = [
  { rule: 'length', pattern: new RegExp(`^[\\s\\S]{${PASSWORD_MIN_LENGTH},}$`), message: `at least ${PASSWORD_MIN_LENGTH} characters` },
  { rule: 'lowercase', pattern: /[a-z]/, message: 'at least one lowercase letter (a-z)' },
  { rule: 'uppercase', pattern: /[A-Z]/, message: 'at least one uppercase letter (A-Z)' },
  { rule: 'digit', pattern: /[0-9]/, message: 'at least one digit (0-9)' },
  {
    rule: 'symbol',
    pattern: new RegExp(`[${escapeClass(PASSWORD_SYMBOLS)}]|\\S[\\s\\S]* [\\s\\S]*\\S`),
    message: `at least one symbol (${PASSWORD_SYMBOLS}) or an inner space`,
  },
] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number]['rule'];

/**
 * The rules a password breaks, in the policy's order; empty when it is acceptable.
 * @example failedPasswordRules('short') // ['length', 'uppercase', 'digit', 'symbol']
 */
export function failedPasswordRules(password: string): PasswordRule[] {
  return PASSWORD_RULES.filter((r) => !r.pattern.test(password)).map((r) => r.rule);
}

/** The password policy as a schema: each broken rule is its own issue, and its message names the rule. */
export const PasswordSchema = PASSWORD_RULES.filter((r) => r.rule !== 'length').reduce(
  (schema, r) => schema.regex(r.pattern, r.message),
  z.string().min(PASSWORD_MIN_LENGTH, PASSWORD_RULES[0].message).max(PASSWORD_MAX_LENGTH, `at most ${PASSWORD_MAX_LENGTH} characters`),
);

export const CodeSchema = z
  .string()
  .max(6)
  .regex(/^\d{6}$/, 'the 6-digit code from the email');

export const SignUpRequestSchema = z
  .object({ email: EmailSchema, password: PasswordSchema, displayName: nameText(80, { min: 2 }), locale: LocaleSchema })
  .strict()
  .meta({ id: 'SignUpRequest' });
export const ConfirmRequestSchema = z.object({ email: EmailSchema, code: CodeSchema }).strict().meta({ id: 'ConfirmRequest' });
export const SignInRequestSchema = z
  .object({ email: EmailSchema, password: z.string().min(1).max(128) })
  .strict()
  .meta({ id: 'SignInRequest' });
export const RefreshRequestSchema = z
  .object({ refreshToken: z.string().min(10).max(4096) })
  .strict()
  .meta({ id: 'RefreshRequest' });
export const SignOutRequestSchema = z
  .object({ refreshToken: z.string().min(10).max(4096).optional(), everywhere: z.boolean().default(false) })
  .strict()
  .meta({ id: 'SignOutRequest' });
export const ForgotPasswordRequestSchema = z
  .object({ email: EmailSchema, locale: LocaleSchema.optional() })
  .strict()
  .meta({ id: 'ForgotPasswordRequest' });
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
