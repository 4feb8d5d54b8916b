import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localizedLine } from './locale.js';
import { OrganisationApplicationSchema } from './organisation.js';
import { PledgeRequestSchema } from './pledge.js';
import { ProfileSchema } from './profile.js';
import { ProjectListQuerySchema } from './discovery-query.js';
import { ProjectDraftSchema } from './project-drafts.js';
import { line, prose, searchableWords, text, TEXT_LIMITS, textWords } from './text.js';
import { UploadCompleteSchema, UploadRequestSchema } from './attachment.js';
import { SignUpRequestSchema } from './auth.js';
import { StatementRequestSchema } from './money-admin.js';

const nfd = (s: string) => s.normalize('NFD');
// "айылындагы" with й typed as и + U+0306 (combining breve), as some phone keyboards send it.
const VILLAGE_NFD = 'аи\u0306ылындагы';
const VILLAGE = 'айылындагы';

const draft = {
  title: { ky: `Кара-Суу ${VILLAGE_NFD} мектеп` },
  summary: { ky: nfd('Мектептин чатырын оңдоо: өкмөтү, үй') },
  description: { ky: nfd('Толук сүрөттөмө') },
  rayonSoate: '41704220000000',
  settlement: { ky: nfd('Кара-Суу айылы, Ат-Башы') },
  sector: 'education',
  kind: 'community',
  goal: 100,
  fundingPlan: { diaspora: 100, municipality: 0, cofinancing: 0, otherDonors: 0 },
  pledgeTypes: ['donation'],
  minimumPledge: 1,
  deadline: '2027-06-30',
  fundingModel: 'keep_what_is_raised',
  beneficiaries: 1,
  jobs: 0,
  milestones: [{ title: { ky: nfd('Бүтүрүү') }, dueDate: '2027-06-01', tranche: 100 }],
};

describe('text()', () => {
  it('normalises to NFC before checking the length', () => {
    expect(VILLAGE_NFD).not.toBe(VILLAGE);
    expect(text().parse(VILLAGE_NFD)).toBe(VILLAGE);
    // 11 code points in NFD, 10 in NFC: the limit is on what is stored.
    expect(text().max(10).safeParse(VILLAGE_NFD).success).toBe(true);
    expect(z.toJSONSchema(text().trim().min(1).max(10))).toMatchObject({ type: 'string', minLength: 1, maxLength: 10 });
  });

  it('is what every text of a draft, a localized text, a profile, an organisation, a pledge and a search passes through', () => {
    const parsed = ProjectDraftSchema.parse(draft);
    for (const value of [
      parsed.title.ky,
      parsed.summary.ky,
      parsed.description.ky,
      parsed.settlement?.ky,
      parsed.milestones[0]!.title.ky,
    ]) {
      expect(value).toBe(value!.normalize('NFC'));
    }
    expect(parsed.title.ky).toContain(VILLAGE);
    expect(localizedLine(40).parse({ ru: nfd('Ат-Башы өкмөтү') }).ru).toBe('Ат-Башы өкмөтү');
    expect(ProjectListQuerySchema.parse({ q: ` ${VILLAGE_NFD} ` }).q).toBe(VILLAGE);
    const profile = ProfileSchema.parse({ displayName: nfd('Айгүл'), homeSettlement: nfd('Ат-Башы'), residenceCity: nfd('Москва й') });
    expect([profile.displayName, profile.homeSettlement, profile.residenceCity]).toEqual(['Айгүл', 'Ат-Башы', 'Москва й']);
    const application = OrganisationApplicationSchema.shape.applicantPosition.parse(nfd('Айыл өкмөтүнүн башчысы'));
    expect(application).toBe('Айыл өкмөтүнүн башчысы');
    expect(PledgeRequestSchema.shape.message.parse(nfd('Ийгилик!'))).toBe('Ийгилик!');
  });
});

describe('text() on the other doors in', () => {
  const nfd = 'Ай\u0306ылындагы'.normalize('NFD'); // й as и + U+0306
  it('a display name at sign-up, an upload file name and a pasted statement are stored in NFC', () => {
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const signUp = SignUpRequestSchema.parse({ email: 'a@b.kg', password: 'Aa1!aaaaaaaaaa', displayName: nfd, locale: 'ky' });
    expect(signUp.displayName).toBe(nfd.normalize('NFC'));
    const upload = UploadRequestSchema.parse({ contentType: 'image/jpeg', size: 10, fileName: `${nfd}.jpg` });
    expect(upload.fileName).toBe(`${nfd.normalize('NFC')}.jpg`);
    expect(UploadCompleteSchema.parse({ fileName: nfd }).fileName).toBe(nfd.normalize('NFC'));
    const statement = StatementRequestSchema.safeParse({ csv: `date;amount;currency;description\n2026-11-30;1;KGS;${nfd}` });
    expect(statement.success && statement.data.csv).toBe(`date;amount;currency;description\n2026-11-30;1;KGS;${nfd.normalize('NFC')}`);
  });
});

describe('search words as typed', () => {
  it('count letters after NFC and lowercasing, before any folding: суу and ооз are words', () => {
    expect(searchableWords('Суу')).toEqual(['суу']);
    expect(searchableWords('ООЗ ай су')).toEqual(['ооз']);
    expect(searchableWords('ab, c!')).toEqual([]);
  });

  it('keep a letter typed with a combining mark inside its word', () => {
    expect(textWords(VILLAGE_NFD)).toEqual([VILLAGE]);
    // Three letters typed as four code points (й as и + breve) still make a three-letter word.
    expect(searchableWords(nfd('ай'))).toEqual([]);
    expect(searchableWords(nfd('бай'))).toEqual(['бай']);
    expect(textWords('Кара-Суу айылы')).toEqual(['Кара', 'Суу', 'айылы']);
  });
});

describe('text limits and characters (issue 9, fault 5)', () => {
  it('refuses a lone surrogate in every text, naming the field', () => {
    expect(text().safeParse('\ud800 hi').success).toBe(false);
    expect(text().safeParse('ok 😀').success).toBe(true); // a pair is one well-formed character
    const pledge = PledgeRequestSchema.safeParse({
      type: 'donation',
      amount: { amount: 100, currency: 'KGS' },
      channel: 'card',
      display: 'name',
      message: '\ud800 hi',
    });
    expect(pledge.success).toBe(false);
    expect(pledge.error?.issues.map((i) => [i.path.join('.'), i.code, (i as { params?: { code?: string } }).params?.code])).toEqual([
      ['message', 'custom', 'invalid_characters'],
    ]);
  });

  it('refuses bidirectional controls in one-line and multi-line fields, and control characters in one-line ones', () => {
    for (const bidi of ['\u202A', '\u202E', '\u2066', '\u2069']) {
      expect(line(50).safeParse(`Ат-Башы${bidi}exe.txt`).success, bidi).toBe(false);
      expect(prose(50).safeParse(`Ийгилик${bidi}!`).success, bidi).toBe(false);
    }
    expect(line(50).safeParse('Ат-Башы\nрайону').success).toBe(false);
    expect(line(50).safeParse('Ат-Башы\u0000').success).toBe(false);
    expect(prose(50).safeParse('Биринчи сап\nЭкинчи сап\tбүттү').success).toBe(true);
    expect(prose(50).safeParse('nul\u0000').success).toBe(false);
  });

  it('applies each language its own limit and names the language', () => {
    const name = localizedLine(TEXT_LIMITS.name);
    expect(name.safeParse({ ky: 'а'.repeat(TEXT_LIMITS.name) }).success).toBe(true);
    const long = name.safeParse({ ru: 'Ок', ky: 'а'.repeat(450_000) });
    expect(long.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['ky', 'too_big']]);
    const draft = ProjectDraftSchema.safeParse({ ...baseDraft(), settlement: { ky: 'а'.repeat(450_000) } });
    expect(draft.error?.issues.map((i) => i.path.join('.'))).toEqual(['settlement.ky']);
  });
});

function baseDraft() {
  return {
    ...draft,
    title: { ky: 'Мектеп' },
    summary: { ky: 'Чатыр' },
    description: { ky: 'Толук' },
    milestones: [{ title: { ky: 'Бүтүрүү' }, dueDate: '2027-06-01', tranche: 100 }],
  };
}
