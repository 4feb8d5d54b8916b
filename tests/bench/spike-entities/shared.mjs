/**
 * Shared by the three variants of the entity spike: the table (as packages/db/src/table.ts defines it), the
 * key strings the repositories write today (keys.ts, money-keys.ts, project-index.ts), and the inputs of the
 * three access patterns. Bundled into each variant by build.mjs, so every variant pays for it alike.
 */
/** contracts/money-limits.ts MONEY_LIMITS.total order of magnitude (10^15 tyiyn); only the condition's shape matters here. */
export const MAX_TOTAL_MINOR = 1_000_000_000_000_000;
export const PAGE = 24;

/** Today's stored key strings: what every variant must read and write unchanged (no migration). */
export const today = {
  project: (id) => ({ pk: `PROJECT#${id}`, sk: 'PROJECT' }),
  projectIndexes: (p) => ({
    gsi1pk: `STATUS#${p.status}`,
    gsi1sk: `${p.publishedAt ?? p.statusChangedAt ?? p.createdAt}#${p.id}`,
    gsi2pk: `ORG#${p.organisationId}`,
    gsi2sk: `PROJECT#${p.createdAt}#${p.id}`,
  }),
  facet: (partition) => `PX#${partition}`,
  pledge: (id) => ({ pk: `PLEDGE#${id}`, sk: 'PLEDGE' }),
  pledgeIndexes: (p) => ({
    gsi1pk: `INVESTOR#${p.investorId}`,
    gsi1sk: `PLEDGE#${p.createdAt}#${p.id}`,
    gsi2pk: `PLEDGES#${p.projectId}`,
    gsi2sk: `${p.createdAt}#${p.id}`,
  }),
  idempotency: (scope, key) => ({ pk: `IDEM#${scope}#${key}`, sk: 'IDEM' }),
  supporter: (projectId, investorId) => ({ pk: `SUPPORTER#${projectId}`, sk: investorId }),
};

export function percentKey(raised, goal) {
  const bp = Math.min(99_999, Math.floor((raised * 10_000) / goal));
  return String(bp).padStart(5, '0');
}

const text = (s) => ({ ky: `${s} (ky)`, ru: `${s} (ru)`, en: `${s} (en)` });

/** A published project shaped like contracts' Project (the attributes a summary reads, and a long description). */
export function makeProject(n, at) {
  const id = `p-${String(n).padStart(6, '0')}`;
  const publishedAt = new Date(Date.parse(at) - n * 60_000).toISOString();
  return {
    id,
    slug: `project-${n}`,
    status: 'published',
    organisationId: `org-${n % 50}`,
    organisationName: text(`Ayil okmotu ${n % 50}`),
    oblastSoate: '41702000000000',
    rayonSoate: '41702210000000',
    settlement: text('Kara-Suu'),
    title: text(`Water for village ${n}`),
    summary: text('A new pipe from the spring to the school and the clinic, 4 km.'),
    description: text('x'.repeat(1500)),
    languages: ['ky', 'ru', 'en'],
    sector: 'water',
    kind: 'infrastructure',
    pledgeTypes: ['donation', 'loan'],
    goal: 5_000_000_00,
    raised: (n * 7919) % 4_000_000_00,
    pledged: 0,
    matched: 0,
    supporters: 0,
    deadline: `2027-${String(1 + (n % 12)).padStart(2, '0')}-15`,
    publishedAt,
    coverUrl: null,
    version: 1,
    createdAt: publishedAt,
    statusChangedAt: publishedAt,
    updatedAt: publishedAt,
  };
}

/** Items of a project as the repositories store them today: the main item and its facet items. */
export function storedProjectItems(p, partitions) {
  const main = { ...today.project(p.id), ...today.projectIndexes(p), entity: 'Project', ...p };
  const sorts = { sk: `${p.publishedAt}#${p.id}`, gsi3sk: `${p.deadline}#${p.id}`, gsi4sk: `${percentKey(p.raised, p.goal)}#${p.id}` };
  const filters = { id: p.id, se: p.sector, ki: p.kind, pt: p.pledgeTypes.join(' ') };
  const facets = partitions.map((part) => ({
    pk: today.facet(part),
    gsi3pk: today.facet(part),
    gsi4pk: today.facet(part),
    ...sorts,
    ...filters,
  }));
  return [main, ...facets];
}

/** A pledge of 100.00 USD (874,500 tyiyn) shaped like contracts' Pledge, from a fresh investor. */
export function makePledge(i, projectId, run) {
  const at = new Date().toISOString();
  const id = `pl-${run}-${i}`;
  return {
    id,
    projectId,
    projectTitle: text('Water'),
    investorId: `inv-${run}-${i}`,
    type: 'donation',
    amount: { amount: 10_000, currency: 'USD' },
    amountKgs: 874_500,
    rate: { currency: 'USD', value: '87.4500', nominal: 1, date: at.slice(0, 10) },
    termMonths: null,
    inKind: null,
    channel: 'bank_transfer',
    message: null,
    display: 'anonymous',
    displayName: null,
    paymentReference: `MK-${run}-${i}`,
    status: 'pledged',
    received: { amount: 0, currency: 'USD' },
    receivedKgs: 0,
    overpaid: null,
    matchedKgs: 0,
    matchedBy: {},
    receipts: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The booking every variant commits as one TransactWriteItems: the pledge (new), its idempotency record
 * (new), the project's totals (ADD, only while published, within the limit) and the supporter marker
 * (new on a first pledge; a ConditionCheck on a repeat).
 */
export function bookingOf(pledge, firstSupporter) {
  return {
    pledge,
    firstSupporter,
    idempotency: { scope: pledge.investorId, key: `key-${pledge.id}`, hash: 'h', pledgeId: pledge.id, at: pledge.createdAt },
    deltas: { pledged: pledge.amountKgs, supporters: firstSupporter ? 1 : 0 },
  };
}

/** Maps a cancelled transaction's reasons (in action order) to the domain's outcome. */
export function outcomeOf(codes, order) {
  const failed = (tag) => codes[order.indexOf(tag)] === 'ConditionalCheckFailed';
  if (failed('idem')) return 'duplicate';
  if (codes.some((c) => c === 'TransactionConflict')) return 'retry';
  if (failed('project')) return 'conflict';
  if (failed('supporter')) return 'retry';
  return `error:${codes.join(',')}`;
}

import { createHmac, timingSafeEqual } from 'node:crypto';

const SECRET = process.env.CURSOR_SECRET ?? 'spike-secret';
const mac = (query, body) => createHmac('sha256', SECRET).update(query).update('\n').update(body).digest('base64url').slice(0, 22);

/**
 * The cursor every variant hands out: the library's own position (a LastEvaluatedKey, or ElectroDB's cursor
 * string) signed with HMAC over the query it belongs to, so it cannot be edited or replayed on another list.
 */
export function signCursor(query, position) {
  if (position == null) return null;
  const body = Buffer.from(typeof position === 'string' ? position : JSON.stringify(position)).toString('base64url');
  return `${body}.${mac(query, body)}`;
}

/** The position inside a cursor this query issued; throws on anything else. */
export function openCursor(query, cursor, parse = JSON.parse) {
  if (cursor == null) return undefined;
  const [body = '', tag = ''] = String(cursor).split('.');
  const want = Buffer.from(mac(query, body));
  const got = Buffer.from(tag);
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw new Error('cursor is not valid');
  return parse(Buffer.from(body, 'base64url').toString('utf8'));
}

export const SUMMARY_FIELDS = [
  'id',
  'slug',
  'status',
  'organisationId',
  'organisationName',
  'oblastSoate',
  'rayonSoate',
  'settlement',
  'title',
  'summary',
  'languages',
  'sector',
  'kind',
  'goal',
  'raised',
  'pledged',
  'supporters',
  'deadline',
  'publishedAt',
  'coverUrl',
];

/** Pauses for a BatchGet's unprocessed keys: 20, 40, 80 ... ms. */
export const pause = (attempt) => new Promise((r) => setTimeout(r, 10 * 2 ** attempt));
