import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE } from '@mekendesh/db/table';
import { onlyResource, SYNTH_TIMEOUT_MS, synthesize, type Synthesized } from './support.js';

describe('DataStack (dev)', () => {
  let dev: Synthesized;
  beforeAll(() => {
    dev = synthesize('dev', { bundle: false });
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => dev.dispose());

  it('has the key schema from the shared table definition', () => {
    dev.data.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
    });
  });

  it('has every GSI from the shared table definition, with ALL projection, and no others', () => {
    const [, table] = onlyResource(dev.data, 'AWS::DynamoDB::Table');
    const indexes = table.Properties?.['GlobalSecondaryIndexes'] as Array<{ IndexName: string }>;
    expect(indexes.map((index) => index.IndexName).sort()).toEqual(TABLE.indexes.map((i) => i.name).sort());

    for (const index of TABLE.indexes) {
      dev.data.hasResourceProperties('AWS::DynamoDB::Table', {
        GlobalSecondaryIndexes: Match.arrayWith([
          {
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ]),
      });
    }
  });

  it('declares every key attribute as a string', () => {
    const names = [TABLE.partitionKey, TABLE.sortKey, ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
    dev.data.hasResourceProperties('AWS::DynamoDB::Table', {
      AttributeDefinitions: Match.arrayWith(names.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
    });
  });

  it('is on-demand, with PITR, a NEW_AND_OLD_IMAGES stream and TTL', () => {
    dev.data.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true },
    });
  });

  it('is disposable outside prod', () => {
    dev.data.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it('outputs the table name', () => {
    dev.data.hasOutput('TableName', { Value: { Ref: Match.anyValue() } });
  });
});

describe('DataStack (prod)', () => {
  let prod: Synthesized;
  beforeAll(() => {
    prod = synthesize('prod', { bundle: false });
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => prod.dispose());

  it('retains the table and turns on deletion protection', () => {
    prod.data.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
  });

  it('protects both stacks from termination', () => {
    expect(prod.stacks.data.terminationProtection).toBe(true);
    expect(prod.stacks.api.terminationProtection).toBe(true);
  });
});
