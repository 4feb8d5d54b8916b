import { describe, expect, it } from 'vitest';
import type { Territory, TrilingualName } from '@mekendesh/contracts';
import type { CofinancingProgramme } from './cofinancing.js';
import {
  isRecommendable,
  MATCH_WEIGHTS,
  missingAnswers,
  rankRecommendations,
  type CandidateProject,
  type MatchCandidate,
  type MatchPreferences,
} from './matching.js';

const NARYN = '41704000000000';
const AT_BASHY = '41704220000000';
const KOCHKOR = '41704230000000';
const CHUY = '41708000000000';
const TODAY = '2026-05-01';
const SOM = 100;

const OSH_CITY = '41721000000000';
const NARYN_TOWN = '41704400000010';
const NAMES: Record<string, { name: TrilingualName; fullName: TrilingualName; kind: Territory['kind'] }> = {
  [AT_BASHY]: {
    name: { ky: 'Ат-Башы', ru: 'Ат-Башынский', en: 'At-Bashy' },
    fullName: { ky: 'Ат-Башы району', ru: 'Ат-Башынский район', en: 'At-Bashy District' },
    kind: 'rayon',
  },
  [NARYN]: {
    name: { ky: 'Нарын', ru: 'Нарынская', en: 'Naryn' },
    fullName: { ky: 'Нарын облусу', ru: 'Нарынская область', en: 'Naryn Region' },
    kind: 'oblast',
  },
  [OSH_CITY]: { name: { ky: 'Ош ш.', ru: 'г. Ош', en: 'Osh' }, fullName: { ky: 'Ош ш.', ru: 'г. Ош', en: 'Osh' }, kind: 'city' },
  [NARYN_TOWN]: {
    name: { ky: 'Нарын ш.', ru: 'г. Нарын', en: 'Naryn (city)' },
    fullName: { ky: 'Нарын ш.', ru: 'г. Нарын', en: 'Naryn (city)' },
    kind: 'city',
  },
};
const place = (soate: string) => NAMES[soate];

let n = 0;
function project(overrides: Partial<CandidateProject> = {}): CandidateProject {
  n += 1;
  return {
    id: `p${String(n).padStart(3, '0')}`,
    slug: `p${n}`,
    status: 'published',
    organisationId: 'org-1',
    organisationName: { en: 'Ayil okmotu' },
    oblastSoate: CHUY,
    rayonSoate: null,
    settlement: null,
    title: { en: `Project ${n}` },
    summary: { en: 'Summary' },
    languages: ['en'],
    sector: 'roads',
    kind: 'community',
    goal: 100_000 * SOM,
    raised: 60_000 * SOM,
    pledged: 0,
    supporters: 0,
    deadline: '2026-12-31',
    publishedAt: '2026-03-01T00:00:00.000Z',
    coverUrl: null,
    pledgeTypes: ['donation'],
    minimumPledge: 500 * SOM,
    ...overrides,
  };
}
const candidate = (p: CandidateProject, more: Partial<MatchCandidate> = {}): MatchCandidate => ({
  project: p,
  supported: false,
  ownerCompleted: 0,
  ...more,
});

const nobody: MatchPreferences = {
  homeRayonSoate: null,
  homeOblastSoate: null,
  sectors: [],
  pledgeTypes: [],
  amountMin: null,
  amountMax: null,
  languages: [],
};
const fromAtBashy: MatchPreferences = { ...nobody, homeRayonSoate: AT_BASHY, homeOblastSoate: NARYN };

function rank(preferences: MatchPreferences, candidates: MatchCandidate[], programmes: CofinancingProgramme[] = []) {
  return rankRecommendations({ preferences, candidates, programmes, today: TODAY, place, limit: 20 });
}
const ids = (list: { project: { id: string } }[]) => list.map((r) => r.project.id);

describe('rankRecommendations', () => {
  it('puts the home rayon before the home oblast before elsewhere, all else equal', () => {
    const elsewhere = project();
    const oblast = project({ oblastSoate: NARYN, rayonSoate: KOCHKOR });
    const rayon = project({ oblastSoate: NARYN, rayonSoate: AT_BASHY });
    const ranked = rank(
      fromAtBashy,
      [elsewhere, oblast, rayon].map((p) => candidate(p)),
    );
    expect(ids(ranked)).toEqual([rayon.id, oblast.id, elsewhere.id]);
    expect(ranked.map((r) => r.score)).toEqual([MATCH_WEIGHTS.homeRayon, MATCH_WEIGHTS.homeOblast, 0]);
  });

  it('never lists a closed, expired or fully funded project', () => {
    const open = project();
    const closed = project({ status: 'funded' });
    const cancelled = project({ status: 'cancelled' });
    const expired = project({ deadline: '2026-04-30' });
    const full = project({ raised: 100_000 * SOM });
    const over = project({ raised: 100_001 * SOM });
    const lastDay = project({ deadline: TODAY });
    expect(
      ids(
        rank(
          fromAtBashy,
          [open, closed, cancelled, expired, full, over, lastDay].map((p) => candidate(p)),
        ),
      ),
    ).toEqual([lastDay.id, open.id]);
    expect(isRecommendable(full, TODAY)).toBe(false);
  });

  it('ranks an amount far outside the range lower than one inside it', () => {
    const investor = { ...nobody, amountMin: 1_000 * SOM, amountMax: 5_000 * SOM };
    // 4,000 som still needed: their 1,000-5,000 could close it.
    const fits = project({ raised: 96_000 * SOM });
    // 40,000 som still needed: they can take part (the minimum is 500 som), not close it.
    const reachable = project();
    const tooBig = project({ minimumPledge: 50_000 * SOM });
    const neither = project({ minimumPledge: 10_000 * SOM });
    const ranked = rank(
      investor,
      [tooBig, neither, reachable, fits].map((p) => candidate(p)),
    );
    expect(ids(ranked)).toEqual([fits.id, reachable.id, neither.id, tooBig.id]);
    expect(ranked.map((r) => r.score)).toEqual([
      MATCH_WEIGHTS.amountFits,
      MATCH_WEIGHTS.amountWithinReach,
      0,
      MATCH_WEIGHTS.amountFarOutside,
    ]);
  });

  it('says "within your range" only when the remaining need is (a review: 20,000 som against 1,656,000 needed)', () => {
    const visitor = { ...nobody, amountMax: 20_000 * SOM };
    const big = project({ goal: 2_000_000 * SOM, raised: 344_000 * SOM });
    const [only] = rank(visitor, [candidate(big)]);
    expect(only!.reasons.map((r) => r.code)).not.toContain('amount_fits');
    expect(only!.score).toBe(MATCH_WEIGHTS.amountWithinReach);
    const [closing] = rank(visitor, [candidate(project({ goal: 100_000 * SOM, raised: 85_000 * SOM }))]);
    expect(closing!.reasons.find((r) => r.code === 'amount_fits')?.text.en).toBe('needs 15,000\u00a0som more, within your range');
  });

  it('puts a co-financed project above an identical one without', () => {
    const mekenim: CofinancingProgramme = {
      id: 'mekenim',
      name: { ky: 'Мекеним', ru: 'Мекеним', en: 'Mekenim' },
      ratio: { numerator: 1, denominator: 1 },
      budget: 1_000_000 * SOM,
      capPerProject: 100_000 * SOM,
      oblastSoates: [NARYN],
      sectors: 'all',
      kinds: 'all',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    };
    const plain = project({ oblastSoate: CHUY });
    const matched = project({ oblastSoate: NARYN });
    const ranked = rank(
      nobody,
      [plain, matched].map((p) => candidate(p)),
      [mekenim],
    );
    expect(ids(ranked)).toEqual([matched.id, plain.id]);
    expect(ranked[0]!.oneSom).toEqual({ multiplier: '2', programmes: [mekenim.name] });
    expect(ranked[0]!.reasons[0]!.text).toEqual({
      ky: 'ар бир сомго «Мекеним» 1:1 кошот',
      ru: '«Мекеним» добавляет к каждому сому 1:1',
      en: 'every som is matched 1:1 by Mekenim',
    });
    // A programme for loans only does not co-finance a donor.
    expect(rank(nobody, [candidate(matched)], [{ ...mekenim, pledgeTypes: ['loan'] }])[0]!.oneSom).toBeNull();
  });

  it('keeps ties stable: newest published first, then by id, whatever the input order', () => {
    const older = project({ publishedAt: '2026-02-01T00:00:00.000Z' });
    const newerB = project({ id: 'tie-b', publishedAt: '2026-04-01T00:00:00.000Z' });
    const newerA = project({ id: 'tie-a', publishedAt: '2026-04-01T00:00:00.000Z' });
    const all = [older, newerB, newerA].map((p) => candidate(p));
    expect(ids(rank(nobody, all))).toEqual(['tie-a', 'tie-b', older.id]);
    expect(ids(rank(nobody, [...all].reverse()))).toEqual(['tie-a', 'tie-b', older.id]);
  });

  it('ranks a project the investor already pledged to below one they did not, even at home', () => {
    const home = project({ oblastSoate: NARYN, rayonSoate: AT_BASHY });
    const far = project();
    expect(ids(rank(fromAtBashy, [candidate(home, { supported: true }), candidate(far)]))).toEqual([far.id, home.id]);
  });

  it('lists each project once and at most `limit`', () => {
    const p = project();
    const many = Array.from({ length: 5 }, () => candidate(project()));
    expect(
      rankRecommendations({
        preferences: nobody,
        candidates: [candidate(p), candidate(p), ...many],
        programmes: [],
        today: TODAY,
        place,
        limit: 3,
      }),
    ).toHaveLength(3);
    expect(ids(rank(nobody, [candidate(p), candidate(p)]))).toEqual([p.id]);
  });
});

describe('reasons, in three languages', () => {
  const investor: MatchPreferences = {
    homeRayonSoate: AT_BASHY,
    homeOblastSoate: NARYN,
    sectors: ['education'],
    pledgeTypes: ['donation'],
    amountMin: 10_000 * SOM,
    amountMax: 50_000 * SOM,
    languages: ['ky'],
  };
  const school = project({
    oblastSoate: NARYN,
    rayonSoate: AT_BASHY,
    sector: 'education',
    languages: ['ky', 'ru'],
    goal: 100_000 * SOM,
    raised: 60_000 * SOM,
    deadline: '2026-05-06',
  });
  const [only] = rank(investor, [candidate(school, { ownerCompleted: 3 })]);
  const text = (code: string) => only!.reasons.find((r) => r.code === code)!.text;

  it('strongest first', () => {
    expect(only!.reasons.map((r) => r.code)).toEqual([
      'home_rayon',
      'sector',
      'amount_fits',
      'closing_soon',
      'owner_track_record',
      'pledge_type',
      'language',
    ]);
    expect(only!.score).toBe(40 + 15 + 10 + 6 + 6 + 5 + 3);
  });

  it('home district, interest, amount', () => {
    expect(text('home_rayon')).toEqual({
      ky: 'туулган жериңиз — Ат-Башы району',
      ru: 'в вашем родном районе: Ат-Башынский район',
      en: 'in your home district At-Bashy',
    });
    expect(text('sector')).toEqual({
      ky: 'Билим берүү — сизди кызыктырган тармак',
      ru: 'Образование — одна из ваших сфер интересов',
      en: 'education, one of your interests',
    });
    expect(text('amount_fits')).toEqual({
      ky: 'дагы 40\u00a0000\u00a0сом керек — сиздин суммаңызга туура келет',
      ru: 'нужно ещё 40\u00a0000\u00a0сом — в пределах вашей суммы',
      en: 'needs 40,000\u00a0som more, within your range',
    });
  });

  it('closing, track record, pledge type, language', () => {
    expect(text('closing_soon')).toEqual({ ky: '5 күндөн кийин жабылат', ru: 'закрывается через 5 дней', en: 'closes in 5 days' });
    expect(text('owner_track_record')).toEqual({
      ky: 'демилгечи 3 долбоорду ийгиликтүү аяктаган',
      ru: 'организатор завершил 3 проекта',
      en: 'the owner completed 3 projects',
    });
    expect(text('pledge_type')).toEqual({
      ky: 'кайрымдуулук кабыл алат — сиз тандагандай',
      ru: 'принимает пожертвования, как вы выбрали',
      en: 'takes donations, as you chose',
    });
    expect(text('language')).toEqual({
      ky: 'кыргызча жазылган — сиздин тилиңиз',
      ru: 'написан на кыргызском — на вашем языке',
      en: 'written in Kyrgyz, one of your languages',
    });
  });

  it('home region', () => {
    const [oblast] = rank(fromAtBashy, [candidate(project({ oblastSoate: NARYN, rayonSoate: KOCHKOR }))]);
    expect(oblast!.reasons[0]!.text).toEqual({
      ky: 'туулган облусуңуз — Нарын',
      ru: 'в вашей родной области: Нарынская область',
      en: 'in your home region Naryn',
    });
  });

  it('a home city, of oblast rank (Osh) or rayon rank (Naryn town), as a city: never "г. Ош область" (second review)', () => {
    const fromOsh = { ...fromAtBashy, homeRayonSoate: null, homeOblastSoate: OSH_CITY };
    const [osh] = rank(fromOsh, [candidate(project({ oblastSoate: OSH_CITY, rayonSoate: null }))]);
    expect(osh!.reasons[0]).toEqual({
      code: 'home_oblast',
      text: { ky: 'туулган шаарыңыз — Ош ш.', ru: 'ваш родной город: г. Ош', en: 'in your home city Osh' },
    });
    const fromTown = { ...fromAtBashy, homeRayonSoate: NARYN_TOWN };
    const [town] = rank(fromTown, [candidate(project({ oblastSoate: NARYN, rayonSoate: NARYN_TOWN }))]);
    expect(town!.reasons[0]).toEqual({
      code: 'home_rayon',
      text: { ky: 'туулган шаарыңыз — Нарын ш.', ru: 'ваш родной город: г. Нарын', en: 'in your home city Naryn (city)' },
    });
  });
});

describe('missingAnswers', () => {
  it('names home, interests and amount when absent', () => {
    expect(missingAnswers(nobody)).toEqual(['home', 'sectors', 'amount']);
    expect(missingAnswers({ ...nobody, homeOblastSoate: NARYN, sectors: ['water'], amountMax: 100 })).toEqual([]);
  });
});
