/**
 * The local stream reader of `npm start`: what Lambda's event source mapping does when deployed. It reads the local
 * table's stream (DynamoDB Local has Streams) shard by shard — DescribeStream, GetShardIterator, GetRecords every
 * half second, following NextShardIterator and the shards that appear — and hands each batch, as the records of a
 * `DynamoDBStreamEvent`, to the same sender code (functions/mail/sender.ts). A batch that reports a failed record is
 * read again from that record a few seconds later, up to `maxAttempts`, then passed over with an error in the log
 * (deployed, it would go to the dead-letter queue).
 *
 * It starts at the end of each shard (LATEST): what was written before it started (the demo city's seed, notices of
 * an earlier day) is never mailed now. Shards that appear later are read from their start.
 */
import type { AttributeValue as LambdaAttributeValue, DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { StoreConfig } from '../store/client';

export type RecordHandler = (records: DynamoDBRecord[]) => Promise<DynamoDBBatchResponse>;
export type ReaderLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface StreamReaderOptions {
  config: StoreConfig;
  onRecords: RecordHandler;
  /** How often each shard is read. @default 500 ms */
  pollMs?: number;
  /** How long a batch that failed waits before it is read again. @default 5 s */
  retryMs?: number;
  /** Attempts at a failing record before it is passed over. @default 5 */
  maxAttempts?: number;
  log?: ReaderLog;
}

/** A value of the Streams API as Lambda's event carries it (binary as base64). */
function toLambdaValue(v: AttributeValue): LambdaAttributeValue {
  if (v.B !== undefined) return { B: Buffer.from(v.B).toString('base64') };
  if (v.BS !== undefined) return { BS: v.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (v.M !== undefined) return { M: toLambdaImage(v.M) };
  if (v.L !== undefined) return { L: v.L.map(toLambdaValue) };
  return v as LambdaAttributeValue;
}

function toLambdaImage(image: Record<string, AttributeValue> | undefined): Record<string, LambdaAttributeValue> {
  return Object.fromEntries(Object.entries(image ?? {}).map(([k, v]) => [k, toLambdaValue(v)]));
}

/** A record of the Streams API as Lambda hands it to a function (the records of a `DynamoDBStreamEvent`). */
export function toLambdaRecord(r: StreamRecord, streamArn: string): DynamoDBRecord {
  const d = r.dynamodb;
  return {
    eventID: r.eventID,
    eventName: r.eventName,
    eventVersion: r.eventVersion,
    eventSource: r.eventSource,
    awsRegion: r.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: d && {
      ApproximateCreationDateTime: d.ApproximateCreationDateTime ? Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) : undefined,
      Keys: toLambdaImage(d.Keys),
      ...(d.NewImage ? { NewImage: toLambdaImage(d.NewImage) } : {}),
      ...(d.OldImage ? { OldImage: toLambdaImage(d.OldImage) } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType,
    },
  };
}

/** Client options for the table's endpoint (DynamoDB Local takes any credentials). */
export function clientOptions(config: StoreConfig) {
  return {
    region: config.region ?? 'ap-northeast-1',
    endpoint: config.endpoint,
    credentials: config.endpoint && !process.env.AWS_ACCESS_KEY_ID ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
  };
}

/** The ARN of the table's stream (createTable.ts enables it). */
export async function latestStreamArn(config: StoreConfig): Promise<string> {
  const client = new DynamoDBClient(clientOptions(config));
  try {
    const arn = (await client.send(new DescribeTableCommand({ TableName: config.tableName }))).Table?.LatestStreamArn;
    if (!arn) throw new Error(`the table ${config.tableName} has no stream`);
    return arn;
  } finally {
    client.destroy();
  }
}

interface ShardState {
  iterator?: string;
  /** The last record handed over and done. */
  lastSequence?: string;
  /** Not read before this time (a batch that failed waits). */
  waitUntil: number;
  /** Attempts at the record that failed. */
  attempts: number;
}

export class LocalStreamReader {
  private readonly streams: DynamoDBStreamsClient;
  private readonly shards = new Map<string, ShardState>();
  /** Every shard seen (read or passed over), so a shard is never started twice. */
  private readonly seen = new Set<string>();
  private streamArn = '';
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private stopped = false;
  private polls = 0;

  constructor(private readonly options: StreamReaderOptions) {
    this.streams = new DynamoDBStreamsClient(clientOptions(options.config));
  }

  private log(level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void {
    this.options.log?.(level, message, fields);
  }

  /** Starts reading at the end of every open shard: only what is written from now on is handed over. */
  async start(): Promise<void> {
    this.streamArn = await latestStreamArn(this.options.config);
    await this.discover('LATEST');
    this.schedule();
  }

  /** Stops after the batch in hand, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
    this.streams.destroy();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll().finally(() => this.schedule());
    }, this.options.pollMs ?? 500);
  }

  /** Finds shards not seen yet; those open when the reader starts are read from their end, later ones whole. */
  private async discover(from: 'LATEST' | 'TRIM_HORIZON'): Promise<void> {
    let start: string | undefined;
    do {
      const out = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: start }));
      for (const shard of out.StreamDescription?.Shards ?? []) {
        const id = shard.ShardId;
        if (!id || this.seen.has(id)) continue;
        this.seen.add(id);
        // At the start, a closed shard holds only what was written before: nothing to hand over.
        if (from === 'LATEST' && shard.SequenceNumberRange?.EndingSequenceNumber) continue;
        this.shards.set(id, { iterator: await this.iterator(id, from), waitUntil: 0, attempts: 0 });
      }
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
  }

  private async iterator(shardId: string, type: ShardIteratorType | `${ShardIteratorType}`, sequence?: string): Promise<string | undefined> {
    const out = await this.streams.send(
      new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: shardId, ShardIteratorType: type as ShardIteratorType, SequenceNumber: sequence }),
    );
    return out.ShardIterator;
  }

  private async poll(): Promise<void> {
    try {
      // New shards (DynamoDB rolls them over): every 20 polls, about every 10 seconds.
      if (++this.polls % 20 === 0) await this.discover('TRIM_HORIZON');
      for (const [id, shard] of this.shards) {
        if (this.stopped) return;
        if (Date.now() < shard.waitUntil) continue;
        await this.read(id, shard);
      }
    } catch (e) {
      this.log('warn', 'mail: reading the table’s stream failed; trying again', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  private async read(id: string, shard: ShardState): Promise<void> {
    if (!shard.iterator) {
      // Closed and read to its end.
      this.shards.delete(id);
      return;
    }
    let out;
    try {
      out = await this.streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 100 }));
    } catch (e) {
      // An expired or trimmed iterator: go on after the last record done (or from the end, if none).
      this.log('warn', 'mail: a shard iterator failed; reading on after the last record done', { shardId: id, error: e instanceof Error ? e.message : String(e) });
      shard.iterator = shard.lastSequence ? await this.iterator(id, 'AFTER_SEQUENCE_NUMBER', shard.lastSequence) : await this.iterator(id, 'LATEST');
      return;
    }
    const records = out.Records ?? [];
    if (records.length === 0) {
      shard.iterator = out.NextShardIterator;
      return;
    }
    const { batchItemFailures } = await this.options.onRecords(records.map((r) => toLambdaRecord(r, this.streamArn)));
    const failed = batchItemFailures[0]?.itemIdentifier;
    if (!failed) {
      shard.lastSequence = records[records.length - 1].dynamodb?.SequenceNumber;
      shard.iterator = out.NextShardIterator;
      shard.attempts = 0;
      return;
    }
    // Done up to the record that failed: read again from it, after a while; in the end pass it over.
    const before = records.findIndex((r) => r.dynamodb?.SequenceNumber === failed) - 1;
    if (before >= 0) shard.lastSequence = records[before].dynamodb?.SequenceNumber;
    shard.attempts += 1;
    if (shard.attempts >= (this.options.maxAttempts ?? 5)) {
      this.log('error', 'mail: a record kept failing and is passed over', { shardId: id, sequenceNumber: failed, attempts: shard.attempts });
      shard.attempts = 0;
      shard.lastSequence = failed;
      shard.iterator = await this.iterator(id, 'AFTER_SEQUENCE_NUMBER', failed);
      return;
    }
    shard.iterator = await this.iterator(id, 'AT_SEQUENCE_NUMBER', failed);
    shard.waitUntil = Date.now() + (this.options.retryMs ?? 5000);
  }
}
