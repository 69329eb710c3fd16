/**
 * Creates the table where there is none (DynamoDB Local, tests), and adds the indexes a newer version of the store
 * needs to a table made by an older one (a developer's `.data/`), and its stream (the new image of every write, which
 * the mail sender reads). The deployed table is made by the CDK stack, with the same stream.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  TableDescription,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { StoreConfig } from './client';
import { GLOBAL_INDEXES, STREAM_VIEW_TYPE, TABLE_KEYS } from './tableSchema';

type IndexDef = (typeof GLOBAL_INDEXES)[number];

const indexSpec = (i: IndexDef) => ({
  IndexName: i.indexName,
  KeySchema: [
    { AttributeName: i.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: i.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

async function describe(client: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (e) {
    if (e instanceof ResourceNotFoundException) return undefined;
    throw e;
  }
}

/**
 * `stream: false` leaves the stream off, for a table no sender reads (the API tests: DynamoDB Local keeps every stream
 * record, which slows its writes by a fifth); everything that runs the product keeps it on.
 */
export async function ensureTable(config: StoreConfig, { stream: withStream = true }: { stream?: boolean } = {}): Promise<'created' | 'exists' | 'updated'> {
  const client = new DynamoDBClient({
    region: config.region ?? 'ap-northeast-1',
    endpoint: config.endpoint,
    credentials: config.endpoint && !process.env.AWS_ACCESS_KEY_ID ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
  });
  try {
    const existing = await describe(client, config.tableName);
    if (existing) {
      const have = new Set((existing.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
      const missing = GLOBAL_INDEXES.filter((i) => !have.has(i.indexName));
      // One index per UpdateTable, each waited for: DynamoDB builds them one at a time.
      for (const i of missing) {
        await client.send(
          new UpdateTableCommand({
            TableName: config.tableName,
            AttributeDefinitions: [
              { AttributeName: i.partitionKey, AttributeType: 'S' },
              { AttributeName: i.sortKey, AttributeType: 'S' },
            ],
            GlobalSecondaryIndexUpdates: [{ Create: indexSpec(i) }],
          }),
        );
        for (let waited = 0; waited < 120; waited++) {
          const t = await describe(client, config.tableName);
          if (t?.GlobalSecondaryIndexes?.find((g) => g.IndexName === i.indexName)?.IndexStatus === 'ACTIVE') break;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      // The stream, on a table made before the sender: every write from now on (nothing before) is in it.
      const stream = existing.StreamSpecification;
      if (withStream && !stream?.StreamEnabled) {
        await client.send(new UpdateTableCommand({ TableName: config.tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: STREAM_VIEW_TYPE } }));
      } else if (stream?.StreamEnabled && stream.StreamViewType !== STREAM_VIEW_TYPE && stream.StreamViewType !== 'NEW_AND_OLD_IMAGES') {
        throw new Error(`The table ${config.tableName} has a stream of ${stream.StreamViewType}; the mail sender reads the new image of each write (${STREAM_VIEW_TYPE}).`);
      }
      return missing.length || (withStream && !stream?.StreamEnabled) ? 'updated' : 'exists';
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
        GlobalSecondaryIndexes: GLOBAL_INDEXES.map(indexSpec),
        ...(withStream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: STREAM_VIEW_TYPE } } : {}),
      }),
    );
    return 'created';
  } finally {
    client.destroy();
  }
}
