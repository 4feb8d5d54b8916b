import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shiftedClock } from './clock.js';
import { composeFromEnv } from './composition.js';

const dir = mkdtempSync(join(tmpdir(), 'clock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DAY = 86_400_000;

describe('shiftedClock (CLOCK_OFFSET_FILE, local stack only)', () => {
  it('runs ahead by the milliseconds in the file, read on every call, and is the real time without a usable file', () => {
    const file = join(dir, 'offset');
    const clock = shiftedClock(file);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
    writeFileSync(file, String(30 * DAY));
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(30 * DAY - 1_000);
    writeFileSync(file, 'soon');
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it('is not read by a non-local entry point (Lambda): its clock stays the real time', () => {
    const file = join(dir, 'lambda-offset');
    writeFileSync(file, String(400 * DAY));
    const env = { CLOCK_OFFSET_FILE: file, TABLE_NAME: 'unused', AWS_REGION: 'local' };
    const lambda = composeFromEnv(env, {});
    expect(Math.abs(lambda.reports.clock.now().getTime() - Date.now())).toBeLessThan(1_000);
    const local = composeFromEnv(env, { local: true });
    expect(local.reports.clock.now().getTime() - Date.now()).toBeGreaterThan(399 * DAY);
  });
});
