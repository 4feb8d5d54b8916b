import { error, fail, redirect } from '@sveltejs/kit';
import { PUBLIC_STATUSES, type PledgeType, type Project } from '@mekendesh/contracts';
import { formatDeadline } from '#lib/deadline.js';
import { formatSom } from '#lib/format.js';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { pledgeFieldErrors, readPledgeForm } from '#lib/server/pledge-form.js';
import { problemMessage } from '#lib/server/forms.js';
import { api, ApiError } from '#lib/server/api.js';
import { requireUser } from '#lib/server/guards.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function loadProject(event: RequestEvent): Promise<Project> {
	try {
		const project = await api(event).projects.get(event.params.id);
		if (PUBLIC_STATUSES.includes(project.status)) return project;
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		if (cause.status !== 404 && cause.status !== 400) error(503, 'Service Unavailable', { code: 'api_unavailable' });
	}
	error(404, 'Not Found', { code: 'project_not_found' });
}

/** The kinds of pledge this project takes; co-investment only ever in a business venture. */
const ORDER: readonly PledgeType[] = ['donation', 'loan', 'equity', 'in_kind'];
const pledgeTypes = (project: Project): PledgeType[] =>
	ORDER.filter((t) => project.pledgeTypes.includes(t) && (t !== 'equity' || project.kind === 'business'));

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const project = await loadProject(event);
	const money = api(event);
	const [funding, card] = await Promise.all([money.projects.funding(project.id).catch(() => null), money.payments.cardAvailability()]);
	return {
		project,
		types: pledgeTypes(project),
		funding,
		card,
		display: user.profile.showAsSupporter ? 'name' : 'anonymous',
		// One key per rendering of the form: a double submit, or a retry after a lost answer, makes one pledge.
		idempotencyKey: crypto.randomUUID(),
	};
};

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		requireUser(event);
		const project = await loadProject(event);
		const money = api(event);
		const card = await money.payments.cardAvailability();
		const minimum = formatSom(project.minimumPledge, locale);
		const read = readPledgeForm(await event.request.formData(), {
			types: pledgeTypes(project),
			cardCurrencies: card.enabled ? card.currencies : null,
			minimum,
		});
		if ('errors' in read) return fail(400, { values: read.values, errors: read.errors });
		let pledgeId: string;
		try {
			pledgeId = (await money.pledges.create(project.id, read.values.key, read.request)).id;
		} catch (cause) {
			if (!(cause instanceof ApiError)) throw cause;
			if (cause.status === 0 || cause.status >= 500) {
				console.error(`[web] ${cause.message}`);
				return fail(503, { values: read.values, errors: { fields: {}, form: m.form_unavailable() } });
			}
			// 422: this key already made a pledge with another body; a fresh key lets the person pledge again.
			const values = cause.status === 422 ? { ...read.values, key: crypto.randomUUID() } : read.values;
			const paths = cause.status === 422 ? [] : (cause.problem?.errors?.map((e) => e.field) ?? []);
			// 409 naming `deadline`: the day ended in Bishkek between showing the form and sending it.
			const closed = paths.includes('deadline');
			const errors =
				paths.length > 0 && !closed
					? pledgeFieldErrors(paths, minimum)
					: { fields: {}, form: problemMessage(cause) ?? m.form_error_summary() };
			if (cause.status === 422) errors.form = m.money_error_changed();
			if (closed) errors.form = m.money_deadline_passed({ deadline: formatDeadline(project.deadline, locale) });
			return fail(cause.status, { values, errors });
		}
		redirect(303, `/${locale}/pledges/${encodeURIComponent(pledgeId)}?created=1`);
	},
};
