import { z } from 'zod';

/**
 * Why a field was refused, as a stable code: what a client can act on without reading the message. The API
 * says the message in the caller's language (Accept-Language: ky, ru or en) for every one of them.
 * required: missing; invalid_type: a value of the wrong kind; too_short / too_long: a text or list shorter or
 * longer than allowed; too_small / too_big: a number out of range; invalid_format: a text that does not match
 * (an email, a date, a code); invalid_choice: not one of the allowed values; unknown_field: a field the request
 * does not take; not_multiple: a number not in the allowed steps; invalid_characters: a text with a lone surrogate,
 * control or bidirectional control characters (text.ts); no_letters: a text with fewer letters or digits than its
 * minimum (dots, emoji only); too_many_marks: a character under a stack of combining accents (text.ts visibleText);
 * invalid: any other rule.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid_type',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_choice',
  'unknown_field',
  'not_multiple',
  'invalid_characters',
  'no_letters',
  'too_many_marks',
  'invalid',
] as const;
export const FieldErrorCodeSchema = z.enum(FIELD_ERROR_CODES).meta({ id: 'FieldErrorCode' });
export type FieldErrorCode = z.infer<typeof FieldErrorCodeSchema>;

/**
 * RFC 9457 problem details, with field errors for validation failures. `title`, `detail` and each field
 * error's `message` are in the caller's language (Accept-Language: ky, ru or en); a `detail` that exists only
 * in English is sent to English readers only.
 */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    // `code` is a string here, not the enum: a newer API's new code must not make an older client drop the problem.
    errors: z.array(z.object({ field: z.string(), code: z.string().optional(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;
