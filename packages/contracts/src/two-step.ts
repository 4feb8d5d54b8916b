import { z } from 'zod';
import { EmailSchema, TokensSchema } from './auth.js';

/** The 6 digits an authenticator app shows (TOTP, RFC 6238: 30-second steps). */
export const TotpCodeSchema = z
  .string()
  .max(6)
  .regex(/^\d{6}$/, 'the 6-digit code from the authenticator app');

/** Cognito's opaque challenge session: handed back unchanged with the code. */
const ChallengeSessionSchema = z.string().min(1).max(4096);

/** Sign-in of an account with two-step sign-in: no tokens yet, the code is asked for (Cognito SOFTWARE_TOKEN_MFA). */
export const TotpChallengeSchema = z
  .object({ challenge: z.literal('totp'), session: ChallengeSessionSchema })
  .meta({ id: 'TotpChallenge' });
export type TotpChallenge = z.infer<typeof TotpChallengeSchema>;

/** What sign-in answers: tokens, or the TOTP challenge to answer at /auth/sign-in/totp. */
export const SignInResultSchema = z.union([TokensSchema, TotpChallengeSchema]).meta({ id: 'SignInResult' });
export type SignInResult = z.infer<typeof SignInResultSchema>;

export const TotpAnswerRequestSchema = z
  .object({ email: EmailSchema, session: ChallengeSessionSchema, code: TotpCodeSchema })
  .strict()
  .meta({ id: 'TotpAnswerRequest' });

/** The start of enrolment: the shared secret (base32) and the otpauth:// URI an authenticator app scans as a QR code. */
export const TwoStepSetupSchema = z.object({ secret: z.string(), uri: z.string() }).meta({ id: 'TwoStepSetup' });
export type TwoStepSetup = z.infer<typeof TwoStepSetupSchema>;

export const TwoStepConfirmRequestSchema = z.object({ code: TotpCodeSchema }).strict().meta({ id: 'TwoStepConfirmRequest' });
