import type { FollowType } from '@mekendesh/contracts';
import { api, type ApiEvent } from './api.js';

/**
 * Whether the signed-in reader follows a thing, for a page's follow button: null when signed out (the button is then a
 * sign-in link), false when the API cannot say (the button offers to follow; following twice is no change).
 */
export async function followingOf(event: ApiEvent & { locals: App.Locals }, type: FollowType, id: string): Promise<boolean | null> {
	if (!event.locals.user) return null;
	try {
		const mine = await api(event).follows.mine();
		return mine.follows.some((f) => f.type === type && f.id === id);
	} catch {
		return false;
	}
}
