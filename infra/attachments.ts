import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IConstruct } from 'constructs';
import { StackPart } from './part';

/** The prefix of every attachment's file (functions/store/files.ts `fileKey`). */
export const ATTACHMENTS_PREFIX = 'attachments/';
/** The prefix of exports too large for the Lambda's answer (functions/export/http.ts, `exportKey`): kept a day. */
export const EXPORTS_PREFIX = 'exports/';

/**
 * What the API function may do to the files: sign PUT and GET URLs (a presigned URL carries the signer's rights) and
 * HEAD what arrived (s3:GetObject), on `attachments/*` only; ListBucket so that a HEAD of a file not yet uploaded
 * answers 404 (not uploaded) rather than 403. Nothing is deleted: versions expire by the lifecycle rules.
 */
export const API_ATTACHMENT_OBJECT_ACTIONS = ['s3:PutObject', 's3:GetObject'] as const;
export const API_ATTACHMENT_BUCKET_ACTIONS = ['s3:ListBucket'] as const;

export interface AttachmentsBucketProps {
  /** Browser origins that may PUT and GET through presigned URLs; none: no CORS. */
  readonly allowedOrigins: string[];
}

/**
 * The files of attachments (never in the table): S3-managed encryption, versioned, all public access blocked, TLS
 * only, retained with the stack gone. Noncurrent versions expire after a year; incomplete multipart uploads are
 * aborted after a day.
 */
export class AttachmentsBucket extends StackPart {
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AttachmentsBucketProps) {
    super(scope, id);
    const origins = props.allowedOrigins;
    this.bucket = new s3.Bucket(this, 'AttachmentsBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'ExpireNoncurrentVersions', noncurrentVersionExpiration: Duration.days(365) },
        { id: 'AbortIncompleteMultipartUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // A large export is downloaded within minutes of being written; nothing of it is kept beyond a day.
        { id: 'ExpireExports', prefix: EXPORTS_PREFIX, expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
      ],
      cors:
        origins.length > 0
          ? [
              {
                allowedOrigins: origins,
                allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
                allowedHeaders: ['content-type'],
                exposedHeaders: ['ETag'],
                maxAge: 300,
              },
            ]
          : undefined,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Every upload and download is signed by the API for one viewer the read rule allows, and recorded in the audit trail (who asked for which attachment, when); server access logs would add a second bucket of logs repeating it.',
    });
  }

  /** The API function's statements: the files under attachments/ and exports/, and nothing else of the bucket. */
  apiStatements(): iam.PolicyStatement[] {
    return [
      new iam.PolicyStatement({
        sid: 'AttachmentFiles',
        actions: [...API_ATTACHMENT_OBJECT_ACTIONS],
        resources: [this.bucket.arnForObjects(`${ATTACHMENTS_PREFIX}*`), this.bucket.arnForObjects(`${EXPORTS_PREFIX}*`)],
      }),
      new iam.PolicyStatement({ sid: 'AttachmentFilesList', actions: [...API_ATTACHMENT_BUCKET_ACTIONS], resources: [this.bucket.bucketArn] }),
    ];
  }

  /** Acknowledges, on the policy of the role granted `apiStatements`, the one wildcard they hold: the files' prefix. */
  acknowledgeGrant(policy: IConstruct): void {
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${ATTACHMENTS_PREFIX}*]`,
      reason: 'The files of attachments, each under attachments/<attachment id>: the ids are made when an upload is asked for, so the prefix is the narrowest resource; nothing else of the bucket is granted but ListBucket (a HEAD of a missing file answers 404).',
    });
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${EXPORTS_PREFIX}*]`,
      reason: 'Exports too large for the function’s answer, each under exports/<request id>/: the request id is known only when the export runs, so the prefix is the narrowest resource; the lifecycle expires them after a day.',
    });
  }
}
