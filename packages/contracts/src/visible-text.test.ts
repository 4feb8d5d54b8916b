import { describe, expect, it } from 'vitest';
import { ClubCreateSchema } from './clubs.js';
import { SaveSearchRequestSchema } from './follows.js';
import { LocalizedNameSchema, nameText } from './normalise.js';
import { PledgeRequestSchema } from './pledge.js';
import { ProfileSchema } from './profile.js';
import { ProjectDraftSchema } from './project-drafts.js';
import { QuestionRequestSchema } from './questions.js';
import { line, prose, visibleLetters, withoutInvisible } from './text.js';

/** The field errors of a failed parse as [path, code the API names] (middleware/problem.ts reads params.code). */
const issues = (r: { error?: { issues: { path: PropertyKey[]; code: string; params?: unknown }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), (i.params as { code?: string } | undefined)?.code ?? i.code]) ?? [];

const ZERO_WIDTH_ONLY = '\u200b\u200b\u200b\u200b';
/** One letter under 490 combining accents: "zalgo" text that spills over the lines around it. */
const ZALGO = `a${'\u0301\u0300\u0308\u0303\u0302'.repeat(98)}`;
const question = (text: string) => QuestionRequestSchema.safeParse({ text, visibility: 'public', showName: true });
const club = (name: string) =>
  ClubCreateSchema.safeParse({ name, homeRayon: '41704220000000', residenceCountry: 'RU', residenceCity: 'Москва' });

describe('invisible and junk text (issue 12 review)', () => {
  it('refuses a question of only zero-width spaces, naming text: nothing is left to store or email', () => {
    expect(issues(question(ZERO_WIDTH_ONLY))).toEqual([['text', 'too_small']]);
    expect(question(`Качан\u200b бүтөт?\ufeff`).data?.text).toBe('Качан бүтөт?');
  });

  it('refuses a club name of only zero-width spaces or without three letters, naming name', () => {
    expect(issues(club(ZERO_WIDTH_ONLY))).toEqual([['name', 'too_small']]);
    expect(issues(club('\u200bА.Б.\u2060'))).toEqual([['name', 'no_letters']]);
    expect(issues(club('...'))).toEqual([['name', 'no_letters']]);
    expect(club('\u200bАт-Башылыктар\u200d').data?.name).toBe('Ат-Башылыктар');
  });

  it('refuses a letter under a stack of 490 accents (zalgo), and keeps up to three marks on a character', () => {
    expect(issues(question(ZALGO))).toEqual([['text', 'too_many_marks']]);
    expect(issues(club(`Ат-Башы${ZALGO.slice(0, 21)}`))).toEqual([['name', 'too_many_marks']]);
    expect(prose(50).safeParse('q\u0301\u0302\u0303 ок').success).toBe(true);
    expect(prose(50).safeParse('q\u0301\u0302\u0303\u0304 ок').success).toBe(false);
    // Vietnamese "ệ" typed as e + two marks is one precomposed character after NFC: no mark is left to count.
    expect(line(20).parse('Vie\u0323\u0302t')).toBe('Việt');
  });

  it('needs a letter or digit in every non-empty text; an optional message of only invisible characters is no message', () => {
    expect(issues(prose(50).safeParse('!!! ...'))).toEqual([['', 'no_letters']]);
    expect(prose(50).parse('\u200b\ufeff')).toBe('');
    const pledge = { type: 'donation', amount: { amount: 100, currency: 'KGS' }, channel: 'card', display: 'name' };
    expect(issues(PledgeRequestSchema.safeParse({ ...pledge, message: '🙏🙏🙏' }))).toEqual([['message', 'no_letters']]);
    expect(PledgeRequestSchema.safeParse({ ...pledge, message: 'Ийгилик 🙏' }).success).toBe(true);
    expect(issues(SaveSearchRequestSchema.safeParse({ name: '\u200b—\u200b', query: {} }))).toEqual([['name', 'no_letters']]);
    expect(line(20).safeParse('№ 5').success).toBe(true);
  });

  it('applies to names: a display name of dots, an organisation name of zero-width characters, a project title of dashes', () => {
    expect(issues(ProfileSchema.safeParse({ displayName: '. .' }))).toEqual([['displayName', 'no_letters']]);
    expect(issues(LocalizedNameSchema.safeParse({ ru: '\u200b\u200c' }))).toEqual([['ru', 'too_small']]);
    expect(nameText(80, { min: 2 }).safeParse(`Айгүл${ZALGO}`).success).toBe(false);
    const draft = ProjectDraftSchema.safeParse({ title: { ky: '— —' } });
    expect(issues(draft)).toContainEqual(['title.ky', 'no_letters']);
  });

  it('keeps joiners inside emoji sequences, their one legitimate use, and removes every other zero-width character', () => {
    const family = '👨\u200d👩\u200d👧';
    const rainbow = '🏳\ufe0f\u200d🌈';
    expect(withoutInvisible(`${family} ${rainbow}`)).toBe(`${family} ${rainbow}`);
    expect(withoutInvisible('А\u200dт\u200c-\u2060Б\u200bа\ufeffш\u200d')).toBe('Ат-Баш');
    expect(prose(50).parse(`Рахмат ${family}`)).toBe(`Рахмат ${family}`);
    expect(visibleLetters('Ат-Башы 2026 👨‍👩‍👧')).toBe(10);
  });
});

describe('invisible "letters" (issue 12, second attack review)', () => {
  /** The Hangul fillers the attacker used: general category Lo, so they had counted as letters. */
  const FILLERS = ['\u3164', '\u115f', '\u1160', '\uffa0'];
  /** Other invisible characters of Default_Ignorable_Code_Point, and the Braille blank. */
  const OTHERS = ['\u034f', '\u180e', '\u17b4', '\u00ad', '\u2800', '\u{e0041}', '\ufe0f', '\ufe00', '\ufff9'];

  it('refuses a club name, a question and a saved-search name of only a filler, naming the field', () => {
    for (const f of FILLERS) {
      expect(issues(club(f.repeat(4))), `U+${f.codePointAt(0)!.toString(16)}`).toEqual([['name', 'too_small']]);
      expect(issues(question(f.repeat(10)))).toEqual([['text', 'too_small']]);
      expect(issues(SaveSearchRequestSchema.safeParse({ name: f.repeat(3), query: {} }))).toEqual([['name', 'too_small']]);
      expect(visibleLetters(f.repeat(5))).toBe(0);
    }
  });

  it('refuses texts of other invisible characters too; the Braille blank U+2800 stays refused', () => {
    for (const c of OTHERS) {
      expect(issues(club(c.repeat(4))), `U+${c.codePointAt(0)!.toString(16)}`).toEqual([['name', 'too_small']]);
      expect(prose(50).parse(c.repeat(3))).toBe('');
    }
    expect(line(20).safeParse('\u2800\u2800\u2800').success).toBe(false);
    expect(ProfileSchema.safeParse({ displayName: '\u3164\u3164' }).success).toBe(false);
  });

  it('makes a filler between words a space and removes zero-width ones, so nothing invisible is stored', () => {
    expect(club('At-Bashy\u3164people\u034f in Moscow\u180e').data?.name).toBe('At-Bashy people in Moscow');
    expect(question('Качан\u3164\u3164бүтөт?\u17b4').data?.text).toBe('Качан  бүтөт?');
    expect(withoutInvisible('А\u00adт\u034f-\u180eБа\u{e0041}шы')).toBe('Ат-Башы');
    expect(visibleLetters('Ат\u3164Башы\u1160')).toBe(6);
  });

  it('keeps what makes an emoji: a joiner between emoji, VS16 after one, a keycap, the tags of a flag', () => {
    const scotland = '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}';
    const keepers = ['👨\u200d👩\u200d👧', '❤\ufe0f', '1\ufe0f\u20e3', scotland, '👩🏽\u200d💻'];
    for (const e of keepers) expect(withoutInvisible(e)).toBe(e);
    expect(prose(50).parse(`Рахмат ${scotland} ❤\ufe0f`)).toBe(`Рахмат ${scotland} ❤\ufe0f`);
    // The same characters outside those sequences are removed.
    expect(withoutInvisible('а\ufe0fб\u{e0067}в\u{e007f}г1\ufe0f')).toBe('абвг1');
  });

  it('keeps bidirectional controls for the fields to refuse, naming the field', () => {
    expect(issues(club('At-Bashy \u202eclub'))).toEqual([['name', 'invalid_characters']]);
  });
});
