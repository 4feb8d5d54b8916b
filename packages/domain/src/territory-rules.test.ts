import { describe, expect, it } from 'vitest';
import type { Territory } from '@mekendesh/contracts';
import { TERRITORIES } from '../../territories/src/data.js';
import { DomainError } from './errors.js';
import {
  checkDiscoveryTerritories,
  checkHomeTerritories,
  checkOblastList,
  placeProject,
  rayonLiesIn,
  territoryRules,
} from './territory-rules.js';

const rules = territoryRules(TERRITORIES);
const CHUI = '41708000000000';
const NARYN = '41704000000000';
const BISHKEK = '41711000000000';
const OSH_CITY = '41721000000000';
const OSH_OBLAST = '41706000000000';
const RAYONS = TERRITORIES.filter((t) => t.level === 2);
const rayonOf = (oblast: string) => RAYONS.find((t) => t.parentSoate === oblast && t.soate !== oblast)!.soate;

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).kind).toBe('validation');
    return (e as DomainError).errors?.[0]?.field;
  }
  return undefined;
}

describe('territory rules over the reference data', () => {
  it('knows the 9 oblast-level units and the 55 rayon-level units', () => {
    expect(
      TERRITORIES.filter((t) => rules.isOblast(t.soate))
        .map((t) => t.soate)
        .filter((s, i, all) => all.indexOf(s) === i),
    ).toHaveLength(9);
    expect(RAYONS.filter((t) => rules.rayon(t.soate))).toHaveLength(55);
    expect(rules.isOblast('41700000000000')).toBe(false);
    expect(rules.rayon('41700000000000')).toBeUndefined();
  });

  it('puts every rayon in its own oblast and in no other', () => {
    const oblasts = TERRITORIES.filter((t) => t.level === 1).map((t) => t.soate);
    for (const rayon of RAYONS) {
      for (const oblast of oblasts)
        expect(rayonLiesIn(rules, rayon.soate, oblast), `${rayon.name.en} in ${oblast}`).toBe(rayon.parentSoate === oblast);
    }
  });

  it('takes Bishkek and Osh city as both oblast- and rayon-level units with one code, each lying in itself', () => {
    for (const city of [BISHKEK, OSH_CITY]) {
      expect(rules.isOblast(city)).toBe(true);
      expect(rules.rayon(city)).toEqual({ oblastSoate: city });
      expect(rules.place(city)).toEqual({ level: 1, oblastSoate: city });
      expect(rayonLiesIn(rules, city, city)).toBe(true);
    }
    // Osh city is not a rayon of Osh oblast, nor Bishkek one of Chüy.
    expect(rayonLiesIn(rules, OSH_CITY, OSH_OBLAST)).toBe(false);
    expect(rayonLiesIn(rules, BISHKEK, CHUI)).toBe(false);
  });

  it('places an organisation’s code: oblast-level as itself, rayon-level in its oblast, unknown not at all', () => {
    expect(rules.place(NARYN)).toEqual({ level: 1, oblastSoate: NARYN });
    expect(rules.place(rayonOf(NARYN))).toEqual({ level: 2, oblastSoate: NARYN });
    expect(rules.place('41799999999999')).toBeUndefined();
  });

  it('builds from any reference list (the domain imports no data)', () => {
    const tiny: Territory[] = [{ ...TERRITORIES.find((t) => t.soate === NARYN)! }, { ...RAYONS.find((t) => t.parentSoate === NARYN)! }];
    const small = territoryRules(tiny);
    expect(small.isOblast(CHUI)).toBe(false);
    expect(small.rayon(tiny[1]!.soate)).toEqual({ oblastSoate: NARYN });
  });
});

describe('discovery filters', () => {
  it('passes an oblast, a rayon, and a rayon of the oblast (Bishkek in Bishkek included)', () => {
    const query = { oblast: NARYN, rayon: rayonOf(NARYN), limit: 20 };
    expect(checkDiscoveryTerritories(rules, query)).toBe(query);
    expect(checkDiscoveryTerritories(rules, { oblast: BISHKEK, rayon: BISHKEK })).toEqual({ oblast: BISHKEK, rayon: BISHKEK });
    expect(checkDiscoveryTerritories(rules, { rayon: OSH_CITY })).toEqual({ rayon: OSH_CITY });
    expect(checkDiscoveryTerritories(rules, {})).toEqual({});
  });

  it('is a 400 naming query.oblast or query.rayon otherwise', () => {
    expect(fieldOf(() => checkDiscoveryTerritories(rules, { oblast: rayonOf(NARYN) }))).toBe('query.oblast');
    expect(fieldOf(() => checkDiscoveryTerritories(rules, { rayon: NARYN }))).toBe('query.rayon');
    expect(fieldOf(() => checkDiscoveryTerritories(rules, { oblast: CHUI, rayon: rayonOf(NARYN) }))).toBe('query.rayon');
    expect(fieldOf(() => checkDiscoveryTerritories(rules, { oblast: CHUI, rayon: BISHKEK }))).toBe('query.rayon');
  });
});

describe('a project lies in its organisation’s territory', () => {
  const oblastAdmin = { territorySoate: NARYN, oblastSoate: NARYN };
  const rayonAdmin = { territorySoate: rayonOf(NARYN), oblastSoate: NARYN };
  const bishkek = { territorySoate: BISHKEK, oblastSoate: BISHKEK };

  it('an oblast administration anywhere in its oblast, the whole oblast by default', () => {
    expect(placeProject(rules, oblastAdmin, {})).toEqual({ oblastSoate: NARYN, rayonSoate: null });
    expect(placeProject(rules, oblastAdmin, { rayonSoate: rayonOf(NARYN) })).toEqual({ oblastSoate: NARYN, rayonSoate: rayonOf(NARYN) });
    // A rayon elsewhere puts the project in another oblast; with the oblast given, the rayon is what is outside.
    expect(fieldOf(() => placeProject(rules, oblastAdmin, { rayonSoate: rayonOf(CHUI) }))).toBe('oblastSoate');
    expect(fieldOf(() => placeProject(rules, oblastAdmin, { oblastSoate: NARYN, rayonSoate: rayonOf(CHUI) }))).toBe('rayonSoate');
    expect(fieldOf(() => placeProject(rules, oblastAdmin, { oblastSoate: CHUI }))).toBe('oblastSoate');
  });

  it('a rayon administration in its rayon only, which is the default', () => {
    expect(placeProject(rules, rayonAdmin, {})).toEqual({ oblastSoate: NARYN, rayonSoate: rayonAdmin.territorySoate });
    const other = RAYONS.find((t) => t.parentSoate === NARYN && t.soate !== rayonAdmin.territorySoate)!.soate;
    expect(fieldOf(() => placeProject(rules, rayonAdmin, { rayonSoate: other }))).toBe('rayonSoate');
    expect(fieldOf(() => placeProject(rules, rayonAdmin, { rayonSoate: null }))).toBe('rayonSoate');
  });

  it('Bishkek’s city hall in Bishkek, as a whole or as its rayon-level unit', () => {
    expect(placeProject(rules, bishkek, {})).toEqual({ oblastSoate: BISHKEK, rayonSoate: null });
    expect(placeProject(rules, bishkek, { rayonSoate: BISHKEK })).toEqual({ oblastSoate: BISHKEK, rayonSoate: BISHKEK });
    expect(fieldOf(() => placeProject(rules, bishkek, { rayonSoate: '41799999999999' }))).toBe('rayonSoate');
  });
});

describe("a profile's home territory (checkHomeTerritories)", () => {
  const AT_BASHY = '41704220000000';
  const home = (homeRayonSoate: string | null, homeOblastSoate: string | null) => ({ homeRayonSoate, homeOblastSoate });

  it('takes a rayon in its oblast, and fills in the oblast of a rayon alone', () => {
    expect(checkHomeTerritories(rules, home(AT_BASHY, NARYN))).toEqual(home(AT_BASHY, NARYN));
    expect(checkHomeTerritories(rules, home(AT_BASHY, null))).toEqual(home(AT_BASHY, NARYN));
    expect(checkHomeTerritories(rules, home(null, CHUI))).toEqual(home(null, CHUI));
    expect(checkHomeTerritories(rules, home(null, null))).toEqual(home(null, null));
    // Bishkek is a city of republican significance: as a rayon it lies in itself.
    expect(checkHomeTerritories(rules, home(BISHKEK, null))).toEqual(home(BISHKEK, BISHKEK));
  });

  it.each([
    ['a rayon outside the oblast (At-Bashy in Chui)', home(AT_BASHY, CHUI), 'homeRayonSoate'],
    ['a rayon code that does not exist', home('41799999999999', null), 'homeRayonSoate'],
    ['an oblast code as rayon', home(NARYN, null), 'homeRayonSoate'],
    ['an oblast code as rayon, with its oblast', home(NARYN, NARYN), 'homeRayonSoate'],
    ['an ayil aimak code as rayon', home('41704220800000', NARYN), 'homeRayonSoate'],
    ['a rayon code as oblast', home(null, AT_BASHY), 'homeOblastSoate'],
    ['an unknown oblast', home(null, '41799000000000'), 'homeOblastSoate'],
  ])('refuses %s, naming the field', (_, profile, field) => {
    expect(fieldOf(() => checkHomeTerritories(rules, profile))).toBe(field);
  });

  it('says why in ky, ru and en', () => {
    try {
      checkHomeTerritories(rules, home(AT_BASHY, CHUI));
    } catch (e) {
      expect((e as DomainError).errors[0]!.messages).toEqual({
        ky: 'Бул район тандалган облуста эмес',
        ru: 'Этот район не в выбранной области',
        en: 'This rayon is not in the chosen oblast',
      });
    }
    expect.assertions(1);
  });
});

describe("a programme's oblasts (checkOblastList)", () => {
  it('takes all, or oblast-level codes', () => {
    expect(() => checkOblastList(rules, 'all')).not.toThrow();
    expect(() => checkOblastList(rules, [NARYN, BISHKEK])).not.toThrow();
  });

  it('refuses a rayon or an unknown code, naming its place in the list', () => {
    expect(fieldOf(() => checkOblastList(rules, [NARYN, rayonOf(NARYN)]))).toBe('oblastSoates.1');
    expect(fieldOf(() => checkOblastList(rules, ['41799999999999']))).toBe('oblastSoates.0');
  });
});

describe("a project's place refuses codes of the wrong level", () => {
  const oblastAdmin = { territorySoate: NARYN, oblastSoate: NARYN };
  it.each([
    ['an oblast code as rayon', { rayonSoate: NARYN }, 'rayonSoate'],
    ['an ayil aimak code as rayon', { rayonSoate: '41704220800000' }, 'rayonSoate'],
    ['an unknown rayon', { rayonSoate: '41799999999999' }, 'rayonSoate'],
    ['a rayon code as oblast', { oblastSoate: '41704220000000', rayonSoate: null }, 'oblastSoate'],
  ])('%s', (_, input, field) => {
    expect(fieldOf(() => placeProject(rules, oblastAdmin, input))).toBe(field);
  });
});
