import type { Profile } from '@mekendesh/contracts';
import { profileSuggestion, type ProfileSuggestion } from '#lib/match-answers.js';
import { api, ApiError, type ApiEvent } from './api.js';

/** The sign-up offer's return address: the profile form of some page language, carrying the for-you answers. */
const OFFER_PATH = /^\/(ky|ru|en)\/account$/;

/**
 * The stored profile with the for-you answers put in: home oblast and rayon (a new oblast without a rayon clears
 * the old rayon, which may lie elsewhere), interests, the amount as amountMax (tyiyn), the country of residence.
 * An answer not given leaves the stored value alone; every other field stays as stored.
 * @example mergeAnswers(profile, { homeOblastSoate: '41704000000000', homeRayonSoate: null, sectors: [], amountMax: 2_000_000, residenceCountry: null })
 */
export function mergeAnswers(profile: Profile, s: ProfileSuggestion): Profile {
	return {
		...profile,
		homeOblastSoate: s.homeOblastSoate ?? profile.homeOblastSoate,
		homeRayonSoate: s.homeRayonSoate ?? (s.homeOblastSoate ? null : profile.homeRayonSoate),
		sectors: s.sectors.length > 0 ? s.sectors : profile.sectors,
		amountMax: s.amountMax ?? profile.amountMax,
		residenceCountry: s.residenceCountry ?? profile.residenceCountry,
	};
}

/**
 * Whether a profile holds none of the answers yet, nor a home settlement, a country or consent to be counted (a
 * new account's): only then are a link's answers saved without the person seeing them. A link anyone can send
 * must not rewrite what someone told us; they get the prefilled form and decide.
 */
export function holdsNoAnswers(p: Profile): boolean {
	const place = p.homeOblastSoate ?? p.homeRayonSoate ?? p.homeSettlement ?? p.residenceCountry;
	return place === null && p.sectors.length === 0 && p.amountMin === null && p.amountMax === null && !p.countInterest;
}

/**
 * Where to go once an account made from the for-you offer is confirmed (a POST: confirmation's automatic sign-in;
 * `accessToken` is the new session's). A plain sign-in never calls it: an existing account gets the prefilled form. When `next` is the sign-up offer's `/{lang}/account?<answers>`, the validated answers are saved into
 * the stored profile (GET /v1/me, PUT /v1/me/profile) and the answer is `/{lang}/for-you?kept=1`, whose page
 * says so, when the profile holds none of the answers yet (holdsNoAnswers). Any other `next` is answered
 * unchanged; so is this one when the profile has answers already or saving fails (the profile form then opens
 * prefilled, and the person saves it by hand). Never called on a GET: it changes state.
 */
export async function keepAnswers(event: ApiEvent & { locals: App.Locals }, next: string, accessToken: string): Promise<string> {
	const url = new URL(next, 'https://mekendesh.invalid');
	const lang = OFFER_PATH.exec(url.pathname)?.[1];
	const suggestion = lang ? profileSuggestion(url.searchParams) : null;
	if (!lang || !suggestion) return next;
	// handleFetch sends the token on locals; the session cookies are only read on the next request.
	event.locals.accessToken = accessToken;
	try {
		const { profile } = await api(event).me.get();
		if (!holdsNoAnswers(profile)) return next;
		await api(event).me.updateProfile(mergeAnswers(profile, suggestion));
		return `/${lang}/for-you?kept=1`;
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		console.error(`[web] keeping the for-you answers: ${cause.message}`);
		return next;
	}
}
