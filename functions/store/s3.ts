/**
 * What functions/store/files.ts takes from the S3 client and its presigner, in one module it loads on first use: the
 * Lambda bundle makes this module, with both packages, a file apart (s3.js beside api.js; functions/api/bundle.js),
 * so a cold start neither loads nor parses them; only attachments and large exports need them.
 */
export { GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
export { getSignedUrl } from '@aws-sdk/s3-request-presigner';
