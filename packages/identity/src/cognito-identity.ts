import {
  AdminAddUserToGroupCommand, AdminDeleteUserCommand, CognitoIdentityProviderClient, ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand, ForgotPasswordCommand, GetUserCommand, InitiateAuthCommand, RevokeTokenCommand, SignUpCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Role, Tokens } from '@mekendesh/contracts';
import { IdentityError, type IdentityProvider } from '@mekendesh/domain';

export interface CognitoConfig {
  userPoolId: string;
  clientId: string;
  region: string;
  /** cognito-local's address; unset in the cloud. */
  endpoint?: string;
}

const ERRORS: Record<string, IdentityError['code']> = {
  UsernameExistsException: 'account_exists',
  AliasExistsException: 'account_exists',
  NotAuthorizedException: 'invalid_credentials',
  UserNotFoundException: 'invalid_credentials',
  UserNotConfirmedException: 'not_confirmed',
  CodeMismatchException: 'invalid_code',
  ExpiredCodeException: 'invalid_code',
  InvalidPasswordException: 'weak_password',
};

/** Translates Cognito's own exceptions into the domain's; anything else stays an infrastructure error. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const code = ERRORS[(e as Error).name];
    if (code) throw new IdentityError(code, (e as Error).name);
    throw e;
  }
}

function tokens(result: AuthenticationResultType | undefined, refreshToken?: string): Tokens {
  if (!result?.AccessToken || !result.IdToken) throw new IdentityError('invalid_credentials', 'no tokens returned');
  const refresh = result.RefreshToken ?? refreshToken;
  return { accessToken: result.AccessToken, idToken: result.IdToken, ...(refresh ? { refreshToken: refresh } : {}), expiresIn: result.ExpiresIn ?? 3600 };
}

/** The same SDK calls against Cognito in the cloud and cognito-local on a laptop. */
export class CognitoIdentity implements IdentityProvider {
  private readonly client: CognitoIdentityProviderClient;

  constructor(private readonly config: CognitoConfig) {
    this.client = new CognitoIdentityProviderClient({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    });
  }

  async signUp(input: { email: string; password: string; displayName: string }) {
    const out = await call(() =>
      this.client.send(
        new SignUpCommand({
          ClientId: this.config.clientId,
          Username: input.email,
          Password: input.password,
          UserAttributes: [{ Name: 'email', Value: input.email }, { Name: 'name', Value: input.displayName }],
        }),
      ),
    );
    return { userId: out.UserSub! };
  }

  async confirm(input: { email: string; code: string }) {
    await call(() => this.client.send(new ConfirmSignUpCommand({ ClientId: this.config.clientId, Username: input.email, ConfirmationCode: input.code })));
  }

  async signIn(input: { email: string; password: string }) {
    const out = await call(() =>
      this.client.send(
        new InitiateAuthCommand({ ClientId: this.config.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: input.email, PASSWORD: input.password } }),
      ),
    );
    return tokens(out.AuthenticationResult);
  }

  async refresh(refreshToken: string) {
    const out = await call(() =>
      this.client.send(new InitiateAuthCommand({ ClientId: this.config.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } })),
    );
    return tokens(out.AuthenticationResult, refreshToken);
  }

  async revoke(refreshToken: string) {
    await call(() => this.client.send(new RevokeTokenCommand({ ClientId: this.config.clientId, Token: refreshToken })));
  }

  async forgotPassword(email: string) {
    await call(() => this.client.send(new ForgotPasswordCommand({ ClientId: this.config.clientId, Username: email })));
  }

  async resetPassword(input: { email: string; code: string; password: string }) {
    await call(() =>
      this.client.send(
        new ConfirmForgotPasswordCommand({ ClientId: this.config.clientId, Username: input.email, ConfirmationCode: input.code, Password: input.password }),
      ),
    );
  }

  async addToGroup(userId: string, group: Role) {
    await call(() => this.client.send(new AdminAddUserToGroupCommand({ UserPoolId: this.config.userPoolId, Username: userId, GroupName: group })));
  }

  async deleteUser(userId: string) {
    await call(() => this.client.send(new AdminDeleteUserCommand({ UserPoolId: this.config.userPoolId, Username: userId })));
  }

  async emailOf(accessToken: string) {
    const out = await call(() => this.client.send(new GetUserCommand({ AccessToken: accessToken })));
    const email = out.UserAttributes?.find((a) => a.Name === 'email')?.Value;
    if (!email) throw new IdentityError('invalid_token', 'user has no email');
    return email;
  }
}
