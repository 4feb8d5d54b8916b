import {
	AuditListSchema,
	PledgeSchema,
	RateTableListSchema,
	RateTableSchema,
	RefundDueListSchema,
	type ManualRatesRequest,
	type RefundPaidRequest,
} from '@mekendesh/contracts';
import { queryString, type ApiCall } from './api-call.js';

const id = encodeURIComponent;

/** The audit search's query as the staff page sends it (one of actor, object, action; Bishkek days from..to). */
export interface AuditSearch {
	cursor?: string | undefined;
	limit?: number;
	actor?: string | undefined;
	objectType?: string | undefined;
	objectId?: string | undefined;
	action?: string | undefined;
	from?: string | undefined;
	to?: string | undefined;
}

/** Staff's money-office calls of issue 13: the audit search, exchange-rate tables, the refunds-to-pay queue. */
export const staffOpsCalls = (call: ApiCall) => ({
	/** One page of the audit log, newest first, with the page's actors' names; a bad field is a 400 naming `query.<field>`. */
	audit: (q: AuditSearch) => call('GET', `/audit${queryString({ ...q, limit: q.limit ?? 50 })}`, AuditListSchema),
	/** Stored rate tables newest day first (which is in force), and today's. */
	rates: (q: { cursor?: string | undefined; limit?: number }) =>
		call('GET', `/rates${queryString({ limit: q.limit ?? 20, cursor: q.cursor })}`, RateTableListSchema),
	/** A day's rates entered by hand with a reason (audited rates.correct). */
	correctRates: (date: string, body: ManualRatesRequest) => call('PUT', `/rates/${id(date)}`, RateTableSchema, { body }),
	/** Refunded transfer pledges whose money is owed back, oldest first. */
	refunds: (q: { cursor?: string | undefined; limit?: number }) =>
		call('GET', `/staff/refunds${queryString({ limit: q.limit ?? 50, cursor: q.cursor })}`, RefundDueListSchema),
	/** Marks one paid back (audited refund.paid; the investor is told); a second time is a 409. */
	markRefundPaid: (pledgeId: string, body: RefundPaidRequest) =>
		call('POST', `/staff/refunds/${id(pledgeId)}/paid`, PledgeSchema, { body }),
});
