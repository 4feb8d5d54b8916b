/**
 * What `cdk deploy --outputs-file` wrote for one stage, read into the few values the deploy command prints and seeds
 * with. The file is `{ "<stack name>": { "<output key>": "<value>" } }`; stacks are `Mekendesh-<stage>-<Part>`
 * (infra/lib/app.ts). An output that a stack does not (yet) declare is `undefined`, never an error: the summary says
 * what is missing instead of failing after a deploy that worked.
 */

/** One DNS record the operator must add (SES DKIM, certificate validation). */
export interface DnsRecord {
  readonly name: string;
  readonly type: string;
  readonly value: string;
}

/** The outputs of one deployed stage that the deploy command uses. */
export interface StageOutputs {
  readonly stage: string;
  /** `https://<domain or dxxxx.cloudfront.net>` (Web stack, `SiteUrl`). */
  readonly siteUrl: string | undefined;
  /** The HTTP API's own endpoint (Api stack, `ApiUrl`); browsers reach it at `<siteUrl>/v1`. */
  readonly apiUrl: string | undefined;
  readonly alarmTopicArn: string | undefined;
  readonly tableName: string | undefined;
  readonly userPoolId: string | undefined;
  /** The secret holding `{"secretKey","webhookSecret"}` (Api stack, `StripeSecretArn`). */
  readonly stripeSecretArn: string | undefined;
  /** The API's Lambda (Api stack, `ApiFunctionName`): updating its configuration makes new instances, which read the secrets again. */
  readonly apiFunctionName: string | undefined;
  /** Every output whose key mentions DKIM or DNS: records the operator adds at the domain's DNS host. */
  readonly dnsRecords: readonly DnsRecord[];
}

type OutputsFile = Record<string, Record<string, string> | undefined>;

/**
 * The value of `key` in stack `Mekendesh-<stage>-<part>`. CDK suffixes the key of an output declared inside a
 * construct with a hash (`SiteUrl` → `WebSiteUrl1A2B3C4D`), so a key that starts or ends with the name matches too.
 */
function output(file: OutputsFile, stage: string, part: string, key: string): string | undefined {
  const stack = file[`Mekendesh-${stage}-${part}`];
  if (!stack) return undefined;
  if (stack[key] !== undefined) return stack[key];
  const found = Object.keys(stack).find((k) => k.startsWith(key) || k.replace(/[0-9A-F]{8}$/, '').endsWith(key));
  return found === undefined ? undefined : stack[found];
}

/**
 * A DKIM/DNS output as records. Accepted shapes: `name CNAME value` (one record), several of them separated by `;` or
 * new lines, or a JSON array of `{name,type,value}`. Anything else is shown as one record of type `?`.
 */
export function parseDnsOutput(key: string, value: string): DnsRecord[] {
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      return (JSON.parse(text) as DnsRecord[]).map((r) => ({ name: r.name, type: r.type, value: r.value }));
    } catch {
      // not JSON after all: read it as text below
    }
  }
  return text
    .split(/[;\n]+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const parts = line.split(/\s+/);
      return parts.length === 3 ? { name: parts[0]!, type: parts[1]!, value: parts[2]! } : { name: key, type: '?', value: line };
    });
}

/**
 * The DNS records among one stack's outputs. SES DKIM comes as pairs `…DkimRecord<n>Name` / `…DkimRecord<n>Value`
 * (infra/lib/mail-identity.ts): each pair is one CNAME. Any other output whose key says DKIM or DNS is read by
 * parseDnsOutput.
 */
function dnsRecordsOf(outputs: Record<string, string>): DnsRecord[] {
  const records: DnsRecord[] = [];
  const pairs = new Map<string, { name?: string; value?: string }>();
  for (const [key, value] of Object.entries(outputs).sort(([a], [b]) => a.localeCompare(b))) {
    const pair = /DkimRecord(\d+)(Name|Value)/.exec(key);
    if (pair) {
      const entry = pairs.get(pair[1]!) ?? {};
      entry[pair[2] === 'Name' ? 'name' : 'value'] = value;
      pairs.set(pair[1]!, entry);
    } else if (/dkim|dns/i.test(key)) {
      records.push(...parseDnsOutput(key, value));
    }
  }
  for (const [, { name, value }] of [...pairs].sort(([a], [b]) => Number(a) - Number(b))) {
    records.push({ name: name ?? '?', type: 'CNAME', value: value ?? '?' });
  }
  return records;
}

/**
 * Reads the outputs file's JSON for `stage`.
 * @example readStageOutputs({ 'Mekendesh-dev-Api': { ApiUrl: 'https://x.execute-api.eu-central-1.amazonaws.com' } }, 'dev').apiUrl
 */
export function readStageOutputs(file: OutputsFile, stage: string): StageOutputs {
  const dnsRecords: DnsRecord[] = [];
  for (const [stackName, outputs] of Object.entries(file)) {
    if (!stackName.startsWith(`Mekendesh-${stage}-`) || !outputs) continue;
    dnsRecords.push(...dnsRecordsOf(outputs));
  }
  const siteUrl = output(file, stage, 'Web', 'SiteUrl');
  return {
    stage,
    siteUrl: siteUrl?.replace(/\/+$/, ''),
    apiUrl: output(file, stage, 'Api', 'ApiUrl')?.replace(/\/+$/, ''),
    alarmTopicArn: output(file, stage, 'Alerts', 'AlarmTopicArn'),
    tableName: output(file, stage, 'Data', 'TableName'),
    userPoolId: output(file, stage, 'Identity', 'UserPoolId'),
    stripeSecretArn: output(file, stage, 'Api', 'StripeSecretArn'),
    apiFunctionName: output(file, stage, 'Api', 'ApiFunctionName'),
    dnsRecords,
  };
}
