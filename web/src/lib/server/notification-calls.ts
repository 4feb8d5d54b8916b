import { NotificationPreferencesSchema, UnsubscribeViewSchema, type NotificationKind } from '@mekendesh/contracts';
import type { ApiCall } from './api-call.js';

const id = encodeURIComponent;

/** Email preferences and unsubscribe links (issue 12), one namespace of api(event): see api.ts. */
export const notificationCalls = (call: ApiCall) => ({
	/** The signed-in person's kinds of email, each on or off (officer kinds only for organisation members). */
	preferences: () => call('GET', '/me/notifications', NotificationPreferencesSchema),
	/** Replaces the kinds turned off; every other kind is on. */
	setOff: (off: NotificationKind[]) => call('PUT', '/me/notifications', NotificationPreferencesSchema, { body: { off } }),
	/** What an email's unsubscribe link stops, without stopping it (404 for a bad link). */
	readLink: (token: string) => call('GET', `/unsubscribe/${id(token)}`, UnsubscribeViewSchema),
	/** Stops the link's kind: the same one-click POST a mail provider makes (RFC 8058 body). */
	unsubscribe: (token: string) =>
		call('POST', `/unsubscribe/${id(token)}`, UnsubscribeViewSchema, { form: { 'List-Unsubscribe': 'One-Click' } }),
});
