/**
 * What a freshly deployed stage needs before its first visitor, beyond what CloudFormation makes:
 * - the first staff account (Cognito), so someone can approve organisations, enter receiving accounts and rates;
 * - today's exchange rates, loaded from the National Bank's feeds by the rates job's own code (its schedule runs
 *   only at 09:00 Bishkek time, and a pledge in USD, EUR, RUB or KZT cannot be priced without a rate).
 * Territories are code (packages/territories), not stored: nothing to seed. Receiving accounts are the programme's
 * real bank details: staff enter them (/<lang>/staff/receiving-accounts); the demo ones are never put in a real table.
 * Every step is idempotent: a rerun finds the account and stores the same rate tables again.
 */
import { randomBytes } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { createDb } from '@mekendesh/db';
import { loadRatesFile, NBKR_FEEDS } from '@mekendesh/jobs/rates';

export interface SeedOptions {
  readonly region: string;
  readonly tableName: string;
  readonly userPoolId: string;
  /** The first staff member's email; no account is made without it. */
  readonly staffEmail?: string | undefined;
  /** DynamoDB Local / cognito-local (tests); the cloud's endpoints when absent. */
  readonly dynamoEndpoint?: string | undefined;
  readonly cognitoEndpoint?: string | undefined;
  /** How a feed is fetched (tests give the shipped samples); `fetch` with a 15 s timeout by default. */
  readonly fetchFeed?: (url: string) => Promise<Uint8Array>;
}

/** `created`: new account; `present`: it existed (its group membership made sure of); `skipped`: no email given. */
type StaffOutcome = 'created' | 'present' | 'skipped';

export interface SeedResult {
  readonly staff: StaffOutcome;
  /** One line per NBKR feed: `<url>: <date>, <n> currencies` or `<url>: <why not>`. */
  readonly rates: readonly string[];
  readonly ratesLoaded: boolean;
}

function cognito(options: SeedOptions): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: options.region,
    ...(options.cognitoEndpoint
      ? { endpoint: options.cognitoEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}

/** A password nobody is told: the account's owner sets their own through "Forgot password". Meets the pool's policy. */
function unknownPassword(): string {
  return `${randomBytes(24).toString('base64url')}aA1!`;
}

/**
 * Makes sure `email` has a confirmed Cognito account in the `staff` group.
 * The account is created with its email verified and a random password nobody sees (no temporary password): the web
 * sign-in has no "new password required" step, so a Cognito-mailed temporary password could not be used; the owner
 * sets a password at /<lang>/forgot-password, where Cognito emails them a code. Staff then enrol MFA on first sign-in.
 * Errors: Cognito's own (no such pool, no rights), unchanged.
 */
async function ensureStaffAccount(options: SeedOptions & { staffEmail: string }): Promise<'created' | 'present'> {
  const client = cognito(options);
  const { userPoolId, staffEmail: email } = options;
  try {
    let outcome: 'created' | 'present' = 'present';
    let username: string;
    try {
      username = (await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }))).Username!;
    } catch (e) {
      if (!(e instanceof UserNotFoundException) && (e as Error).name !== 'UserNotFoundException') throw e;
      const created = await client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: email,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      );
      username = created.User!.Username!;
      await client.send(
        new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: unknownPassword(), Permanent: true }),
      );
      outcome = 'created';
    }
    // Adding a member twice is no error: a rerun (or an account made by hand without the group) ends in the group.
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: 'staff' }));
    return outcome;
  } finally {
    client.destroy();
  }
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Loads the NBKR's daily and weekly feeds into the stage's table with the rates job's code (loadRatesFile). A feed
 * that cannot be fetched or read is reported, not thrown: staff can enter the day's rates at /<lang>/staff/rates.
 */
async function loadTodaysRates(options: SeedOptions): Promise<{ lines: string[]; loaded: boolean }> {
  const db = createDb({ tableName: options.tableName, endpoint: options.dynamoEndpoint, region: options.region });
  const fetchFeed = options.fetchFeed ?? fetchBytes;
  const lines: string[] = [];
  let loaded = false;
  try {
    for (const url of NBKR_FEEDS) {
      try {
        const out = await loadRatesFile(db, await fetchFeed(url));
        if (out.ok) loaded = true;
        lines.push(out.ok ? `${url}: ${out.date}, ${out.currencies} currencies` : `${url}: ${out.error}`);
      } catch (e) {
        lines.push(`${url}: ${(e as Error).message}`);
      }
    }
  } finally {
    db.raw.destroy();
  }
  return { lines, loaded };
}

/** Seeds a deployed stage (see the module comment): the staff account when an email is given, then today's rates. */
export async function seedStage(options: SeedOptions): Promise<SeedResult> {
  const staff: StaffOutcome = options.staffEmail ? await ensureStaffAccount({ ...options, staffEmail: options.staffEmail }) : 'skipped';
  const rates = await loadTodaysRates(options);
  return { staff, rates: rates.lines, ratesLoaded: rates.loaded };
}
