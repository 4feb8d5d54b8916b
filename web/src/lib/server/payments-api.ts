import { API_URL } from '$app/env/private';
import {
	ReceivingAccountListSchema,
	ReceivingAccountSchema,
	type Locale,
	type PaymentDetails,
	type ReceivingAccount,
	type ReceivingAccountRequest,
} from '@mekendesh/contracts';
import { apiCaller, type Parser } from './api-call.js';
import { paymentDetailsParser } from './payment-details.js';

/** The API answers a delete with the id it removed. */
const Removed: Parser<{ id: string }> = {
	safeParse: (value) =>
		typeof (value as { id?: unknown } | null)?.id === 'string'
			? { success: true, data: { id: (value as { id: string }).id } }
			: { success: false, error: { message: 'expected { id }' } },
};

/**
 * Paying pledges by transfer, for one request of the web server: a pledge's payment details, and the
 * staff's receiving accounts (list, add, replace from the version read, delete).
 * @example const details = await paymentsApi(event, 'ru').paymentDetails(pledge.id);
 */
export function paymentsApi(event: { locals: App.Locals; fetch: typeof globalThis.fetch }, locale: Locale, timeoutMs = 8000) {
	const call = apiCaller({ baseUrl: API_URL, locale, token: event.locals.accessToken, fetch: event.fetch, timeoutMs });
	const id = encodeURIComponent;
	return {
		paymentDetails: (pledgeId: string): Promise<PaymentDetails> => call('GET', `/pledges/${id(pledgeId)}/payment-details`, paymentDetailsParser()),
		receivingAccounts: async (): Promise<ReceivingAccount[]> => (await call('GET', '/staff/receiving-accounts', ReceivingAccountListSchema)).items,
		createReceivingAccount: (request: ReceivingAccountRequest): Promise<ReceivingAccount> =>
			call('POST', '/staff/receiving-accounts', ReceivingAccountSchema, request),
		replaceReceivingAccount: (accountId: string, version: number, request: ReceivingAccountRequest): Promise<ReceivingAccount> =>
			call('PUT', `/staff/receiving-accounts/${id(accountId)}?version=${version}`, ReceivingAccountSchema, request),
		deleteReceivingAccount: async (accountId: string, version: number): Promise<void> => {
			await call('DELETE', `/staff/receiving-accounts/${id(accountId)}?version=${version}`, Removed);
		},
	};
}
