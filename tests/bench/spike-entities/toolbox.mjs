/**
 * Variant "toolbox": dynamodb-toolbox (v1 API line, published as 2.x) entities on one Table, keys computed
 * to today's strings (computeKey + putLink for index attributes), the entity attribute saved as `entity`.
 */
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  $add,
  BatchGetCommand,
  BatchGetRequest,
  ConditionCheck,
  Entity,
  PutTransaction,
  QueryCommand,
  Table,
  UpdateTransaction,
  any,
  executeBatchGet,
  executeTransactWrite,
  item,
  list,
  map,
  number,
  string,
} from 'dynamodb-toolbox';
import { MAX_TOTAL_MINOR, PAGE, SUMMARY_FIELDS, openCursor, outcomeOf, pause, signCursor, today } from './shared.mjs';

const ORDER = ['pledge', 'idem', 'project', 'supporter'];
const text = () => map({ ky: string().optional(), ru: string().optional(), en: string().optional() });
const money = () => map({ amount: number(), currency: string() });
const nullable = () => any().optional(); // toolbox's string() refuses null: nullable fields are `any` (or anyOf(string(), nul()))

function declare(tableName, documentClient) {
  const gsi = (n) => ({
    type: 'global',
    partitionKey: { name: `gsi${n}pk`, type: 'string' },
    sortKey: { name: `gsi${n}sk`, type: 'string' },
  });
  const table = new Table({
    name: tableName,
    documentClient,
    entityAttributeSavedAs: 'entity',
    partitionKey: { name: 'pk', type: 'string' },
    sortKey: { name: 'sk', type: 'string' },
    indexes: { gsi1: gsi(1), gsi2: gsi(2), gsi3: gsi(3), gsi4: gsi(4) },
  });
  const Project = new Entity({
    name: 'Project',
    table,
    timestamps: false,
    schema: item({
      id: string().key(),
      slug: string(),
      status: string(),
      organisationId: string(),
      organisationName: text(),
      oblastSoate: string(),
      rayonSoate: nullable(),
      settlement: nullable(),
      title: text(),
      summary: text(),
      description: text(),
      languages: list(string()),
      sector: string(),
      kind: string(),
      pledgeTypes: list(string()),
      goal: number(),
      raised: number(),
      pledged: number(),
      matched: number(),
      supporters: number(),
      deadline: string(),
      publishedAt: nullable(),
      coverUrl: nullable(),
      version: number(),
      createdAt: string(),
      statusChangedAt: nullable(),
      updatedAt: string(),
    }).and((_s) => ({
      gsi1pk: string()
        .hidden()
        .putLink(({ status }) => `STATUS#${status}`),
      gsi1sk: string()
        .hidden()
        .putLink((p) => today.projectIndexes(p).gsi1sk),
      gsi2pk: string()
        .hidden()
        .putLink(({ organisationId }) => `ORG#${organisationId}`),
      gsi2sk: string()
        .hidden()
        .putLink(({ createdAt, id }) => `PROJECT#${createdAt}#${id}`),
    })),
    computeKey: ({ id }) => today.project(id),
  });
  const Facet = new Entity({
    name: 'ProjectFacet',
    table,
    timestamps: false,
    entityAttribute: false,
    schema: item({
      pk: string().key(),
      sk: string().key(),
      gsi3pk: string(),
      gsi3sk: string(),
      gsi4pk: string(),
      gsi4sk: string(),
      id: string(),
      se: string(),
      ki: string(),
      pt: string(),
    }),
  });
  const Pledge = new Entity({
    name: 'Pledge',
    table,
    timestamps: false,
    schema: item({
      id: string().key(),
      projectId: string(),
      projectTitle: text(),
      investorId: string(),
      type: string(),
      amount: money(),
      amountKgs: number(),
      rate: any(),
      termMonths: nullable(),
      inKind: nullable(),
      channel: string(),
      message: nullable(),
      display: string(),
      displayName: nullable(),
      paymentReference: string(),
      status: string(),
      received: money(),
      receivedKgs: number(),
      overpaid: nullable(),
      matchedKgs: number(),
      matchedBy: any(),
      receipts: number(),
      version: number(),
      createdAt: string(),
      updatedAt: string(),
    }).and(() => ({
      gsi1pk: string()
        .hidden()
        .putLink((p) => today.pledgeIndexes(p).gsi1pk),
      gsi1sk: string()
        .hidden()
        .putLink((p) => today.pledgeIndexes(p).gsi1sk),
      gsi2pk: string()
        .hidden()
        .putLink((p) => today.pledgeIndexes(p).gsi2pk),
      gsi2sk: string()
        .hidden()
        .putLink((p) => today.pledgeIndexes(p).gsi2sk),
    })),
    computeKey: ({ id }) => today.pledge(id),
  });
  const Idempotency = new Entity({
    name: 'Idempotency',
    table,
    timestamps: false,
    schema: item({ scope: string().key(), key: string().key(), hash: string(), pledgeId: string(), at: string() }),
    computeKey: ({ scope, key }) => today.idempotency(scope, key),
  });
  const Supporter = new Entity({
    name: 'Supporter',
    table,
    timestamps: false,
    schema: item({ projectId: string().key(), investorId: string().key(), at: string() }),
    computeKey: ({ projectId, investorId }) => today.supporter(projectId, investorId),
  });
  return { table, Project, Facet, Pledge, Idempotency, Supporter };
}

export function createVariant({ endpoint, tableName }) {
  const raw = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const doc = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const e = declare(tableName, doc);

  function transactions(b) {
    const p = b.pledge;
    const raised = Object.entries(b.deltas).filter(([, v]) => v > 0);
    return [
      e.Pledge.build(PutTransaction)
        .item(p)
        .options({ condition: { attr: 'id', exists: false } }),
      e.Idempotency.build(PutTransaction)
        .item({ ...b.idempotency, pledgeId: p.id, at: p.createdAt })
        .options({ condition: { attr: 'hash', exists: false } }),
      e.Project.build(UpdateTransaction)
        .item({ id: p.projectId, pledged: $add(b.deltas.pledged), supporters: $add(b.deltas.supporters), version: $add(1) })
        .options({
          condition: {
            and: [
              { attr: 'id', exists: true },
              { attr: 'status', eq: 'published' },
              ...raised.map(([f, v]) => ({
                or: [
                  { attr: f, exists: false },
                  { attr: f, lte: MAX_TOTAL_MINOR - v },
                ],
              })),
            ],
          },
        }),
      b.firstSupporter
        ? e.Supporter.build(PutTransaction)
            .item({ projectId: p.projectId, investorId: p.investorId, at: p.createdAt })
            .options({ condition: { attr: 'at', exists: false } })
        : e.Supporter.build(ConditionCheck)
            .key({ projectId: p.projectId, investorId: p.investorId })
            .condition({ attr: 'at', exists: true }),
    ];
  }

  async function pledge(b) {
    try {
      await executeTransactWrite(...transactions(b));
      return 'committed';
    } catch (err) {
      if (err instanceof TransactionCanceledException)
        return outcomeOf(
          (err.CancellationReasons ?? []).map((r) => r.Code ?? 'None'),
          ORDER,
        );
      throw err;
    }
  }

  async function summaries(ids) {
    let keys = ids;
    const found = new Map();
    for (let attempt = 0; keys.length; attempt++) {
      if (attempt > 8) throw new Error('unprocessed keys');
      if (attempt) await pause(attempt);
      const command = e.table
        .build(BatchGetCommand)
        .requests(...keys.map((id) => e.Project.build(BatchGetRequest).key({ id })))
        .options({ attributes: SUMMARY_FIELDS });
      const { Responses, UnprocessedKeys } = await executeBatchGet(command);
      for (const item of Responses?.[0] ?? []) if (item) found.set(item.id, item);
      const left = UnprocessedKeys?.[tableName]?.Keys ?? [];
      keys = left.map((k) => String(k.pk).slice('PROJECT#'.length));
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)] : []));
  }

  async function browse(partition, cursor) {
    const query = `closing_soon|${partition}`;
    const { Items = [], LastEvaluatedKey } = await e.table
      .build(QueryCommand)
      .entities(e.Facet)
      .query({ index: 'gsi3', partition: today.facet(partition) })
      .options({ limit: PAGE, exclusiveStartKey: openCursor(query, cursor), entityAttrFilter: false, attributes: ['id'] })
      .send();
    const items = await summaries(Items.map((i) => i.id));
    return { items, cursor: signCursor(query, LastEvaluatedKey) };
  }

  return {
    name: 'toolbox',
    doc,
    pledge,
    browse,
    params: (b) => ({ TransactItems: transactions(b).map((t) => t.params()) }),
    close: () => raw.destroy(),
  };
}
