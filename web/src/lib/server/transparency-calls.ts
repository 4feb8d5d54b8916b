import { NamedSupportersSchema, ProgrammeStatsSchema, PublicLedgerSchema, type Locale } from '@mekendesh/contracts';
import { queryString, type ApiCall } from './api-call.js';
import { ApiError } from './api-error.js';

const id = encodeURIComponent;

/** Public transparency (issue 13): a project's ledger and named supporters a page at a time, the programme statistics, the open data. */
export const transparencyCalls = (
	call: ApiCall,
	send: (method: 'GET', path: string, options?: { headers?: Record<string, string> }) => Promise<Response>,
) => ({
	/** One page of a public project's ledger, newest first; `cursor` from the previous page. */
	ledger: (projectId: string, q: { limit: number; cursor?: string | null }) =>
		call('GET', `/projects/${id(projectId)}/ledger${queryString({ limit: q.limit, cursor: q.cursor ?? undefined })}`, PublicLedgerSchema),
	/** One page of the supporters shown by name, newest first. */
	supporters: (projectId: string, q: { limit: number; cursor?: string | null }) =>
		call(
			'GET',
			`/projects/${id(projectId)}/supporters${queryString({ limit: q.limit, cursor: q.cursor ?? undefined })}`,
			NamedSupportersSchema,
		),
	/** The programme in figures (KGS tyiyn), from running totals. */
	programme: () => call('GET', '/stats/programme', ProgrammeStatsSchema),
	/** The open-data CSV as the API writes it (BOM, licence line), oblast names in `lang`; ApiError when it cannot. */
	openData: async (lang: Locale): Promise<string> => {
		const res = await send('GET', `/stats/open-data.csv${queryString({ lang })}`, { headers: { accept: 'text/csv' } });
		if (!res.ok) throw new ApiError(res.status, `open data: ${res.status}`);
		return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
	},
});
