// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Me } from '@mekendesh/contracts';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in user (GET /v1/me), or null. Set by hooks.server.ts. */
			user: Me | null;
			/** The user's access token, for API calls from the server only; never put into page data. */
			accessToken: string | null;
		}
		interface Error {
			status: number;
			message: string;
			/** A stable reason the error page turns into a localized text; the message stays technical. */
			code?: 'project_not_found' | 'api_unavailable';
		}
	}
}

export {};
