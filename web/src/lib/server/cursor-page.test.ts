import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { cursorPage } from './cursor-page.js';

const refused = (field: string) =>
	new ApiError(400, 'invalid', {
		type: 'validation',
		title: 'Invalid',
		status: 400,
		errors: [{ field, message: 'not a cursor' }],
	} as never);

/** A list whose API refuses every cursor but the one it issued ('ok'), naming `field`. */
function list(field = 'cursor') {
	const asked: (string | undefined)[] = [];
	const read = async (cursor: string | undefined) => {
		asked.push(cursor);
		if (cursor && cursor !== 'ok') throw refused(field);
		return { items: [cursor ?? 'first'], nextCursor: 'ok' };
	};
	return { asked, read };
}

describe('cursorPage (issue 13 attacker finding: a bad ?cursor= showed "Page not found")', () => {
	it('reads the first page for a refused cursor and gives its address, keeping the other filters', async () => {
		const { asked, read } = list();
		const page = await cursorPage(new URL('http://x/ky/staff/audit?action=rates.correct&cursor=garbage'), read);
		expect(page).toEqual({ items: ['first'], nextCursor: 'ok', isFirstPage: true, staleFirstHref: '/ky/staff/audit?action=rates.correct' });
		expect(asked).toEqual(['garbage', undefined]);
	});

	it('names the first page by its path alone when the cursor was the only parameter (schema’s query.cursor too)', async () => {
		const page = await cursorPage(new URL('http://x/en/staff/rates?cursor=x'), list('query.cursor').read);
		expect(page.staleFirstHref).toBe('/en/staff/rates');
	});

	it('keeps a good cursor’s page and throws a 400 that is not about the cursor', async () => {
		expect(await cursorPage(new URL('http://x/en/staff/refunds?cursor=ok'), list().read)).toEqual({
			items: ['ok'],
			nextCursor: 'ok',
			isFirstPage: false,
			staleFirstHref: null,
		});
		await expect(cursorPage(new URL('http://x/en/staff/audit?cursor=bad'), list('query.to').read)).rejects.toBeInstanceOf(ApiError);
	});
});
