import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { matchedRoutes } from 'hono/route';
import { mergePath } from 'hono/utils/url';
import type { FieldError } from '@mekendesh/domain/errors';
import { problem } from './problem.js';

/** The largest request body a route takes unless it declares its own (`x-max-body-bytes`): 64 KiB of JSON. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * The OpenAPI extension a route declares a larger body limit with, in bytes. Only where the contract allows
 * more than the default: a project draft (3 × 20,000 characters of description), a bank statement (1,000,000
 * characters of CSV, or 1,400,000 of base64), Stripe's events.
 */
const BODY_LIMIT = 'x-max-body-bytes';

/** A project draft: 3 × 20,000 characters of description (≤ 3 bytes each as UTF-8), plus summary, titles, milestones. */
export const PROJECT_DRAFT_BODY_LIMIT = 256 * 1024;

/**
 * A progress report (issue 13): its text in ky/ru/en, each up to TEXT_LIMITS.markdownBody (20,000) characters of
 * Cyrillic (2 bytes each as UTF-8, 3 for other scripts), plus photo keys: 3 × 60 KB at most, within 256 KiB.
 */
export const REPORT_BODY_LIMIT = 256 * 1024;

/** A bank statement: `csv` of at most 1,000,000 characters (≤ 3 MB as UTF-8) or `content` of 1,400,000 base64 characters. */
export const STATEMENT_BODY_LIMIT = 4 * 1024 * 1024;

/** A Stripe event as delivered to the webhook (Stripe's events are a few KiB; room for line items and metadata). */
export const STRIPE_EVENT_BODY_LIMIT = 512 * 1024;

/**
 * Spread into a route that takes more than DEFAULT_BODY_LIMIT; the number is published in the OpenAPI document.
 * @example createRoute({ method: 'post', path: '/staff/statements/preview', ...maxBody(STATEMENT_BODY_LIMIT), ... })
 */
export const maxBody = (bytes: number) => ({ [BODY_LIMIT]: bytes }) as { 'x-max-body-bytes': number };

/** How deeply a JSON body may nest arrays and objects; no contract needs more than a handful of levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether a JSON text nests arrays and objects deeper than `max`, read in one pass without parsing (brackets
 * inside strings do not count), so a body of a million `[` is refused before JSON.parse or zod sees it.
 * @example jsonDepthExceeds('[[["]]]]]"]]]', 2) // true
 */
export function jsonDepthExceeds(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // a backslash escapes the next character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}

/** What a route declares about its request body, as the OpenAPI registry keeps it. */
interface DeclaredBody {
  request?: { body?: { required?: boolean; content?: Record<string, unknown> } };
  [BODY_LIMIT]?: number;
}

/** The part of the OpenAPI registry this module reads. */
export interface BodyRegistry {
  readonly definitions: readonly { type: string; route?: { method: string; path: string } & DeclaredBody }[];
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** A refusal of the whole body, named `(body)` as field errors of the body itself are (see zodFieldErrors). */
function bodyError(code: FieldError['code'], messages: { ky: string; ru: string; en: string }): FieldError[] {
  return [{ field: '(body)', code, message: messages.en, messages }];
}

const EMPTY = {
  ky: 'Суроонун денеси бош: JSON жөнөтүңүз.',
  ru: 'Тело запроса пустое: отправьте JSON.',
  en: 'The request body is empty: send JSON.',
};
const MALFORMED = {
  ky: 'Суроонун денеси туура JSON эмес.',
  ru: 'Тело запроса — не корректный JSON.',
  en: 'The request body is not valid JSON.',
};
const TOO_DEEP = {
  ky: `JSON өтө терең салынган: эң көп ${MAX_JSON_DEPTH} деңгээл.`,
  ru: `JSON вложен слишком глубоко: не больше ${MAX_JSON_DEPTH} уровней.`,
  en: `The JSON nests too deeply: at most ${MAX_JSON_DEPTH} levels.`,
};

function routeKey(method: string, base: string, path: string): string {
  return `${method.toUpperCase()} ${mergePath(base, path.replaceAll(/\/{(.+?)}/g, '/:$1'))}`;
}

/**
 * Guards every request body by what its route declares, before any validator reads it:
 * - size: at most the route's `x-max-body-bytes`, else DEFAULT_BODY_LIMIT (also for unknown routes), counted
 *   while the body streams in (hono/body-limit), so an oversized body answers 413 `payload-too-large` at once;
 * - type: a route that takes JSON answers 415 `unsupported-media-type` to any other Content-Type, and a required
 *   body sent with no Content-Type (or none at all) 400 naming `(body)` — without this, a validator would read
 *   a missing body as `{}` and an optional-only schema would pass (an approval with no body approved);
 * - shape: an empty, malformed or deeper-than-MAX_JSON_DEPTH JSON body answers 400 naming `(body)`.
 * Register it after `enforceDeclaredSecurity`, so an anonymous caller of a secured route gets 401 unread.
 * @example app.use('*', enforceDeclaredBody({ base: '/v1', registry: app.openAPIRegistry }));
 */
export function enforceDeclaredBody(options: { base: string; registry: BodyRegistry }): MiddlewareHandler {
  let table: Map<string, DeclaredBody> | undefined;
  const limiters = new Map<number, MiddlewareHandler>();
  const limiter = (maxSize: number) => {
    let found = limiters.get(maxSize);
    if (!found) {
      found = bodyLimit({ maxSize, onError: (c) => problem(c, 'payload-too-large', { detail: tooLarge(maxSize) }) });
      limiters.set(maxSize, found);
    }
    return found;
  };
  return async (c, next) => {
    table ??= new Map(
      options.registry.definitions.flatMap((d) =>
        d.type === 'route' && d.route ? [[routeKey(d.route.method, options.base, d.route.path), d.route] as const] : [],
      ),
    );
    const endpoint = matchedRoutes(c).find((r) => r.method !== 'ALL');
    const declared = endpoint ? table.get(`${endpoint.method} ${endpoint.path}`) : undefined;
    return limiter(declared?.[BODY_LIMIT] ?? DEFAULT_BODY_LIMIT)(c, async () => {
      const refused = await checkJsonBody(c, declared);
      if (refused) return refused as never;
      await next();
    });
  };
}

function tooLarge(max: number) {
  const kib = Math.floor(max / 1024);
  return {
    ky: `Суроонун денеси өтө чоң: бул дарек эң көп ${kib} КиБ кабыл алат.`,
    ru: `Тело запроса слишком большое: этот адрес принимает не больше ${kib} КиБ.`,
    en: `The request body is too large: this route takes at most ${kib} KiB.`,
  };
}

/** The refusal for a body its route declares as JSON, or undefined when it may go on to the validators. */
async function checkJsonBody(c: Parameters<MiddlewareHandler>[0], declared: DeclaredBody | undefined): Promise<Response | undefined> {
  const body = declared?.request?.body;
  const types = Object.keys(body?.content ?? {});
  if (!body || !types.some((t) => JSON_TYPE.test(t))) return undefined;
  const contentType = c.req.header('content-type');
  if (!contentType) {
    // No Content-Type and no bytes: an optional body is simply absent; a required one is missing.
    const empty = !c.req.raw.body || (await c.req.raw.clone().arrayBuffer()).byteLength === 0;
    if (!empty) return problem(c, 'unsupported-media-type', { detail: UNSUPPORTED });
    return body.required ? problem(c, 'validation', { errors: bodyError('required', EMPTY) }) : undefined;
  }
  if (!JSON_TYPE.test(contentType.split(';')[0]!.trim())) return problem(c, 'unsupported-media-type', { detail: UNSUPPORTED });
  const text = await c.req.text();
  if (text.trim() === '') return problem(c, 'validation', { errors: bodyError(body.required ? 'required' : 'invalid_format', EMPTY) });
  if (jsonDepthExceeds(text)) return problem(c, 'validation', { errors: bodyError('invalid', TOO_DEEP) });
  try {
    JSON.parse(text);
  } catch {
    return problem(c, 'validation', { errors: bodyError('invalid_format', MALFORMED) });
  }
  return undefined;
}

const UNSUPPORTED = {
  ky: 'Бул дарек JSON гана кабыл алат: Content-Type: application/json жөнөтүңүз.',
  ru: 'Этот адрес принимает только JSON: отправьте Content-Type: application/json.',
  en: 'This route takes JSON only: send Content-Type: application/json.',
};
