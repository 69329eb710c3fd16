/** Starts DynamoDB Local in memory once per jest run; every test file then makes its own table. */
import { startDynamoLocal } from '../../functions/local/dynamoLocal';

export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (!process.env.DYNAMODB_ENDPOINT) {
    const dynamo = await startDynamoLocal();
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
    (globalThis as { __dynamo?: typeof dynamo }).__dynamo = dynamo;
  }
  process.env.LOCAL_JWT_SECRET ??= 'test-secret-not-for-production-0123456789abcdef';
  process.env.LOG_LEVEL ??= 'silent';
  process.env.AWS_REGION ??= 'ap-northeast-1';
}
