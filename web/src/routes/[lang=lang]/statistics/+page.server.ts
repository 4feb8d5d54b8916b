import type { OblastStats, ProgrammeStats } from '@mekendesh/contracts';
import { bishkekDay } from '#lib/duration.js';
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
	// The map's money is the tables' money: received from every funder by oblast (DashCells), not /stats/oblasts' diaspora
	// `raised`; the project counts still come from /stats/oblasts (0 when it cannot say).
	const received = new Map((stats?.byOblast ?? []).map((o) => [o.soate, o.received]));
	const counts = new Map(map.map((o) => [o.soate, o]));
	const soates = new Set([...received.keys(), ...counts.keys()]);
	const shaded: OblastStats[] = [...soates].map((soate) => ({
		soate,
		projects: counts.get(soate)?.projects ?? 0,
		raising: counts.get(soate)?.raising ?? 0,
		raised: stats ? (received.get(soate) ?? 0) : (counts.get(soate)?.raised ?? 0),
	}));
	return { stats, map: shaded, mapBy, mapFromTables: stats !== null, today: bishkekDay() };
};
