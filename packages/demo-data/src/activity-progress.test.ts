import { LOCALES } from '@mekendesh/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO_PROGRESS } from './activity-progress.js';
import { DEMO_PROJECTS } from './projects.js';

describe('demo progress projects (issue 13)', () => {
  it('describe themselves, not their template: the boiler project no longer shows the roof-repair text', () => {
    for (const p of [DEMO_PROGRESS.reported, DEMO_PROGRESS.late]) {
      const like = DEMO_PROJECTS.find((x) => x.id === p.like)!;
      for (const l of LOCALES) {
        expect(p.description[l], `${p.projectId} ${l}`).toBeTruthy();
        expect(p.description[l]).not.toBe(like.description[l]);
        expect(p.summary[l]).not.toBe(like.summary[l]);
      }
      expect(p.milestoneTitles).toHaveLength(p.dueInDays.length);
    }
    expect(DEMO_PROGRESS.reported.description.en).toMatch(/boiler/);
    expect(DEMO_PROGRESS.reported.description.ru).toMatch(/котёл/);
  });
});
