import { describe, expect, it } from 'vitest';
import { withDone, withoutDone } from './done.js';

describe('withDone', () => {
	it('adds done to a path, keeping its query and hash, and replaces an earlier one', () => {
		expect(withDone('/ru/following', 'removed')).toBe('/ru/following?done=removed');
		expect(withDone('/ru/projects?rayon=41704220000000#top', 'saved')).toBe('/ru/projects?rayon=41704220000000&done=saved#top');
		expect(withDone('/en/projects?q=school&done=saved', 'followed')).toBe('/en/projects?q=school&done=followed');
	});
	it('withoutDone takes it away and leaves the rest', () => {
		expect(withoutDone('/en/projects?q=school&done=saved&sort=newest')).toBe('/en/projects?q=school&sort=newest');
		expect(withoutDone('/en/projects?done=saved')).toBe('/en/projects');
	});
});
