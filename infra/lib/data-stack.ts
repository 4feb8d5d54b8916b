import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import { AttributeType, BillingMode, Operation, ProjectionType, StreamViewType, Table, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TABLE } from '@mekendesh/db/table';
import { alarmOnAny } from './api-alarms.js';
import type { StageConfig } from './stage.js';

export interface DataStackProps extends StackProps {
  readonly stage: StageConfig;
}

/**
 * The single DynamoDB table. Keys, indexes and TTL come from `@mekendesh/db/table`, the same
 * definition the local table and the repositories use, so the cloud table cannot drift from them.
 */
export class DataStack extends Stack {
  readonly table: ITable;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { stage } = props;

    const table = new Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Streams feed the aggregate and digest jobs; they need both images to diff changes.
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TABLE.timeToLiveAttribute,
      removalPolicy: stage.removalPolicy,
      deletionProtection: stage.isProd,
    });

    for (const index of TABLE.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        // Query pages render whole items, so a second read per item would cost more than the storage.
        projectionType: ProjectionType.ALL,
      });
    }

    this.table = table;
    this.alarmOnThrottles(table, stage);
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }

  /**
   * On-demand tables still throttle (a partition's 3,000 reads / 1,000 writes per second, or a doubling of traffic
   * faster than DynamoDB adapts): requests the SDK retried and gave up on, and throttle events of the table and its indexes.
   */
  private alarmOnThrottles(table: Table, stage: StageConfig): void {
    const period = Duration.minutes(5);
    alarmOnAny(this, 'TableThrottledRequests', {
      alarmName: `mekendesh-${stage.name}-table-throttled-requests`,
      description: 'DynamoDB throttled requests of the API or the jobs (ThrottledRequests, per operation, summed).',
      metric: table.metricThrottledRequestsForOperations({ operations: TABLE_OPERATIONS, period }),
    });
    alarmOnAny(this, 'TableThrottleEvents', {
      alarmName: `mekendesh-${stage.name}-table-throttle-events`,
      description: 'DynamoDB read or write throttle events on the table (ReadThrottleEvents + WriteThrottleEvents).',
      metric: new MathExpression({
        expression: 'reads + writes',
        usingMetrics: {
          reads: table.metric('ReadThrottleEvents', { period, statistic: 'Sum' }),
          writes: table.metric('WriteThrottleEvents', { period, statistic: 'Sum' }),
        },
        period,
      }),
    });
  }
}

/** The operations our code sends (packages/db): the ThrottledRequests metric has one series per operation. */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.QUERY,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];
