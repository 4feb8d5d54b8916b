import { describe, expect, it } from 'vitest';
import type { ProjectFunds } from '@mekendesh/contracts';
import { CHART, funderBars } from './funder-chart.js';

const funds = (over: Partial<ProjectFunds['byFunder']> = {}): ProjectFunds => ({
	byFunder: {
		diaspora: { planned: 600_000_00, received: 400_000_00, spent: 300_000_00 },
		municipality: { planned: 100_000_00, received: 50_000_00, spent: 30_000_00 },
		programme: { planned: 0, received: 0, spent: 0 },
		otherDonors: { planned: 0, received: 1_00, spent: 0 },
		...over,
	},
	received: 450_001_00,
	spent: 330_000_00,
	available: 120_001_00,
});

describe('funderBars', () => {
	it('draws every bar on one scale, the largest amount spanning the width', () => {
		const { rows, height } = funderBars(funds());
		expect(rows.map((r) => r.funder)).toEqual(['diaspora', 'municipality', 'otherDonors']);
		expect(rows[0]).toEqual({ funder: 'diaspora', received: 400_000_00, spent: 300_000_00, y: 0, receivedWidth: 600, spentWidth: 450 });
		expect(rows[1]).toMatchObject({ y: CHART.ROW_HEIGHT, receivedWidth: 75, spentWidth: 45 });
		// One som among hundreds of thousands still shows as a sliver.
		expect(rows[2]).toMatchObject({ receivedWidth: 2, spentWidth: 0 });
		expect(height).toBe(3 * CHART.ROW_HEIGHT);
	});

	it('leaves out funders with nothing planned, received or spent, and draws no bars when nothing moved', () => {
		const none = { planned: 0, received: 0, spent: 0 };
		const { rows } = funderBars(funds({ diaspora: { planned: 5_00, received: 0, spent: 0 }, municipality: none, otherDonors: none }));
		expect(rows).toEqual([{ funder: 'diaspora', received: 0, spent: 0, y: 0, receivedWidth: 0, spentWidth: 0 }]);
	});
});
