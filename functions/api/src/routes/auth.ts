import { createRoute, z } from '@hono/zod-openapi';
import {
  AcceptedSchema,
  ConfirmRequestSchema,
  ForgotPasswordRequestSchema,
  RefreshRequestSchema,
  ResetPasswordRequestSchema,
  SignInRequestSchema,
  SignOutRequestSchema,
  SignInResultSchema,
  SignUpRequestSchema,
  TokensSchema,
  TotpAnswerRequestSchema,
  TwoStepConfirmRequestSchema,
  TwoStepSetupSchema,
  TwoStepStartRequestSchema,
} from '@mekendesh/contracts';
import { answerTotpChallenge, confirmTwoStep, startTwoStep } from '@mekendesh/domain/two-step';
import { confirmSignUp, forgotPassword, refreshSession, resetPassword, signIn, signOut, signUp } from '@mekendesh/domain/accounts';
import type { Deps } from '../composition.js';
import { bearer, json, jsonBody, problems, resource } from './shared.js';

const StatusSchema = z.object({ status: z.string() });
const post = <B extends z.ZodType, R extends z.ZodType>(
  path: string,
  summary: string,
  body: B,
  response: R,
  codes: Parameters<typeof problems>,
  secured = false,
) =>
  createRoute({
    method: 'post',
    path: `/${path}`,
    tags: ['auth'],
    summary,
    ...(secured ? { security: bearer } : {}),
    request: { body: jsonBody(body) },
    responses: { 200: json(response, 'Done'), ...problems(...codes) },
  });

const routes = {
  signUp: post(
    'sign-up',
    'Create an investor account; a code is emailed. Same answer if the email is taken.',
    SignUpRequestSchema,
    AcceptedSchema,
    [400, 429],
  ),
  confirm: post(
    'confirm',
    'Confirm the email with the code (5 tries per account in 15 minutes, then 429)',
    ConfirmRequestSchema,
    StatusSchema,
    [400, 429],
  ),
  signIn: post(
    'sign-in',
    'Sign in; returns tokens, or { challenge: "totp", session } when the account has two-step sign-in',
    SignInRequestSchema,
    SignInResultSchema,
    [400, 401, 409, 429],
  ),
  totp: post(
    'sign-in/totp',
    'Answer the TOTP challenge of sign-in: the challenge token (`session`, bound to the account that signed in) and the 6-digit code; returns tokens (5 codes per challenge in 15 minutes, and per address and account as sign-in, then 429)',
    TotpAnswerRequestSchema,
    TokensSchema,
    [400, 429],
  ),
  twoStepStart: post(
    'two-step',
    'Start two-step sign-in: a new TOTP secret and its otpauth:// URI for an authenticator app; with two-step already on, `currentCode` from the current authenticator is required',
    TwoStepStartRequestSchema,
    TwoStepSetupSchema,
    [400, 401, 429],
    true,
  ),
  twoStepConfirm: post(
    'two-step/confirm',
    'Confirm two-step sign-in with the first code (and `currentCode` when replacing an authenticator); every earlier session is signed out and the owner emailed',
    TwoStepConfirmRequestSchema,
    StatusSchema,
    [400, 401, 429],
    true,
  ),
  refresh: post('refresh', 'New access and id tokens from a refresh token', RefreshRequestSchema, TokensSchema, [400, 401]),
  signOut: post('sign-out', 'End this session, or every session of the account', SignOutRequestSchema, StatusSchema, [400, 401], true),
  forgot: post(
    'forgot-password',
    'Email a reset code. Same answer whether or not the account exists.',
    ForgotPasswordRequestSchema,
    AcceptedSchema,
    [400, 429],
  ),
  reset: post('reset-password', 'Set a new password with the emailed code', ResetPasswordRequestSchema, StatusSchema, [400, 429]),
};

/** Accounts and sessions, mounted at /auth. */
export function authRoutes(deps: Deps) {
  const a = deps.accounts;
  return resource()
    .openapi(routes.signUp, async (c) => c.json(await signUp(a, { ...c.req.valid('json'), ip: c.var.clientIp }), 200))
    .openapi(routes.confirm, async (c) => c.json(await confirmSignUp(a, c.req.valid('json')), 200))
    .openapi(routes.signIn, async (c) => {
      c.header('cache-control', 'no-store');
      return c.json(await signIn(a, { ...c.req.valid('json'), ip: c.var.clientIp }), 200);
    })
    .openapi(routes.totp, async (c) => {
      c.header('cache-control', 'no-store');
      return c.json(await answerTotpChallenge(a, { ...c.req.valid('json'), ip: c.var.clientIp }), 200);
    })
    .openapi(routes.twoStepStart, async (c) => {
      c.header('cache-control', 'no-store');
      const setup = await startTwoStep(a, c.var.actor, {
        accessToken: c.var.accessToken ?? '',
        email: c.var.user?.email ?? '',
        currentCode: c.req.valid('json').currentCode,
      });
      return c.json(setup, 200);
    })
    .openapi(routes.twoStepConfirm, async (c) =>
      c.json(await confirmTwoStep(a, c.var.actor, { accessToken: c.var.accessToken ?? '', ...c.req.valid('json') }), 200),
    )
    .openapi(routes.refresh, async (c) => {
      c.header('cache-control', 'no-store');
      return c.json(await refreshSession(a, c.req.valid('json').refreshToken), 200);
    })
    .openapi(routes.signOut, async (c) => c.json(await signOut(a, c.var.actor, c.req.valid('json')), 200))
    .openapi(routes.forgot, async (c) => c.json(await forgotPassword(a, { email: c.req.valid('json').email, ip: c.var.clientIp }), 200))
    .openapi(routes.reset, async (c) => c.json(await resetPassword(a, c.req.valid('json')), 200));
}
