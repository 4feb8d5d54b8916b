import type { ClubContribution, ClubCreate, LocalizedText, QuestionRequest, SaveSearchRequest } from '@mekendesh/contracts';
import { SOATE } from './organisations.js';

/**
 * What people have done on the demo platform (issue 12), so that each new feature has something to show with the demo
 * accounts: follows and a saved search of the demo investor, questions and an answer, a hometown club with members and a
 * club pledge. Plain data: the local stack applies it through the same use cases a request runs (demo-activity.ts in
 * packages/local-stack), so the club pledge's sums are its members' pledges, never figures written here.
 *
 * People are named by their demo email (DEMO_USERS, resolved to account ids at load time) or by the id of a consenting
 * demo investor (DEMO_DEMAND_PROFILES, who have platform records but no sign-in).
 */

/** The demo investor (DEMO_USERS) and the demo officer, whose organisation owns prj-001 and prj-002. */
export const DEMO_INVESTOR_EMAIL = 'aibek.investor@demo.mekendesh.kg';
export const DEMO_OFFICER_EMAIL = 'officer@demo.mekendesh.kg';

/** Who does something: a demo account by email, or a consenting demo investor by id. */
export type DemoPerson = { email: string } | { id: string };

export interface DemoQuestion {
  /** Fixed, so loading again finds it instead of asking twice. */
  id: string;
  projectId: string;
  asker: DemoPerson;
  request: QuestionRequest;
  /** The answer the demo officer's organisation gave, if any (as written in the form). */
  answer?: string;
}

export interface DemoClubMember {
  person: DemoPerson;
  /** Listed by name on the club's page, or counted without a name. */
  shown: boolean;
  /** A contribution to the club pledge, through the pledge path (KGS tyiyn; bank transfer unless said). */
  contribution?: ClubContribution;
}

export interface DemoActivity {
  /** The demo investor's follows besides the home rayon (followed as a profile save does). */
  follows: { type: 'project' | 'organisation' | 'territory'; id: string }[];
  searches: SaveSearchRequest[];
  questions: DemoQuestion[];
  club: {
    /** Fixed id: the club page's address stays the same across loads. */
    id: string;
    organiser: DemoPerson;
    create: ClubCreate;
    /** Members besides the organiser, in the order they joined. */
    members: DemoClubMember[];
    /** The organiser's own contribution. */
    organiserContribution: ClubContribution;
    /** The project the club pledges to (published, in the club's home rayon), with the club's goal in KGS tyiyn. */
    pledge: { projectId: string; goalKgs: number };
  };
  /**
   * A refund staff still have to pay (issue 13): an all-or-nothing project in the organisation of `like` that expired
   * after `investor`'s bank transfer of `amountKgs` (KGS tyiyn) was received, refunded by the deadline job's booking.
   */
  refund: { projectId: string; like: string; title: LocalizedText; investor: DemoPerson; amountKgs: number; bankReference: string };
}

const som = (n: number) => n * 100;
const transfer = (amountSom: number, message?: string): ClubContribution => ({
  amount: { amount: som(amountSom), currency: 'KGS' },
  channel: 'bank_transfer',
  ...(message ? { message } : {}),
});

export const DEMO_ACTIVITY: DemoActivity = {
  // The Kara-Suu school roof: its answered question and club pledge reach the investor's digest of this week.
  follows: [{ type: 'project', id: 'prj-001' }],
  searches: [{ name: 'Нарындагы суу долбоорлору', query: { oblast: SOATE.naryn, sector: 'water', state: 'raising', sort: 'newest' } }],
  questions: [
    {
      id: 'demo-question-roof-start',
      projectId: 'prj-001',
      asker: { id: 'demo-demand-02' },
      request: { text: 'Чатырды качан алмаштыра башташат? Иштер 1-сентябрга чейин бүтөбү?', visibility: 'public', showName: true },
      answer:
        'Иштер 10-июнда башталат: адегенде эски шиферди алабыз, андан кийин устундарды алмаштырабыз. Курулушчулар менен келишим боюнча баары 20-августка чейин бүтөт. Гүлнара, Кара-Суу айыл өкмөтү.',
    },
    {
      id: 'demo-question-roof-help',
      projectId: 'prj-001',
      asker: { id: 'demo-demand-05' },
      request: { text: 'Можно ли летом приехать и помочь на стройке руками, а не деньгами?', visibility: 'public', showName: false },
    },
    {
      id: 'demo-question-felt-shop',
      projectId: 'prj-003',
      asker: { id: 'demo-demand-08' },
      request: {
        text: 'Will the online shop ship to Istanbul? I would order shyrdaks for our community centre.',
        visibility: 'public',
        showName: true,
      },
    },
    {
      id: 'demo-question-receipt',
      projectId: 'prj-001',
      asker: { email: DEMO_INVESTOR_EMAIL },
      request: {
        text: 'Мен Москвадан банк аркылуу которсом, квитанцияны кимге жөнөтүшүм керек?',
        visibility: 'private',
        showName: true,
      },
    },
  ],
  club: {
    id: 'demo-club-at-bashy-moscow',
    organiser: { id: 'demo-demand-01' },
    create: {
      name: 'Москвадагы ат-башылыктар',
      homeRayon: SOATE.atBashy,
      homeSettlement: 'Кара-Суу',
      residenceCountry: 'RU',
      residenceCity: 'Москва',
      description:
        'Москвада жашап иштеген Ат-Башынын уул-кыздары. Жылына эки жолу чогулуп, айылдарыбыздын мектептерине жана сууга жардам беребиз. Кошулуңуздар!',
    },
    members: [
      { person: { id: 'demo-demand-02' }, shown: true, contribution: transfer(5_000, 'Мектебибиз үчүн! Балдар жылуу класста окушсун.') },
      { person: { id: 'demo-demand-04' }, shown: true },
      { person: { id: 'demo-demand-05' }, shown: false, contribution: transfer(2_500) },
    ],
    organiserContribution: transfer(10_000),
    pledge: { projectId: 'prj-001', goalKgs: som(50_000) },
  },
  refund: {
    projectId: 'prj-demo-lapsed',
    like: 'prj-002',
    title: {
      ky: 'Кара-Суу: жайкы балдар лагери (мөөнөтү өтүп кетти)',
      ru: 'Кара-Суу: летний детский лагерь (срок истёк)',
      en: 'Kara-Suu: summer children’s camp (expired)',
    },
    investor: { id: 'demo-demand-03' },
    amountKgs: som(7_500),
    bankReference: 'DEMO-LAPSED-0001',
  },
};
