import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient,
  CreateGroupCommand, CreateUserPoolClientCommand, CreateUserPoolCommand, ListGroupsCommand, ListUserPoolClientsCommand,
  ListUserPoolsCommand, ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { startChild, waitForHttp, type Child } from './processes.js';

export const POOL_NAME = 'mekendesh-local';
export const CLIENT_NAME = 'mekendesh-web';
export const ROLE_GROUPS = ['investor', 'officer', 'staff', 'admin'] as const;

/** Starts cognito-local with its data under dataDir (kept across restarts). */
export async function startCognitoLocal(options: { port: number; dataDir: string }): Promise<Child & { endpoint: string }> {
  const configDir = join(options.dataDir, '.cognito');
  mkdirSync(configDir, { recursive: true });
  const endpoint = `http://127.0.0.1:${options.port}`;
  writeFileSync(
    join(configDir, 'config.json'),
    JSON.stringify({ ServerConfig: { hostname: '127.0.0.1', port: options.port }, TokenConfig: { IssuerDomain: endpoint } }, null, 2),
  );
  const bin = join(dirname(createRequire(import.meta.url).resolve('cognito-local/package.json')), 'lib/bin/start.js');
  const child = startChild('cognito', process.execPath, [bin], { cwd: options.dataDir, quiet: true, env: { ...process.env, DEBUG: '' } });
  await waitForHttp(endpoint, 30_000, child.process);
  return { ...child, endpoint };
}

export function cognitoClient(endpoint: string) {
  return new CognitoIdentityProviderClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

export interface IdentityConfig {
  userPoolId: string;
  clientId: string;
  issuer: string;
}

/** Creates the user pool, its app client and the role groups if they are missing; idempotent. */
export async function ensureIdentity(endpoint: string): Promise<IdentityConfig> {
  const client = cognitoClient(endpoint);
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = pools.UserPools?.find((p) => p.Name === POOL_NAME)?.Id;
  if (!userPoolId) {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: POOL_NAME,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
      }),
    );
    userPoolId = created.UserPool!.Id!;
  }
  const clients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  let clientId = clients.UserPoolClients?.find((c) => c.ClientName === CLIENT_NAME)?.ClientId;
  if (!clientId) {
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: CLIENT_NAME,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    clientId = created.UserPoolClient!.ClientId!;
  }
  const groups = new Set((await client.send(new ListGroupsCommand({ UserPoolId: userPoolId }))).Groups?.map((g) => g.GroupName));
  for (const group of ROLE_GROUPS) {
    if (!groups.has(group)) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
  }
  client.destroy();
  return { userPoolId, clientId, issuer: `${endpoint}/${userPoolId}` };
}

/** Creates confirmed demo users with permanent passwords in their role groups, skipping existing ones. */
export async function ensureDemoUsers(
  endpoint: string,
  userPoolId: string,
  users: readonly { email: string; password: string; role: string; displayName: string }[],
): Promise<void> {
  const client = cognitoClient(endpoint);
  const existing = await client.send(new ListUsersCommand({ UserPoolId: userPoolId }));
  const emails = new Set(existing.Users?.flatMap((u) => u.Attributes?.filter((a) => a.Name === 'email').map((a) => a.Value) ?? []));
  for (const user of users) {
    if (emails.has(user.email)) continue;
    const created = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: user.email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: user.displayName },
        ],
      }),
    );
    const username = created.User?.Username ?? user.email;
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: user.password, Permanent: true }));
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: user.role }));
  }
  client.destroy();
}
