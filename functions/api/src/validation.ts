import type { Hook } from '@hono/zod-openapi';
import type { ApiEnv } from './env.js';
import { problem, zodFieldErrors } from './middleware/problem.js';

/** Every route's validation failure: 400 problem+json naming each field, before any handler runs. */
export const validationHook: Hook<unknown, ApiEnv, string, unknown> = (result, c) => {
  if (!result.success) {
    const errors = zodFieldErrors(result.error, result.target === 'json' ? undefined : result.target);
    return problem(c, 'validation', { errors });
  }
  return undefined;
};
