import type { Locale, StatementFileProblem } from '@mekendesh/contracts';
import { MAX_STATEMENT_LINES } from './statement-csv.js';

type Messages = Readonly<Record<Locale, string>>;

/** Why a whole statement is refused, in the three languages (the API answers a 400 in the caller's). */
export const STATEMENT_FILE_MESSAGES: Readonly<Record<StatementFileProblem, Messages>> = {
  statement_empty: {
    ky: 'Көчүрмөдө баш сап жана жок дегенде бир сап болушу керек.',
    ru: 'В выписке должны быть строка заголовков и хотя бы одна строка.',
    en: 'The statement needs a header row and at least one line.',
  },
  statement_too_long: {
    ky: `Бир көчүрмөдө ${MAX_STATEMENT_LINES} саптан ашпашы керек: аны бөлүп жүктөңүз.`,
    ru: `В одной выписке не больше ${MAX_STATEMENT_LINES} строк: загрузите её частями.`,
    en: `At most ${MAX_STATEMENT_LINES} lines per statement: import it in parts.`,
  },
  header_undecodable: {
    ky: 'Баш сап окулбай калды: башка коддоону тандаңыз.',
    ru: 'Строка заголовков не прочиталась: выберите другую кодировку.',
    en: 'The header row did not decode: choose another encoding.',
  },
  header_no_date: {
    ky: 'Баш сапта күнү тилкеси жок (date, дата же күнү).',
    ru: 'В строке заголовков нет столбца даты (date, дата или күнү).',
    en: 'The header row has no date column (date, дата or күнү).',
  },
  header_no_amount: {
    ky: 'Баш сапта сумма тилкеси жок (amount, сумма же суммасы).',
    ru: 'В строке заголовков нет столбца суммы (amount, сумма или суммасы).',
    en: 'The header row has no amount column (amount, сумма or суммасы).',
  },
  header_no_currency: {
    ky: 'Баш сапта валюта тилкеси жок (currency же валюта).',
    ru: 'В строке заголовков нет столбца валюты (currency или валюта).',
    en: 'The header row has no currency column (currency or валюта).',
  },
  header_no_text: {
    ky: 'Баш сапта төлөмдүн максаты тилкеси жок (description, reference, details, назначение, purpose же memo).',
    ru: 'В строке заголовков нет столбца назначения платежа (description, reference, details, назначение, purpose или memo).',
    en: 'The header row has no payment details column (description, reference, details, назначение, purpose or memo).',
  },
};

/** A confirmed amount that is not one of its line's readings (or for a line without an ambiguous amount). */
export const CONFIRMATION_MESSAGES = (line: number): Messages => ({
  ky: `${line}-сапта ушундай окулушу мүмкүн болгон сумма жок: көчүрмөнү кайра текшериңиз.`,
  ru: `В строке ${line} нет суммы, которую можно так прочитать: проверьте выписку заново.`,
  en: `Line ${line} has no amount that reads this way: preview the statement again.`,
});
