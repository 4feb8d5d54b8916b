// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			status: number;
			message: string;
			/** A stable reason the error page turns into a localized text; the message stays technical. */
			code?: 'project_not_found' | 'api_unavailable';
		}
	}
}

export {};
