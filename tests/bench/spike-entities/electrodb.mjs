/**
 * Variant "electrodb": the same three access patterns declared as ElectroDB entities with key templates
 * that reproduce today's stored strings (casing 'none'), a Service for the transaction.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity, Service } from 'electrodb';
import { MAX_TOTAL_MINOR, PAGE, SUMMARY_FIELDS, openCursor, outcomeOf, pause, signCursor } from './shared.mjs';

const ORDER = ['pledge', 'idem', 'project', 'supporter'];
const str = { type: 'string' };
const num = { type: 'number' };
const anyOf = { type: 'any' }; // nullable fields and maps whose shape ElectroDB need not check
const text = { type: 'map', properties: { ky: str, ru: str, en: str } };
const money = { type: 'map', properties: { amount: num, currency: str } };
const key = (field, composite, template) => ({ field, composite, template, casing: 'none' });

/** Entities and their service, bound to a table and a client (what packages/db would declare once). */
function declare(table, client) {
  const model = (entity) => ({ entity, version: '1', service: 'mekendesh' });
  const Project = new Entity(
    {
      model: model('Project'),
      attributes: {
        id: { ...str, required: true },
        slug: str,
        status: str,
        organisationId: str,
        organisationName: text,
        oblastSoate: str,
        rayonSoate: anyOf,
        settlement: anyOf,
        title: text,
        summary: text,
        description: text,
        languages: { type: 'list', items: str },
        sector: str,
        kind: str,
        pledgeTypes: { type: 'list', items: str },
        goal: num,
        raised: num,
        pledged: num,
        matched: num,
        supporters: num,
        deadline: str,
        publishedAt: anyOf,
        coverUrl: anyOf,
        version: num,
        createdAt: str,
        statusChangedAt: anyOf,
        updatedAt: str,
        // gsi1sk falls back publishedAt → statusChangedAt → createdAt: a template cannot, so a derived attribute carries it.
        listedAt: {
          ...str,
          watch: ['publishedAt', 'statusChangedAt', 'createdAt'],
          set: (_, i) => i.publishedAt ?? i.statusChangedAt ?? i.createdAt,
        },
      },
      indexes: {
        byId: { pk: key('pk', ['id'], 'PROJECT#${id}'), sk: key('sk', [], 'PROJECT') },
        byStatus: {
          index: 'gsi1',
          pk: key('gsi1pk', ['status'], 'STATUS#${status}'),
          sk: key('gsi1sk', ['listedAt', 'id'], '${listedAt}#${id}'),
        },
        byOrganisation: {
          index: 'gsi2',
          pk: key('gsi2pk', ['organisationId'], 'ORG#${organisationId}'),
          sk: key('gsi2sk', ['createdAt', 'id'], 'PROJECT#${createdAt}#${id}'),
        },
      },
    },
    { table, client },
  );
  const Facet = new Entity(
    {
      model: model('ProjectFacet'),
      attributes: {
        partition: { ...str, required: true },
        listedAt: str,
        deadline: str,
        percent: str,
        id: { ...str, required: true },
        se: str,
        ki: str,
        pt: str,
      },
      indexes: {
        newest: { pk: key('pk', ['partition'], 'PX#${partition}'), sk: key('sk', ['listedAt', 'id'], '${listedAt}#${id}') },
        closingSoon: {
          index: 'gsi3',
          pk: key('gsi3pk', ['partition'], 'PX#${partition}'),
          sk: key('gsi3sk', ['deadline', 'id'], '${deadline}#${id}'),
        },
        percentFunded: {
          index: 'gsi4',
          pk: key('gsi4pk', ['partition'], 'PX#${partition}'),
          sk: key('gsi4sk', ['percent', 'id'], '${percent}#${id}'),
        },
      },
    },
    { table, client },
  );
  const Pledge = new Entity(
    {
      model: model('Pledge'),
      attributes: {
        id: { ...str, required: true },
        projectId: str,
        projectTitle: text,
        investorId: str,
        type: str,
        amount: money,
        amountKgs: num,
        rate: anyOf,
        termMonths: anyOf,
        inKind: anyOf,
        channel: str,
        message: anyOf,
        display: str,
        displayName: anyOf,
        paymentReference: str,
        status: str,
        received: money,
        receivedKgs: num,
        overpaid: anyOf,
        matchedKgs: num,
        matchedBy: anyOf,
        receipts: num,
        version: num,
        createdAt: str,
        updatedAt: str,
      },
      indexes: {
        byId: { pk: key('pk', ['id'], 'PLEDGE#${id}'), sk: key('sk', [], 'PLEDGE') },
        byInvestor: {
          index: 'gsi1',
          pk: key('gsi1pk', ['investorId'], 'INVESTOR#${investorId}'),
          sk: key('gsi1sk', ['createdAt', 'id'], 'PLEDGE#${createdAt}#${id}'),
        },
        byProject: {
          index: 'gsi2',
          pk: key('gsi2pk', ['projectId'], 'PLEDGES#${projectId}'),
          sk: key('gsi2sk', ['createdAt', 'id'], '${createdAt}#${id}'),
        },
      },
    },
    { table, client },
  );
  const Idempotency = new Entity(
    {
      model: model('Idempotency'),
      attributes: { scope: { ...str, required: true }, key: { ...str, required: true }, hash: str, pledgeId: str, at: str },
      indexes: { byKey: { pk: key('pk', ['scope', 'key'], 'IDEM#${scope}#${key}'), sk: key('sk', [], 'IDEM') } },
    },
    { table, client },
  );
  const Supporter = new Entity(
    {
      model: model('Supporter'),
      attributes: { projectId: { ...str, required: true }, investorId: { ...str, required: true }, at: str },
      indexes: { byProject: { pk: key('pk', ['projectId'], 'SUPPORTER#${projectId}'), sk: key('sk', ['investorId'], '${investorId}') } },
    },
    { table, client },
  );
  return new Service({ Project, Facet, Pledge, Idempotency, Supporter }, { table, client });
}

export function createVariant({ endpoint, tableName }) {
  const raw = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const doc = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const service = declare(tableName, doc);

  const booking = (b) => {
    const p = b.pledge;
    return service.transaction.write(({ Pledge, Idempotency, Project, Supporter }) => [
      Pledge.create(p).commit(),
      Idempotency.create({
        scope: b.idempotency.scope,
        key: b.idempotency.key,
        hash: b.idempotency.hash,
        pledgeId: p.id,
        at: p.createdAt,
      }).commit(),
      Project.patch({ id: p.projectId })
        .add({ pledged: b.deltas.pledged, supporters: b.deltas.supporters, version: 1 })
        .where((a, op) =>
          [
            op.eq(a.status, 'published'),
            ...Object.entries(b.deltas)
              .filter(([, v]) => v > 0)
              .map(([f, v]) => `(${op.notExists(a[f])} OR ${op.lte(a[f], MAX_TOTAL_MINOR - v)})`),
          ].join(' AND '),
        )
        .commit(),
      b.firstSupporter
        ? Supporter.create({ projectId: p.projectId, investorId: p.investorId, at: p.createdAt }).commit()
        : Supporter.check({ projectId: p.projectId, investorId: p.investorId })
            .where((a, op) => op.exists(a.at))
            .commit(),
    ]);
  };

  async function pledge(b) {
    const { canceled, data } = await booking(b).go();
    return canceled
      ? outcomeOf(
          data.map((d) => d.code),
          ORDER,
        )
      : 'committed';
  }

  async function summaries(ids) {
    let keys = ids.map((id) => ({ id }));
    const found = new Map();
    for (let attempt = 0; keys.length; attempt++) {
      if (attempt > 8) throw new Error('unprocessed keys');
      if (attempt) await pause(attempt);
      // Items stored before ElectroDB carry no __edb_e__/__edb_v__: ownership must be ignored on every read.
      const { data, unprocessed } = await service.entities.Project.get(keys).go({ attributes: SUMMARY_FIELDS, ignoreOwnership: true });
      for (const item of data) found.set(item.id, item);
      keys = unprocessed;
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)] : []));
  }

  async function browse(partition, cursor) {
    const query = `closing_soon|${partition}`;
    const position = openCursor(query, cursor, (s) => s);
    const out = await service.entities.Facet.query
      .closingSoon({ partition })
      .go({ limit: PAGE, cursor: position ?? null, order: 'asc', ignoreOwnership: true, attributes: ['id'] });
    const items = await summaries(out.data.map((i) => i.id));
    return { items, cursor: signCursor(query, out.cursor) };
  }

  return { name: 'electrodb', doc, pledge, browse, params: (b) => booking(b).params(), close: () => raw.destroy() };
}
