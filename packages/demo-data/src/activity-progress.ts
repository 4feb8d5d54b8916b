import type { CofundingReceipt, LocalizedText } from '@mekendesh/contracts';
import { DEMO_INVESTOR_EMAIL, type DemoPerson } from './activity.js';

/**
 * Issue 13's demo: what a funded project reports and spends, and one that reports late. Plain data: the local stack
 * (packages/local-stack demo-progress.ts) funds each project through the pledge path, has staff record the receipts and
 * the co-funding, and the officer upload the photo, post the report and record the disbursement through the use cases
 * a request runs. Milestone due dates are days from the day the demo loads (Bishkek), so the late one stays late.
 */
export interface DemoFundedProject {
  /** Fixed id (the page's address stays the same across loads), a copy of the demo project `like` (its organisation). */
  projectId: string;
  like: string;
  slug: string;
  title: LocalizedText;
  /** The goal (KGS tyiyn), all of it the diaspora's share, pledged whole by `investor` (funding needs the goal pledged). */
  goalKgs: number;
  investor: DemoPerson;
  bankReference: string;
  /** Each milestone's due date, in days from the load day (negative: already past). */
  dueInDays: readonly number[];
}

export interface DemoProgress {
  /** Funded by the demo investor; the municipality's money recorded by staff; a report with a photo on its first milestone; a disbursement. */
  reported: DemoFundedProject & {
    /** Received on the load day, on top of the goal (the municipality's own budget). */
    cofunding: Omit<CofundingReceipt, 'receivedOn'>;
    report: { text: LocalizedText; photoFile: URL; photoKey: string; photoName: string };
    disbursement: { amountKgs: number; purpose: string };
  };
  /** Funded, its first milestone due more than 14 days ago and no report: late on its page and in the staff queue. */
  late: DemoFundedProject;
}

const som = (n: number) => n * 100;

export const DEMO_PROGRESS: DemoProgress = {
  reported: {
    projectId: 'prj-demo-reported',
    like: 'prj-001',
    slug: 'kara-suu-school-heating',
    title: {
      ky: 'Кара-Суу: мектептин жылытуу казаны',
      ru: 'Кара-Суу: котёл для отопления школы',
      en: 'Kara-Suu: a heating boiler for the school',
    },
    goalKgs: som(300_000),
    investor: { email: DEMO_INVESTOR_EMAIL },
    bankReference: 'DEMO-REPORTED-0001',
    dueInDays: [-10, 60, 120],
    cofunding: { funder: 'municipality', amountKgs: som(60_000), note: 'Кара-Суу айыл өкмөтүнүн бюджети' },
    report: {
      text: {
        ky: '## Долбоор даяр\n\nДолбоор-смета документтери бүттү, райондук архитектура **макулдады**. Казан жана түтүктөр сатылып алынууда.',
        ru: '## Проект готов\n\nПроектно-сметная документация готова и **согласована** с районной архитектурой. Закупаем котёл и трубы.',
        en: '## Design done\n\nThe design and cost estimate are finished and **approved** by the rayon architect. The boiler and pipes are being bought.',
      },
      photoFile: new URL('../assets/report-photo.jpg', import.meta.url),
      // An upload key as the upload request hands them out (26 characters), fixed so a second load finds it attached.
      photoKey: '01jdem0rep0rtph0t000000001.jpg',
      photoName: 'mektep.jpg',
    },
    disbursement: { amountKgs: som(150_000), purpose: 'Жылытуу казаны (КВр-0,25) жана орнотуу — «Нарын-Жылуулук» ЖЧК, эсеп-фактура № 114' },
  },
  late: {
    projectId: 'prj-demo-late',
    like: 'prj-002',
    slug: 'kara-suu-milk-cooling-tank',
    title: {
      ky: 'Кара-Суу: сүт муздаткыч резервуар',
      ru: 'Кара-Суу: танк-охладитель молока',
      en: 'Kara-Suu: a milk cooling tank',
    },
    goalKgs: som(180_000),
    investor: { id: 'demo-demand-04' },
    bankReference: 'DEMO-LATE-0001',
    dueInDays: [-30, 45],
  },
};
