import type { Project } from '@mekendesh/contracts';
import { api } from './api.js';
import type { RequestEvent } from '@sveltejs/kit';

/**
 * "Support with my club" on a project page (issue 12 review: organisers had to type a project id): the clubs the
 * signed-in reader organises that may open a club pledge on this project (not closed, not already supporting it).
 * Empty signed out, for a project not raising, or when the API cannot say (the page stands without the button).
 */
export async function clubsToSupportWith(
	event: RequestEvent,
	project: Pick<Project, 'id' | 'status'>,
	supporting: readonly { clubId: string }[],
): Promise<{ id: string; name: string }[]> {
	if (!event.locals.user || project.status !== 'published') return [];
	const already = new Set(supporting.map((s) => s.clubId));
	try {
		const { items } = await api(event).clubs.mine();
		return items.filter((c) => c.organiser && !c.closed && !already.has(c.id)).map((c) => ({ id: c.id, name: c.name }));
	} catch {
		return [];
	}
}
