import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TABLE } from '@mekendesh/db/table';
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
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
