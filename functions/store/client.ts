/**
 * The DynamoDB client and the per-request cost meter. Every call asks for its consumed capacity, and the meter
 * adds it up so each GraphQL response can say what it cost (`extensions.cost`).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { DEFAULT_TABLE_NAME } from './tableSchema';

export interface StoreConfig {
  tableName: string;
  /** DynamoDB Local or another endpoint; the AWS default when absent. */
  endpoint?: string;
  region?: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return {
    tableName: env.TABLE_NAME || DEFAULT_TABLE_NAME,
    endpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'ap-northeast-1',
  };
}

export function createDocumentClient(config: StoreConfig): DynamoDBDocumentClient {
  const local = config.endpoint !== undefined;
  const client = new DynamoDBClient({
    region: config.region ?? 'ap-northeast-1',
    endpoint: config.endpoint,
    // DynamoDB Local accepts any credentials; do not make a developer configure AWS to run it.
    credentials:
      local && !process.env.AWS_ACCESS_KEY_ID ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
    maxAttempts: 4,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

export interface CostReport {
  /** DynamoDB requests made while answering. */
  dynamodbCalls: number;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  /** Requests by operation, e.g. `{ Query: 1, BatchGetItem: 1 }`. */
  calls: Record<string, number>;
}

export class CostMeter {
  private report: CostReport = { dynamodbCalls: 0, readCapacityUnits: 0, writeCapacityUnits: 0, calls: {} };

  record(operation: string, consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): void {
    this.report.dynamodbCalls += 1;
    this.report.calls[operation] = (this.report.calls[operation] ?? 0) + 1;
    for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
      // Tables report read and write units separately, or only a total (reads for reads, writes for writes).
      const read = c.ReadCapacityUnits ?? (isRead(operation) ? c.CapacityUnits ?? 0 : 0);
      const write = c.WriteCapacityUnits ?? (isRead(operation) ? 0 : c.CapacityUnits ?? 0);
      this.report.readCapacityUnits += read;
      this.report.writeCapacityUnits += write;
    }
  }

  snapshot(): CostReport {
    const r = this.report;
    return {
      dynamodbCalls: r.dynamodbCalls,
      readCapacityUnits: round(r.readCapacityUnits),
      writeCapacityUnits: round(r.writeCapacityUnits),
      calls: { ...r.calls },
    };
  }
}

function isRead(operation: string): boolean {
  return operation === 'GetItem' || operation === 'BatchGetItem' || operation === 'Query';
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
