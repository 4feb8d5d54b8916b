import { describe, expect, it } from 'vitest';
import { withInForce } from './rate-corrections.js';

const rate = (currency: string, value: string, nominal = 1) => ({ currency, value, nominal });

describe('withInForce', () => {
  const nbkr1130 = { date: '2026-11-30', rates: { USD: rate('USD', '87.45'), EUR: rate('EUR', '95.10'), RUB: rate('RUB', '1.0900') } };
  const nbkr1201 = { date: '2026-12-01', rates: { USD: rate('USD', '87.50'), EUR: rate('EUR', '95.20') } };

  it('keeps every in-force currency a correction leaves blank, the newest table winning', () => {
    const merged = withInForce({
      day: '2026-12-01',
      corrected: { USD: rate('USD', '88.00') },
      tables: [nbkr1130, nbkr1201],
      maxAgeDays: 7,
    });
    expect(merged).toEqual({ USD: rate('USD', '88.00'), EUR: rate('EUR', '95.20'), RUB: rate('RUB', '1.0900') });
  });

  it('does not carry a rate older than the age limit, nor one dated after the day', () => {
    const old = { date: '2026-11-01', rates: { KZT: rate('KZT', '17.30', 100) } };
    const later = { date: '2026-12-02', rates: { TRY: rate('TRY', '2.50') } };
    const merged = withInForce({
      day: '2026-12-01',
      corrected: { USD: rate('USD', '88.00') },
      tables: [old, nbkr1201, later],
      maxAgeDays: 7,
    });
    expect(Object.keys(merged).sort()).toEqual(['EUR', 'USD']);
  });
});
