import type { Locale, LocalizedText } from '@mekendesh/contracts';

/** Emails the platform sends, in the recipient's language. */
type Template<A> = (args: A) => Record<Locale, { subject: string; text: string }>;

const pick = (t: LocalizedText, l: Locale) => t[l] ?? t.ky ?? t.ru ?? t.en ?? '';

export const EMAILS = {
  signUpAttempt: (() => ({
    ky: { subject: 'Мекендеш: каттоо аракети', text: 'Бул дарек менен кимдир бирөө катталууга аракет кылды. Аккаунтуңуз бар: кирүү же сырсөздү калыбына келтирүү барагын колдонуңуз. Эгер бул сиз эмес болсоңуз, бул катты этибарга албаңыз.' },
    ru: { subject: 'Мекендеш: попытка регистрации', text: 'Кто-то пытался зарегистрироваться с этим адресом. У вас уже есть аккаунт: войдите или восстановите пароль. Если это были не вы, просто проигнорируйте письмо.' },
    en: { subject: 'Mekendesh: sign-up attempt', text: 'Someone tried to sign up with this address. You already have an account: sign in, or reset your password. If this was not you, ignore this email.' },
  })) satisfies Template<void>,
  invitation: (({ organisation, link }: { organisation: LocalizedText; link: (l: Locale) => string }) => ({
    ky: { subject: `Мекендеш: ${pick(organisation, 'ky')} сизди чакырат`, text: `${pick(organisation, 'ky')} сизди Мекендеш платформасында кызматкер болууга чакырат. Чакырууну кабыл алуу үчүн: ${link('ky')}` },
    ru: { subject: `Мекендеш: приглашение от ${pick(organisation, 'ru')}`, text: `${pick(organisation, 'ru')} приглашает вас стать сотрудником на платформе Мекендеш. Принять приглашение: ${link('ru')}` },
    en: { subject: `Mekendesh: invitation from ${pick(organisation, 'en')}`, text: `${pick(organisation, 'en')} invites you to join Mekendesh as an officer. Accept the invitation: ${link('en')}` },
  })) satisfies Template<{ organisation: LocalizedText; link: (l: Locale) => string }>,
  organisationReviewed: (({ organisation, approved, reason }: { organisation: LocalizedText; approved: boolean; reason: string | null }) => ({
    ky: {
      subject: approved ? 'Мекендеш: уюмуңуз бекитилди' : 'Мекендеш: арызыңыз четке кагылды',
      text: `${pick(organisation, 'ky')}: ${approved ? 'бекитилди. Эми долбоорлорду сунуштай аласыз.' : 'четке кагылды.'}${reason ? ` Себеби: ${reason}` : ''}`,
    },
    ru: {
      subject: approved ? 'Мекендеш: организация подтверждена' : 'Мекендеш: заявка отклонена',
      text: `${pick(organisation, 'ru')}: ${approved ? 'подтверждена. Теперь вы можете предлагать проекты.' : 'заявка отклонена.'}${reason ? ` Причина: ${reason}` : ''}`,
    },
    en: {
      subject: approved ? 'Mekendesh: your organisation is approved' : 'Mekendesh: your application was rejected',
      text: `${pick(organisation, 'en')}: ${approved ? 'approved. You can now propose projects.' : 'rejected.'}${reason ? ` Reason: ${reason}` : ''}`,
    },
  })) satisfies Template<{ organisation: LocalizedText; approved: boolean; reason: string | null }>,
};
