import { describe, expect, it } from 'vitest';
import { refundShare } from './card-refunds.js';

describe('refundShare', () => {
  it('gives back floor(total × refunded / charged), and the whole total on a full refund', () => {
    expect(refundShare({ total: 874_500, refunded: 3_000, charged: 10_000 })).toBe(262_350);
    expect(refundShare({ total: 100, refunded: 1, charged: 3 })).toBe(33);
    expect(refundShare({ total: 100, refunded: 3, charged: 3 })).toBe(100);
    expect(refundShare({ total: 100, refunded: 5, charged: 3 })).toBe(100);
  });

  it('never drifts over partial refunds: the increments add up to the total exactly', () => {
    const total = 1_000_003,
      charged = 9_999;
    const steps = [1, 77, 3_333, 3_334, 9_000, 9_999];
    let given = 0,
      before = 0;
    for (const after of steps) {
      given += refundShare({ total, refunded: after, charged }) - refundShare({ total, refunded: before, charged });
      before = after;
    }
    expect(given).toBe(total);
  });

  it('is exact beyond 2^53 intermediate products', () => {
    expect(refundShare({ total: 9_000_000_000_000, refunded: 999_999_999, charged: 1_000_000_000 })).toBe(8_999_999_991_000);
  });
});
