import { readFileSync } from 'node:fs';

/** What the use cases read the time from (domain `Clock`s are this shape). */
export interface ApiClock {
  now(): Date;
}

/** The real time: every deployed API, and the local stack unless CLOCK_OFFSET_FILE is set. */
export const systemClock: ApiClock = { now: () => new Date() };

/**
 * Local stack and browser tests only (composeFromEnv reads CLOCK_OFFSET_FILE only when the entry point is local,
 * server.ts; the Lambda entry never does): the time shifted by the number of milliseconds written in `file`, read
 * on every call, so a test moves the API's days forward (e.g. past a milestone's late date) without waiting.
 * A missing or unreadable file, or anything but a finite number in it, is no shift.
 * @example writeFileSync(file, String(30 * 86_400_000)) // the API now lives 30 days ahead
 */
export function shiftedClock(file: string): ApiClock {
  const shift = (): number => {
    try {
      const ms = Number(readFileSync(file, 'utf8').trim());
      return Number.isFinite(ms) ? ms : 0;
    } catch {
      return 0;
    }
  };
  return { now: () => new Date(Date.now() + shift()) };
}
