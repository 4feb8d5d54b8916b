import type { LocalizedText, Project, ProjectKind, ProjectStatus, Sector } from '@mekendesh/contracts';
import { demoOrganisation } from './organisations.js';

type Locale = 'ky' | 'ru' | 'en';
type PledgeType = Project['pledgeTypes'][number];
type FundingModel = Project['fundingModel'];
/** A text in [Kyrgyz, Russian, English]. */
type Tri = readonly [ky: string, ru: string, en: string];

/** 1 som = 100 tyiyn. */
export const SOM = 100;

const tri = (t: Tri): LocalizedText => ({ ky: t[0], ru: t[1], en: t[2] });
/** A text in all three languages. */
export const L = (ky: string, ru: string, en: string): LocalizedText => ({ ky, ru, en });

/** Milestone titles used by many projects. */
const MILESTONES = {
  design: ['Долбоор-смета документтерин даярдоо', 'Подготовка проектно-сметной документации', 'Design and cost estimate'],
  tender: ['Тендер өткөрүү жана мердигерди тандоо', 'Проведение тендера и выбор подрядчика', 'Tender and choice of contractor'],
  materials: ['Курулуш материалдарын сатып алуу', 'Закупка строительных материалов', 'Purchase of building materials'],
  works: ['Курулуш-монтаж иштери', 'Строительно-монтажные работы', 'Construction and installation works'],
  equipment: ['Жабдууларды сатып алуу жана орнотуу', 'Закупка и установка оборудования', 'Purchase and installation of equipment'],
  premises: ['Имаратты оңдоо жана даярдоо', 'Ремонт и подготовка помещения', 'Renovation of the premises'],
  training: ['Кызматкерлерди окутуу', 'Обучение персонала', 'Staff training'],
  launch: ['Ишке киргизүү жана биринчи продукция', 'Запуск и первая продукция', 'Launch and first output'],
  handover: ['Объектини пайдаланууга берүү', 'Сдача объекта в эксплуатацию', 'Commissioning and handover'],
  pipes: ['Түтүктөрдү сатып алуу жана жеткирүү', 'Закупка и доставка труб', 'Purchase and delivery of pipes'],
  trench: ['Траншея казуу жана түтүк төшөө', 'Рытьё траншей и укладка труб', 'Trenching and pipe laying'],
  courses: ['Биринчи агымдын окуусу', 'Обучение первого потока', 'First cohort trained'],
  season: ['Биринчи туристтик сезон', 'Первый туристический сезон', 'First tourist season'],
  planting: ['Көчөттөрдү отургузуу', 'Посадка саженцев', 'Planting of saplings'],
  marketing: ['Сатуу жана маркетинг', 'Сбыт и маркетинг', 'Sales and marketing'],
} as const satisfies Record<string, Tri>;
type MilestoneKey = keyof typeof MILESTONES;

/**
 * Splits an integer total by percentages with exact integer arithmetic: every share is rounded down
 * and the remainder goes to the last share with a non-zero percentage, so the shares add up to the total.
 */
export function splitExact(total: number, percents: readonly number[]): number[] {
  const sum = percents.reduce((a, b) => a + b, 0);
  if (sum !== 100) throw new Error(`percentages add up to ${sum}, not 100`);
  const shares = percents.map((p) => Math.floor((total * p) / 100));
  let last = -1;
  percents.forEach((p, i) => {
    if (p > 0) last = i;
  });
  shares[last] = shares[last]! + total - shares.reduce((a, b) => a + b, 0);
  return shares;
}

export interface ProjectSpec {
  /** Number in the id: 1 -> "prj-001". */
  n: number;
  slug: string;
  status: ProjectStatus;
  org: string;
  /** Rayon-level SOATE; defaults to the organisation's territory (required for oblast administrations). */
  rayon?: string;
  settlement?: Tri | null;
  sector: Sector;
  kind: ProjectKind;
  /** Funding goal in som. */
  goalSom: number;
  /** Percent of the goal from [diaspora, municipality, co-financing, other donors]; adds up to 100. */
  plan: readonly [number, number, number, number];
  /** Received, in percent of the diaspora share (>= 100 once funded). */
  raisedPct: number;
  /** Pledged, in percent of the diaspora share; at least raisedPct. */
  pledgedPct: number;
  supporters: number;
  minimumPledgeSom?: number;
  pledgeTypes?: PledgeType[];
  fundingModel?: FundingModel;
  beneficiaries: number;
  jobs: number;
  /** Dates as YYYY-MM-DD. */
  created: string;
  published: string | null;
  updated?: string;
  deadline: string;
  /** [title, due date, percent of the goal]; percentages add up to 100. */
  milestones: ReadonlyArray<readonly [MilestoneKey | Tri, string, number]>;
  title: LocalizedText;
  summary: LocalizedText;
  description: LocalizedText;
}

const LOCALES: readonly Locale[] = ['ky', 'ru', 'en'];
const pad = (n: number) => String(n).padStart(2, '0');
/** A deterministic time of day so that timestamps do not all look alike. */
const at = (date: string, n: number, salt: number) => `${date}T${pad(5 + ((n * 7 + salt) % 11))}:${pad((n * 13 + salt * 17) % 60)}:00.000Z`;
/** Whole som, in tyiyn. */
const wholeSom = (tyiyn: number) => Math.round(tyiyn / SOM) * SOM;

export function makeProject(s: ProjectSpec): Project {
  const o = demoOrganisation(s.org);
  const id = `prj-${String(s.n).padStart(3, '0')}`;
  const goal = s.goalSom * SOM;
  const [diaspora, municipality, cofinancing, otherDonors] = splitExact(goal, s.plan) as [number, number, number, number];
  const tranches = splitExact(
    goal,
    s.milestones.map((m) => m[2]),
  );
  const raised = wholeSom((diaspora * s.raisedPct) / 100);
  const pledged = Math.max(raised, wholeSom((diaspora * s.pledgedPct) / 100));
  const languages = LOCALES.filter((l) => s.title[l] && s.summary[l] && s.description[l]);
  const rayonSoate = s.rayon ?? (o.kind === 'oblast_administration' ? null : o.territorySoate);
  const createdAt = at(s.created, s.n, 1);
  const publishedAt = s.published ? at(s.published, s.n, 2) : null;
  const updatedAt = s.updated ? at(s.updated, s.n, 3) : (publishedAt ?? createdAt);
  // A proposal waiting for staff was submitted on its last update: the review queue counts its waiting days from it
  // and the dashboard's export shows it (without it both read 0 days and an empty "Submitted").
  const waiting = s.status === 'submitted' || s.status === 'in_review';
  return {
    id,
    slug: s.slug,
    status: s.status,
    organisationId: o.id,
    organisationName: o.name,
    oblastSoate: o.oblastSoate,
    rayonSoate,
    settlement: s.settlement ? tri(s.settlement) : null,
    title: s.title,
    summary: s.summary,
    languages,
    sector: s.sector,
    kind: s.kind,
    goal,
    raised,
    pledged,
    supporters: s.supporters,
    deadline: s.deadline,
    publishedAt,
    coverUrl: null,
    description: s.description,
    fundingPlan: { diaspora, municipality, cofinancing, otherDonors },
    pledgeTypes: s.pledgeTypes ?? (s.kind === 'business' ? ['equity', 'loan', 'donation'] : ['donation', 'in_kind']),
    minimumPledge: (s.minimumPledgeSom ?? 500) * SOM,
    fundingModel: s.fundingModel ?? 'keep_what_is_raised',
    beneficiaries: s.beneficiaries,
    jobs: s.jobs,
    milestones: s.milestones.map(([title, dueDate], i) => ({
      id: `${id}-m${i + 1}`,
      title: tri(typeof title === 'string' ? MILESTONES[title as MilestoneKey] : (title as Tri)),
      dueDate,
      tranche: tranches[i]!,
    })),
    version: 1,
    createdAt,
    updatedAt,
    ...(waiting ? { submittedAt: updatedAt, statusChangedAt: updatedAt } : {}),
  };
}
