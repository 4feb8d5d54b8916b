import { redirect } from '@sveltejs/kit';
import { MATCH_LIMITS, type RecommendationList } from '@mekendesh/contracts';
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

/**
 * A visitor's ranked list for the answers (GET /v1/recommendations, the most it gives: the page shows the first
 * FIRST_CARDS and folds the rest). The country of residence is for the profile only and is not sent.
 */
function visitorList(event: ApiEvent, a: MatchAnswers) {
	return recommendations('visitor recommendations', () =>
		api(event).matching.forAnswers({
			oblast: a.oblast ?? undefined,
			rayon: a.rayon ?? undefined,
			sectors: a.sectors.length > 0 ? a.sectors.join(',') : undefined,
			amount: a.amount ?? undefined,
			limit: MATCH_LIMITS.maxLimit,
		}),
	);
}

/**
 * Signed in: the investor's recommendations from their profile. A visitor: the question flow, kept in the URL
 * (step 1 the oblast, step 2 rayon, interests and amount, then the list), with a link to share it and the offer to
 * keep the answers by signing up (they travel in `next`; sign-in saves them into the profile, see keep-answers.ts).
 * An amount that cannot be read keeps the visitor on step 2, the field saying so with what was typed.
 */
export const load: PageServerLoad = async (event) => {
	const locale = getLocale();
	if (event.locals.user) {
		const list = await recommendations('my recommendations', () => api(event).matching.mine());
		// `kept`: arrived from the sign-up offer, whose answers were just saved (a note only; nothing changes on a GET).
		return { visitor: null, list, kept: event.url.searchParams.get('kept') === '1' };
	}
	const { answers, dropped, badAmount, answered } = readMatchAnswers(event.url.searchParams);
	const step = !answers.oblast ? 1 : answered && badAmount === null ? 3 : 2;
	const query = answersQuery(answers);
	// One URL per set of answers: what the form sent ("20,000", sectors repeated) moves to the canonical, shareable
	// form (a redirect of a GET; nothing is stored). Not when an answer was dropped: the page says which.
	if (step === 3 && dropped.length === 0 && event.url.search !== `?${query}`) redirect(303, `/${locale}/for-you?${query}`);
	const profile = `/${locale}/account?${query}`;
	return {
		list: step === 3 ? await visitorList(event, answers) : null,
		kept: false,
		visitor: {
			step,
			answers,
			dropped,
			badAmount,
			shareUrl: `${event.url.origin}/${locale}/for-you?${query}`,
			signUpHref: `/${locale}/sign-up?${new URLSearchParams({ next: profile })}`,
			signInHref: `/${locale}/sign-in?${new URLSearchParams({ next: profile })}`,
		},
	};
};
