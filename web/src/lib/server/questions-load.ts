import type { QuestionsSection } from '#lib/questions.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { api, ApiError, type ApiEvent } from './api.js';

/**
 * The project's questions for its page: one page of the thread (public, or every question for its officers and staff)
 * and the reader's own private ones. A side dish: null when the API cannot give them, so the page stands without.
 * @example const questions = await loadQuestions(event, project, url.searchParams.get('qcursor'));
 */
export async function loadQuestions(
	event: ApiEvent & { locals: App.Locals; url: URL },
	project: { id: string; organisationId: string },
	cursor: string | null,
): Promise<QuestionsSection | null> {
	const user = event.locals.user;
	const locale = getLocale();
	const base = `/${locale}/projects/${encodeURIComponent(project.id)}`;
	try {
		const [thread, mine] = await Promise.all([
			api(event).questions.thread(project.id, cursor ? { cursor } : {}),
			user ? api(event).questions.mine(project.id) : Promise.resolve([]),
		]);
		const staff = !!user?.roles.some((r) => r === 'staff' || r === 'admin');
		return {
			projectId: project.id,
			thread,
			myPrivate: thread.viewer === 'public' ? mine.filter((q) => q.visibility === 'private') : [],
			canAsk: !!user && !staff && user.organisationId !== project.organisationId,
			signedIn: !!user,
			signInHref: `/${locale}/sign-in?next=${encodeURIComponent(base)}`,
			nextHref: thread.nextCursor ? `${base}?qcursor=${encodeURIComponent(thread.nextCursor)}#questions` : null,
		};
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		return null;
	}
}
