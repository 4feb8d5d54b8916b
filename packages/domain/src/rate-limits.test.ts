import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, pledgeWindows, RateLimitedError, rateLimitedMessages, waitOf } from './rate-limits.js';

describe('when to try again (issue 9: a 429 says when, in ky/ru/en)', () => {
  it('rounds a wait up to the largest whole unit', () => {
    expect([waitOf(0.2), waitOf(59), waitOf(60), waitOf(61), waitOf(3600), waitOf(3601)]).toEqual([
      { n: 1, unit: 'second' },
      { n: 59, unit: 'second' },
      { n: 1, unit: 'minute' },
      { n: 2, unit: 'minute' },
      { n: 1, unit: 'hour' },
      { n: 2, unit: 'hour' },
    ]);
  });

  it('says the wait in each language, Russian in the form its number takes', () => {
    expect(rateLimitedMessages(125, 'attempts')).toEqual({
      ky: 'Аракеттер өтө көп. 3 мүнөттөн кийин кайра аракет кылыңыз.',
      ru: 'Слишком много попыток. Попробуйте снова через 3 минуты.',
      en: 'Too many attempts. Try again in 3 minutes.',
    });
    const ru = (seconds: number) => rateLimitedMessages(seconds, 'attempts').ru.replace(/^.*через /, '');
    expect([1, 2, 5, 11, 21, 22, 25, 112].map((s) => ru(s))).toEqual([
      '1 секунду.',
      '2 секунды.',
      '5 секунд.',
      '11 секунд.',
      '21 секунду.',
      '22 секунды.',
      '25 секунд.',
      '2 минуты.',
    ]);
    expect(rateLimitedMessages(1, 'pledges').en).toBe('You have made too many pledges in a short time. You can pledge again in 1 second.');
  });
});

describe('pledgeWindows', () => {
  it('names the minute and the Bishkek day of one investor, which a pledge counts in its own transaction', () => {
    const asked = pledgeWindows(DEFAULT_RATE_LIMITS, 'inv-1').map((w) => `${w.key}/${w.limit}/${w.windowSeconds}/${w.offsetSeconds ?? 0}`);
    // Bishkek days: the day window starts at 00:00 UTC+6.
    expect(asked).toEqual(['pledge:minute:inv-1/10/60/0', 'pledge:day:inv-1/50/86400/21600']);
  });

  it('says when to pledge again in the 429 of a full window', () => {
    const refused = new RateLimitedError(42, 'pledges');
    expect(refused.retryAfterSeconds).toBe(42);
    expect(refused.messages?.ky).toContain('42 секунддан');
  });
});
