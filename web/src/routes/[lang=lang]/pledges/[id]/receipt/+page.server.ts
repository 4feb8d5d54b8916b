import { bishkekDay } from '#lib/duration.js';
import { loadPledge } from '#lib/server/pledge-load.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ ...(await loadPledge(event)), printedAt: bishkekDay() });
