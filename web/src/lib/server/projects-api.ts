import {
	ProjectQueueSchema,
	ProjectSchema,
	UploadTicketSchema,
	type Locale,
	type Project,
	type ProjectDraft,
	type ProjectQueue,
	type ProjectUpdate,
	type UploadTicket,
} from '@mekendesh/contracts';
import { apiCaller, type ApiCallOptions } from './api-call.js';

export type ProjectsApiOptions = ApiCallOptions;


/**
 * The proposal, vetting and upload endpoints of the API for one request of the web server: the page
 * language as Accept-Language (problem titles come back in it), the signed-in user's bearer token.
 * @example
 * const projects = projectsApi({ baseUrl, locale: 'ky', token });
 * const draft = await projects.create(draftInput);
 */
export function projectsApi({ baseUrl, locale, token, fetch, timeoutMs = 10_000 }: ProjectsApiOptions) {
	const call = apiCaller({ baseUrl, locale, token, fetch, timeoutMs });

	const id = (value: string) => encodeURIComponent(value);
	const page = (query: Record<string, string | number | undefined>) => {
		const qs = new URLSearchParams();
		for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') qs.set(key, String(value));
		return qs.size ? `?${qs}` : '';
	};

	return {
		/** A project the caller may see: public ones, or drafts and proposals of their organisation (staff: all). */
		get: (projectId: string): Promise<Project> => call('GET', `/projects/${id(projectId)}`, ProjectSchema),
		create: (draft: ProjectDraft): Promise<Project> => call('POST', '/projects', ProjectSchema, draft),
		/** Replaces the text; `version` is the one edited, so a stale edit is a 409 and changes nothing. */
		update: (projectId: string, draft: ProjectUpdate, version: number): Promise<Project> =>
			call('PUT', `/projects/${id(projectId)}`, ProjectSchema, draft, { 'if-match': `"${version}"` }),
		submit: (projectId: string): Promise<Project> => call('POST', `/projects/${id(projectId)}/submit`, ProjectSchema, {}),
		organisationProjects: (orgId: string, query: { cursor?: string; limit?: number } = {}): Promise<ProjectQueue> =>
			call('GET', `/organisations/${id(orgId)}/projects${page({ limit: query.limit ?? 20, cursor: query.cursor })}`, ProjectQueueSchema),
		queue: (query: { cursor?: string; limit?: number } = {}): Promise<ProjectQueue> =>
			call('GET', `/staff/projects${page({ status: 'submitted', limit: query.limit ?? 20, cursor: query.cursor })}`, ProjectQueueSchema),
		review: (projectId: string, input: { decision: 'approve' | 'reject' | 'request_changes'; reason?: string }): Promise<Project> =>
			call('POST', `/projects/${id(projectId)}/review`, ProjectSchema, input),
		requestUpload: (projectId: string, input: { contentType: string; size: number; fileName?: string }): Promise<UploadTicket> =>
			call('POST', `/projects/${id(projectId)}/uploads`, UploadTicketSchema, input),
		completeUpload: (projectId: string, key: string, input: { cover?: boolean; fileName?: string }): Promise<Project> =>
			call('POST', `/projects/${id(projectId)}/uploads/${id(key)}/complete`, ProjectSchema, input),
	};
}

export type ProjectsApi = ReturnType<typeof projectsApi>;
