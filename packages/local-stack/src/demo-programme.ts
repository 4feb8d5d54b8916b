import { DynamoProgrammeStore, type Db } from '@mekendesh/db';
import { demoProgramme } from '@mekendesh/demo-data';
import { addDays, bishkekToday } from '@mekendesh/domain';

/**
 * The demo co-financing programme "Mekenim 1+1" (1:1, donations only; see `demoProgramme`), running from
 * today in Bishkek for a year. Written only if it is not there, so `pnpm dev` can restart over existing
 * data (also data loaded before the demo had a programme): the stored one, with what it reserved, stays.
 * @example await ensureDemoProgramme(db) // 'created' the first time, 'present' after
 */
export async function ensureDemoProgramme(db: Db, clock: { now(): Date } = { now: () => new Date() }): Promise<'created' | 'present'> {
  const startDate = bishkekToday(clock);
  const programme = demoProgramme({ startDate, endDate: addDays(startDate, 365), createdAt: clock.now().toISOString() });
  return new DynamoProgrammeStore(db).ensure(programme);
}
