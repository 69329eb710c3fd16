import type { RunningDynamo } from '../../functions/local/dynamoLocal';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __dynamo?: RunningDynamo }).__dynamo?.stop();
}
