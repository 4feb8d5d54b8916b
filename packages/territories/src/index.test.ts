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
});
