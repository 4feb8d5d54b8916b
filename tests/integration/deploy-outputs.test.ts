import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REGION as INFRA_DEFAULT_REGION } from '../../infra/lib/app.js';
import { parseDnsOutput, readStageOutputs } from '../../scripts/deploy/outputs.js';
import {
  bootstrapStep,
  deploySteps,
  destroyStep,
  parseDeployArgs,
  showStep,
  stageStacks,
  UsageError,
  DEFAULT_REGION,
} from '../../scripts/deploy/plan.js';
import { formatSummary, STRIPE_EVENTS } from '../../scripts/deploy/summary.js';

// What `cdk deploy --all --outputs-file` writes after a deploy of stage "staging" (a construct-level output carries a hash).
const OUTPUTS = {
  'Mekendesh-staging-Alerts': {
    AlarmTopicArn: 'arn:aws:sns:eu-central-1:111122223333:Mekendesh-staging-Alerts-AlarmTopic',
    // SES DKIM as infra/lib/mail-identity.ts declares it: a name and a value output per record, inside a construct (hashed keys).
    MailDkimRecord2NameB7C1D2E3: 'b2._domainkey.mekendesh.kg',
    MailDkimRecord1Name0A1B2C3D: 'a1._domainkey.mekendesh.kg',
    MailDkimRecord1Value9F8E7D6C: 'a1.dkim.amazonses.com',
    MailDkimRecord2Value11223344: 'b2.dkim.amazonses.com',
    MailSesSandboxNoteAABBCCDD: 'New AWS accounts send from SES sandbox',
  },
  'Mekendesh-staging-Edge': { ExportsOutputRefWebAcl: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/x' },
  'Mekendesh-staging-Data': { TableName: 'Mekendesh-staging-Data-Table-ABC' },
  'Mekendesh-staging-Identity': { UserPoolId: 'eu-central-1_AbC', UserPoolClientId: 'client' },
  'Mekendesh-staging-Api': {
    ApiUrl: 'https://abc123.execute-api.eu-central-1.amazonaws.com/',
    StripeSecretArn: 'arn:aws:secretsmanager:eu-central-1:111122223333:secret:StripeSecret-xyz',
    ApiFunctionName: 'Mekendesh-staging-Api-ApiFunctionCE271BD4-AbCdEf',
    CertificateDnsRecords: 'c3.mekendesh.kg CNAME c3.acm-validations.aws',
  },
  'Mekendesh-staging-Web': { DistributionSiteUrl5F3E2A1B: 'https://d111111abcdef8.cloudfront.net/' },
  'Mekendesh-prod-Data': { TableName: 'the-prod-table' },
};

describe('deploy outputs', () => {
  it('reads the values of its own stage only, whatever hash CDK put on a key', () => {
    expect(readStageOutputs(OUTPUTS, 'staging')).toEqual({
      stage: 'staging',
      siteUrl: 'https://d111111abcdef8.cloudfront.net',
      apiUrl: 'https://abc123.execute-api.eu-central-1.amazonaws.com',
      alarmTopicArn: 'arn:aws:sns:eu-central-1:111122223333:Mekendesh-staging-Alerts-AlarmTopic',
      tableName: 'Mekendesh-staging-Data-Table-ABC',
      userPoolId: 'eu-central-1_AbC',
      stripeSecretArn: 'arn:aws:secretsmanager:eu-central-1:111122223333:secret:StripeSecret-xyz',
      apiFunctionName: 'Mekendesh-staging-Api-ApiFunctionCE271BD4-AbCdEf',
      dnsRecords: [
        { name: 'a1._domainkey.mekendesh.kg', type: 'CNAME', value: 'a1.dkim.amazonses.com' },
        { name: 'b2._domainkey.mekendesh.kg', type: 'CNAME', value: 'b2.dkim.amazonses.com' },
        { name: 'c3.mekendesh.kg', type: 'CNAME', value: 'c3.acm-validations.aws' },
      ],
    });
    expect(readStageOutputs(OUTPUTS, 'prod')).toMatchObject({ tableName: 'the-prod-table', siteUrl: undefined, dnsRecords: [] });
  });

  it('reads DNS records given as JSON, and keeps an unreadable one whole', () => {
    expect(parseDnsOutput('Dkim', '[{"name":"x._domainkey.a.kg","type":"CNAME","value":"x.dkim.amazonses.com"}]')).toEqual([
      { name: 'x._domainkey.a.kg', type: 'CNAME', value: 'x.dkim.amazonses.com' },
    ]);
    expect(parseDnsOutput('DkimNote', 'see the SES console')).toEqual([{ name: 'DkimNote', type: '?', value: 'see the SES console' }]);
  });

  it('prints the URLs, the alarm topic, the DKIM records, the Stripe secret command and the webhook with its events', () => {
    const text = formatSummary(
      readStageOutputs(OUTPUTS, 'staging'),
      { staff: 'created', ratesLoaded: true, rates: ['https://www.nbkr.kg/XML/daily.xml: 2026-11-30, 4 currencies'] },
      { region: 'eu-central-1', staffEmail: 'ops@example.org' },
    );
    expect(text).toContain('  Site            https://d111111abcdef8.cloudfront.net\n');
    expect(text).toContain(
      '  API             https://d111111abcdef8.cloudfront.net/v1  (direct: https://abc123.execute-api.eu-central-1.amazonaws.com)',
    );
    expect(text).toContain('  Alarm topic     arn:aws:sns:eu-central-1:111122223333:Mekendesh-staging-Alerts-AlarmTopic');
    expect(text).toContain('  a1._domainkey.mekendesh.kg  CNAME  a1.dkim.amazonses.com');
    expect(text).toContain(
      'aws secretsmanager put-secret-value --region eu-central-1 --secret-id arn:aws:secretsmanager:eu-central-1:111122223333:secret:StripeSecret-xyz',
    );
    expect(text).toContain(
      'aws lambda update-function-configuration --region eu-central-1 --function-name Mekendesh-staging-Api-ApiFunctionCE271BD4-AbCdEf',
    );
    expect(text).toContain('endpoint https://d111111abcdef8.cloudfront.net/v1/webhooks/stripe');
    expect(text).toContain(`events: ${STRIPE_EVENTS.join(', ')}`);
    expect(text).toContain('ops@example.org created, in the staff group');
    expect(text).toContain('pnpm smoke https://d111111abcdef8.cloudfront.net');
  });

  it('says which output is missing rather than failing (a stack that does not declare it yet)', () => {
    const text = formatSummary(
      readStageOutputs({}, 'dev'),
      { staff: 'skipped', ratesLoaded: false, rates: [] },
      { region: 'eu-central-1' },
    );
    expect(text).toContain('Site            (not in the outputs: Web stack SiteUrl)');
    expect(text).toContain('Exchange rates  NOT loaded: staff enter today’s at /en/staff/rates');
    expect(text).toContain('  (none in the outputs)');
  });
});

describe('deploy arguments and steps', () => {
  it('takes the stage and options (a leading -- from pnpm run included), the region from the environment or Frankfurt', () => {
    const args = parseDeployArgs(['--', '--stage', 'staging', '--domain', 'Mekendesh.KG', '--alarm-email', 'ops@example.org'], {});
    expect(args).toEqual({
      stage: 'staging',
      region: 'eu-central-1',
      domain: 'mekendesh.kg',
      alarmEmail: 'ops@example.org',
      staffEmail: undefined,
      dryRun: false,
      force: false,
    });
    expect(DEFAULT_REGION).toBe(INFRA_DEFAULT_REGION);
    expect(parseDeployArgs(['--stage', 'dev'], { AWS_REGION: 'eu-west-1' }).region).toBe('eu-west-1');
    expect(showStep(deploySteps(args, '/tmp/o.json')[1]!)).toBe(
      '(cd infra && cdk deploy --all --require-approval never -c stage=staging -c alarmEmail=ops@example.org -c domain=mekendesh.kg --outputs-file /tmp/o.json)',
    );
    expect(showStep(bootstrapStep('111122223333', ['eu-central-1', 'us-east-1']))).toBe(
      '(cd infra && cdk bootstrap aws://111122223333/eu-central-1 aws://111122223333/us-east-1)',
    );
    expect(destroyStep(args).args).toEqual([
      'destroy',
      '--all',
      '--force',
      '-c',
      'stage=staging',
      '-c',
      'alarmEmail=ops@example.org',
      '-c',
      'domain=mekendesh.kg',
    ]);
    expect(stageStacks(args).find((s) => s.name === 'Mekendesh-staging-Edge')?.region).toBe('us-east-1');
  });

  it.each([
    [[], /--stage is required/],
    [['--stage', 'Prod'], /Invalid stage "Prod"/],
    [['--stage', 'dev', '--staff-email', 'nobody'], /--staff-email "nobody" is not an email address/],
    [['--stage', 'dev', '--domain', 'http://x.kg'], /--domain "http:\/\/x.kg" is not a domain name/],
    [['--stage', 'dev', '--region', 'frankfurt'], /--region "frankfurt" is not an AWS region/],
    [['--stage', 'dev', '--stages', 'x'], /Unknown option '--stages'/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseDeployArgs(argv, {})).toThrow(UsageError);
    expect(() => parseDeployArgs(argv, {})).toThrow(message);
  });
});

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** `pnpm run <script> <args>` as package.json runs it (tsx scripts/<script>.ts), with no AWS credentials anywhere. */
async function run(script: string, args: string[]): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'] };
  Object.assign(env, { AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' });
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsx, `scripts/${script}.ts`, ...args], {
      cwd: root,
      env,
      timeout: 60_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the deploy and destroy commands, as processes', () => {
  it('prints the plan with --dry-run and changes nothing', async () => {
    const { code, out } = await run('deploy', ['--stage', 'staging', '--staff-email', 'ops@example.org', '--dry-run']);
    expect(code).toBe(0);
    expect(out).toContain('Plan for stage "staging" in eu-central-1');
    expect(out).toContain("cdk bootstrap 'aws://<account>/eu-central-1' 'aws://<account>/us-east-1'");
    expect(out).toContain('cdk deploy --all --require-approval never -c stage=staging --outputs-file');
    expect(out).toContain('the staff account ops@example.org (Cognito, group staff)');
  }, 60_000);

  it('says in plain English that there are no AWS credentials, and stops (exit 1)', async () => {
    const { code, out } = await run('deploy', ['--stage', 'staging']);
    expect(code).toBe(1);
    expect(out).toContain('✖ No usable AWS credentials');
    expect(out).toContain('`aws sts get-caller-identity` must answer.');
  }, 60_000);

  it('refuses to destroy prod without --force (exit 2), before asking AWS anything', async () => {
    const { code, out } = await run('destroy', ['--stage', 'prod']);
    expect(code).toBe(2);
    expect(out).toContain('✖ Refusing to destroy prod without --force.');
  }, 60_000);
});
