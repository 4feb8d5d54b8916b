import type { AuthenticationResultType, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { isTransientError } from '@smithy/core/retry';
import type { Role, SignInResult, Tokens } from '@mekendesh/contracts';
import { IdentityError, type IdentityProvider } from '@mekendesh/domain/account-ports';
import { UnavailableError } from '@mekendesh/domain/errors';

export interface CognitoConfig {
  userPoolId: string;
  clientId: string;
  region: string;
  /** cognito-local's address; unset in the cloud. */
  endpoint?: string;
  /** Milliseconds per attempt and attempts in all; defaults: COGNITO_TIMEOUTS. */
  timeouts?: Partial<typeof COGNITO_TIMEOUTS>;
}

/**
 * The budget of one Cognito call on a request path (sign-in, sign-up, codes): a Cognito that does not answer
 * fails sign-in within about 2 × 6 s with a 503 in the reader's language, instead of hanging it. Cognito answers
 * in well under a second; cognito-local rewrites its store per call and is given room for a loaded machine.
 * Source: issue 9 fault injection (tests/integration/faults.test.ts).
 */
export const COGNITO_TIMEOUTS = { connectMs: 2_000, requestMs: 6_000, maxAttempts: 2 };

const ERRORS: Record<string, IdentityError['code']> = {
  UsernameExistsException: 'account_exists',
  AliasExistsException: 'account_exists',
  NotAuthorizedException: 'invalid_credentials',
  UserNotFoundException: 'invalid_credentials',
  UserNotConfirmedException: 'not_confirmed',
  CodeMismatchException: 'invalid_code',
  ExpiredCodeException: 'invalid_code',
  EnableSoftwareTokenMFAException: 'invalid_code',
  InvalidPasswordException: 'weak_password',
};

/**
 * Translates Cognito's own exceptions into the domain's; an unreachable, timed-out or failing (5xx) Cognito
 * becomes UnavailableError('identity') (503 with Retry-After); anything else stays an infrastructure error.
 */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const code = ERRORS[(e as Error).name];
    if (code) throw new IdentityError(code, (e as Error).name);
    if (isTransientError(e as Parameters<typeof isTransientError>[0]))
      throw new UnavailableError('identity', `Cognito did not answer: ${(e as Error).name} ${(e as { code?: string }).code ?? ''}`.trim(), {
        cause: e,
      });
    throw e;
  }
}

function tokens(result: AuthenticationResultType | undefined, refreshToken?: string): Tokens {
  if (!result?.AccessToken || !result.IdToken) throw new IdentityError('invalid_credentials', 'no tokens returned');
  const refresh = result.RefreshToken ?? refreshToken;
  return {
    accessToken: result.AccessToken,
    idToken: result.IdToken,
    ...(refresh ? { refreshToken: refresh } : {}),
    expiresIn: result.ExpiresIn ?? 3600,
  };
}

/** The Cognito SDK's module (a type: the module itself is imported on first use). */
type CognitoSdk = typeof import('@aws-sdk/client-cognito-identity-provider');

/** The same SDK calls against Cognito in the cloud and cognito-local on a laptop. */
export class CognitoIdentity implements IdentityProvider {
  /** The SDK and its client, imported on the first call: see `sdk`. */
  private loaded?: Promise<{ client: CognitoIdentityProviderClient; m: CognitoSdk }>;

  constructor(private readonly config: CognitoConfig) {}

  /**
   * Cognito's SDK (its commands, schemas and errors: ~40 KB of the API bundle) is imported when the first call needs
   * it, not with this module: an anonymous request never calls Cognito, and an API cold start should not parse it
   * (issue 14, API cold start). Concurrent first calls share the one import; a failed import is tried again.
   */
  private sdk(): Promise<{ client: CognitoIdentityProviderClient; m: CognitoSdk }> {
    this.loaded ??= import('@aws-sdk/client-cognito-identity-provider').then(
      (m) => {
        const t = { ...COGNITO_TIMEOUTS, ...this.config.timeouts };
        const client = new m.CognitoIdentityProviderClient({
          region: this.config.region,
          maxAttempts: t.maxAttempts,
          requestHandler: { connectionTimeout: t.connectMs, requestTimeout: t.requestMs, throwOnRequestTimeout: true },
          ...(this.config.endpoint
            ? { endpoint: this.config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
            : {}),
        });
        return { client, m };
      },
      (e: unknown) => {
        this.loaded = undefined;
        throw e;
      },
    );
    return this.loaded;
  }

  /** `run` with the client and the SDK's module, its failures as `call` maps them. */
  private call<T>(run: (client: CognitoIdentityProviderClient, m: CognitoSdk) => Promise<T>): Promise<T> {
    return call(async () => {
      const { client, m } = await this.sdk();
      return run(client, m);
    });
  }

  async signUp(input: { email: string; password: string; displayName: string }) {
    const out = await this.call((c, m) =>
      c.send(
        new m.SignUpCommand({
          ClientId: this.config.clientId,
          Username: input.email,
          Password: input.password,
          UserAttributes: [
            { Name: 'email', Value: input.email },
            { Name: 'name', Value: input.displayName },
          ],
        }),
      ),
    );
    return { userId: out.UserSub! };
  }

  async confirm(input: { email: string; code: string }) {
    await this.call((c, m) =>
      c.send(new m.ConfirmSignUpCommand({ ClientId: this.config.clientId, Username: input.email, ConfirmationCode: input.code })),
    );
  }

  /** Tokens, or `{ challenge: 'totp', session }` when Cognito asks for the code (SOFTWARE_TOKEN_MFA); other challenges: invalid credentials. */
  async signIn(input: { email: string; password: string }): Promise<SignInResult> {
    const out = await this.call((c, m) =>
      c.send(
        new m.InitiateAuthCommand({
          ClientId: this.config.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: input.email, PASSWORD: input.password },
        }),
      ),
    );
    if (out.ChallengeName === 'SOFTWARE_TOKEN_MFA' && out.Session) return { challenge: 'totp', session: out.Session };
    return tokens(out.AuthenticationResult);
  }

  async answerTotp(input: { email: string; session: string; code: string }) {
    const out = await this.call((c, m) =>
      c.send(
        new m.RespondToAuthChallengeCommand({
          ClientId: this.config.clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: input.session,
          ChallengeResponses: { USERNAME: input.email, SOFTWARE_TOKEN_MFA_CODE: input.code },
        }),
      ),
    );
    return tokens(out.AuthenticationResult);
  }

  async startTotp(accessToken: string) {
    const out = await this.call((c, m) => c.send(new m.AssociateSoftwareTokenCommand({ AccessToken: accessToken })));
    if (!out.SecretCode) throw new IdentityError('invalid_token', 'no secret returned');
    return { secret: out.SecretCode };
  }

  async confirmTotp(input: { accessToken: string; code: string }) {
    const out = await this.call((c, m) =>
      c.send(
        new m.VerifySoftwareTokenCommand({ AccessToken: input.accessToken, UserCode: input.code, FriendlyDeviceName: 'authenticator' }),
      ),
    );
    if (out.Status !== 'SUCCESS') throw new IdentityError('invalid_code', `verification ${out.Status ?? 'failed'}`);
    await this.call((c, m) =>
      c.send(
        new m.SetUserMFAPreferenceCommand({
          AccessToken: input.accessToken,
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      ),
    );
  }

  async refresh(refreshToken: string) {
    const out = await this.call((c, m) =>
      c.send(
        new m.InitiateAuthCommand({
          ClientId: this.config.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: refreshToken },
        }),
      ),
    );
    return tokens(out.AuthenticationResult, refreshToken);
  }

  async revoke(refreshToken: string) {
    await this.call((c, m) => c.send(new m.RevokeTokenCommand({ ClientId: this.config.clientId, Token: refreshToken })));
  }

  async forgotPassword(email: string) {
    await this.call((c, m) => c.send(new m.ForgotPasswordCommand({ ClientId: this.config.clientId, Username: email })));
  }

  async resetPassword(input: { email: string; code: string; password: string }) {
    await this.call((c, m) =>
      c.send(
        new m.ConfirmForgotPasswordCommand({
          ClientId: this.config.clientId,
          Username: input.email,
          ConfirmationCode: input.code,
          Password: input.password,
        }),
      ),
    );
  }

  async addToGroup(userId: string, group: Role) {
    await this.call((c, m) =>
      c.send(new m.AdminAddUserToGroupCommand({ UserPoolId: this.config.userPoolId, Username: userId, GroupName: group })),
    );
  }

  async deleteUser(userId: string) {
    await this.call((c, m) => c.send(new m.AdminDeleteUserCommand({ UserPoolId: this.config.userPoolId, Username: userId })));
  }

  async emailOf(accessToken: string) {
    const out = await this.call((c, m) => c.send(new m.GetUserCommand({ AccessToken: accessToken })));
    const email = out.UserAttributes?.find((a) => a.Name === 'email')?.Value;
    if (!email) throw new IdentityError('invalid_token', 'user has no email');
    return email;
  }

  async hasTotp(accessToken: string) {
    const out = await this.call((c, m) => c.send(new m.GetUserCommand({ AccessToken: accessToken })));
    return (out.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
  }
}
