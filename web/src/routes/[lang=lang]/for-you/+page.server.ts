import type { RecommendationList } from '@mekendesh/contracts';
import { answersQuery, readMatchAnswers, type MatchAnswers } from '#lib/match-answers.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { api, ApiError, type ApiEvent } from '#lib/server/api.js';
import type { PageServerLoad } from './$types';

/** Recommendations, or null when the API cannot give them (the page says so instead of failing). */
async function recommendations(what: string, ask: () => Promise<RecommendationList>): Promise<RecommendationList | null> {
	try {
		return await ask();
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		console.error(`[web] ${what}: ${cause.message}`);
		return null;
	}
}

/** A visitor's ranked list for the answers (GET /v1/recommendations). */
function visitorList(event: ApiEvent, a: MatchAnswers) {
	return recommendations('visitor recommendations', () =>
		api(event).matching.forAnswers({
			oblast: a.oblast ?? undefined,
			rayon: a.rayon ?? undefined,
			sectors: a.sectors.length > 0 ? a.sectors.join(',') : undefined,
			amount: a.amount ?? undefined,
		}),
	);
}

/**
 * Signed in: the investor's recommendations from their profile. A visitor: the question flow, kept in the URL
 * (step 1 the oblast, step 2 rayon, interests and amount, then the list), with a link to share it and the offer to
 * keep the answers by signing up (they travel in `next` to the profile form, which reads them again).
 */
export const load: PageServerLoad = async (event) => {
	const locale = getLocale();
	if (event.locals.user) {
		const list = await recommendations('my recommendations', () => api(event).matching.mine());
		return { visitor: null, list };
	}
	const { answers, dropped, answered } = readMatchAnswers(event.url.searchParams);
	const step = !answers.oblast ? 1 : answered ? 3 : 2;
	const query = answersQuery(answers);
	const profile = `/${locale}/account?${query}`;
	return {
		list: step === 3 ? await visitorList(event, answers) : null,
		visitor: {
			step,
			answers,
			dropped,
			shareUrl: `${event.url.origin}/${locale}/for-you?${query}`,
			signUpHref: `/${locale}/sign-up?${new URLSearchParams({ next: profile })}`,
			signInHref: `/${locale}/sign-in?${new URLSearchParams({ next: profile })}`,
		},
	};
};
