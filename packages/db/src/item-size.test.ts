import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS, type Attachment, type LocalizedText, type Organisation, type Programme, type Project } from '@mekendesh/contracts';
import { MAX_ATTACHMENTS } from '@mekendesh/domain';
import { organisationItem } from './organisation-repository.js';
import { projectItem } from './project-index.js';
import { programmeEntity } from './entities/money.js';

/** DynamoDB's limit on one item, names and values together. */
const ITEM_LIMIT = 400 * 1024;
/** What the worst case may use of it: the rest is room for attributes the platform adds later. */
const HEADROOM_SHARE = 0.7;

/**
 * An item's size as DynamoDB counts it ("Item sizes and formats", DynamoDB developer guide): attribute names and
 * strings in UTF-8 bytes, a number at most 21 bytes, null and booleans 1, a list or map 3 bytes plus 1 per element.
 */
function dynamoBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number') return 21;
  if (value === null || typeof value === 'boolean' || value === undefined) return 1;
  if (value instanceof Set) return [...value].reduce((n: number, v) => n + dynamoBytes(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + dynamoBytes(v), 0);
  return 3 + Object.entries(value as object).reduce((n, [k, v]) => n + 1 + dynamoBytes(k) + dynamoBytes(v), 0);
}
const itemBytes = (item: Record<string, unknown>) => Object.entries(item).reduce((n, [k, v]) => n + dynamoBytes(k) + dynamoBytes(v), 0);

/** The longest text a limit allows, of the character that costs most in UTF-8 per UTF-16 unit (€: 3 bytes, 1 unit). */
const full = (limit: number) => '€'.repeat(limit);
const allLanguages = (limit: number): LocalizedText => ({ ky: full(limit), ru: full(limit), en: full(limit) });
const at = '2026-01-01T00:00:00.000Z';

const attachment = (i: number): Attachment => ({
  key: `${String(i).padStart(26, '0')}.jpg`,
  kind: 'photo',
  contentType: 'image/jpeg',
  size: 10_000_000,
  fileName: full(TEXT_LIMITS.fileName),
  variants: [480, 960, 1600].map((width) => ({ width, key: `${String(i).padStart(26, '0')}-${width}.webp` })),
  url: `/v1/uploads/${String(i).padStart(26, '0')}.jpg`,
  uploadedAt: at,
});

const worstProject: Project = {
  id: 'prj-' + 'x'.repeat(60),
  slug: 'x'.repeat(200),
  status: 'published',
  organisationId: 'org-' + 'x'.repeat(80),
  organisationName: allLanguages(TEXT_LIMITS.name),
  oblastSoate: '41704000000000',
  rayonSoate: '41704220000000',
  settlement: allLanguages(TEXT_LIMITS.settlement),
  title: allLanguages(TEXT_LIMITS.title),
  summary: allLanguages(TEXT_LIMITS.summary),
  description: allLanguages(TEXT_LIMITS.markdownBody),
  languages: ['ky', 'ru', 'en'],
  sector: 'education',
  kind: 'community',
  goal: Number.MAX_SAFE_INTEGER,
  raised: Number.MAX_SAFE_INTEGER,
  pledged: Number.MAX_SAFE_INTEGER,
  supporters: Number.MAX_SAFE_INTEGER,
  deadline: '2030-12-31',
  publishedAt: at,
  coverUrl: `/v1/uploads/${'0'.repeat(26)}.jpg`,
  fundingPlan: { diaspora: 1, municipality: 1, cofinancing: 1, otherDonors: 1 },
  pledgeTypes: ['donation', 'loan', 'investment', 'in_kind'],
  minimumPledge: 1,
  fundingModel: 'keep_what_is_raised',
  beneficiaries: 10_000_000,
  jobs: 100_000,
  // 20 milestones: the draft contract's maximum (project-drafts.ts).
  milestones: Array.from({ length: 20 }, (_, i) => ({
    id: `m-${'x'.repeat(36)}${i}`,
    title: allLanguages(TEXT_LIMITS.title),
    dueDate: '2030-12-31',
    tranche: 1,
  })),
  version: Number.MAX_SAFE_INTEGER,
  createdAt: at,
  updatedAt: at,
  statusChangedAt: at,
  statusReason: full(TEXT_LIMITS.reason),
  submittedAt: at,
  attachments: Array.from({ length: MAX_ATTACHMENTS }, (_, i) => attachment(i)),
  coverPhoto: `${'0'.repeat(26)}.jpg`,
} as Project;

const worstOrganisation: Organisation = {
  id: 'org-' + 'x'.repeat(80),
  name: allLanguages(TEXT_LIMITS.name),
  kind: 'rayon_administration',
  territorySoate: '41704220000000',
  oblastSoate: '41704000000000',
  settlement: allLanguages(TEXT_LIMITS.settlement),
  status: 'pending',
  verified: false,
  createdAt: at,
};

const worstProgramme = {
  id: 'x'.repeat(64),
  name: allLanguages(TEXT_LIMITS.name),
  ratio: { numerator: 100, denominator: 1 },
  budget: Number.MAX_SAFE_INTEGER,
  capPerProject: Number.MAX_SAFE_INTEGER,
  oblastSoates: Array.from({ length: 9 }, () => '41704000000000'),
  sectors: 'all',
  kinds: 'all',
  pledgeTypes: ['donation', 'loan', 'investment', 'in_kind'],
  startDate: '2026-01-01',
  endDate: '2030-12-31',
  reserved: Number.MAX_SAFE_INTEGER,
  createdAt: at,
} as Programme;

describe('the largest item a request can make (issue 9, fault 5)', () => {
  const items = {
    project: projectItem(worstProject),
    organisation: organisationItem(worstOrganisation, {
      applicantId: 'x'.repeat(64),
      applicantPosition: full(TEXT_LIMITS.shortLine),
      contactPhone: '+'.padEnd(21, '9'),
      contactEmail: `${'x'.repeat(64)}@${'x'.repeat(185)}.kg`,
      reviewReason: full(TEXT_LIMITS.reason),
      reviewedAt: at,
    }),
    programme: programmeEntity.item(worstProgramme),
  };

  it.each(Object.keys(items))("a %s with every text at its limit stays far under DynamoDB's 400 KB", (kind) => {
    const bytes = itemBytes(items[kind as keyof typeof items]);
    console.info(`worst-case ${kind} item: ${(bytes / 1024).toFixed(1)} KB of 400 KB`);
    expect(bytes).toBeLessThan(ITEM_LIMIT * HEADROOM_SHARE);
  });
});
