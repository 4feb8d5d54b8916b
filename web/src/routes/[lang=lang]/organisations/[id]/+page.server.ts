import { error } from '@sveltejs/kit';
import { InvitationRequestSchema, type OrganisationDetail } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { FIELD_MESSAGES, failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid, issueFields, localizeFields, text } from '#lib/server/forms.js';
import { api, ApiError } from '#lib/server/api.js';
import { requireUser } from '#lib/server/guards.js';
import { followingOf } from '#lib/server/following.js';
import type { Actions, PageServerLoad } from './$types';

const isDetail = (o: object): o is OrganisationDetail => 'members' in o;

/**
 * An organisation's page, for anyone once it is approved (the API answers 404 otherwise, but to its members and staff):
 * its public fields, its public projects (newest first, `?cursor=` pages on), the follow button; members and staff also
 * see contacts and officers, the admin the invitation form.
 */
export const load: PageServerLoad = async (event) => {
	const user = event.locals.user;
	let organisation;
	try {
		organisation = await api(event).organisations.get(event.params.id);
	} catch (cause) {
		if (cause instanceof ApiError && (cause.status === 404 || cause.status === 400 || cause.status === 403)) error(404, 'Not Found');
		throw cause;
	}
	const cursor = event.url.searchParams.get('cursor') ?? undefined;
	return {
		organisation,
		detail: isDetail(organisation) ? organisation : null,
		isAdmin: !!user && user.organisationId === organisation.id && user.organisationRole === 'admin',
		isMember: !!user && user.organisationId === organisation.id,
		following: await followingOf(event, 'organisation', organisation.id),
		projects: await publicProjects(event, organisation.id, cursor),
		cursor: cursor ?? null,
	};
};

/** A page of the public projects; null when the API cannot say (the page still shows the organisation). */
async function publicProjects(event: Parameters<PageServerLoad>[0], organisationId: string, cursor: string | undefined) {
	try {
		return await api(event).organisations.publishedProjects(organisationId, { limit: 12, ...(cursor ? { cursor } : {}) });
	} catch (cause) {
		// 404: not approved yet (its members and staff still see the page), so no public projects.
		if (cause instanceof ApiError && (cause.status === 400 || cause.status === 404)) return { items: [], nextCursor: null };
		if (cause instanceof ApiError) return null;
		throw cause;
	}
}

export const actions: Actions = {
	invite: async (event) => {
		const locale = getLocale();
		const user = requireUser(event);
		if (user.organisationId !== event.params.id || user.organisationRole !== 'admin') error(404, 'Not Found');
		const form = await event.request.formData();
		const values = { email: text(form, 'email'), locale: text(form, 'locale') || locale };
		const parsed = InvitationRequestSchema.safeParse(values);
		if (!parsed.success) return invalid(values, localizeFields(issueFields(parsed.error), FIELD_MESSAGES, m.form_error_summary()));
		try {
			await api(event).organisations.invite(event.params.id, parsed.data);
		} catch (cause) {
			return apiFailure(cause, failureOptions(values));
		}
		return { invited: parsed.data.email };
	},
};
