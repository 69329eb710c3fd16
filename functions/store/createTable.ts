/** Creates the table where there is none (DynamoDB Local, tests). The deployed table is made by the CDK stack. */
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { StoreConfig } from './client';
import { GLOBAL_INDEXES, TABLE_KEYS } from './tableSchema';

export async function ensureTable(config: StoreConfig): Promise<'created' | 'exists'> {
  const client = new DynamoDBClient({
    region: config.region ?? 'ap-northeast-1',
    endpoint: config.endpoint,
    credentials: config.endpoint && !process.env.AWS_ACCESS_KEY_ID ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
  });
  try {
    await client.send(new DescribeTableCommand({ TableName: config.tableName }));
    client.destroy();
    return 'exists';
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  const attributes = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey]);
  for (const i of GLOBAL_INDEXES) {
    attributes.add(i.partitionKey);
    attributes.add(i.sortKey);
  }
  await client.send(
    new CreateTableCommand({
      TableName: config.tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: GLOBAL_INDEXES.map((i) => ({
        IndexName: i.indexName,
        KeySchema: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  client.destroy();
  return 'created';
}
