/**
 * What the local job commands (`pnpm jobs:digests`, `pnpm jobs:deadlines`, `pnpm jobs:mail-sweep`) share with the local
 * stack (`pnpm dev`): the table, and the cursor secret the API checks unsubscribe links with, so that a link in an email a
 * job sent opens at the local API. The secret is made once, at random, in the git-ignored `.local/cursor-secret`;
 * nothing here is bundled into a Lambda function (the cloud's secret is in Secrets Manager, infra api-stack).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '@mekendesh/db';
import type { NoticeSettings } from '@mekendesh/jobs/composition';
import { moneyDb } from './money-env.js';

/** The repository's root (`.local/` lives there, git-ignored). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the local cursor secret is kept, under `root`. */
export const localSecretPath = (root: string) => join(root, '.local', 'cursor-secret');

/**
 * The local stack's cursor secret: read from `<root>/.local/cursor-secret`, or made there (32 random bytes, base64url,
 * readable by the owner only) when missing. Two processes making it at once agree: only the first write (`wx`) lands.
 * @example localCursorSecret() // 'q3V0…' (43 characters), the same in `pnpm dev` and `pnpm jobs:digests`
 */
export function localCursorSecret(root: string = REPO_ROOT): string {
  const path = localSecretPath(root);
  try {
    const kept = readFileSync(path, 'utf8').trim();
    if (kept.length > 0) return kept;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readFileSync(path, 'utf8').trim();
}

/**
 * A job command's table (the local stack's unless DYNAMODB_ENDPOINT says otherwise), signing with CURSOR_SECRET or the local one.
 * @throws Error for the cloud's table (DYNAMODB_ENDPOINT=aws) without CURSOR_SECRET.
 */
export function localJobDb(env: NodeJS.ProcessEnv = process.env, root: string = REPO_ROOT): Db {
  // The cloud's table takes the cloud's secret: links signed with the local one would not open at the deployed API.
  if (env.DYNAMODB_ENDPOINT === 'aws' && !env.CURSOR_SECRET) throw new Error("DYNAMODB_ENDPOINT=aws needs CURSOR_SECRET (the API's)");
  return { ...moneyDb(env), cursorSecret: env.CURSOR_SECRET || localCursorSecret(root) };
}

/** A job command's emails: sent inline into the dev outbox, linking to the local web app and API unless WEB_ORIGIN/API_PUBLIC_URL say. */
export function localNoticeSettings(env: NodeJS.ProcessEnv = process.env): NoticeSettings {
  return {
    mailDelivery: 'inline',
    webOrigin: env.WEB_ORIGIN ?? 'http://localhost:5173',
    apiOrigin: env.API_PUBLIC_URL ?? 'http://localhost:8787',
  };
}
