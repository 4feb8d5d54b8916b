import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  AssociateSoftwareTokenCommand,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Secret, TOTP } from 'otpauth';
import { cognitoClient, type IdentityConfig } from './cognito.js';

/** Roles that must use two-step sign-in (issue 14: staff accounts with MFA). */
const TWO_STEP_ROLES = new Set(['staff', 'admin']);

/**
 * The code an authenticator app shows now for a base32 TOTP secret (RFC 6238 as Cognito uses it: SHA-1, 6 digits, 30 s).
 * @example totpNow('JBSWY3DPEHPK3PXP') // '492039'
 */
export function totpNow(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });
}

/** The demo accounts' TOTP secrets kept in `file` (JSON, email → base32 secret); empty when there is none yet. */
export function readDemoTotp(file: string): Map<string, string> {
  if (!existsSync(file)) return new Map();
  return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
}

/**
 * Turns on two-step sign-in for the demo staff and admin accounts in cognito-local, through Cognito's own calls
 * (cognito-local makes the secret; it cannot be chosen), and keeps each secret in `file` beside cognito-local's data,
 * so `pnpm dev` can print it and `pnpm totp` the current codes. Accounts already enrolled keep their secret.
 * Returns every kept secret by email.
 */
export async function ensureDemoTotp(
  endpoint: string,
  identity: Pick<IdentityConfig, 'clientId'>,
  users: readonly { email: string; password: string; role: string }[],
  file: string,
): Promise<Map<string, string>> {
  const secrets = readDemoTotp(file);
  const client = cognitoClient(endpoint);
  try {
    for (const user of users.filter((u) => TWO_STEP_ROLES.has(u.role))) {
      const auth = await client.send(
        new InitiateAuthCommand({
          ClientId: identity.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: user.email, PASSWORD: user.password },
        }),
      );
      const accessToken = auth.AuthenticationResult?.AccessToken;
      if (!accessToken) continue; // challenged: enrolled before, its secret is in the file
      const { SecretCode: secret } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
      await client.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: totpNow(secret!) }));
      await client.send(
        new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
      );
      secrets.set(user.email, secret!);
    }
  } finally {
    client.destroy();
  }
  writeFileSync(file, `${JSON.stringify(Object.fromEntries(secrets), null, 2)}\n`);
  return secrets;
}
