import { PaymentDetailsSchema, PayeeOptionSchema, type PaymentDetails } from '@mekendesh/contracts';
import type { Parser } from './api-call.js';

/**
 * Reads the API's payment details one option at a time: an option this page cannot read (an account
 * stored before a rule, a newer API's field) is left out and logged, and the others are still shown.
 * Only a malformed envelope (reference, amount, office) fails the whole answer.
 * @example paymentDetailsParser(console.error).safeParse(body) // { success: true, data: { options: [the readable ones], ... } }
 */
export function paymentDetailsParser(log: (message: string) => void = console.error): Parser<PaymentDetails> {
	return {
		safeParse(value) {
			const raw = (value ?? {}) as { options?: unknown };
			const options: unknown[] = Array.isArray(raw.options) ? raw.options : [];
			const envelope = PaymentDetailsSchema.safeParse({ ...(value as object), options: [] });
			if (!envelope.success) return { success: false, error: { message: envelope.error.message } };
			const readable = options.flatMap((option, i) => {
				const parsed = PayeeOptionSchema.safeParse(option);
				if (parsed.success) return [parsed.data];
				const id = (option as { account?: { id?: unknown } } | null)?.account?.id;
				log(
					`[web] payment details of ${envelope.data.pledgeId}: option ${i} (account ${String(id ?? '?')}) left out: ${parsed.error.message}`,
				);
				return [];
			});
			return { success: true, data: { ...envelope.data, options: readable } };
		},
	};
}
