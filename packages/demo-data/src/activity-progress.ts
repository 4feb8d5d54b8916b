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
  /** Its own summary and description (Markdown), so the page does not show the template's text (issue 13 review). */
  summary: LocalizedText;
  description: LocalizedText;
  /** Its own milestone titles, one per `dueInDays`. */
  milestoneTitles: readonly LocalizedText[];
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
    summary: {
      ky: 'Кара-Суу мектебине жаңы жылытуу казаны жана түтүктөр: кышында класстар жылуу болот.',
      ru: 'Новый котёл и трубы отопления для школы Кара-Суу: зимой в классах будет тепло.',
      en: 'A new boiler and heating pipes for the Kara-Suu school, so classrooms stay warm in winter.',
    },
    description: {
      ky: 'Кара-Суу мектебинин көмүр казаны 1987-жылы орнотулган: кышында класстарда 12 градустан ашпайт, сабактар кыскартылат. Жаңы казан (КВр-0,25) орнотуп, эски түтүктөрдү жана радиаторлорду алмаштырабыз. Айыл өкмөтү казанкананы оңдоону өз бюджетинен төлөйт.',
      ru: 'Угольный котёл школы Кара-Суу установлен в 1987 году: зимой в классах не выше 12 градусов, уроки сокращают. Мы установим новый котёл (КВр-0,25) и заменим старые трубы и радиаторы. Ремонт котельной айыл окмоту оплачивает из своего бюджета.',
      en: 'The Kara-Suu school’s coal boiler dates from 1987: in winter classrooms reach no more than 12 °C and lessons are cut short. We will install a new boiler (KVr-0.25) and replace the old pipes and radiators. The ayil okmotu pays for repairing the boiler house from its own budget.',
    },
    milestoneTitles: [
      { ky: 'Долбоор-смета документтери', ru: 'Проектно-сметная документация', en: 'Design and cost estimate' },
      { ky: 'Казанды сатып алуу жана орнотуу', ru: 'Закупка и монтаж котла', en: 'Boiler bought and installed' },
      { ky: 'Түтүктөр жана радиаторлор', ru: 'Трубы и радиаторы', en: 'Pipes and radiators' },
    ],
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
    summary: {
      ky: 'Сүт чогултуучу пунктка 2 тонналык муздаткыч резервуар: сүт бузулбай, баасы жогору болот.',
      ru: 'Танк-охладитель на 2 тонны для пункта сбора молока: молоко не портится и продаётся дороже.',
      en: 'A 2-tonne cooling tank for the milk collection point, so milk keeps and sells for more.',
    },
    description: {
      ky: 'Кара-Суунун фермерлери жайында сүттүн үчтөн бирин төгүп салышат: муздатуучу жок. 2 тонналык резервуар сүттү 4 градуска чейин муздатат, сүт заводу аны жогорку баада алат.',
      ru: 'Летом фермеры Кара-Суу выливают до трети молока: охлаждать его негде. Танк на 2 тонны охлаждает молоко до 4 градусов, и молокозавод принимает его по высшей цене.',
      en: 'In summer Kara-Suu’s farmers pour away up to a third of their milk: there is nowhere to cool it. A 2-tonne tank cools milk to 4 °C, and the dairy buys it at the top price.',
    },
    milestoneTitles: [
      { ky: 'Резервуарды сатып алуу', ru: 'Закупка танка', en: 'Tank bought' },
      { ky: 'Орнотуу жана ишке киргизүү', ru: 'Монтаж и запуск', en: 'Installed and running' },
    ],
    goalKgs: som(180_000),
    investor: { id: 'demo-demand-04' },
    bankReference: 'DEMO-LATE-0001',
    dueInDays: [-30, 45],
  },
};
