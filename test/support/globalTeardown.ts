import type { RunningDynamo } from '../../functions/local/dynamoLocal';
import type { RunningS3 } from '../../functions/local/s3Local';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __s3?: RunningS3 }).__s3?.stop();
  await (globalThis as { __dynamo?: RunningDynamo }).__dynamo?.stop();
}
