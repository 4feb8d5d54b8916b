import type { Locale } from '@mekendesh/contracts';

type Text = Readonly<Record<Locale, string>>;

/** Why a card pledge cannot be paid by card now, in Kyrgyz, Russian and English (the API picks the caller's language). */
export const CARD_MESSAGES = {
  notConfigured: {
    ky: 'Карта менен төлөө бул жерде азырынча туташтырыла элек: банк аркылуу же акча которуу системасы менен төлөңүз.',
    ru: 'Оплата картой здесь пока не подключена: оплатите банковским переводом или через систему денежных переводов.',
    en: 'Card payments are not configured here yet: pay by bank transfer or through a money-transfer company.',
  },
  paidByTransfer: {
    ky: 'Бул салым которуу менен төлөнөт: кантип төлөө керектиги анын көрсөтмөсүндө жазылган.',
    ru: 'Этот взнос оплачивается переводом: как именно, сказано в его инструкции.',
    en: 'This pledge is paid by transfer: its instructions say how.',
  },
  nothingDue: {
    ky: 'Бул салым боюнча төлөй турган эч нерсе калган жок.',
    ru: 'По этому взносу платить больше нечего.',
    en: 'Nothing is left to pay on this pledge.',
  },
  currencyNotByCard: (currency: string, currencies: readonly string[]): Text => ({
    ky: `${currency} валютасындагы салымды карта менен төлөөгө болбойт (карта менен ${currencies.join(', ')} гана): аны которуу менен төлөңүз.`,
    ru: `Взнос в ${currency} нельзя оплатить картой (картой — только ${currencies.join(', ')}): оплатите его переводом.`,
    en: `${currency} cannot be paid by card (${currencies.join(', ')} can): pay this pledge by transfer.`,
  }),
  projectClosed: {
    ky: 'Бул долбоор мындан ары акча кабыл албайт.',
    ru: 'Этот проект больше не принимает деньги.',
    en: 'This project no longer takes money.',
  },
  alreadyPaid: {
    ky: 'Бул салым карта менен төлөнгөн: төлөм ырасталары менен квитанция пайда болот.',
    ru: 'Этот взнос уже оплачен картой: квитанция появится, как только платёж подтвердится.',
    en: 'This pledge is already paid by card: the receipt appears once the payment is confirmed.',
  },
  noCheckout: {
    ky: 'Карта менен төлөөнү ачуу мүмкүн болгон жок: кийинчерээк кайталаңыз.',
    ru: 'Не удалось открыть оплату картой: попробуйте позже.',
    en: 'No card checkout could be opened: try again later.',
  },
} as const;
