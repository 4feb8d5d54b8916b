import { hasRole } from '#lib/server/guards.js';
import type { LayoutServerLoad } from './$types';

// Public pages are complete HTML: no client-side JavaScript is shipped, so they work on any phone,
// without JS and on slow connections. A future interactive page can opt back in with `csr = true`.
export const csr = false;

// Only what the header needs; tokens stay in locals and HttpOnly cookies, never in page data.
export const load: LayoutServerLoad = ({ locals }) => ({
	headerUser: locals.user
		? {
				displayName: locals.user.profile.displayName,
				hasOrganisation: locals.user.organisationId !== null,
				staff: hasRole(locals.user, 'staff'),
			}
		: null,
});
