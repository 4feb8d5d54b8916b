import type { FieldErrorCode, Locale } from '@mekendesh/contracts';

/** Errors the domain raises; the API maps each kind to one problem+json type and status. */
export interface FieldError {
  field: string;
  message: string;
  /** The message in each language of the platform, where the rule has them; the API answers in the caller's. */
  messages?: Readonly<Record<Locale, string>>;
  /** Why, as a stable code (the API says `invalid` when none is given). */
  code?: FieldErrorCode;
}

export class DomainError extends Error {
  constructor(
    readonly kind:
      | 'not_found'
      | 'conflict'
      | 'validation'
      | 'forbidden'
      /** A staff power asked for by a sign-in without the TOTP code: 403 `two-step-required`. */
      | 'second_factor'
      | 'unauthorized'
      | 'rate_limited'
      | 'unprocessable',
    message: string,
    readonly errors: FieldError[] = [],
    /** The whole message in each language of the platform, where the rule has them; the API answers in the caller's. */
    readonly messages?: Readonly<Record<Locale, string>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found`);
export const conflict = (message: string) => new DomainError('conflict', message);
/** A conflict whose message exists in Kyrgyz, Russian and English (the error's message is the English one). */
export const conflictIn = (messages: Readonly<Record<Locale, string>>) => new DomainError('conflict', messages.en, [], messages);
export const invalid = (field: string, message: string) => new DomainError('validation', `${field}: ${message}`, [{ field, message }]);

/**
 * A validation error whose message exists in Kyrgyz, Russian and English (`message` is the English one).
 * @example invalidIn('file', { ky: 'Сүрөт окулбай калды', ru: 'Фото не читается', en: 'The photo cannot be read' })
 */
export const invalidIn = (field: string, messages: Readonly<Record<Locale, string>>) =>
  new DomainError('validation', `${field}: ${messages.en}`, [{ field, message: messages.en, messages }]);

/** A service the platform depends on, as named to the person whose request it failed. */
export type DependencyName = 'database' | 'identity' | 'payments' | 'storage';

/**
 * A dependency that did not answer in time, refused the connection or answered 5xx, after the adapter's own few
 * retries: the API answers 503 problem+json with Retry-After (`retryAfterSeconds`) and a detail in ky/ru/en
 * naming what is down (problem.ts). Adapters raise it; the domain never catches it, so no outage reads as a
 * 401, 404 or 409. Whatever was written stays whole: each change is one DynamoDB transaction (or none), and
 * requests that create money records carry an Idempotency-Key, so asking again is safe.
 * @example throw new UnavailableError('database', 'DynamoDB did not answer', { cause: e })
 */
export class UnavailableError extends Error {
  readonly retryAfterSeconds: number;
  constructor(
    readonly service: DependencyName,
    message: string,
    options: { cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UnavailableError';
    this.retryAfterSeconds = options.retryAfterSeconds ?? 30;
  }
}
