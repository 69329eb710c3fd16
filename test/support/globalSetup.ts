/**
 * Starts DynamoDB Local in memory once per jest run; every test file then makes its own table. The local S3 of
 * attachments likewise (its objects keyed by attachment id, which no two files share).
 */
import { startDynamoLocal } from '../../functions/local/dynamoLocal';
import { startTestS3 } from './s3Local';

export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (!process.env.DYNAMODB_ENDPOINT) {
    const dynamo = await startDynamoLocal();
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
    (globalThis as { __dynamo?: typeof dynamo }).__dynamo = dynamo;
  }
  if (!process.env.S3_ENDPOINT) {
    const s3 = await startTestS3();
    process.env.S3_ENDPOINT = s3.endpoint;
    process.env.ATTACHMENTS_BUCKET = s3.bucket;
    (globalThis as { __s3?: typeof s3 }).__s3 = s3;
  }
  process.env.LOCAL_JWT_SECRET ??= 'test-secret-not-for-production-0123456789abcdef';
  process.env.LOG_LEVEL ??= 'silent';
  process.env.AWS_REGION ??= 'ap-northeast-1';
}
