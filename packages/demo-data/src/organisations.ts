import type { LocalizedText } from '@mekendesh/contracts';

export type DemoOrganisationKind = 'ayil_okmotu' | 'city' | 'rayon_administration' | 'oblast_administration';

/**
 * A demo organisation. The shape matches the Organisation contract: territorySoate is the rayon for an
 * ayil okmotu or a rayon administration, the city's own code for a city hall, the oblast for an oblast
 * administration. It is assignable to the Organisation contract of @mekendesh/contracts.
 */
export interface DemoOrganisation {
  id: string;
  name: LocalizedText;
  kind: DemoOrganisationKind;
  territorySoate: string;
  oblastSoate: string;
  settlement?: LocalizedText;
  /** Programme staff's review of the organisation; 'approved' exactly when verified. */
  status: 'pending' | 'approved' | 'rejected';
  verified: boolean;
  createdAt: string;
}

/** SOATE codes used by the demo data (all present in @mekendesh/territories). */
export const SOATE = {
  issykKul: '41702000000000',
  ton: '41702220000000',
  tup: '41702225000000',
  karakol: '41702410000010',
  jalalAbad: '41703000000000',
  bazarKorgon: '41703207000000',
  suzak: '41703220000000',
  toguzToro: '41703223000000',
  naryn: '41704000000000',
  atBashy: '41704220000000',
  kochkor: '41704235000000',
  narynCity: '41704400000010',
  batken: '41705000000000',
  leilek: '41705236000000',
  batkenCity: '41705410000010',
  kyzylKiya: '41705430000010',
  osh: '41706000000000',
  alai: '41706207000000',
  uzgen: '41706255000000',
  talas: '41707000000000',
  bakaiAta: '41707220000000',
  talasCity: '41707400000010',
  chui: '41708000000000',
  sokuluk: '41708222000000',
  tokmok: '41708400000010',
  bishkek: '41711000000000',
  oshCity: '41721000000000',
} as const;

const org = (
  id: string,
  kind: DemoOrganisationKind,
  territorySoate: string,
  oblastSoate: string,
  name: [ky: string, ru: string, en: string],
  createdAt: string,
  settlement?: [ky: string, ru: string, en: string],
  verified = true,
): DemoOrganisation => ({
  id,
  name: { ky: name[0], ru: name[1], en: name[2] },
  kind,
  territorySoate,
  oblastSoate,
  ...(settlement ? { settlement: { ky: settlement[0], ru: settlement[1], en: settlement[2] } } : {}),
  status: verified ? 'approved' : 'pending',
  verified,
  createdAt,
});

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  // Naryn
  org(
    'org-naryn-at-bashy-kara-suu',
    'ayil_okmotu',
    SOATE.atBashy,
    SOATE.naryn,
    ['Кара-Суу айыл өкмөтү', 'Айыл окмоту Кара-Суу', 'Kara-Suu Ayil Okmotu'],
    '2025-11-04T08:30:00.000Z',
    ['Кара-Суу айылы', 'село Кара-Суу', 'Kara-Suu village'],
  ),
  org(
    'org-naryn-kochkor-kochkor',
    'ayil_okmotu',
    SOATE.kochkor,
    SOATE.naryn,
    ['Кочкор айыл өкмөтү', 'Айыл окмоту Кочкор', 'Kochkor Ayil Okmotu'],
    '2025-11-12T09:10:00.000Z',
    ['Кочкор айылы', 'село Кочкор', 'Kochkor village'],
  ),
  org(
    'org-naryn-naryn-city',
    'city',
    SOATE.narynCity,
    SOATE.naryn,
    ['Нарын шаарынын мэриясы', 'Мэрия города Нарын', 'Naryn City Hall'],
    '2025-11-20T10:00:00.000Z',
  ),
  // Issyk-Kul
  org(
    'org-issyk-kul-karakol-city',
    'city',
    SOATE.karakol,
    SOATE.issykKul,
    ['Каракол шаарынын мэриясы', 'Мэрия города Каракол', 'Karakol City Hall'],
    '2025-11-06T07:45:00.000Z',
  ),
  org(
    'org-issyk-kul-ton-bokonbaevo',
    'ayil_okmotu',
    SOATE.ton,
    SOATE.issykKul,
    ['Бөкөнбаев айыл өкмөтү', 'Айыл окмоту Боконбаево', 'Bokonbaevo Ayil Okmotu'],
    '2025-12-01T11:20:00.000Z',
    ['Бөкөнбаев айылы', 'село Боконбаево', 'Bokonbaevo village'],
  ),
  org(
    'org-issyk-kul-oblast-administration',
    'oblast_administration',
    SOATE.issykKul,
    SOATE.issykKul,
    [
      'Ысык-Көл облустук мамлекеттик администрациясы',
      'Иссык-Кульская областная государственная администрация',
      'Issyk-Kul Regional State Administration',
    ],
    '2025-10-28T06:00:00.000Z',
  ),
  // Jalal-Abad
  org(
    'org-jalal-abad-toguz-toro-kazarman',
    'ayil_okmotu',
    SOATE.toguzToro,
    SOATE.jalalAbad,
    ['Казарман айыл өкмөтү', 'Айыл окмоту Казарман', 'Kazarman Ayil Okmotu'],
    '2025-11-18T08:15:00.000Z',
    ['Казарман айылы', 'село Казарман', 'Kazarman village'],
  ),
  org(
    'org-jalal-abad-bazar-korgon-arslanbob',
    'ayil_okmotu',
    SOATE.bazarKorgon,
    SOATE.jalalAbad,
    ['Арстанбап айыл өкмөтү', 'Айыл окмоту Арсланбоб', 'Arslanbob Ayil Okmotu'],
    '2025-11-25T09:40:00.000Z',
    ['Арстанбап айылы', 'село Арсланбоб', 'Arslanbob village'],
  ),
  org(
    'org-jalal-abad-suzak-rayon',
    'rayon_administration',
    SOATE.suzak,
    SOATE.jalalAbad,
    [
      'Сузак райондук мамлекеттик администрациясы',
      'Сузакская районная государственная администрация',
      'Suzak District State Administration',
    ],
    '2025-12-03T10:30:00.000Z',
  ),
  // Batken
  org(
    'org-batken-batken-city',
    'city',
    SOATE.batkenCity,
    SOATE.batken,
    ['Баткен шаарынын мэриясы', 'Мэрия города Баткен', 'Batken City Hall'],
    '2025-11-10T05:50:00.000Z',
  ),
  org(
    'org-batken-kyzyl-kiya-city',
    'city',
    SOATE.kyzylKiya,
    SOATE.batken,
    ['Кызыл-Кыя шаарынын мэриясы', 'Мэрия города Кызыл-Кия', 'Kyzyl-Kiya City Hall'],
    '2025-12-09T06:25:00.000Z',
  ),
  org(
    'org-batken-leilek-rayon',
    'rayon_administration',
    SOATE.leilek,
    SOATE.batken,
    [
      'Лейлек райондук мамлекеттик администрациясы',
      'Лейлекская районная государственная администрация',
      'Leilek District State Administration',
    ],
    '2025-12-15T07:00:00.000Z',
  ),
  // Osh oblast
  org(
    'org-osh-uzgen-rayon',
    'rayon_administration',
    SOATE.uzgen,
    SOATE.osh,
    [
      'Өзгөн райондук мамлекеттик администрациясы',
      'Узгенская районная государственная администрация',
      'Uzgen District State Administration',
    ],
    '2025-11-14T06:40:00.000Z',
  ),
  org(
    'org-osh-alai-gulcha',
    'ayil_okmotu',
    SOATE.alai,
    SOATE.osh,
    ['Гүлчө айыл өкмөтү', 'Айыл окмоту Гульча', 'Gulcha Ayil Okmotu'],
    '2025-12-05T08:05:00.000Z',
    ['Гүлчө айылы', 'село Гульча', 'Gulcha village'],
  ),
  // Talas
  org(
    'org-talas-talas-city',
    'city',
    SOATE.talasCity,
    SOATE.talas,
    ['Талас шаарынын мэриясы', 'Мэрия города Талас', 'Talas City Hall'],
    '2025-11-08T09:00:00.000Z',
  ),
  org(
    'org-talas-bakai-ata-bakai-ata',
    'ayil_okmotu',
    SOATE.bakaiAta,
    SOATE.talas,
    ['Бакай-Ата айыл өкмөтү', 'Айыл окмоту Бакай-Ата', 'Bakai-Ata Ayil Okmotu'],
    '2025-12-11T10:10:00.000Z',
    ['Бакай-Ата айылы', 'село Бакай-Ата', 'Bakai-Ata village'],
  ),
  // Chui
  org(
    'org-chui-tokmok-city',
    'city',
    SOATE.tokmok,
    SOATE.chui,
    ['Токмок шаарынын мэриясы', 'Мэрия города Токмок', 'Tokmok City Hall'],
    '2025-11-16T07:30:00.000Z',
  ),
  org(
    'org-chui-sokuluk-sokuluk',
    'ayil_okmotu',
    SOATE.sokuluk,
    SOATE.chui,
    ['Сокулук айыл өкмөтү', 'Айыл окмоту Сокулук', 'Sokuluk Ayil Okmotu'],
    '2026-10-30T12:00:00.000Z',
    ['Сокулук айылы', 'село Сокулук', 'Sokuluk village'],
    false,
  ),
  // Bishkek and Osh city
  org(
    'org-bishkek-city',
    'city',
    SOATE.bishkek,
    SOATE.bishkek,
    ['Бишкек шаарынын мэриясы', 'Мэрия города Бишкек', 'Bishkek City Hall'],
    '2025-10-20T06:00:00.000Z',
  ),
  org(
    'org-osh-city',
    'city',
    SOATE.oshCity,
    SOATE.oshCity,
    ['Ош шаарынын мэриясы', 'Мэрия города Ош', 'Osh City Hall'],
    '2025-10-22T06:00:00.000Z',
  ),
];

export function demoOrganisation(id: string): DemoOrganisation {
  const found = DEMO_ORGANISATIONS.find((o) => o.id === id);
  if (!found) throw new Error(`unknown demo organisation ${id}`);
  return found;
}
