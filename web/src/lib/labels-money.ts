import type { Currency, PledgeChannel, PledgeStatus } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';

// Explicit maps, so a new status or channel is a type error until it has a label in three languages.

const CHANNEL: Record<PledgeChannel, () => string> = {
	bank_transfer: m.money_channel_bank,
	money_transfer: m.money_channel_transfer,
	card: m.money_channel_card,
};

const CURRENCY: Record<Currency, () => string> = {
	KGS: m.money_currency_kgs,
	USD: m.money_currency_usd,
	EUR: m.money_currency_eur,
	RUB: m.money_currency_rub,
	KZT: m.money_currency_kzt,
};

const PLEDGE_STATUS: Record<PledgeStatus, () => string> = {
	pledged: m.money_status_pledged,
	partially_received: m.money_status_partially_received,
	received: m.money_status_received,
	released: m.money_status_released,
	refunded: m.money_status_refunded,
	cancelled: m.money_status_cancelled,
};

/** How a statement line came out, plus what the web adds for matched lines (part or over-payment). */
export type StatementLineStatus = 'matched' | 'unmatched' | 'duplicate' | 'invalid' | 'ambiguous' | 'booked' | 'partial' | 'overpaid';
const LINE_STATUS: Record<StatementLineStatus, () => string> = {
	matched: m.money_line_matched,
	unmatched: m.money_line_unmatched,
	duplicate: m.money_line_duplicate,
	invalid: m.money_line_invalid,
	ambiguous: m.money_line_ambiguous,
	booked: m.money_line_booked,
	partial: m.money_line_partial,
	overpaid: m.money_line_overpaid,
};

export const channelLabel = (c: PledgeChannel): string => CHANNEL[c]();
export const currencyName = (c: Currency): string => CURRENCY[c]();
export const pledgeStatusLabel = (s: PledgeStatus): string => PLEDGE_STATUS[s]();
export const lineStatusLabel = (s: StatementLineStatus): string => LINE_STATUS[s]();
