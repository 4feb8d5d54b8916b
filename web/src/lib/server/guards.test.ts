import { isHttpError, isRedirect } from '@sveltejs/kit';
import type { Me, Role } from '@mekendesh/contracts';
import { describe, expect, it } from 'vitest';
import { hasRole, requireRole, requireUser } from './guards.js';

const person = (roles: Role[]) => ({ id: 'u1', roles, organisationId: null }) as unknown as Me;
const event = (user: Me | null, path = '/ky/staff/money?x=1') => ({
	locals: { user, accessToken: user ? 't' : null },
	url: new URL(`http://web.test${path}`),
});
const thrown = (run: () => unknown) => {
	try {
		run();
	} catch (e) {
		return e;
	}
	return undefined;
};

describe('requireRole', () => {
	it('sends an anonymous visitor to sign-in, coming back to the page asked for', () => {
		const e = thrown(() => requireRole(event(null), 'staff'));
		expect(isRedirect(e) && e.status === 303 && e.location).toBe(`/ky/sign-in?next=${encodeURIComponent('/ky/staff/money?x=1')}`);
	});

	it('never sends `next` to another site', () => {
		const e = thrown(() => requireUser(event(null, '//evil.example/x')));
		expect(isRedirect(e) && e.location).toBe(`/ky/sign-in?next=${encodeURIComponent('/ky')}`);
	});

	it('sends staff without two-step sign-in to set it up, coming back to the page asked for (issue 14)', () => {
		const e = thrown(() => requireRole(event({ ...person(['staff']), twoStep: 'required' }), 'staff'));
		expect(isRedirect(e) && e.status === 303 && e.location).toBe(
			`/ky/account/two-step?required=1&next=${encodeURIComponent('/ky/staff/money?x=1')}`,
		);
		expect(requireRole(event({ ...person(['staff']), twoStep: 'on' }), 'staff').id).toBe('u1');
	});

	it('answers another role with the 404 of a page that does not exist', () => {
		const e = thrown(() => requireRole(event(person(['investor', 'officer'])), 'staff'));
		expect(isHttpError(e) && e.status).toBe(404);
	});

	it('lets staff and admins through, and takes a list of roles', () => {
		expect(requireRole(event(person(['staff'])), 'staff').id).toBe('u1');
		expect(requireRole(event(person(['admin'])), 'staff').id).toBe('u1');
		expect(requireRole(event(person(['officer'])), ['staff', 'officer']).id).toBe('u1');
		expect(hasRole(null, 'investor')).toBe(false);
	});
});
