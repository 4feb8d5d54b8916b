import type { FieldErrorCode, Locale, LocalizedText } from '@mekendesh/contracts';

/** Emails the platform sends, in the recipient's language. */
type Template<A> = (args: A) => Record<Locale, { subject: string; text: string }>;

const pick = (t: LocalizedText, l: Locale) => t[l] ?? t.ky ?? t.ru ?? t.en ?? '';

export const EMAILS = {
  signUpAttempt: (() => ({
    ky: {
      subject: 'Мекендеш: каттоо аракети',
      text: 'Бул дарек менен кимдир бирөө катталууга аракет кылды. Аккаунтуңуз бар: кирүү же сырсөздү калыбына келтирүү барагын колдонуңуз. Эгер бул сиз эмес болсоңуз, бул катты этибарга албаңыз.',
    },
    ru: {
      subject: 'Мекендеш: попытка регистрации',
      text: 'Кто-то пытался зарегистрироваться с этим адресом. У вас уже есть аккаунт: войдите или восстановите пароль. Если это были не вы, просто проигнорируйте письмо.',
    },
    en: {
      subject: 'Mekendesh: sign-up attempt',
      text: 'Someone tried to sign up with this address. You already have an account: sign in, or reset your password. If this was not you, ignore this email.',
    },
  })) satisfies Template<void>,
  invitation: (({ organisation, link }: { organisation: LocalizedText; link: (l: Locale) => string }) => ({
    ky: {
      subject: `Мекендеш: ${pick(organisation, 'ky')} сизди чакырат`,
      text: `${pick(organisation, 'ky')} сизди Мекендеш платформасында кызматкер болууга чакырат. Чакырууну кабыл алуу үчүн: ${link('ky')}`,
    },
    ru: {
      subject: `Мекендеш: приглашение от ${pick(organisation, 'ru')}`,
      text: `${pick(organisation, 'ru')} приглашает вас стать сотрудником на платформе Мекендеш. Принять приглашение: ${link('ru')}`,
    },
    en: {
      subject: `Mekendesh: invitation from ${pick(organisation, 'en')}`,
      text: `${pick(organisation, 'en')} invites you to join Mekendesh as an officer. Accept the invitation: ${link('en')}`,
    },
  })) satisfies Template<{ organisation: LocalizedText; link: (l: Locale) => string }>,
  organisationReviewed: (({
    organisation,
    approved,
    reason,
  }: {
    organisation: LocalizedText;
    approved: boolean;
    reason: string | null;
  }) => ({
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

type Text = Readonly<Record<Locale, string>>;

/**
 * What the API says about a refused field, by code, in the caller's language. The numbers are the contract's
 * limits; a message never names a unit it cannot know (characters, items, som).
 * @example FIELD_ERROR_MESSAGES.too_long({ max: 80 }).ru // 'Слишком длинно: не больше 80.'
 */
export const FIELD_ERROR_MESSAGES = {
  required: () => ({ ky: 'Бул талааны толтуруңуз.', ru: 'Заполните это поле.', en: 'Fill in this field.' }),
  invalid_type: () => ({
    ky: 'Бул талаада башка түрдөгү маани болушу керек.',
    ru: 'Здесь нужно значение другого вида.',
    en: 'This field takes another kind of value.',
  }),
  too_short: ({ min }: { min: number }) => ({
    ky: `Өтө кыска: эң аз ${min}.`,
    ru: `Слишком коротко: не меньше ${min}.`,
    en: `Too short: at least ${min}.`,
  }),
  too_long: ({ max }: { max: number }) => ({
    ky: `Өтө узун: эң көп ${max}.`,
    ru: `Слишком длинно: не больше ${max}.`,
    en: `Too long: at most ${max}.`,
  }),
  // `exclusive`: zod's positive()/gt(min) — the minimum itself is refused ("more than 0", never "0 or more").
  too_small: ({ min, exclusive }: { min: number; exclusive?: boolean }) =>
    exclusive
      ? {
          ky: `Маани ${min} санынан чоң болушу керек.`,
          ru: `Значение должно быть больше ${min}.`,
          en: `The value must be more than ${min}.`,
        }
      : {
          ky: `Маани ${min} же андан чоң болушу керек.`,
          ru: `Значение должно быть не меньше ${min}.`,
          en: `The value must be ${min} or more.`,
        },
  too_big: ({ max }: { max: number }) => ({
    ky: `Маани ${max} же андан кичине болушу керек.`,
    ru: `Значение должно быть не больше ${max}.`,
    en: `The value must be ${max} or less.`,
  }),
  invalid_format: () => ({
    ky: 'Маани туура эмес форматта жазылган.',
    ru: 'Значение записано в неверном формате.',
    en: 'The value is not in the expected format.',
  }),
  invalid_choice: () => ({
    ky: 'Сунушталган маанилердин бирин тандаңыз.',
    ru: 'Выберите одно из предложенных значений.',
    en: 'Choose one of the values offered.',
  }),
  unknown_field: () => ({
    ky: 'Бул суроо мындай талааны кабыл албайт.',
    ru: 'Запрос не принимает такое поле.',
    en: 'The request does not take this field.',
  }),
  not_multiple: ({ step }: { step: number }) => ({
    ky: `Маани ${step} санына калдыксыз бөлүнүшү керек.`,
    ru: `Значение должно быть кратно ${step}.`,
    en: `The value must be a multiple of ${step}.`,
  }),
  invalid_characters: () => ({
    ky: 'Бул текстте кабыл алынбаган белгилер бар (бузук же көрүнбөгөн башкаруучу белгилер): аны кайра жазыңыз.',
    ru: 'В этом тексте есть недопустимые символы (повреждённые или невидимые управляющие): наберите его заново.',
    en: 'This text has characters that are not accepted (broken or invisible control characters): type it again.',
  }),
  no_letters: ({ min }: { min: number }) => ({
    ky: `Текстте тамга же цифра өтө аз: эң аз ${min}.`,
    ru: `В тексте слишком мало букв и цифр: нужно не меньше ${min}.`,
    en: `Too few letters or digits: at least ${min}.`,
  }),
  too_many_marks: ({ max }: { max: number }) => ({
    ky: `Бир тамгада ${max} белгиден ашык үстүнкү же астыңкы белги (акцент) бар: текстти кайра жазыңыз.`,
    ru: `Над или под одной буквой больше ${max} диакритических знаков: наберите текст заново.`,
    en: `A letter carries more than ${max} accent marks: type the text again.`,
  }),
  invalid: () => ({
    ky: 'Бул маани кабыл алынбайт: текшериңиз.',
    ru: 'Это значение не принимается: проверьте его.',
    en: 'This value is not accepted: check it.',
  }),
} satisfies Record<FieldErrorCode, (params: { min: number; max: number; step: number }) => Text>;
