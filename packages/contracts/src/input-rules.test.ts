import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryInt, uniqueList } from './input-rules.js';
import { ProfileSchema } from './profile.js';
import { ProjectListQuerySchema } from './discovery-query.js';
import { MatchAnswersQuerySchema } from './matching.js';
import { ProgrammeRequestSchema } from './money-admin.js';
import { MAX_AMOUNT_MINOR } from './money-limits.js';
import { SectorSchema } from './project.js';

const fieldsOf = (r: { success: boolean; error?: z.ZodError }) => (r.error?.issues ?? []).map((i) => i.path.join('.'));

describe('queryInt', () => {
  const limit = queryInt({ min: 1, max: 50, default: 20 });

  it('reads plain digits', () => {
    expect(limit.parse('5')).toBe(5);
    expect(limit.parse('050')).toBe(50);
    expect(limit.parse(undefined)).toBe(20);
  });

  it.each(['0x10', '1e3', '1e1', ' 5', '5 ', '+5', '-5', '5.0', '', 'Infinity', 'NaN'])('refuses %j', (text) => {
    const r = limit.safeParse(text);
    expect(r.success).toBe(false);
    expect(r.error!.issues).toHaveLength(1);
    expect(r.error!.issues[0]!.code).toBe('invalid_format');
  });

  it('says the real maximum once for a huge number, and the minimum for 0', () => {
    const huge = limit.safeParse('99999999999999999999');
    expect(huge.error!.issues.map((i) => [i.code, (i as { maximum?: unknown }).maximum])).toEqual([['too_big', 50]]);
    expect(limit.safeParse('0').error!.issues.map((i) => i.code)).toEqual(['too_small']);
    expect(limit.safeParse('x'.repeat(100)).error!.issues.map((i) => i.code)).toEqual(['too_big']);
  });

  it('is required without a default, optional when asked', () => {
    expect(queryInt({ min: 1, max: 9 }).safeParse(undefined).success).toBe(false);
    expect(queryInt({ min: 1, max: 9, optional: true }).parse(undefined)).toBeUndefined();
  });

  it('names the field in the query schemas that use it', () => {
    expect(fieldsOf(ProjectListQuerySchema.safeParse({ limit: '1e1' }))).toEqual(['limit']);
    expect(fieldsOf(MatchAnswersQuerySchema.safeParse({ amount: '0x10' }))).toEqual(['amount']);
    expect(fieldsOf(MatchAnswersQuerySchema.safeParse({ amount: '1e3' }))).toEqual(['amount']);
    expect(MatchAnswersQuerySchema.parse({ amount: '16' }).amount).toBe(16);
  });
});

describe('uniqueList', () => {
  it('takes each value once, up to the maximum', () => {
    expect(uniqueList(SectorSchema, 3).parse(['water', 'health'])).toEqual(['water', 'health']);
    expect(uniqueList(SectorSchema, 1).safeParse(['water', 'health']).success).toBe(false);
  });

  it('refuses a repeated value, naming the list', () => {
    const r = uniqueList(SectorSchema, 11).safeParse(['water', 'water']);
    expect(r.error!.issues.map((i) => i.message)).toEqual(['each value once']);
  });

  it('guards every list a person sends in a profile or a programme', () => {
    const profile = { displayName: 'Aibek' };
    expect(fieldsOf(ProfileSchema.safeParse({ ...profile, sectors: Array(11).fill('water') }))).toEqual(['sectors']);
    expect(fieldsOf(ProfileSchema.safeParse({ ...profile, languages: ['ky', 'ky', 'ky'] }))).toEqual(['languages']);
    expect(fieldsOf(ProfileSchema.safeParse({ ...profile, pledgeTypes: ['loan', 'loan'] }))).toEqual(['pledgeTypes']);
    expect(ProfileSchema.parse({ ...profile, sectors: ['water', 'education'] }).sectors).toEqual(['water', 'education']);
    const programme = {
      name: { ky: 'Мекеним', ru: 'Мекеним', en: 'Mekenim' },
      ratio: { numerator: 1, denominator: 1 },
      budget: 100,
      capPerProject: 100,
      oblastSoates: ['41704000000000', '41704000000000'],
      sectors: ['water', 'water'],
      kinds: 'all',
      pledgeTypes: ['loan', 'loan'],
      startDate: '2030-01-01',
      endDate: '2030-02-01',
    };
    expect(fieldsOf(ProgrammeRequestSchema.safeParse(programme)).sort()).toEqual(['oblastSoates', 'pledgeTypes', 'sectors']);
  });
});

describe('review: one message for a huge profile amount; empty parts in a sectors list', () => {
  it('answers amountMax 1e30 with one message naming the real maximum', () => {
    const out = ProfileSchema.safeParse({ displayName: 'Айгүл', amountMax: 1e30 });
    expect(out.success).toBe(false);
    const issues = out.error!.issues.filter((i) => i.path[0] === 'amountMax');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain(String(MAX_AMOUNT_MINOR));
  });

  it('refuses ",,," and "water," as sectors, and takes "" as none', () => {
    for (const sectors of [',,,', 'water,', ',water']) expect(MatchAnswersQuerySchema.safeParse({ sectors }).success, sectors).toBe(false);
    expect(MatchAnswersQuerySchema.parse({ sectors: '' }).sectors).toEqual([]);
    expect(MatchAnswersQuerySchema.parse({ sectors: 'water,education' }).sectors).toEqual(['water', 'education']);
  });
});
