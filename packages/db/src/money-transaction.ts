import { MAX_TOTAL_MINOR } from '@mekendesh/contracts';
import { availableDelta, TOTAL_FIELDS, type Booking, type LedgerDeltas } from '@mekendesh/domain/money-ports';
import { bookingCellAdds } from './dashboard-cells.js';
import { dashCellEntity } from './entities/stats.js';
import { disbursementEntity } from './entities/reports.js';
import type { Db } from './client.js';
import { oblastStatsEntity, projectEntity } from './entities/catalogue.js';
import { clubMemberEntity, clubPledgeEntity } from './entities/clubs.js';
import {
  bookingOnceEntity,
  idempotencyEntity,
  ledgerEntryEntity,
  PLATFORM_SHARDS,
  platformTotalsEntity,
  pledgeEntity,
  programmeEntity,
  programmeProjectEntity,
  receiptDayEntity,
  receiptEntity,
} from './entities/money.js';
import { auditPut, type Tagged } from './transact.js';

/** What a booking adds to each running total, tyiyn (supporters: a count). */
export function sumDeltas(b: Booking): LedgerDeltas {
  const sum = Object.fromEntries(TOTAL_FIELDS.map((f) => [f, 0])) as unknown as LedgerDeltas;
  for (const e of b.entries) for (const f of TOTAL_FIELDS) sum[f] += e.deltas[f];
  return sum;
}

function addAll(d: LedgerDeltas) {
  return {
    UpdateExpression: `ADD ${TOTAL_FIELDS.map((f) => `#${f} :${f}`).join(', ')}`,
    names: Object.fromEntries(TOTAL_FIELDS.map((f) => [`#${f}`, f])),
    values: Object.fromEntries(TOTAL_FIELDS.map((f) => [`:${f}`, d[f]])),
  };
}

/**
 * The condition that keeps every running total this write raises within MAX_TOTAL_MINOR (contracts
 * money-limits.ts): `total <= MAX - delta` for each positive delta (DynamoDB conditions do not add), so no
 * stored total can ever become inexact. Fields the write lowers or leaves need no bound.
 */
export function withinTotalLimit(fields: Record<string, number>): {
  condition: string | null;
  names: Record<string, string>;
  values: Record<string, number>;
} {
  const raised = Object.entries(fields).filter(([, d]) => d > 0);
  return {
    condition: raised.length ? raised.map(([f]) => `(attribute_not_exists(#${f}) OR #${f} <= :max_${f})`).join(' AND ') : null,
    names: Object.fromEntries(raised.map(([f]) => [`#${f}`, f])),
    values: Object.fromEntries(raised.map(([f, d]) => [`:max_${f}`, MAX_TOTAL_MINOR - d])),
  };
}

function totalsActions(db: Db, b: Booking, sum: LedgerDeltas, shard: number): Tagged[] {
  const add = addAll(sum);
  const limit = withinTotalLimit(sum as unknown as Record<string, number>);
  const and = (c: string) => (limit.condition ? `${c} AND ${limit.condition}` : c);
  // A disbursement spends only money the project holds: available >= spend, in the same Update (one action per item).
  const spend = b.spend !== undefined ? ' AND #available >= :spend' : '';
  const project: Tagged = {
    tag: 'project',
    action: {
      Update: {
        TableName: db.tableName,
        Key: projectEntity.key({ id: b.project.id }),
        // The project's version moves with its money, so an edit from a stale read cannot overwrite the totals.
        UpdateExpression: `${add.UpdateExpression}, #version :one, #available :available`,
        ConditionExpression: and(`attribute_exists(pk) AND #status = :status${spend}`),
        ExpressionAttributeNames: { ...add.names, '#version': 'version', '#status': 'status', '#available': 'available' },
        ExpressionAttributeValues: {
          ...add.values,
          ...limit.values,
          ':one': 1,
          ':status': b.project.status,
          ':available': availableDelta(sum),
          ...(b.spend !== undefined ? { ':spend': b.spend } : {}),
        },
      },
    },
  };
  const platform: Tagged = {
    tag: 'platform',
    action: {
      Update: {
        TableName: db.tableName,
        Key: platformTotalsEntity.key({ shard }),
        UpdateExpression: `${add.UpdateExpression} SET entity = :e`,
        ...(limit.condition ? { ConditionExpression: limit.condition } : {}),
        ExpressionAttributeNames: add.names,
        ExpressionAttributeValues: { ...add.values, ...limit.values, ':e': platformTotalsEntity.name },
      },
    },
  };
  // Discovery's oblast aggregate counts the money of public projects only (project-index.ts, oblastContribution).
  const oblast: Tagged[] =
    b.project.isPublic && sum.raised !== 0
      ? [
          {
            tag: 'oblast',
            action: {
              Update: {
                TableName: db.tableName,
                Key: oblastStatsEntity.key({ soate: b.project.oblastSoate }),
                UpdateExpression: 'ADD #raised :r',
                ExpressionAttributeNames: { '#raised': 'raised' },
                ...(sum.raised > 0 ? { ConditionExpression: '(attribute_not_exists(#raised) OR #raised <= :max_raised)' } : {}),
                ExpressionAttributeValues: { ':r': sum.raised, ...(sum.raised > 0 ? { ':max_raised': MAX_TOTAL_MINOR - sum.raised } : {}) },
              },
            },
          },
        ]
      : [];
  return [project, platform, ...oblast, ...dashActions(db, b, shard)];
}

/**
 * The booking's additions to the dashboard cells (dashboard-cells.ts): one ADD per scope and month touched (four for
 * a booking of one instant), in the platform shard's cell. No limit condition: every cell is a part of the platform
 * totals, which carry it.
 */
function dashActions(db: Db, b: Booking, shard: number): Tagged[] {
  return [...bookingCellAdds(b)].map(([key, cell]): Tagged => {
    const [scope, month] = key.split('|') as [string, string];
    const names = [...cell.keys()];
    return {
      tag: 'dash',
      action: {
        Update: {
          TableName: db.tableName,
          Key: dashCellEntity.key({ scope, month, shard }),
          UpdateExpression: `ADD ${names.map((_, i) => `#a${i} :a${i}`).join(', ')} SET entity = :e`,
          ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#a${i}`, n])),
          ExpressionAttributeValues: { ...Object.fromEntries(names.map((n, i) => [`:a${i}`, cell.get(n)!])), ':e': dashCellEntity.name },
        },
      },
    };
  });
}

/**
 * A disbursement's writes: the Disbursement item (must not exist: tag `receipt`, so a second commit of the same id is
 * a duplicate) and its programme share ADDed to each Programme's `used` (no condition: `used` follows `matched`, which
 * the programme's budget already bounds).
 */
function disbursementActions(db: Db, b: Booking): Tagged[] {
  const record: Tagged[] = b.disbursement
    ? [
        {
          tag: 'receipt',
          action: {
            Put: {
              TableName: db.tableName,
              ConditionExpression: 'attribute_not_exists(pk)',
              Item: disbursementEntity.item(b.disbursement),
            },
          },
        },
      ]
    : [];
  const used = (b.programmeUse ?? [])
    .filter((u) => u.amount !== 0)
    .map((u): Tagged => ({
      tag: 'programmeUse',
      action: {
        Update: {
          TableName: db.tableName,
          Key: programmeEntity.key({ id: u.programmeId }),
          UpdateExpression: 'ADD used :u',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':u': u.amount },
        },
      },
    }));
  return [...record, ...used];
}

function reservationActions(db: Db, b: Booking): Tagged[] {
  return (b.reservations ?? []).flatMap((r): Tagged[] => {
    const up = r.amount > 0;
    return [
      {
        tag: 'programme',
        action: {
          Update: {
            TableName: db.tableName,
            Key: programmeEntity.key({ id: r.programmeId }),
            UpdateExpression: 'ADD reserved :m',
            // reserved + m <= budget, written as reserved <= budget - m: DynamoDB conditions do not add.
            ConditionExpression: up ? 'attribute_exists(pk) AND budget = :budget AND reserved <= :room' : 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':m': r.amount, ...(up ? { ':budget': r.budget, ':room': r.budget - r.amount } : {}) },
          },
        },
      },
      {
        tag: 'cap',
        action: {
          Update: {
            TableName: db.tableName,
            Key: programmeProjectEntity.key({ programmeId: r.programmeId, projectId: b.project.id }),
            UpdateExpression: 'ADD matched :m SET entity = :e, programmeId = :p, projectId = :j',
            ...(up ? { ConditionExpression: 'attribute_not_exists(matched) OR matched <= :room' } : {}),
            ExpressionAttributeValues: {
              ':m': r.amount,
              ':e': programmeProjectEntity.name,
              ':p': r.programmeId,
              ':j': b.project.id,
              ...(up ? { ':room': r.capPerProject - r.amount } : {}),
            },
          },
        },
      },
    ];
  });
}

/**
 * A club contribution's booking also moves its club pledge (issue 12): `pledged` and `received` by the booking's net
 * pledged and raised, `contributions` by one for a new pledge. In the same transaction, so the club pledge's figures
 * always equal the sums over its contributions; concurrent members meet on this one item and DynamoDB orders them.
 * A new contribution also checks the contributor's membership in the same transaction (tag `clubMember`): one who
 * left after the use case read it cannot contribute. Later bookings (receipts, refunds) need no membership.
 */
function clubPledgeActions(db: Db, b: Booking, sum: LedgerDeltas): Tagged[] {
  const club = b.pledge?.next.club;
  if (!club) return [];
  const isNew = b.pledge!.expectedVersion === null ? 1 : 0;
  const member: Tagged[] = isNew
    ? [
        {
          tag: 'clubMember',
          action: {
            ConditionCheck: {
              TableName: db.tableName,
              Key: clubMemberEntity.key({ clubId: club.clubId, userId: b.pledge!.next.investorId }),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
        },
      ]
    : [];
  if (sum.pledged === 0 && sum.raised === 0) return member;
  return [
    ...member,
    {
      tag: 'clubPledge',
      action: {
        Update: {
          TableName: db.tableName,
          Key: clubPledgeEntity.key({ id: club.clubPledgeId }),
          UpdateExpression: 'ADD pledged :p, received :r, contributions :n',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':p': sum.pledged, ':r': sum.raised, ':n': isNew },
        },
      },
    },
  ];
}

/**
 * Every write of a booking, each tagged; at most 100 actions (a receipt with n programmes needs 11 + 3n: with the four
 * dashboard cells; one more for a club's, two for a new club contribution; one per audit entry).
 */
export function bookingActions(db: Db, b: Booking): Tagged[] {
  const sum = sumDeltas(b);
  const entries: Tagged[] = b.entries.map((e) => ({
    tag: 'entry',
    action: {
      Put: {
        TableName: db.tableName,
        ConditionExpression: 'attribute_not_exists(pk)',
        // The project's sector beside the entry: ledger:check recounts the dashboard cells from entries alone.
        Item: { ...ledgerEntryEntity.item(e), sector: b.project.sector },
      },
    },
  }));
  const pledge: Tagged[] = b.pledge
    ? [
        {
          tag: 'pledge',
          action: {
            Put: {
              TableName: db.tableName,
              // The project's oblast and sector ride on the pledge item: its gsi4 (awaiting payment by oblast) and filters.
              Item: pledgeEntity.item({ ...b.pledge.next, oblastSoate: b.project.oblastSoate, sector: b.project.sector }),
              ...(b.pledge.expectedVersion === null
                ? { ConditionExpression: 'attribute_not_exists(pk)' }
                : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': b.pledge.expectedVersion } }),
            },
          },
        },
      ]
    : [];
  const receipt: Tagged[] = b.receipt
    ? [
        {
          tag: 'receipt',
          action: {
            Put: {
              TableName: db.tableName,
              ConditionExpression: 'attribute_not_exists(pk)',
              Item: receiptEntity.item(b.receipt),
            },
          },
        },
      ]
    : [];
  // Tagged 'receipt': a second booking with the same `once` id ends as already_booked, like a second receipt.
  const once: Tagged[] = b.once
    ? [
        {
          tag: 'receipt',
          action: {
            Put: { TableName: db.tableName, ConditionExpression: 'attribute_not_exists(pk)', Item: bookingOnceEntity.item({ id: b.once }) },
          },
        },
      ]
    : [];
  // Tagged 'receipt' too: a second request with the same Idempotency-Key ends as a duplicate, never a second booking.
  const idem: Tagged[] = b.idempotency
    ? [
        {
          tag: 'receipt',
          action: {
            Put: {
              TableName: db.tableName,
              ConditionExpression: 'attribute_not_exists(pk)',
              Item: idempotencyEntity.item(
                { scope: b.idempotency.scope, key: b.idempotency.key },
                { hash: b.idempotency.hash, resultId: b.idempotency.resultId, at: b.entries[0]?.at ?? null },
              ),
            },
          },
        },
      ]
    : [];
  // No condition of its own: the pledge's version (conditioned above) already orders bookings of one pledge.
  const receiptDay: Tagged[] = b.receiptDay
    ? [
        {
          tag: 'receiptDay',
          action: {
            Update: {
              TableName: db.tableName,
              Key: receiptDayEntity.key(b.receiptDay),
              UpdateExpression: 'SET entity = :e, receipts = list_append(if_not_exists(receipts, :none), :add)',
              ExpressionAttributeValues: { ':e': receiptDayEntity.name, ':none': [], ':add': [b.receiptDay.add] },
            },
          },
        },
      ]
    : [];
  // A booking without entries only changes the pledge's state (a card checkout expired): no totals to touch.
  const shard = Math.floor(Math.random() * PLATFORM_SHARDS);
  const totals = b.entries.length ? totalsActions(db, b, sum, shard) : [];
  const audit: Tagged[] = (b.audit ?? []).map((entry) => ({ tag: 'audit', action: auditPut(db, entry) }));
  const all = [
    ...receipt,
    ...once,
    ...idem,
    ...pledge,
    ...receiptDay,
    ...entries,
    ...totals,
    ...clubPledgeActions(db, b, sum),
    ...reservationActions(db, b),
    ...disbursementActions(db, b),
    ...audit,
  ];
  if (all.length > 100) throw new Error(`a booking needs ${all.length} actions, more than one transaction holds`);
  return all;
}
