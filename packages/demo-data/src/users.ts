import type { CountryCode } from '@mekendesh/contracts';

export type DemoRole = 'investor' | 'officer' | 'staff' | 'admin';

export interface DemoUser {
  email: string;
  /** Meets the password policy: 12+ characters with upper case, lower case, a digit and a symbol. */
  password: string;
  role: DemoRole;
  displayName: string;
  /** The organisation an officer belongs to. */
  organisationId?: string;
  /** An investor's home territory (rayon-level SOATE) and country of residence (ISO 3166-1 alpha-2). */
  homeRayonSoate?: string;
  residenceCountry?: CountryCode;
  residenceCity?: string;
}

/** The demo password; local and test stacks only. */
export const DEMO_PASSWORD = 'Mekendesh-Demo-2026!';

/** One user per role. */
export const DEMO_USERS: DemoUser[] = [
  {
    email: 'aibek.investor@demo.mekendesh.kg',
    password: DEMO_PASSWORD,
    role: 'investor',
    displayName: 'Айбек Токтогулов',
    homeRayonSoate: '41704220000000', // At-Bashy rayon, Naryn oblast
    residenceCountry: 'RU',
    residenceCity: 'Moscow',
  },
  {
    email: 'officer@demo.mekendesh.kg',
    password: DEMO_PASSWORD,
    role: 'officer',
    displayName: 'Гүлнара Асанова',
    organisationId: 'org-naryn-at-bashy-kara-suu',
  },
  {
    email: 'staff@demo.mekendesh.kg',
    password: DEMO_PASSWORD,
    role: 'staff',
    displayName: 'Нурлан Бекматов',
  },
  {
    email: 'admin@demo.mekendesh.kg',
    password: DEMO_PASSWORD,
    role: 'admin',
    displayName: 'Demo Admin',
  },
];
