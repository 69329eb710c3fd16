/**
 * The files of attachments, in S3 (never in the table): the bucket from ATTACHMENTS_BUCKET, another endpoint from
 * S3_ENDPOINT (the local S3 of `npm start` and the tests, path-style). The API never carries a file's bytes: it hands
 * out presigned URLs — a PUT bound to the content type and length declared, a GET that downloads under the file's
 * name — each valid for five minutes, and checks what arrived with a HEAD.
 */
import type { S3Client } from '@aws-sdk/client-s3';

/** The S3 client and its presigner, loaded on first use (functions/store/s3.ts). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const s3 = () => require('./s3') as typeof import('./s3');

/** How long a presigned URL lasts. */
export const URL_SECONDS = 5 * 60;

/** The bucket of `npm start` and the tests. */
export const LOCAL_BUCKET = 'attachments-local';

export interface FilesConfig {
  bucket: string;
  /** A local S3 (s3rver) or another endpoint; AWS's when absent. */
  endpoint?: string;
  region: string;
}

export function filesConfigFromEnv(env: NodeJS.ProcessEnv = process.env): FilesConfig {
  return {
    bucket: env.ATTACHMENTS_BUCKET || LOCAL_BUCKET,
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'ap-northeast-1',
  };
}

/** The key of an attachment's file: its id under `attachments/` (with `exports/`, the only prefixes the API function may touch). */
export const fileKey = (attachmentId: string) => `attachments/${attachmentId}`;

/** Where an export too large to answer inline is put for its download (expired by the bucket's lifecycle after a day). */
export const exportKey = (requestId: string, fileName: string) => `exports/${requestId}/${fileName}`;

/** A header value of RFC 6266 / RFC 5987: an ASCII fallback name and the name itself in UTF-8 (Japanese names). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export interface PresignedUpload {
  url: string;
  /** The headers the PUT must carry exactly as signed. */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface StoredFile {
  size: number;
  contentType?: string;
}

export class Files {
  private readonly client: S3Client;

  constructor(readonly config: FilesConfig) {
    const local = config.endpoint !== undefined;
    this.client = new (s3().S3Client)({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: local,
      // s3rver's own keys (functions/local/s3Local.ts) when local and nothing else is configured.
      credentials: local && !process.env.AWS_ACCESS_KEY_ID ? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } : undefined,
      // A presigned PUT carries no checksum the browser could not compute.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** A PUT URL for the file of `id`, signed with its content type and length, valid for URL_SECONDS from `now`. */
  async presignUpload(id: string, file: { contentType: string; size: number }, now: string): Promise<PresignedUpload> {
    const command = new (s3().PutObjectCommand)({ Bucket: this.config.bucket, Key: fileKey(id), ContentType: file.contentType, ContentLength: file.size });
    const url = await s3().getSignedUrl(this.client, command, {
      expiresIn: URL_SECONDS,
      signingDate: new Date(now),
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return { url, headers: { 'Content-Type': file.contentType }, expiresAt: expiry(now) };
  }

  /** A GET URL for the file of `id` that downloads it as `fileName`, valid for URL_SECONDS from `now`. */
  presignDownload(id: string, file: { fileName: string; contentType: string }, now: string): Promise<{ url: string; expiresAt: string }> {
    return this.presignGet(fileKey(id), file, now);
  }

  /** A file the API itself wrote (a register exported, `exports/…`), put whole. */
  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(new (s3().PutObjectCommand)({ Bucket: this.config.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  /** A GET URL for the object at `key` that downloads it as `fileName`, valid for URL_SECONDS from `now`. */
  async presignGet(key: string, file: { fileName: string; contentType: string }, now: string): Promise<{ url: string; expiresAt: string }> {
    const command = new (s3().GetObjectCommand)({
      Bucket: this.config.bucket,
      Key: key,
      ResponseContentDisposition: contentDisposition(file.fileName),
      ResponseContentType: file.contentType,
    });
    const url = await s3().getSignedUrl(this.client, command, { expiresIn: URL_SECONDS, signingDate: new Date(now) });
    return { url, expiresAt: expiry(now) };
  }

  /** What was uploaded for `id`, or undefined when nothing was. */
  async head(id: string): Promise<StoredFile | undefined> {
    try {
      const r = await this.client.send(new (s3().HeadObjectCommand)({ Bucket: this.config.bucket, Key: fileKey(id) }));
      return { size: r.ContentLength ?? 0, contentType: r.ContentType };
    } catch (e) {
      if (e instanceof s3().NotFound || (e as { name?: string }).name === 'NotFound' || (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw e;
    }
  }
}

const expiry = (now: string) => new Date(Date.parse(now) + URL_SECONDS * 1000).toISOString();

let files: Files | undefined;

/** The process's files, from its environment (made on first use). */
export function filesFromEnv(): Files {
  const config = filesConfigFromEnv();
  if (!files || files.config.bucket !== config.bucket || files.config.endpoint !== config.endpoint) files = new Files(config);
  return files;
}
