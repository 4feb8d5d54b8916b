import type { CountryCode, Sector } from '@mekendesh/contracts';
import { SOATE } from './organisations.js';

/**
 * Investors who agreed to be counted in the demand signals (issue 11): platform records only (they have no sign-in),
 * so that the demo officer's territory, At-Bashy, shows a real table: some cells of 5 or more, some under 5.
 * Amounts are the most they have in mind, in KGS tyiyn. Loaded through the profile save, which keeps the counts.
 */
export interface DemoDemandProfile {
  id: string;
  displayName: string;
  homeRayonSoate: string;
  homeOblastSoate: string;
  residenceCountry: CountryCode | null;
  sectors: Sector[];
  amountMax: number | null;
}

const som = (n: number) => n * 100;
const atBashy = { homeRayonSoate: SOATE.atBashy, homeOblastSoate: SOATE.naryn };

/**
 * At-Bashy: 8 people (water 6, agriculture 5, education 3, health 2; 10,000–50,000 som 5; Russia 5, Kazakhstan 2,
 * Türkiye 1); two more in Kochkor, so Naryn oblast counts 10.
 */
export const DEMO_DEMAND_PROFILES: readonly DemoDemandProfile[] = [
  {
    id: 'demo-demand-01',
    displayName: 'Бакыт Ж.',
    ...atBashy,
    residenceCountry: 'RU',
    sectors: ['water', 'agriculture'],
    amountMax: som(20_000),
  },
  {
    id: 'demo-demand-02',
    displayName: 'Айгүл С.',
    ...atBashy,
    residenceCountry: 'RU',
    sectors: ['water', 'education'],
    amountMax: som(30_000),
  },
  {
    id: 'demo-demand-03',
    displayName: 'Эрлан К.',
    ...atBashy,
    residenceCountry: 'RU',
    sectors: ['water', 'agriculture'],
    amountMax: som(45_000),
  },
  {
    id: 'demo-demand-04',
    displayName: 'Жылдыз Т.',
    ...atBashy,
    residenceCountry: 'RU',
    sectors: ['water', 'health'],
    amountMax: som(15_000),
  },
  {
    id: 'demo-demand-05',
    displayName: 'Нурбек А.',
    ...atBashy,
    residenceCountry: 'RU',
    sectors: ['agriculture', 'education'],
    amountMax: som(10_000),
  },
  {
    id: 'demo-demand-06',
    displayName: 'Асель М.',
    ...atBashy,
    residenceCountry: 'KZ',
    sectors: ['water', 'agriculture'],
    amountMax: som(100_000),
  },
  {
    id: 'demo-demand-07',
    displayName: 'Темир Б.',
    ...atBashy,
    residenceCountry: 'KZ',
    sectors: ['water', 'health'],
    amountMax: som(150_000),
  },
  {
    id: 'demo-demand-08',
    displayName: 'Гүлзат О.',
    ...atBashy,
    residenceCountry: 'TR',
    sectors: ['agriculture', 'education'],
    amountMax: som(5_000),
  },
  {
    id: 'demo-demand-09',
    displayName: 'Данияр Э.',
    homeRayonSoate: SOATE.kochkor,
    homeOblastSoate: SOATE.naryn,
    residenceCountry: 'US',
    sectors: ['education'],
    amountMax: null,
  },
  {
    id: 'demo-demand-10',
    displayName: 'Мээрим Р.',
    homeRayonSoate: SOATE.kochkor,
    homeOblastSoate: SOATE.naryn,
    residenceCountry: 'RU',
    sectors: ['water'],
    amountMax: som(25_000),
  },
];
