import { formatSom, type Locale, type LocalizedText, type Sector, type TrilingualName } from '@mekendesh/contracts';

/**
 * The words of matchmaking's reasons in Kyrgyz, Russian and English, built from the data: a place's name in
 * the reader's language (packages/territories, passed in), a sector's name (the same words as the web's
 * `sector_*` messages), amounts by `formatSom`, plurals by Intl.PluralRules.
 */

/** Sector names, as web/messages/{ky,ru,en}.json say them (`sector_<code>`). */
export const SECTOR_NAMES: Readonly<Record<Sector, TrilingualName>> = {
  education: { ky: 'Билим берүү', ru: 'Образование', en: 'Education' },
  health: { ky: 'Саламаттык сактоо', ru: 'Здравоохранение', en: 'Health' },
  water: { ky: 'Суу менен камсыздоо жана санитария', ru: 'Водоснабжение и санитария', en: 'Water and sanitation' },
  roads: { ky: 'Жолдор жана инфраструктура', ru: 'Дороги и инфраструктура', en: 'Roads and infrastructure' },
  agriculture: { ky: 'Айыл чарба', ru: 'Сельское хозяйство', en: 'Agriculture' },
  energy: { ky: 'Энергетика', ru: 'Энергетика', en: 'Energy' },
  tourism: { ky: 'Туризм', ru: 'Туризм', en: 'Tourism' },
  culture: { ky: 'Маданият жана спорт', ru: 'Культура и спорт', en: 'Culture and sport' },
  environment: { ky: 'Айлана-чөйрө', ru: 'Экология', en: 'Environment' },
  digital: { ky: 'Санариптик технологиялар', ru: 'Цифровые технологии', en: 'Digital' },
  business: { ky: 'Чакан бизнес жана кол өнөрчүлүк', ru: 'Малый бизнес и ремёсла', en: 'Small business and crafts' },
};

const LANGUAGE_NAMES: Readonly<Record<Locale, TrilingualName>> = {
  ky: { ky: 'кыргызча', ru: 'на кыргызском', en: 'in Kyrgyz' },
  ru: { ky: 'орусча', ru: 'на русском', en: 'in Russian' },
  en: { ky: 'англисче', ru: 'на английском', en: 'in English' },
};

// Made on first use: ICU's plural data need not load on a cold start that explains no match.
const rules = new Map<Locale, Intl.PluralRules>();
/** The word form for `n` in the locale ("1 день", "3 дня", "5 дней"). */
function plural(locale: Locale, n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  return forms[rule.select(n)] ?? forms.other;
}

const lower = (s: string) => s.charAt(0).toLocaleLowerCase() + s.slice(1);
const each = (f: (l: Locale) => string): TrilingualName => ({ ky: f('ky'), ru: f('ru'), en: f('en') });
/** A text the owner wrote in some languages, in `l` or the first one present. */
const inLocale = (t: LocalizedText, l: Locale) => t[l] ?? t.ky ?? t.ru ?? t.en ?? '';

/** "in your home district At-Bashy" (the rayon's short name in each language). */
export const homeRayonText = (name: TrilingualName): TrilingualName => ({
  ky: `туулган жериңиз — ${name.ky} району`,
  ru: `в вашем родном районе: ${name.ru} район`,
  en: `in your home district ${name.en}`,
});

/** "in your home city Osh" (the city's full name: "г. Ош", "Ош ш."), for Bishkek, Osh and the towns of rayon rank. */
export const homeCityText = (fullName: TrilingualName): TrilingualName => ({
  ky: `туулган шаарыңыз — ${fullName.ky}`,
  ru: `ваш родной город: ${fullName.ru}`,
  en: `in your home city ${fullName.en}`,
});

/** "in your home region Naryn". */
export const homeOblastText = (name: TrilingualName): TrilingualName => ({
  ky: `туулган облусуңуз — ${name.ky}`,
  ru: `в вашей родной области: ${name.ru} область`,
  en: `in your home region ${name.en}`,
});

/** "education, one of your interests". */
export const sectorText = (sector: Sector): TrilingualName => ({
  ky: `${SECTOR_NAMES[sector].ky} — сизди кызыктырган тармак`,
  ru: `${SECTOR_NAMES[sector].ru} — одна из ваших сфер интересов`,
  en: `${lower(SECTOR_NAMES[sector].en)}, one of your interests`,
});

/** "needs 40,000 som more, within your range" (`remaining` in KGS tyiyn). */
export const amountFitsText = (remaining: number): TrilingualName => ({
  ky: `дагы ${formatSom(remaining, 'ky')} керек — сиздин суммаңызга туура келет`,
  ru: `нужно ещё ${formatSom(remaining, 'ru')} — в пределах вашей суммы`,
  en: `needs ${formatSom(remaining, 'en')} more, within your range`,
});

/** "every som is matched 1:1 by Mekenim" (one programme) or "1 som becomes 2 som" (several). */
export function cofinancedText(input: {
  programmes: { name: LocalizedText; ratio: { numerator: number; denominator: number } }[];
  multiplier: string;
}): TrilingualName {
  const [only] = input.programmes;
  if (input.programmes.length === 1 && only) {
    const ratio = `${only.ratio.numerator}:${only.ratio.denominator}`;
    return each((l) =>
      l === 'ky'
        ? `ар бир сомго «${inLocale(only.name, l)}» ${ratio} кошот`
        : l === 'ru'
          ? `«${inLocale(only.name, l)}» добавляет к каждому сому ${ratio}`
          : `every som is matched ${ratio} by ${inLocale(only.name, l)}`,
    );
  }
  return {
    ky: `1 сом ${input.multiplier} сомго айланат`,
    ru: `1 сом превращается в ${input.multiplier} ${plural('ru', Number(input.multiplier), { one: 'сом', few: 'сома', many: 'сомов', other: 'сома' })}`,
    en: `1 som becomes ${input.multiplier} som`,
  };
}

/** "closes in 5 days" (0: "closes today"). */
export function closingSoonText(days: number): TrilingualName {
  if (days === 0) return { ky: 'бүгүн жабылат', ru: 'закрывается сегодня', en: 'closes today' };
  return {
    ky: `${days} күндөн кийин жабылат`,
    ru: `закрывается через ${days} ${plural('ru', days, { one: 'день', few: 'дня', many: 'дней', other: 'дня' })}`,
    en: `closes in ${days} ${plural('en', days, { one: 'day', other: 'days' })}`,
  };
}

/** "the owner completed 3 projects". */
export const trackRecordText = (completed: number): TrilingualName => ({
  ky: `демилгечи ${completed} долбоорду ийгиликтүү аяктаган`,
  ru: `организатор завершил ${completed} ${plural('ru', completed, { one: 'проект', few: 'проекта', many: 'проектов', other: 'проекта' })}`,
  en: `the owner completed ${completed} ${plural('en', completed, { one: 'project', other: 'projects' })}`,
});

/** "takes donations, as you chose" (the first pledge type both share). */
export function pledgeTypeText(type: 'donation' | 'loan' | 'equity' | 'in_kind'): TrilingualName {
  const words = {
    donation: { ky: 'кайрымдуулук', ru: 'пожертвования', en: 'donations' },
    loan: { ky: 'карыз', ru: 'займы', en: 'loans' },
    equity: { ky: 'үлүш', ru: 'долевое участие', en: 'equity' },
    in_kind: { ky: 'буюм же эмгек менен жардам', ru: 'помощь вещами или трудом', en: 'help in kind' },
  }[type];
  return {
    ky: `${words.ky} кабыл алат — сиз тандагандай`,
    ru: `принимает ${words.ru}, как вы выбрали`,
    en: `takes ${words.en}, as you chose`,
  };
}

/** "written in Kyrgyz, one of your languages". */
export function languageText(language: Locale): TrilingualName {
  const name = LANGUAGE_NAMES[language];
  return {
    ky: `${name.ky} жазылган — сиздин тилиңиз`,
    ru: `написан ${name.ru} — на вашем языке`,
    en: `written ${name.en}, one of your languages`,
  };
}
