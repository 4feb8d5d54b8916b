import { describe, expect, it } from 'vitest';
import { interleavedRates, sampleInterleaved } from './measure.js';
import { formatSummary } from './summary.js';

describe('sampleInterleaved', () => {
  it('sends every call to both targets, alternating which goes first, and times each target apart', async () => {
    const calls: string[] = [];
    // The large target is slower by 20 ms of busy time (far beyond a scheduler's hiccup on a loaded machine);
    // each side's figures come only from its own calls.
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    const result = await sampleInterleaved(
      ['small', 'large'] as const,
      async (i, target) => {
        calls.push(`${i}${target[0]}`);
        busy(target === 'large' ? 21 : 1);
      },
      { count: 3, warmup: 1 },
    );
    expect(calls).toEqual(['0s', '0l', '1l', '1s', '2s', '2l', '3l', '3s']);
    expect(result.small.median).toBeGreaterThanOrEqual(1);
    expect(result.small.median).toBeLessThan(result.large.median);
    expect(result.large.p95).toBeGreaterThanOrEqual(21);
  });
});

describe('interleavedRates', () => {
  it('runs each path over every call number, in alternating rounds, and rates each by its own rounds', async () => {
    const log: string[] = [];
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    const rates = await interleavedRates(
      {
        direct: async (i) => {
          log.push(`d${i}`);
          busy(1);
        },
        api: async (i) => {
          log.push(`a${i}`);
          busy(20);
        },
      },
      ['direct', 'api'],
      { count: 4, concurrency: 1, rounds: 2 },
    );
    expect(log).toEqual(['d0', 'd1', 'a0', 'a1', 'a2', 'a3', 'd2', 'd3']);
    expect(rates.direct).toBeLessThanOrEqual(1000);
    expect(rates.api).toBeLessThanOrEqual(1000 / 20);
    expect(rates.direct).toBeGreaterThan(rates.api);
  });
});

describe('formatSummary', () => {
  it('aligns the rows and marks a missed goal', () => {
    const table = formatSummary([
      { section: 'lighthouse', figure: 'ky home performance', value: '93', goal: '>= 95', ok: false },
      { section: 'lighthouse', figure: 'ky home accessibility', value: '100', goal: '100', ok: true },
      { section: 'sizes', figure: 'API bundle', value: '1.0 KB' },
    ]).split('\n');
    expect(table[0]).toBe('section     figure                 value   goal');
    expect(table[2]).toBe('lighthouse  ky home performance    93      >= 95 MISSED');
    expect(table[3]).toBe('lighthouse  ky home accessibility  100     100 met');
    expect(table[4]).toBe('sizes       API bundle             1.0 KB');
  });
});
