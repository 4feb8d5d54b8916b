import type { ReceivingAccount } from '@mekendesh/contracts';

const AT = '2026-01-05T09:00:00.000Z';
const stored = (id: string) => ({ id, version: 1, createdAt: AT, updatedAt: AT });

const PURPOSE = {
  ky: 'Мекендеш: {reference} кайрымдуулук салымы',
  ru: 'Мекендеш: благотворительный взнос {reference}',
  en: 'Mekendesh donation, pledge {reference}',
};

/**
 * The programme's receiving accounts in the demo: realistic in shape (a Kyrgyz 16-digit account, a 6-digit
 * BIK, a 14-digit INN, a SWIFT BIC) but fictional: every bank, number and name here is made up and marked DEMO.
 */
export const DEMO_RECEIVING_ACCOUNTS: readonly ReceivingAccount[] = [
  {
    ...stored('ra-demo-kgs-bank'),
    kind: 'bank',
    currency: 'KGS',
    active: true,
    bankName: 'ОАО «Демо Банк Ала-Тоо» (DEMO)',
    bic: '199001',
    accountNumber: '1990010000482731',
    beneficiaryName: 'Программа «Мекендеш» (DEMO)',
    beneficiaryTaxId: '02512202610037',
    purposeTemplate: PURPOSE,
  },
  {
    ...stored('ra-demo-usd-bank'),
    kind: 'bank',
    currency: 'USD',
    active: true,
    bankName: 'Demo Bank Ala-Too OJSC (DEMO)',
    bic: 'DEMOKG22',
    accountNumber: '1990010000917364',
    beneficiaryName: 'Mekendesh Programme (DEMO)',
    beneficiaryTaxId: '02512202610037',
    correspondent: 'Demo Correspondent Bank N.A., New York, SWIFT DEMOUS33 (DEMO)',
    purposeTemplate: PURPOSE,
  },
  {
    ...stored('ra-demo-rub-korona'),
    kind: 'money_transfer',
    currency: 'RUB',
    active: true,
    company: 'Золотая Корона / Korona Pay',
    receiverName: 'Асанова Айгуль Бакытовна (DEMO)',
    city: { ky: 'Бишкек', ru: 'Бишкек', en: 'Bishkek' },
    country: 'KG',
    instructions: {
      ky: 'Korona Pay тиркемесинде же «Золотая Корона» пунктунда Кыргызстанга рубль менен которуу тандаңыз. Алуучунун атын так жазыңыз, ал эми алуучуга билдирүүгө {reference} кодун жазыңыз.',
      ru: 'В приложении Korona Pay или в пункте «Золотой Короны» выберите перевод в Кыргызстан в рублях. Впишите имя получателя точно, а в сообщении получателю укажите {reference}.',
      en: 'In the Korona Pay app or at a Zolotaya Korona point, choose a transfer to Kyrgyzstan in roubles. Type the receiver’s name exactly, and put {reference} in the message to the receiver.',
    },
  },
];
