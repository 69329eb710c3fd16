import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
// Pure data with no runtime dependencies: the table's keys cannot drift from what the store expects.
import { GLOBAL_INDEXES, STREAM_VIEW_TYPE, TABLE_KEYS, TTL_ATTRIBUTE } from '../functions/store/tableSchema';

const str = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });

/**
 * The regulation's one DynamoDB table: keys and global secondary indexes from functions/store/tableSchema.ts, on
 * demand, point-in-time recovery, deletion protection, retained with the stack gone; its stream feeds the mail sender.
 */
export class RegulationTable extends dynamodb.Table {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      partitionKey: str(TABLE_KEYS.partitionKey),
      sortKey: str(TABLE_KEYS.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      deletionProtection: true,
      // Idempotency records expire a day after the mutation they answer (functions/store/idempotency.ts).
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
      // The AWS managed key (aws/dynamodb): every use of the key is in CloudTrail, at no key cost and with no key
      // policy to maintain. A customer managed key would add cost and a way to lose the data (key deletion or a
      // broken key policy) for no requirement we have: nothing is shared across accounts.
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // The new image of every write, for 24 hours: the mail sender reads the notices written (infra/mail.ts).
      stream: dynamodb.StreamViewType[STREAM_VIEW_TYPE],
    });
    for (const index of GLOBAL_INDEXES) {
      this.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: str(index.partitionKey),
        sortKey: str(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }

  /** The ARN of one index, for IAM: indexes are granted by name, never `index/*`. */
  indexArn(indexName: string): string {
    return `${this.tableArn}/index/${indexName}`;
  }
}
