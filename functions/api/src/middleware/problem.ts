import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { DomainError, UnavailableError, type DependencyName, type FieldError } from '@mekendesh/domain/errors';
import { FIELD_ERROR_MESSAGES } from '@mekendesh/domain/messages';
import type { FieldErrorCode, Locale } from '@mekendesh/contracts';
import type { ApiEnv } from '../env.js';
import { log } from './logger.js';

const TYPE_BASE = 'https://mekendesh.kg/problems/';

/** Problem titles shown to people, in the three languages of the platform. */
const TITLES = {
  validation: { en: 'The request has invalid fields', ru: 'В запросе неверные поля', ky: 'Суроодо туура эмес талаалар бар' },
  'not-found': { en: 'Not found', ru: 'Не найдено', ky: 'Табылган жок' },
  conflict: {
    en: 'The request conflicts with the current state',
    ru: 'Запрос противоречит текущему состоянию',
    ky: 'Суроо учурдагы абалга карама-каршы келет',
  },
  forbidden: { en: 'You may not do this', ru: 'У вас нет прав на это действие', ky: 'Бул аракетке укугуңуз жок' },
  'two-step-required': {
    en: 'Two-step sign-in is required',
    ru: 'Требуется двухэтапный вход',
    ky: 'Эки этаптуу кирүү талап кылынат',
  },
  unauthorized: { en: 'Sign in first', ru: 'Сначала войдите в систему', ky: 'Адегенде системага кириңиз' },
  unavailable: { en: 'The service is temporarily unavailable', ru: 'Сервис временно недоступен', ky: 'Кызмат убактылуу жеткиликсиз' },
  internal: { en: 'Something went wrong on our side', ru: 'Что-то пошло не так на нашей стороне', ky: 'Биз тарапта ката кетти' },
  'method-not-allowed': { en: 'Method not allowed', ru: 'Метод не разрешён', ky: 'Бул ыкмага уруксат жок' },
  unprocessable: {
    en: 'The request cannot be processed as sent',
    ru: 'Запрос не может быть обработан в таком виде',
    ky: 'Суроону мындай түрдө иштетүүгө болбойт',
  },
  'rate-limited': {
    en: 'Too many attempts: try again later',
    ru: 'Слишком много попыток: попробуйте позже',
    ky: 'Аракеттер өтө көп: кийинчерээк кайталаңыз',
  },
  'payload-too-large': { en: 'The request body is too large', ru: 'Тело запроса слишком большое', ky: 'Суроонун денеси өтө чоң' },
  'unsupported-media-type': {
    en: 'This kind of request body is not accepted',
    ru: 'Такой тип тела запроса не принимается',
    ky: 'Суроонун денесинин мындай түрү кабыл алынбайт',
  },
  'request-too-long': {
    en: 'The request line or headers are too long',
    ru: 'Строка запроса или заголовки слишком длинные',
    ky: 'Суроонун сабы же баштары өтө узун',
  },
} as const satisfies Record<string, Record<Locale, string>>;
export type ProblemType = keyof typeof TITLES;
/** Every problem type the API answers with (its title exists in ky, ru and en). */
export const PROBLEM_TYPES = Object.keys(TITLES) as ProblemType[];

const STATUS: Record<ProblemType, ContentfulStatusCode> = {
  validation: 400,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  'two-step-required': 403,
  unauthorized: 401,
  unavailable: 503,
  internal: 500,
  'method-not-allowed': 405,
  'rate-limited': 429,
  unprocessable: 422,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'request-too-long': 431,
};

/** Picks ky, ru or en from Accept-Language; English when none of them is asked for. */
export function requestLocale(c: Context<ApiEnv>): Locale {
  const header = c.req.header('accept-language') ?? '';
  const asked = header.split(',').map((part) => part.trim().slice(0, 2).toLowerCase());
  return (asked.find((l) => l === 'ky' || l === 'ru' || l === 'en') as Locale | undefined) ?? 'en';
}

type Text = Readonly<Record<Locale, string>>;

/**
 * A problem+json answer in the caller's language. A `detail` given as a plain string exists only in English and
 * goes to English readers only; one given in three languages goes to everyone. Every field error carries a code
 * and a message in the caller's language: its rule's own words when it has them, else the words for its code.
 */
export function problem(
  c: Context<ApiEnv>,
  type: ProblemType,
  extra: { detail?: string | Text; errors?: FieldError[]; status?: ContentfulStatusCode } = {},
) {
  const status = extra.status ?? STATUS[type];
  const locale = requestLocale(c);
  const errors = extra.errors?.map(({ field, message, messages, code = 'invalid' }) => ({
    field,
    code,
    message: messages?.[locale] ?? (locale === 'en' ? message : FIELD_ERROR_MESSAGES[code]({ min: 0, max: 0, step: 1 })[locale]),
  }));
  const detail = typeof extra.detail === 'string' ? (locale === 'en' ? extra.detail : undefined) : extra.detail?.[locale];
  const body = {
    type: `${TYPE_BASE}${type}`,
    title: TITLES[type][locale],
    status,
    ...(detail ? { detail } : {}),
    instance: c.req.path,
    requestId: c.var.requestId,
    ...(errors?.length ? { errors } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}

/** The field error codes a contract's custom rule may name in its params (packages/contracts text.ts). */
const CUSTOM_CODES = ['invalid_characters', 'no_letters', 'too_many_marks'] as const satisfies readonly FieldErrorCode[];

/** A zod issue's code and limits as the API's field error code (see FIELD_ERROR_CODES). */
function issueCode(issue: ZodError['issues'][number]): {
  code: FieldErrorCode;
  min: number;
  max: number;
  step: number;
  exclusive?: boolean;
} {
  const limits = { min: 0, max: 0, step: 1 };
  switch (issue.code) {
    case 'invalid_type':
      // zod names what it received at the end of its message; a missing field is "received undefined".
      return { code: /received undefined$/.test(issue.message) ? 'required' : 'invalid_type', ...limits };
    case 'too_small': {
      const min = Number(issue.minimum);
      const text = issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set';
      if (text && min === 1) return { code: 'required', ...limits };
      // positive() is a minimum of 0 that 0 itself fails: said "more than 0", not "0 or more" (issue 13 attacker 5).
      return { code: text ? 'too_short' : 'too_small', ...limits, min, ...(issue.inclusive === false ? { exclusive: true } : {}) };
    }
    case 'too_big': {
      const text = issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set';
      return { code: text ? 'too_long' : 'too_big', ...limits, max: Number(issue.maximum) };
    }
    case 'invalid_format':
      return { code: 'invalid_format', ...limits };
    case 'invalid_value':
      return { code: 'invalid_choice', ...limits };
    case 'unrecognized_keys':
      return { code: 'unknown_field', ...limits };
    case 'not_multiple_of':
      return { code: 'not_multiple', ...limits, step: Number(issue.divisor) };
    case 'custom': {
      // A contract's own rule that names its code and limits (text.ts: invalid_characters, no_letters, too_many_marks).
      const own = issue.params as { code?: string; min?: number; max?: number } | undefined;
      const code = CUSTOM_CODES.find((c) => c === own?.code) ?? 'invalid';
      return { code, ...limits, min: own?.min ?? 0, max: own?.max ?? 0 };
    }
    default:
      return { code: 'invalid', ...limits };
  }
}

/** Field errors of a failed parse: each with its code and its message in the three languages. */
export function zodFieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    const { code, ...params } = issueCode(issue);
    const messages = FIELD_ERROR_MESSAGES[code](params);
    // An unknown field is named itself (query.colour), one error each: the message says only that it is unknown.
    const fields = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [prefix, ...path, key]) : [[prefix, ...path]];
    return fields.map((parts) => ({ field: parts.filter(Boolean).join('.') || '(body)', code, message: issue.message, messages }));
  });
}

const DOMAIN_TYPES: Record<DomainError['kind'], ProblemType> = {
  validation: 'validation',
  not_found: 'not-found',
  conflict: 'conflict',
  forbidden: 'forbidden',
  second_factor: 'two-step-required',
  unauthorized: 'unauthorized',
  rate_limited: 'rate-limited',
  unprocessable: 'unprocessable',
};

/** An error's detail in the three languages (its own, or all its field messages); else its English message alone. */
function detailOf(err: DomainError): Text | string {
  if (err.messages) return err.messages;
  if (err.errors.length === 0 || !err.errors.every((e) => e.messages)) return err.message;
  const say = (locale: Locale) => err.errors.map((e) => `${e.field}: ${e.messages![locale]}`).join('; ');
  return { ky: say('ky'), ru: say('ru'), en: say('en') };
}

/** What a 503 tells the person, by the dependency that did not answer (UnavailableError.service). */
export const UNAVAILABLE_DETAILS: Record<DependencyName, Text> = {
  database: {
    en: 'Our database is not answering right now. Please try again in a minute; asking again will not duplicate anything.',
    ru: 'Наша база данных сейчас не отвечает. Повторите через минуту: повторный запрос ничего не задвоит.',
    ky: 'Биздин маалымат базабыз азыр жооп бербей жатат. Бир мүнөттөн кийин кайталаңыз: кайра жөнөтсөңүз, эч нерсе эки жолу жазылбайт.',
  },
  identity: {
    en: 'Signing in is not available right now. Please try again in a few minutes; if you are already signed in, you can go on working.',
    ru: 'Вход сейчас недоступен. Повторите через несколько минут; если вы уже вошли, можно продолжать работу.',
    ky: 'Азыр системага кирүү мүмкүн эмес. Бир нече мүнөттөн кийин кайталаңыз; эгер кирип алган болсоңуз, иштей бериңиз.',
  },
  payments: {
    en: 'The card payment service is not answering right now. Your pledge is kept: please try paying again in a few minutes.',
    ru: 'Сервис оплаты картой сейчас не отвечает. Ваш взнос сохранён: попробуйте оплатить через несколько минут.',
    ky: 'Карта менен төлөө кызматы азыр жооп бербей жатат. Салымыңыз сакталды: бир нече мүнөттөн кийин кайра төлөп көрүңүз.',
  },
  storage: {
    en: 'File storage is not answering right now. Please try again in a minute.',
    ru: 'Хранилище файлов сейчас не отвечает. Повторите через минуту.',
    ky: 'Файл сактагыч азыр жооп бербей жатат. Бир мүнөттөн кийин кайталаңыз.',
  },
};

/** The app's onError: every failure leaves as problem+json; a 500 never leaks a stack or an AWS message. */
export function handleError(err: Error, c: Context<ApiEnv>) {
  if (err instanceof UnavailableError) {
    // A dependency down is not a bug of ours: 503 with when to ask again (RFC 9110 §10.2.3), logged without its stack.
    log('error', 'dependency unavailable', { requestId: c.var.requestId, service: err.service, message: err.message });
    c.header('retry-after', String(err.retryAfterSeconds));
    return problem(c, 'unavailable', { detail: UNAVAILABLE_DETAILS[err.service] });
  }
  if (err instanceof DomainError) {
    const retryAfter = (err as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retryAfter !== undefined) c.header('retry-after', String(retryAfter));
    return problem(c, DOMAIN_TYPES[err.kind], { detail: detailOf(err), errors: err.errors });
  }
  if (err instanceof ZodError) return problem(c, 'validation', { errors: zodFieldErrors(err) });
  if (err instanceof HTTPException) {
    if (err.status === 400) return problem(c, 'validation', { detail: err.message });
    if (err.status === 401) return problem(c, 'unauthorized');
    // Raised by @hono/zod-openapi's media-type gate and hono/body-limit: their own types, not internal errors.
    if (err.status === 415) return problem(c, 'unsupported-media-type');
    if (err.status === 413) return problem(c, 'payload-too-large');
    return problem(c, 'internal', { status: err.status as ContentfulStatusCode, detail: err.message });
  }
  log('error', 'unhandled error', { requestId: c.var.requestId, error: err.name, message: err.message, stack: err.stack });
  return problem(c, 'internal');
}
