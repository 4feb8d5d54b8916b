import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoRateStore, type Db } from '@mekendesh/db';
import { rateOn } from '@mekendesh/domain';
import { readStageOutputs } from '../../scripts/deploy/outputs.js';
import { seedStage } from '../../scripts/deploy/seed.js';
import { formatSummary } from '../../scripts/deploy/summary.js';
import { freshTable } from '../fixtures/db.js';

// The NBKR samples shipped with the domain package stand in for the live feeds.
const SAMPLES = new URL('../../packages/domain/src/test-data/', import.meta.url);
const FEEDS: Record<string, string> = {
  'https://www.nbkr.kg/XML/daily.xml': 'daily_sample_2013-12-15.xml',
  'https://www.nbkr.kg/XML/weekly.xml': 'weekly_sample_2013-12-14.xml',
};
const sampleFeed = async (url: string) => new Uint8Array(readFileSync(new URL(FEEDS[url]!, SAMPLES)));

let table: { db: Db; drop: () => Promise<void> };
const cognito = () => inject('cognito');
let client: CognitoIdentityProviderClient;

beforeAll(async () => {
  table = await freshTable(inject('dynamoEndpoint'));
  client = new CognitoIdentityProviderClient({
    endpoint: cognito().endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});
afterAll(async () => {
  client.destroy();
  await table.drop();
});

/** What `cdk deploy --outputs-file` writes for stage `smoke`, with this run's table and pool as the names. */
function fakeOutputs() {
  return {
    'Mekendesh-smoke-Data': { TableName: table.db.tableName },
    'Mekendesh-smoke-Identity': { UserPoolId: cognito().userPoolId, UserPoolClientId: cognito().clientId },
    'Mekendesh-smoke-Web': { SiteUrl: 'https://d111111abcdef8.cloudfront.net' },
  };
}

describe('deploy seeding (DynamoDB Local + cognito-local, the names from the outputs)', () => {
  it('makes the first staff account and loads the NBKR rates; a rerun changes nothing and reports the same', async () => {
    const outputs = readStageOutputs(fakeOutputs(), 'smoke');
    const options = {
      region: 'local',
      tableName: outputs.tableName!,
      userPoolId: outputs.userPoolId!,
      staffEmail: 'first.staff@example.org',
      dynamoEndpoint: inject('dynamoEndpoint'),
      cognitoEndpoint: cognito().endpoint,
      fetchFeed: sampleFeed,
    };
    const first = await seedStage(options);
    expect(first).toEqual({
      staff: 'created',
      ratesLoaded: true,
      rates: [
        'https://www.nbkr.kg/XML/daily.xml: 2013-12-15, 4 currencies',
        expect.stringMatching(/^https:\/\/www\.nbkr\.kg\/XML\/weekly\.xml: 2013-12-14, \d+ currencies$/),
      ],
    });

    const user = await client.send(new AdminGetUserCommand({ UserPoolId: options.userPoolId, Username: options.staffEmail }));
    // Confirmed with a password nobody was told (no temporary password the web sign-in could not use), email verified.
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(user.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
    const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: options.userPoolId, Username: user.Username! }));
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['staff']);
    expect(await rateOn(new DynamoRateStore(table.db), 'USD', '2013-12-16')).toEqual({
      currency: 'USD',
      value: '29.2717',
      nominal: 1,
      date: '2013-12-15',
    });

    const again = await seedStage(options);
    expect(again).toEqual({ ...first, staff: 'present' });
    const sameUser = await client.send(new AdminGetUserCommand({ UserPoolId: options.userPoolId, Username: options.staffEmail }));
    expect(sameUser.Username).toBe(user.Username);
    expect(formatSummary(outputs, again, { region: 'eu-central-1', staffEmail: options.staffEmail })).toContain(
      'Staff account   first.staff@example.org already there, in the staff group: set its password at https://d111111abcdef8.cloudfront.net/en/forgot-password',
    );
  });

  it('reports a feed that cannot be fetched instead of failing, and makes no account without an email', async () => {
    const out = await seedStage({
      region: 'local',
      tableName: table.db.tableName,
      userPoolId: cognito().userPoolId,
      dynamoEndpoint: inject('dynamoEndpoint'),
      cognitoEndpoint: cognito().endpoint,
      fetchFeed: async () => {
        throw new Error('HTTP 503');
      },
    });
    expect(out).toEqual({
      staff: 'skipped',
      ratesLoaded: false,
      rates: ['https://www.nbkr.kg/XML/daily.xml: HTTP 503', 'https://www.nbkr.kg/XML/weekly.xml: HTTP 503'],
    });
  });
});
