import { error } from '@sveltejs/kit';
import { demandTerritoryOf, territoryRules } from '@mekendesh/domain';
import { TERRITORIES } from '@mekendesh/territories';
import { api } from '#lib/server/api.js';
import { ApiError } from '#lib/server/api-error.js';
import { requireMember } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

const rules = territoryRules(TERRITORIES);

// The officer's own territory only (the API refuses any other): the organisation's rayon, or its oblast.
export const load: PageServerLoad = async (event) => {
	const user = requireMember(event);
	const organisation = await api(event).organisations.get(user.organisationId);
	const soate = demandTerritoryOf(rules, organisation.territorySoate);
	if (organisation.status !== 'approved' || !soate) return { organisation, demand: null };
	try {
		return { organisation, demand: await api(event).demand.get(soate) };
	} catch (cause) {
		if (cause instanceof ApiError && cause.status === 403) return { organisation, demand: null };
		if (cause instanceof ApiError && cause.status === 404) error(404, 'Not Found');
		throw cause;
	}
};
