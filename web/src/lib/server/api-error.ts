import type { Problem } from '@mekendesh/contracts';

/**
 * The API answered with an error (its problem+json body when it sent one), or could not be reached.
 * Forms turn `fields` into messages next to their inputs (forms.ts `apiFailure`, field-messages.ts).
 * @example
 * catch (cause) { if (cause instanceof ApiError && cause.status === 404) error(404, 'Not Found'); }
 */
export class ApiError extends Error {
	constructor(
		/** HTTP status, or 0 when the API could not be reached or answered something off the contract. */
		readonly status: number,
		message: string,
		readonly problem?: Problem,
	) {
		super(message);
		this.name = 'ApiError';
	}

	/** The request fields the API refused (`amount.amount`, `name.ky`), in its order; [] when none were named. */
	get fields(): string[] {
		return this.problem?.errors?.map((e) => e.field) ?? [];
	}

	/** True for "try again later": unreachable, a broken answer, or a 5xx. */
	get unavailable(): boolean {
		return this.status === 0 || this.status >= 500;
	}
}
