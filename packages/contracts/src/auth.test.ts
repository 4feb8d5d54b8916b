import { describe, expect, it } from 'vitest';
import { PASSWORD_SYMBOLS, PasswordSchema, SignUpRequestSchema, failedPasswordRules } from './auth.js';

const GOOD = 'Mekendesh-2026!';

describe('the password policy (the Cognito pool: 12 characters, lower, upper, digit, symbol)', () => {
  it('names each rule a password breaks, and only those', () => {
    expect(failedPasswordRules(GOOD)).toEqual([]);
    expect(failedPasswordRules('short')).toEqual(['length', 'uppercase', 'digit', 'symbol']);
    expect(failedPasswordRules('Mekendesh-20')).toEqual([]);
    expect(failedPasswordRules('Mekendesh-2')).toEqual(['length']);
    expect(failedPasswordRules('MEKENDESH-2026!')).toEqual(['lowercase']);
    expect(failedPasswordRules('mekendesh-2026!')).toEqual(['uppercase']);
    expect(failedPasswordRules('Mekendesh-two!')).toEqual(['digit']);
    expect(failedPasswordRules('Mekendesh2026')).toEqual(['symbol']);
  });

  it("counts only Cognito's special characters (and an inner space) as symbols, not letters of other alphabets", () => {
    expect(failedPasswordRules('Mekendesh2026Ж')).toEqual(['symbol']);
    expect(failedPasswordRules('Mekendesh2026№')).toEqual(['symbol']);
    expect(failedPasswordRules('Mekendesh2026 ')).toEqual(['symbol']);
    expect(failedPasswordRules('Mekendesh 2026')).toEqual([]);
    for (const symbol of PASSWORD_SYMBOLS) expect(failedPasswordRules(`Mekendesh2026${symbol}`), symbol).toEqual([]);
    expect(PASSWORD_SYMBOLS).toHaveLength(32);
  });

  it('counts only Latin letters as lowercase and uppercase, as Cognito does', () => {
    expect(failedPasswordRules('МЕКЕНДЕШ-2026-x')).toEqual(['uppercase']);
    expect(failedPasswordRules('мекендеш-2026-X')).toEqual(['lowercase']);
  });

  it('gives the schema one issue per broken rule, with a message naming it', () => {
    const result = SignUpRequestSchema.safeParse({ email: 'a@example.kg', password: 'short', displayName: 'Айгуль', locale: 'ru' });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.filter((i) => i.path[0] === 'password').map((i) => i.message);
    expect(messages).toEqual([
      'at least 12 characters',
      'at least one uppercase letter (A-Z)',
      'at least one digit (0-9)',
      expect.stringMatching(/^at least one symbol/),
    ]);
    expect(PasswordSchema.safeParse(GOOD).success).toBe(true);
    expect(PasswordSchema.safeParse(`${GOOD}${'x'.repeat(120)}`).success).toBe(false);
  });
});
