/**
 * What the deploy command prints at the end: where the stage is, what was seeded, and what the operator must still do
 * by hand (DNS records, Stripe keys and webhook, SES production access). Pure text from the outputs, so a rerun prints
 * the same lines and the tests read them.
 */
import type { StageOutputs } from './outputs.js';
import type { SeedResult } from './seed.js';

/**
 * The Stripe events the webhook handles (packages/payments/src/stripe-payments.ts `parseEvent`); any other is answered
 * 200 and ignored, so subscribing to more costs nothing but requests.
 */
export const STRIPE_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
] as const;

/** The webhook route: `app.route('/webhooks', …)` + `POST /stripe` under `/v1` (functions/api/src/app.ts, routes/card-payments.ts). */
const STRIPE_WEBHOOK_PATH = '/v1/webhooks/stripe';

const missing = (what: string) => `(not in the outputs: ${what})`;

function staffLine(seed: SeedResult, site: string, email: string | undefined): string {
  if (seed.staff === 'skipped') return 'none asked for (--staff-email <address> makes the first one)';
  const how = `set its password at ${site}/en/forgot-password (Cognito emails a code), then enrol MFA`;
  return `${email} ${seed.staff === 'created' ? 'created' : 'already there'}, in the staff group: ${how}`;
}

/**
 * The closing report of `pnpm run deploy`.
 * @example formatSummary(readStageOutputs(file, 'dev'), { staff: 'skipped', rates: [], ratesLoaded: false }, { region: 'eu-central-1' })
 */
export function formatSummary(out: StageOutputs, seed: SeedResult, options: { region: string; staffEmail?: string | undefined }): string {
  const site = out.siteUrl ?? missing('Web stack SiteUrl');
  const lines = [
    `Mekendesh ${out.stage} is deployed (${options.region}).`,
    '',
    `  Site            ${site}`,
    `  API             ${out.siteUrl ? `${out.siteUrl}/v1` : site}  (direct: ${out.apiUrl ?? missing('Api stack ApiUrl')})`,
    `  Alarm topic     ${out.alarmTopicArn ?? missing('Alerts stack AlarmTopicArn')}`,
    `  Table           ${out.tableName ?? missing('Data stack TableName')}`,
    `  Staff account   ${staffLine(seed, site, options.staffEmail)}`,
    `  Exchange rates  ${seed.ratesLoaded ? 'loaded from the NBKR' : 'NOT loaded: staff enter today’s at /en/staff/rates'}`,
    ...seed.rates.map((r) => `                  ${r}`),
    '',
  ];
  lines.push('DNS records to add at your domain’s DNS host (SES DKIM, so the platform’s emails are signed):');
  if (out.dnsRecords.length === 0) lines.push('  (none in the outputs)');
  for (const r of out.dnsRecords) lines.push(`  ${r.name}  ${r.type}  ${r.value}`);
  const secret = out.stripeSecretArn ?? '<StripeSecretArn output of the Api stack>';
  lines.push(
    '',
    'Next steps:',
    '  1. Card payments (off until set): put the Stripe keys in their secret (README "Deploying to AWS"):',
    `       aws secretsmanager put-secret-value --region ${options.region} --secret-id ${secret} \\`,
    `         --secret-string '{"secretKey":"sk_live_…","webhookSecret":"whsec_…"}'`,
    '     Functions read their secrets once per cold start: make new instances now (any configuration change does it):',
    `       aws lambda update-function-configuration --region ${options.region} --function-name ${out.apiFunctionName ?? '<ApiFunctionName output>'} \\`,
    `         --description "Stripe keys set $(date -u +%FT%TZ)"`,
    `  2. Stripe dashboard → Developers → Webhooks: endpoint ${out.siteUrl ? `${out.siteUrl}${STRIPE_WEBHOOK_PATH}` : STRIPE_WEBHOOK_PATH}`,
    `     events: ${STRIPE_EVENTS.join(', ')}`,
    '  3. SES: ask AWS for production access (out of the sandbox) in this region, or emails reach verified addresses only.',
    '  4. Staff: enter the receiving bank accounts at /en/staff/receiving-accounts (bank transfers show them).',
    `  5. Check it: pnpm smoke ${out.siteUrl ?? '<site url>'}`,
  );
  if (out.alarmTopicArn) lines.push('  6. Alarm emails: confirm the subscription email AWS sent to the --alarm-email address.');
  return lines.join('\n');
}
