import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SetUserPoolMfaConfigCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { freePort } from '@mekendesh/db/local';
import { startChild, waitForHttp, type Child } from './processes.js';

export const POOL_NAME = 'mekendesh-local';
export const CLIENT_NAME = 'mekendesh-web';
export const ROLE_GROUPS = ['investor', 'officer', 'staff', 'admin'] as const;

export interface CapturedEmail {
  to: string;
  subject: string;
  text: string;
}

const SUBJECTS = {
  confirm: 'Mekendesh: confirm your email / Электрондук почтаңызды ырастаңыз / Подтвердите email',
  reset: 'Mekendesh: password reset code / Сырсөздү калыбына келтирүү коду / Код сброса пароля',
};

interface StoredUser {
  UserStatus?: string;
  ConfirmationCode?: string;
  Attributes?: { Name: string; Value: string }[];
}

/**
 * cognito-local keeps each pool in .cognito/db/<pool>.json, with the code it would have emailed on the
 * user. Each new code there becomes the email it stands for. (Its console log is no help: through a
 * pipe or a file, its logger held lines back for seconds.)
 */
function watchCodes(dbDir: string, onEmail: (email: CapturedEmail) => void): () => void {
  const seen = new Map<string, string>();
  const mtimes = new Map<string, number>();
  const recheck = new Set<string>();
  const poll = () => {
    if (!existsSync(dbDir)) return;
    for (const file of readdirSync(dbDir).filter((f) => f.endsWith('.json') && f !== 'clients.json')) {
      const path = join(dbDir, file);
      // File times tick in coarse steps (a few ms): a second write in the same step keeps the time, so
      // after any change the file is read once more on the next poll before it counts as unchanged.
      const mtime = statSync(path).mtimeMs;
      if (mtimes.get(path) === mtime) {
        if (!recheck.delete(path)) continue;
      } else {
        recheck.add(path);
      }
      mtimes.set(path, mtime);
      let users: Record<string, StoredUser>;
      try {
        users = (JSON.parse(readFileSync(path, 'utf8')) as { Users?: Record<string, StoredUser> }).Users ?? {};
      } catch {
        mtimes.delete(path); // caught mid-write: read it again next time
        continue;
      }
      for (const [username, user] of Object.entries(users)) {
        const code = user.ConfirmationCode;
        const key = `${file}/${username}`;
        if (!code || seen.get(key) === code) continue;
        const first = !seen.has(key) && !watching;
        seen.set(key, code);
        if (first) continue; // codes from before this start were delivered then
        const to = user.Attributes?.find((a) => a.Name === 'email')?.Value ?? username;
        const kind = user.UserStatus === 'UNCONFIRMED' ? 'confirm' : 'reset';
        onEmail({ to, subject: SUBJECTS[kind], text: `Code / Код: ${code}` });
      }
    }
  };
  let watching = false;
  poll();
  watching = true;
  const timer = setInterval(poll, 50);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Starts cognito-local with its data under dataDir (kept across restarts). Port 0 picks a free port,
 * and tries another if some other server took it meanwhile.
 */
export async function startCognitoLocal(options: {
  port: number;
  dataDir: string;
  onEmail?: (email: CapturedEmail) => void;
}): Promise<Child & { endpoint: string }> {
  for (let attempt = 1; ; attempt++) {
    const port = options.port || (await freePort());
    try {
      return await startOnPort({ ...options, port });
    } catch (e) {
      if (options.port || attempt >= 3) throw e;
    }
  }
}

async function startOnPort(options: {
  port: number;
  dataDir: string;
  onEmail?: (email: CapturedEmail) => void;
}): Promise<Child & { endpoint: string }> {
  const configDir = join(options.dataDir, '.cognito');
  mkdirSync(configDir, { recursive: true });
  const endpoint = `http://127.0.0.1:${options.port}`;
  writeFileSync(
    join(configDir, 'config.json'),
    JSON.stringify({ ServerConfig: { hostname: '127.0.0.1', port: options.port }, TokenConfig: { IssuerDomain: endpoint } }, null, 2),
  );
  const bin = join(dirname(createRequire(import.meta.url).resolve('cognito-local/package.json')), 'lib/bin/start.js');
  // Its own log goes to a file beside its data, for whoever needs to look.
  const logPath = join(options.dataDir, 'cognito-local.log');
  const logFd = openSync(logPath, 'a');
  const child = startChild('cognito', process.execPath, [bin], {
    cwd: options.dataDir,
    quiet: true,
    stdoutFd: logFd,
    env: { ...process.env, DEBUG: '' },
  });
  closeSync(logFd);
  try {
    await waitForCognito(endpoint, child);
  } catch (e) {
    await child.stop();
    throw e;
  }
  const stopWatch = options.onEmail ? watchCodes(join(configDir, 'db'), options.onEmail) : () => {};
  return {
    ...child,
    endpoint,
    stop: async () => {
      stopWatch();
      await child.stop();
    },
  };
}

/** Waits until cognito-local itself answers an API call: another server on the port does not count. */
async function waitForCognito(endpoint: string, child: Child): Promise<void> {
  await waitForHttp(endpoint, 30_000, child.process);
  const client = cognitoClient(endpoint);
  const deadline = Date.now() + 10_000;
  try {
    for (;;) {
      if (child.process.exitCode !== null)
        throw new Error(`cognito-local exited (code ${child.process.exitCode}); is port ${new URL(endpoint).port} taken?`);
      try {
        await client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
        return;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`cognito-local does not answer on ${endpoint}: ${(e as Error).message}`, { cause: e });
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    client.destroy();
  }
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
        Policies: {
          PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true },
        },
      }),
    );
    userPoolId = created.UserPool!.Id!;
  }
  // As in the cloud (infra/lib/identity-stack.ts): MFA optional, TOTP only; staff must set it up (issue 14). Set on
  // every start, so a pool kept from before also challenges accounts that have a TOTP app.
  await client.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: userPoolId,
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    }),
  );
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

/**
 * Creates confirmed demo users with permanent passwords in their role groups, skipping existing ones.
 * Returns each user's id (the token's `sub`) by email.
 */
export async function ensureDemoUsers(
  endpoint: string,
  userPoolId: string,
  users: readonly { email: string; password: string; role: string; displayName: string }[],
): Promise<Map<string, string>> {
  const client = cognitoClient(endpoint);
  const existing = await client.send(new ListUsersCommand({ UserPoolId: userPoolId }));
  const ids = new Map<string, string>();
  for (const u of existing.Users ?? []) {
    const email = u.Attributes?.find((a) => a.Name === 'email')?.Value;
    if (email && u.Username) ids.set(email, u.Username);
  }
  for (const user of users) {
    if (ids.has(user.email)) continue;
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
    await client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: user.password, Permanent: true }),
    );
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: user.role }));
    ids.set(user.email, username);
  }
  client.destroy();
  return ids;
}
