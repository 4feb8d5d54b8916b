import { error, redirect } from '@sveltejs/kit';
import type { Me, Role } from '@mekendesh/contracts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { safeNext } from './redirects.js';

/** The part of a RequestEvent the guards read. */
export interface GuardEvent {
	locals: App.Locals;
	url: URL;
}

/**
 * The signed-in person, or a 303 to the sign-in page that comes back here afterwards (`next`, a path on
 * this site only: safeNext).
 * @example const user = requireUser(event);
 */
export function requireUser(event: GuardEvent): Me {
	if (event.locals.user) return event.locals.user;
	const locale = getLocale();
	const next = safeNext(event.url.pathname + event.url.search, `/${locale}`);
	redirect(303, `/${locale}/sign-in?next=${encodeURIComponent(next)}`);
}

/** Whether a person holds one of `roles`; `admin` holds every role. */
export function hasRole(user: Pick<Me, 'roles'> | null, roles: Role | readonly Role[]): boolean {
	const wanted: readonly Role[] = typeof roles === 'string' ? [roles] : roles;
	return !!user && user.roles.some((r) => r === 'admin' || wanted.includes(r));
}

/**
 * The signed-in person holding one of `roles` (admin: any). Anonymous visitors go to sign-in and come back;
 * anyone else gets the same 404 as a page that does not exist, so staff pages do not announce themselves
 * (what the three staff guards this replaces did).
 * @example requireRole(event, 'staff'); // staff and admins pass
 */
export function requireRole(event: GuardEvent, roles: Role | readonly Role[]): Me {
	const user = requireUser(event);
	if (!hasRole(user, roles)) error(404, 'Not Found');
	// Staff powers need two-step sign-in (issue 14; the API refuses them too): set it up, then come back here.
	if (user.twoStep === 'required') {
		const next = safeNext(event.url.pathname + event.url.search, `/${getLocale()}`);
		redirect(303, `/${getLocale()}/account/two-step?required=1&next=${encodeURIComponent(next)}`);
	}
	return user;
}

/** A member of an organisation; others are sent to "my organisation", which explains how to register one. */
export function requireMember(event: GuardEvent): Me & { organisationId: string } {
	const user = requireUser(event);
	if (!user.organisationId) redirect(303, `/${getLocale()}/organisation`);
	return user as Me & { organisationId: string };
}
