import { error } from '@sveltejs/kit';
import { PUBLIC_STATUSES } from '@mekendesh/contracts';
import { usdCents } from '@mekendesh/domain';
import { markdownToText, renderMarkdown } from '@mekendesh/markdown';
import { backToList } from '#lib/server/discovery-reader.js';
import { pickText } from '#lib/localized-text.js';
import { coverPhoto, photoFile, photoSources } from '#lib/project-media.js';
import { withPlainTexts } from '#lib/server/plain-text.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { placeName } from '#lib/places.js';
import { api, ApiError } from '#lib/server/api.js';
import { followingOf } from '#lib/server/following.js';
import { loadQuestions } from '#lib/server/questions-load.js';
import { clubsToSupportWith } from '#lib/server/club-support.js';
import { loadProgress } from '#lib/server/progress-load.js';
import { loadTransparency } from '#lib/server/transparency-load.js';
import type { PageServerLoad } from './$types';

/** Most projects "more near your home" shows. */
const NEAR_HOME_SIZE = 3;

export const load: PageServerLoad = async (event) => {
	const { params, url, request } = event;
	const locale = getLocale();
	let project;
	try {
		project = await api(event).projects.get(params.id);
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		// 400: the API rejects ids that cannot exist (bad characters, too long), which is a 404 to a reader.
		if (cause.status === 404 || cause.status === 400) error(404, 'Not Found', { code: 'project_not_found' });
		console.error(`[web] project ${params.id}: ${cause.message}`);
		error(503, 'Service Unavailable', { code: 'api_unavailable' });
	}
	// The API only serves public projects; this guards the page should that ever change.
	if (!PUBLIC_STATUSES.includes(project.status)) error(404, 'Not Found', { code: 'project_not_found' });

	// "More near your home" only for an investor whose profile names a home; hidden when the API has nothing (or fails).
	const home = event.locals.user?.profile;
	const nearHome =
		home?.homeRayonSoate || home?.homeOblastSoate
			? api(event)
					.matching.mine({ near: 'home', exclude: project.id, limit: NEAR_HOME_SIZE })
					.then((l) => l.items)
					.catch(() => [])
			: Promise.resolve([]);
	// Questions and answers (a side dish too: null when the API cannot give them), read alongside the rest.
	const questions = loadQuestions(event, project, url.searchParams.get('qcursor'));
	// The public ledger and the co-financing figures are side dishes: the page stands without them if the API cannot give them.
	const [transparency, funding, near, clubs] = await Promise.all([
		// The ledger and the named supporters, each a page with its own no-JS pager (?ledger=, ?supporters=).
		loadTransparency(event, project.id),
		api(event)
			.projects.funding(project.id)
			.catch(() => null),
		nearHome,
		// The clubs supporting it, each one supporter with its members' exact sum (none shown if the API cannot say).
		api(event)
			.clubs.onProject(project.id)
			.then((c) => c.items)
			.catch(() => []),
	]);

	// Owners write Markdown; it becomes HTML only here, through the sanitising renderer ({@html} shows nothing else).
	const description = pickText(project.description, locale);
	const photo = coverPhoto(project);
	const cover = photo ? photoSources(project.id, photo) : null;
	const summaryText = markdownToText(pickText(project.summary, locale)?.text ?? '');
	// One meaning of "raised" on the page: every funder's money received (the funder table's "Received" total), in the
	// headline and in USD beside it, at the rate the API priced the funding table with (one rule: usdCents).
	const others = project.funding ? project.funding.byFunder.municipality.received + project.funding.byFunder.otherDonors.received : 0;
	const inHand = (funding?.raised ?? project.raised) + (funding?.matched ?? 0) + others;
	const usdRate = project.funding?.usd?.rate ?? null;
	const progressUsd = usdRate ? { raised: usdCents(inHand, usdRate), goal: usdCents(project.goal, usdRate), rate: usdRate } : null;
	return {
		// "All projects": the list, with the visitor's search when they came from one (validated, same-origin path only).
		backHref: backToList(locale, url.searchParams.get('from'), request.headers.get('referer'), url.origin),
		descriptionHtml: description ? renderMarkdown(description.text) : null,
		cover,
		share: {
			url: `${url.origin}${url.pathname}`,
			title: markdownToText(pickText(project.title, locale)?.text ?? project.slug),
			description: summaryText.length > 300 ? `${summaryText.slice(0, 297)}…` : summaryText,
			image: photo ? `${url.origin}${photoFile(project.id, photo, 1280)}` : null,
		},
		// Title and summary are Markdown too, shown as text in headings and the lead.
		project: withPlainTexts(project),
		ledger: transparency.ledger,
		supporters: transparency.supporters,
		clubs,
		funding,
		progressUsd,
		othersReceived: others,
		nearHome: near,
		// The follow button's state: null signed out (a sign-in link), else whether the reader follows the project.
		following: await followingOf(event, 'project', project.id),
		questions: await questions,
		// Reports, spending and late milestones (issue 13): a side dish, null when the API cannot give them.
		progress: await loadProgress(event, project, locale),
		// "Support with my club": the clubs the reader organises that may open a club pledge here (none: no button).
		supportWith: await clubsToSupportWith(event, project, clubs),
		oblast: placeName(project.oblastSoate, locale),
		rayon: project.rayonSoate ? placeName(project.rayonSoate, locale) : null,
	};
};
