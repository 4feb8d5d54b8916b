import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleFunction } from './function-sizes.js';

/**
 * The API bundle as infra builds it (functions/api/bundle.mjs). Issue 14's goal is <= 300 KB gzipped for what a cold
 * start loads before its first answer (GET /v1/projects, the chunks a fresh process actually loads). On 2026-11-30 it
 * was 362.5 KB; after issue 14 A2 (one resource's routes per request, unhomoglyph's table, Cognito's SDK and jose on
 * first use) 321.8 KB; on 2026-12-01 283.7 KB, once the API's modules import packages/domain and packages/db by file
 * instead of through their index (esbuild splits by file: a package index the first answer reaches put every file
 * another route used into the chunks it loads), most stores are made on their first call (composition.ts dbPort) and
 * /v1/projects/{id}/<part> loads its part's routes alone. The ceiling is the goal.
 */
const START_GZ_CEILING = 300 * 1024;
/** Loading the entry parses only the handler, the cold-start loader and Powertools: the app is imported by the start. */
const LOAD_GZ_CEILING = 60 * 1024;

/** Inputs a cold start must not parse: reached only through import() in the adapters (lazy chunks). */
const LAZY = [
  /[/+]stripe[@/]/,
  /@aws-sdk[/+]client-s3[@/]/,
  /@aws-sdk[/+]client-sesv2[@/]/,
  /@aws-sdk[/+]s3-presigned-post/,
  /@aws-sdk[/+]client-secrets-manager[@/]/,
];

describe('the API function bundle', () => {
  it('parses at most the ceilings, leaves Stripe, S3, SES and Secrets Manager to lazy chunks, and has no zod locale but en', async () => {
    const b = await bundleFunction('api');
    try {
      console.log(
        `api: at load ${(b.eager.gz / 1024).toFixed(1)} KB gz, before the first answer ${(b.start.gz / 1024).toFixed(1)} KB gz, total ${(b.total.gz / 1024).toFixed(1)} KB gz`,
      );
      expect(b.eager.gz).toBeLessThanOrEqual(LOAD_GZ_CEILING);
      expect(b.start.gz).toBeLessThanOrEqual(START_GZ_CEILING);
      // The first answer (GET /v1/projects, as loaded by a fresh process) needs the app and the projects resource: a test
      // passing on an empty app chunk would prove nothing. Other resources wait for their first request (lazy-app.ts),
      // the whole app (app.ts) for /v1/openapi.json, the confusables table for the first club created.
      expect(b.startInputs.some((p) => p.endsWith('functions/api/src/lambda-app.ts'))).toBe(true);
      expect(b.startInputs.some((p) => p.endsWith('functions/api/src/routes/projects.ts'))).toBe(true);
      expect(b.eagerInputs.some((p) => p.endsWith('functions/api/src/lambda-app.ts'))).toBe(false);
      for (const later of [
        'functions/api/src/app.ts',
        'functions/api/src/routes/money-staff.ts',
        'functions/api/src/routes/reports.ts',
        'functions/api/src/routes/pledges.ts',
        'packages/domain/src/clubs.ts',
        'packages/db/src/dashboard-store.ts',
        'papaparse/papaparse.js',
        'unhomoglyph/data.json',
      ]) {
        expect(b.inputs.some((p) => p.endsWith(later))).toBe(true);
        expect(b.startInputs.filter((p) => p.endsWith(later))).toEqual([]);
      }
      // Each lazily imported SDK is in the bundle (the function needs it), but only in chunks import() loads on first use.
      for (const re of LAZY) expect(b.inputs.some((p) => re.test(p))).toBe(true);
      expect(b.startInputs.filter((p) => LAZY.some((re) => re.test(p)))).toEqual([]);
      expect(b.inputs.filter((p) => /zod\/v4\/locales\/(?!en\.js|index\.js)/.test(p))).toEqual([]);
      expect(b.inputs.some((p) => /@aws-sdk[/+]client-ssm/.test(p))).toBe(false);
    } finally {
      rmSync(b.dir, { recursive: true, force: true });
    }
  }, 120_000);
});
