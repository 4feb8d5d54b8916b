/** A stand-in origin to edit a site path with URL (the path was already checked by `safeNext`). */
const BASE = 'https://mekendesh.invalid';

/**
 * The POST-redirect-GET confirmation: `path` (a path on this site, query and hash kept) with `done=<what>`, which the
 * page reads to say what just happened (as the staff review pages do). A `done` already there is replaced, so a
 * page's own "come back here" link never piles them up.
 * @example withDone('/ru/projects?rayon=41704220000000#top', 'saved') // '/ru/projects?rayon=41704220000000&done=saved#top'
 */
export function withDone(path: string, done: string): string {
	const url = new URL(path, BASE);
	url.searchParams.set('done', done);
	return url.pathname + url.search + url.hash;
}

/** `path` without its `done` (what a page passes as "come back here", so the next action starts clean). */
export function withoutDone(path: string): string {
	const url = new URL(path, BASE);
	url.searchParams.delete('done');
	return url.pathname + url.search + url.hash;
}
