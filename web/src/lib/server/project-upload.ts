import { api, ApiError, type ApiEvent } from './api.js';

/**
 * The one no-JS upload of a file to a project, through the API's checks: the API signs a PUT (type and size checked),
 * the server sends the file to the object store at that URL (the one fetch outside the API client: api-usage test),
 * then the API completes it (the file's content checked, variants made). Used by the project's photo form and the
 * progress forms (report photos, disbursement documents).
 * @returns the attachment's key.
 * @throws ApiError as the API answered; 502 when the object store refused the PUT.
 */
export async function uploadToProject(event: ApiEvent, projectId: string, file: File, options: { cover?: boolean } = {}): Promise<string> {
	const projects = api(event).projects;
	const ticket = await projects.requestUpload(projectId, {
		contentType: file.type,
		size: file.size,
		fileName: file.name.slice(0, 200) || undefined,
	});
	const put = await fetch(ticket.url, {
		method: 'PUT',
		headers: ticket.headers,
		body: new Uint8Array(await file.arrayBuffer()),
		signal: AbortSignal.timeout(30_000),
	});
	if (!put.ok) throw new ApiError(502, `upload PUT answered ${put.status}`);
	await projects.completeUpload(projectId, ticket.key, options.cover ? { cover: true } : {});
	return ticket.key;
}
