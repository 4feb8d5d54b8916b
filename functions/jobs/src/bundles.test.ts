import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Each scheduled job's Lambda entry (infra/lib/jobs-stack.ts JOB_ENTRIES) and the home-notice stream function's.
const ENTRIES = ['rates', 'deadlines', 'digests', 'home-notices', 'mail-sweep'] as const;

/**
 * Inputs the jobs must not carry: the API (its routes, middleware and composition) and the adapters only the API
 * uses (identity, payments, storage) with their SDKs. Matched against esbuild's metafile input paths.
 */
const FORBIDDEN = [
  /functions\/api\//,
  /packages\/identity\//,
  /packages\/payments\//,
  /packages\/storage\//,
  /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?stripe\//,
  /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?hono\//,
  /@hono[/+]/,
  /@aws-sdk[/+]client-cognito-identity-provider/,
  /@aws-sdk[/+]client-s3/,
  /@aws-sdk[/+]client-ses/,
  // The cold-start loader signs its one SSM call itself (packages/lambda-runtime/src/ssm-parameter.ts).
  /@aws-sdk[/+]client-ssm/,
  // Only English of zod's locales (patches/zod@4.6.7.patch): the other 50 were ~38 KB gzipped in every bundle.
  /zod\/v4\/locales\/(?!en\.js$|index\.js$)/,
];

/** Bundles an entry as the CDK does (infra/lib/api-stack.ts BUNDLING: ESM, minified, node22, SDK inside, sharp out). */
async function bundle(entry: string) {
  const out = await build({
    entryPoints: [fileURLToPath(new URL(`./${entry}.ts`, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    write: false,
    metafile: true,
    mainFields: ['module', 'main'],
    external: ['sharp'],
    logLevel: 'silent',
    banner: { js: "import { createRequire as __r } from 'node:module';const require = __r(import.meta.url);" },
  });
  const code = out.outputFiles[0]!.contents;
  return { raw: code.length, gz: gzipSync(code).length, inputs: Object.keys(out.metafile.inputs) };
}

/**
 * The mail function sends through SES, so it may carry the SES client and packages/identity's SesMailer module, but
 * nothing else of identity (Cognito, JWT checks), and none of the API, payments or storage.
 */
const MAIL_FORBIDDEN = [
  ...FORBIDDEN.filter((re) => !/identity|client-ses/.test(re.source)),
  /packages\/identity\/src\/(?!ses-mailer\.ts$)/,
  /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?jose\//,
];

describe('the jobs bundles', () => {
  it.each(ENTRIES)(
    '%s carries neither the API nor its identity, payment and storage adapters',
    async (entry) => {
      const { raw, gz, inputs } = await bundle(entry);
      console.log(`jobs/${entry}: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped, ${inputs.length} inputs`);
      expect(inputs.filter((path) => FORBIDDEN.some((re) => re.test(path)))).toEqual([]);
      // The db adapter and the domain are what a job is made of; this guards against a test passing on an empty bundle.
      expect(inputs.some((path) => path.includes('packages/db/src/'))).toBe(true);
      // Every job logs and counts through the shared runtime (Powertools; the cold-start loader).
      expect(inputs.some((path) => path.includes('packages/lambda-runtime/src/observability.ts'))).toBe(true);
      expect(inputs.some((path) => path.includes('packages/domain/src/'))).toBe(true);
    },
    60_000,
  );

  it('mail (the stream-triggered sender) carries SES but neither the API nor Cognito, payments or storage', async () => {
    const { raw, gz, inputs } = await bundle('mail');
    console.log(`jobs/mail: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped, ${inputs.length} inputs`);
    expect(inputs.filter((path) => MAIL_FORBIDDEN.some((re) => re.test(path)))).toEqual([]);
    expect(inputs.some((path) => path.includes('packages/identity/src/ses-mailer.ts'))).toBe(true);
    expect(inputs.some((path) => /@aws-sdk[/+]client-sesv2/.test(path))).toBe(true);
    expect(inputs.some((path) => path.includes('packages/domain/src/pledge-email.ts'))).toBe(true);
  }, 60_000);
});
