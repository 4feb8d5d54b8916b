import { error, fail, redirect } from '@sveltejs/kit';
import { ClubContributionSchema, ClubPledgeCreateSchema, type ClubPage } from '@mekendesh/contracts';
import { formatSom } from '#lib/format.js';
import { pickText } from '#lib/localized-text.js';
import { parseSomInput } from '#lib/money-input.js';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { api, ApiError } from '#lib/server/api.js';
import { apiFailure, invalid, text, type FieldMessages } from '#lib/server/forms.js';
import { requireUser } from '#lib/server/guards.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
const OPEN_MESSAGES: FieldMessages = { projectId: m.clubs_error_project, goalKgs: m.clubs_error_goal };
const CONTRIBUTE_MESSAGES: FieldMessages = { amount: m.clubs_error_amount, channel: m.clubs_error_channel, message: m.clubs_error_text };

export const load: PageServerLoad = async (event) => {
	try {
		// `members`: the cursor of a later page of the shown members (the "more" link below the list).
		const page = await api(event).clubs.get(event.params.id, event.url.searchParams.get('members') ?? undefined);
		// One key per club pledge per rendering of the page, carried by its contribution form: submitting it again (a
		// retry after a failed answer, a double click) replays the first pledge instead of making a second; forms of
		// two club pledges never share a key (the second would be refused as another body under the same key).
		const keys = Object.fromEntries(page.pledges.map((p) => [p.id, crypto.randomUUID()]));
		const projects = page.organiser && !page.club.closed ? await supportable(event, page) : [];
		const mine = page.membership ? await myContributions(event, page.club.id) : [];
		// `?done=opened`: the confirmation after the organiser opened a club pledge (POST, then GET).
		const opened = event.url.searchParams.get('done') === 'opened';
		return { ...page, signedIn: event.locals.user !== null && event.locals.user !== undefined, keys, projects, mine, opened };
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		if (cause.status === 404 || cause.status === 400) error(404, 'Not Found');
		console.error(`[web] club ${event.params.id}: ${cause.message}`);
		error(503, 'Service Unavailable', { code: 'api_unavailable' });
	}
};

/**
 * What the organiser may open a club pledge on (issue 12 review: they had to type a project id): the projects raising
 * money in the club's home oblast, its home rayon's first, one bounded read of the discovery index (50, its maximum),
 * less those the club already supports. None when the API cannot say: the page stands without the picker.
 */
async function supportable(event: RequestEvent | Parameters<PageServerLoad>[0], page: ClubPage) {
	const taken = new Set(page.pledges.map((p) => p.projectId));
	const locale = getLocale();
	try {
		const list = await api(event).projects.list({ oblast: page.club.homeOblast, limit: 50 });
		return list.items
			.filter((p) => !taken.has(p.id))
			.sort((a, b) => Number(b.rayonSoate === page.club.homeRayon) - Number(a.rayonSoate === page.club.homeRayon))
			.map((p) => ({ value: p.id, label: pickText(p.title, locale)?.text ?? p.id }));
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		return [];
	}
}

/** The project's minimum pledge of one of this club's pledges, formatted; null when unknown (read only after a refusal). */
async function minimumOf(event: RequestEvent, clubPledgeId: string): Promise<string | null> {
	try {
		const minimum = (await api(event).clubs.get(event.params.id)).pledges.find((p) => p.id === clubPledgeId)?.minimumPledge;
		return minimum ? formatSom(minimum, getLocale()) : null;
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		return null;
	}
}

/**
 * A member's own contributions through this club (issue 12 review: members could not see them), from the newest page
 * of their pledges (GET /v1/me/pledges, 50, its maximum): older ones stay on the My pledges page. None when the API
 * cannot say.
 */
async function myContributions(event: RequestEvent | Parameters<PageServerLoad>[0], clubId: string) {
	try {
		const page = await api(event).me.pledges({ limit: 50 });
		return page.items.filter((p) => p.club?.clubId === clubId);
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		return [];
	}
}

/** Back to the club page after a change (POST, then GET: a reload does not send it again); `done` says what it did. */
const back = (event: RequestEvent, done?: string): never =>
	redirect(303, `/${getLocale()}/clubs/${encodeURIComponent(event.params.id)}${done ? `?done=${done}` : ''}`);

async function simple(event: RequestEvent, run: () => Promise<unknown>) {
	try {
		await run();
	} catch (cause) {
		return apiFailure(cause, { messages: {}, values: {}, unavailable: m.form_unavailable(), fallback: m.form_error_summary() });
	}
	return back(event);
}

export const actions: Actions = {
	join: async (event) => {
		requireUser(event);
		const shown = (await event.request.formData()).get('shown') === 'on';
		return simple(event, () => api(event).clubs.join(event.params.id, shown));
	},
	leave: async (event) => {
		requireUser(event);
		return simple(event, () => api(event).clubs.leave(event.params.id));
	},
	open: async (event) => {
		requireUser(event);
		const form = await event.request.formData();
		const values = { projectId: text(form, 'projectId'), goal: text(form, 'goal') };
		const goalKgs = values.goal ? parseSomInput(values.goal) : undefined;
		const parsed = ClubPledgeCreateSchema.safeParse({ projectId: values.projectId, ...(goalKgs !== undefined ? { goalKgs } : {}) });
		if (goalKgs === null || (values.goal && goalKgs === undefined) || !parsed.success) {
			const fields: Record<string, string> = {};
			if (!values.projectId || (parsed.error?.issues ?? []).some((i) => i.path[0] === 'projectId'))
				fields.projectId = m.clubs_error_project();
			if (values.goal && (goalKgs == null || (parsed.error?.issues ?? []).some((i) => i.path[0] === 'goalKgs')))
				fields.goalKgs = m.clubs_error_goal();
			return invalid({ open: values }, { fields });
		}
		try {
			await api(event).clubs.openPledge(event.params.id, parsed.data);
		} catch (cause) {
			return apiFailure(cause, {
				messages: OPEN_MESSAGES,
				values: { open: values },
				unavailable: m.form_unavailable(),
				fallback: m.form_error_summary(),
			});
		}
		return back(event, 'opened');
	},
	contribute: async (event) => {
		requireUser(event);
		const form = await event.request.formData();
		const values = {
			clubPledgeId: text(form, 'clubPledgeId'),
			amount: text(form, 'amount'),
			channel: text(form, 'channel'),
			key: text(form, 'key'),
		};
		const amount = parseSomInput(values.amount);
		const parsed = ClubContributionSchema.safeParse({ amount: { amount: amount ?? -1, currency: 'KGS' }, channel: values.channel });
		if (!parsed.success || !amount || !KEY.test(values.key)) {
			const fields: Record<string, string> = {};
			if (!amount || amount <= 0) fields.amount = m.clubs_error_amount();
			if ((parsed.error?.issues ?? []).some((i) => i.path[0] === 'channel')) fields.channel = m.clubs_error_channel();
			if (!KEY.test(values.key))
				return fail(400, {
					values: { contribute: { ...values, key: crypto.randomUUID() } },
					errors: { fields, form: m.form_error_summary() },
				});
			return invalid({ contribute: values }, { fields });
		}
		let pledgeId: string;
		try {
			pledgeId = (await api(event).clubs.contribute(values.clubPledgeId, values.key, parsed.data)).id;
		} catch (cause) {
			const minimum = await minimumOf(event, values.clubPledgeId);
			return apiFailure(cause, {
				// Below the project's minimum: the plain pledge form's message, naming the minimum (issue 12 review).
				messages: minimum ? { ...CONTRIBUTE_MESSAGES, amount: () => m.money_error_amount({ minimum }) } : CONTRIBUTE_MESSAGES,
				values: { contribute: values },
				unavailable: m.form_unavailable(),
				fallback: m.form_error_summary(),
			});
		}
		// A fragment of its own: a browser keeps the form's #contribute-<id> across a redirect that names none.
		redirect(303, `/${getLocale()}/pledges/${encodeURIComponent(pledgeId)}?created=1#page-title`);
	},
};
