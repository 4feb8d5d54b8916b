import type { Programme } from '@mekendesh/contracts';
import { L, SOM } from './make-project.js';
import { SOATE } from './organisations.js';

/** The demo programme's id: fixed, so loading the demo again finds it instead of adding a second one. */
export const DEMO_PROGRAMME_ID = 'prg-mekenim-1-1';

/**
 * The demo co-financing programme, in the style of "Mekenim 1+1": public money adds one som to every som
 * the diaspora gives (ratio 1:1), donations only (a loan is paid back, so it is not matched), in five
 * oblasts with many migrants abroad and in the sectors their villages ask for most: a dozen demo projects
 * qualify (Naryn, Talas, Batken, Jalal-Abad and Osh oblasts; education, health, water, roads, agriculture).
 * Amounts in KGS tyiyn. The period is given by the loader (today in Bishkek and the year after it), so the
 * programme runs whenever the demo is first loaded.
 * @example demoProgramme({ startDate: '2026-11-30', endDate: '2027-11-30', createdAt: '2026-11-30T07:00:00.000Z' })
 */
export function demoProgramme(period: { startDate: string; endDate: string; createdAt: string }): Programme {
  return {
    id: DEMO_PROGRAMME_ID,
    name: L('Мекеним 1+1', 'Мекеним 1+1', 'Mekenim 1+1'),
    ratio: { numerator: 1, denominator: 1 },
    budget: 50_000_000 * SOM,
    capPerProject: 2_000_000 * SOM,
    oblastSoates: [SOATE.naryn, SOATE.talas, SOATE.batken, SOATE.jalalAbad, SOATE.osh],
    sectors: ['education', 'health', 'water', 'roads', 'agriculture'],
    kinds: 'all',
    pledgeTypes: ['donation'],
    startDate: period.startDate,
    endDate: period.endDate,
    reserved: 0,
    createdAt: period.createdAt,
  };
}
