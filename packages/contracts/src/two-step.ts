import { z } from 'zod';
import { EmailSchema, TokensSchema } from './auth.js';

/** The 6 digits an authenticator app shows (TOTP, RFC 6238: 30-second steps). */
export const TotpCodeSchema = z
  .string()
  .max(6)
  .regex(/^\d{6}$/, 'the 6-digit code from the authenticator app');

/**
 * The challenge token of sign-in, opaque to the client: Cognito's session signed by the API together with the email it
 * was issued for and its expiry, handed back unchanged with the code (Cognito's session alone is up to ~3 KB).
 */
const ChallengeSessionSchema = z.string().min(1).max(8192);

/** Sign-in of an account with two-step sign-in: no tokens yet, the code is asked for (Cognito SOFTWARE_TOKEN_MFA). */
export const TotpChallengeSchema = z
  .object({ challenge: z.literal('totp'), session: ChallengeSessionSchema })
  .meta({ id: 'TotpChallenge' });
export type TotpChallenge = z.infer<typeof TotpChallengeSchema>;

/** What sign-in answers: tokens, or the TOTP challenge to answer at /auth/sign-in/totp. */
export const SignInResultSchema = z.union([TokensSchema, TotpChallengeSchema]).meta({ id: 'SignInResult' });
export type SignInResult = z.infer<typeof SignInResultSchema>;

/**
 * The answer to sign-in's TOTP challenge: the challenge token and the code. The account is the one the token is bound
 * to; `email` is optional and, when sent, must be that account's (older clients send it).
 */
export const TotpAnswerRequestSchema = z
  .object({ session: ChallengeSessionSchema, code: TotpCodeSchema, email: EmailSchema.optional() })
  .strict()
  .meta({ id: 'TotpAnswerRequest' });

/** The start of enrolment: the shared secret (base32) and the otpauth:// URI an authenticator app scans as a QR code. */
export const TwoStepSetupSchema = z.object({ secret: z.string(), uri: z.string() }).meta({ id: 'TwoStepSetup' });
export type TwoStepSetup = z.infer<typeof TwoStepSetupSchema>;

/** Starting two-step setup: with two-step already on, `currentCode` from the current authenticator is required. */
export const TwoStepStartRequestSchema = z.object({ currentCode: TotpCodeSchema.optional() }).strict().meta({ id: 'TwoStepStartRequest' });

/** The new authenticator's first code; with two-step already on, also `currentCode` from the one it replaces. */
export const TwoStepConfirmRequestSchema = z
  .object({ code: TotpCodeSchema, currentCode: TotpCodeSchema.optional() })
  .strict()
  .meta({ id: 'TwoStepConfirmRequest' });
