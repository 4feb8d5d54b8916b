import type { OblastStats, ProgrammeStats } from '@mekendesh/contracts';
import { api } from '#lib/server/api.js';
import type { PageServerLoad } from './$types';

/** The public statistics page (issue 13): the programme in figures from the API's running totals, and the map. */
export const load: PageServerLoad = async (event) => {
	const client = api(event);
	const [stats, map] = await Promise.all([
		client.transparency.programme().catch((cause: unknown): ProgrammeStats | null => {
			console.error(`[web] programme stats: ${cause instanceof Error ? cause.message : String(cause)}`);
			return null;
		}),
		client.stats.oblasts().catch((): OblastStats[] => []),
	]);
	const mapBy: 'projects' | 'raised' = event.url.searchParams.get('map') === 'projects' ? 'projects' : 'raised';
	return { stats, map, mapBy };
};
