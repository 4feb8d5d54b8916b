import { describe, expect, it } from 'vitest';
import { OBLASTS, RAYONS, oblastOf, rayonsOf, territoryBySoate } from './index.js';

describe('territories', () => {
  it('has the 9 oblast-level and 55 rayon-level units with names in three languages', () => {
    expect(OBLASTS).toHaveLength(9);
    expect(RAYONS).toHaveLength(55);
    for (const t of [...OBLASTS, ...RAYONS]) {
      expect(t.soate).toMatch(/^417\d{11}$/);
      expect(t.name.ky && t.name.ru && t.name.en).toBeTruthy();
    }
  });

  it('nests every rayon-level unit in an oblast-level unit', () => {
    const total = OBLASTS.reduce((n, o) => n + rayonsOf(o.soate).length, 0);
    expect(total).toBe(55);
  });

  it('finds Naryn oblast from At-Bashy rayon', () => {
    const atBashy = RAYONS.find((r) => r.name.ru.startsWith('Ат-Башы'));
    expect(atBashy).toBeDefined();
    expect(oblastOf(atBashy!.soate)?.name.en).toBe('Naryn');
    expect(territoryBySoate('41704000000000')?.name.ky).toBe('Нарын');
  });

  it('names At-Bashy rayon At-Bashy (the source spells it Ak-Bashy) in all three languages', () => {
    const atBashy = territoryBySoate('41704220000000')!;
    expect(atBashy.name).toEqual({ ky: 'Ат-Башы', ru: 'Ат-Башынский', en: 'At-Bashy' });
    expect(atBashy.fullName).toEqual({ ky: 'Ат-Башы району', ru: 'Ат-Башынский район', en: 'At-Bashy District' });
    expect(territoryBySoate('41704235000000')!.name.en).toBe('Kochkor');
  });

  it('writes every name in its own script: Kyrgyz with ң, not ӊ; Russian without Kyrgyz letters; English in Latin', () => {
    for (const t of [...OBLASTS, ...RAYONS]) {
      for (const ky of [t.name.ky, t.fullName.ky]) expect(ky, t.soate).toMatch(/^[А-Яа-яЁёҢңӨөҮү .()-]+$/);
      for (const ru of [t.name.ru, t.fullName.ru]) expect(ru, t.soate).toMatch(/^[А-Яа-яЁё .()-]+$/);
      for (const en of [t.name.en, t.fullName.en]) expect(en, t.soate).toMatch(/^[A-Za-z .()-]+$/);
      // Russian city names read "г. Бишкек", each one.
      if (t.kind === 'city') expect(t.name.ru, t.soate).toMatch(/^г\. \S/);
    }
    const names = [...OBLASTS, ...RAYONS].flatMap((t) => [t.name.en, t.fullName.en, t.name.ky]);
    expect(names.filter((n) => /Ak-Bashy|Kochokor|Жалалабат/.test(n))).toEqual([]);
  });

  it('spells an oblast as its city is spelt in Kyrgyz (Жалал-Абад облусу, Жалал-Абад ш.)', () => {
    expect(territoryBySoate('41703000000000')!.fullName.ky).toBe('Жалал-Абад облусу');
    expect(territoryBySoate('41703410000010')!.name.ky).toBe('Жалал-Абад ш.');
  });
});
