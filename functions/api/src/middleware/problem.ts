import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { DomainError, type FieldError } from '@mekendesh/domain';
import type { Locale } from '@mekendesh/contracts';
import { log } from './logger.js';

const TYPE_BASE = 'https://mekendesh.kg/problems/';

/** Problem titles shown to people, in the three languages of the platform. */
const TITLES = {
  'validation': { en: 'The request has invalid fields', ru: 'В запросе неверные поля', ky: 'Суроодо туура эмес талаалар бар' },
  'not-found': { en: 'Not found', ru: 'Не найдено', ky: 'Табылган жок' },
  'conflict': { en: 'The request conflicts with the current state', ru: 'Запрос противоречит текущему состоянию', ky: 'Суроо учурдагы абалга карама-каршы келет' },
  'forbidden': { en: 'You may not do this', ru: 'У вас нет прав на это действие', ky: 'Бул аракетке укугуңуз жок' },
  'unauthorized': { en: 'Sign in first', ru: 'Сначала войдите в систему', ky: 'Адегенде системага кириңиз' },
  'unavailable': { en: 'The service is temporarily unavailable', ru: 'Сервис временно недоступен', ky: 'Кызмат убактылуу жеткиликсиз' },
  'internal': { en: 'Something went wrong on our side', ru: 'Что-то пошло не так на нашей стороне', ky: 'Биз тарапта ката кетти' },
  'method-not-allowed': { en: 'Method not allowed', ru: 'Метод не разрешён', ky: 'Бул ыкмага уруксат жок' },
  'unprocessable': { en: 'The request cannot be processed as sent', ru: 'Запрос не может быть обработан в таком виде', ky: 'Суроону мындай түрдө иштетүүгө болбойт' },
  'rate-limited': { en: 'Too many attempts: try again later', ru: 'Слишком много попыток: попробуйте позже', ky: 'Аракеттер өтө көп: кийинчерээк кайталаңыз' },
} as const satisfies Record<string, Record<Locale, string>>;
export type ProblemType = keyof typeof TITLES;

const STATUS: Record<ProblemType, ContentfulStatusCode> = {
  validation: 400, 'not-found': 404, conflict: 409, forbidden: 403, unauthorized: 401,
  unavailable: 503, internal: 500, 'method-not-allowed': 405, 'rate-limited': 429, unprocessable: 422,
};

/** Picks ky, ru or en from Accept-Language; English when none of them is asked for. */
export function requestLocale(c: Context): Locale {
  const header = c.req.header('accept-language') ?? '';
  const asked = header.split(',').map((part) => part.trim().slice(0, 2).toLowerCase());
  return (asked.find((l) => l === 'ky' || l === 'ru' || l === 'en') as Locale | undefined) ?? 'en';
}

export function problem(c: Context, type: ProblemType, extra: { detail?: string; errors?: FieldError[]; status?: ContentfulStatusCode } = {}) {
  const status = extra.status ?? STATUS[type];
  const locale = requestLocale(c);
  // A field error with messages in the three languages answers in the caller's; `messages` itself stays inside.
  const errors = extra.errors?.map(({ field, message, messages }) => ({ field, message: messages?.[locale] ?? message }));
  const body = {
    type: `${TYPE_BASE}${type}`,
    title: TITLES[type][locale],
    status,
    ...(extra.detail ? { detail: extra.detail } : {}),
    instance: c.req.path,
    requestId: c.get('requestId' as never) as string | undefined,
    ...(errors?.length ? { errors } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}

export function zodFieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = [prefix, path].filter(Boolean).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : '(body)');
    return { field, message: issue.message };
  });
}

const DOMAIN_TYPES: Record<DomainError['kind'], ProblemType> = {
  validation: 'validation', not_found: 'not-found', conflict: 'conflict', forbidden: 'forbidden', unauthorized: 'unauthorized',
  rate_limited: 'rate-limited', unprocessable: 'unprocessable',
};

/** The detail of an error that exists in the three languages (itself, or all its field messages), in `locale`; else undefined. */
function localizedDetail(err: DomainError, locale: Locale): string | undefined {
  if (err.messages) return err.messages[locale];
  if (err.errors.length === 0 || !err.errors.every((e) => e.messages)) return undefined;
  return err.errors.map((e) => `${e.field}: ${e.messages![locale]}`).join('; ');
}

/** The app's onError: every failure leaves as problem+json; a 500 never leaks a stack or an AWS message. */
export function handleError(err: Error, c: Context) {
  if (err instanceof DomainError) {
    const retryAfter = (err as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retryAfter !== undefined) c.header('retry-after', String(retryAfter));
    return problem(c, DOMAIN_TYPES[err.kind], { detail: localizedDetail(err, requestLocale(c)) ?? err.message, errors: err.errors });
  }
  if (err instanceof ZodError) return problem(c, 'validation', { errors: zodFieldErrors(err) });
  if (err instanceof HTTPException) {
    if (err.status === 400) return problem(c, 'validation', { detail: err.message });
    if (err.status === 401) return problem(c, 'unauthorized');
    return problem(c, 'internal', { status: err.status as ContentfulStatusCode, detail: err.message });
  }
  log('error', 'unhandled error', { requestId: c.get('requestId' as never), error: err.name, message: err.message, stack: err.stack });
  return problem(c, 'internal');
}
