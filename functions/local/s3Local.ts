/**
 * A local S3 for attachments (npm `s3rver`), run in this process on a free port, with the attachments bucket made at
 * start (and its CORS, so GraphiQL's page may PUT to a presigned URL). s3rver keeps the objects in a folder but does
 * not check Signature Version 4, nor refuse a request without a signature: in front of it stands a check that does
 * as S3 does — a request must be signed (a presigned URL, or the API's own Authorization header) with the right key,
 * every signed header as signed, not expired — so what works here is what S3 allows, and an unsigned or tampered
 * URL fails here as it would there.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { mkdirSync } from 'node:fs';
import { freePort } from './dynamoLocal';

/** s3rver's own account: the local keys (functions/store/files.ts uses them against a local endpoint). */
export const LOCAL_S3_KEY = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface RunningS3 {
  /** http://127.0.0.1:<port>: reachable by the API and by a browser on this machine (only from it). */
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

interface S3rverApp {
  configureBuckets(): Promise<void>;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  logger?: { exceptions?: { unhandle(): void }; close?(): void };
}

/** The bucket's CORS: the origins given may PUT (with the signed headers) and GET. */
function corsXml(origins: string[]): string {
  const rule = (origin: string) =>
    `<CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>300</MaxAgeSeconds></CORSRule>`;
  return `<CORSConfiguration>${origins.map(rule).join('')}</CORSConfiguration>`;
}

/** RFC 3986 encoding, as Signature Version 4 canonicalises query strings. */
const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();

/** `20261202T225732Z` as a time. */
function amzTime(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

interface Signed {
  accessKeyId: string;
  scope: string;
  amzDate: string;
  signedHeaders: string[];
  signature: string;
  payloadHash: string;
  expiresSeconds?: number;
}

function signedPartsOf(req: IncomingMessage, query: [string, string][]): Signed | string {
  const q = new Map(query);
  if (q.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256') {
    const [accessKeyId, ...scope] = (q.get('X-Amz-Credential') ?? '').split('/');
    return {
      accessKeyId,
      scope: scope.join('/'),
      amzDate: q.get('X-Amz-Date') ?? '',
      signedHeaders: (q.get('X-Amz-SignedHeaders') ?? '').split(';'),
      signature: q.get('X-Amz-Signature') ?? '',
      payloadHash: q.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
      expiresSeconds: Number(q.get('X-Amz-Expires')),
    };
  }
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(req.headers.authorization ?? '');
  if (!m) return 'Anonymous access is not allowed: the request is not signed.';
  return {
    accessKeyId: m[1],
    scope: m[2],
    amzDate: String(req.headers['x-amz-date'] ?? ''),
    signedHeaders: m[3].split(';'),
    signature: m[4],
    payloadHash: String(req.headers['x-amz-content-sha256'] ?? ''),
  };
}

/** Why S3 would refuse the request (its signature, its expiry), or undefined when it is signed as S3 requires. */
export function refusalOf(req: IncomingMessage, now = Date.now()): string | undefined {
  const [path, rawQuery = ''] = (req.url ?? '/').split('?', 2);
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .map((p) => p.split('=', 2).map((s) => decodeURIComponent(s.replace(/\+/g, ' '))) as [string, string]);
  const signed = signedPartsOf(req, query);
  if (typeof signed === 'string') return signed;
  if (signed.accessKeyId !== LOCAL_S3_KEY.accessKeyId) return 'The AWS access key id does not exist.';
  const at = amzTime(signed.amzDate);
  if (Number.isNaN(at)) return 'The request has no valid date.';
  if (signed.expiresSeconds !== undefined && (!(signed.expiresSeconds >= 0) || now > at + signed.expiresSeconds * 1000)) return 'Request has expired';
  if (signed.expiresSeconds === undefined && Math.abs(now - at) > 15 * 60 * 1000) return 'The difference between the request time and the current time is too large.';
  const canonicalQuery = query
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [encode(k), encode(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headers = signed.signedHeaders.map((h) => `${h}:${String(req.headers[h] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonical = [req.method, path, canonicalQuery, headers, signed.signedHeaders.join(';'), signed.payloadHash].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', signed.amzDate, signed.scope, sha256(canonical)].join('\n');
  const key = signed.scope.split('/').reduce<Buffer | string>((k, part) => hmac(k, part), `AWS4${LOCAL_S3_KEY.secretAccessKey}`);
  const expected = createHmac('sha256', key).update(toSign).digest();
  const given = Buffer.from(signed.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'The request signature we calculated does not match the signature you provided.';
  return undefined;
}

function deny(res: ServerResponse, message: string): void {
  res.writeHead(403, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${message}</Message></Error>`);
}

/**
 * Starts the local S3 on `port` (a free one when absent) keeping its objects in `directory`, with `bucket` made and
 * its CORS allowing `origins`.
 */
export async function startS3Local(options: { directory: string; bucket: string; origins: string[]; port?: number }): Promise<RunningS3> {
  mkdirSync(options.directory, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const S3rver = require('s3rver') as new (o: object) => S3rverApp;
  const app = new S3rver({
    directory: options.directory,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucket, configs: [corsXml(options.origins)] }],
  });
  await app.configureBuckets();
  const s3 = app.callback();
  const server: Server = createServer((req, res) => {
    // A CORS preflight carries no signature; s3rver answers it from the bucket's CORS.
    if (req.method === 'OPTIONS') return s3(req, res);
    const refusal = refusalOf(req);
    if (refusal) {
      req.resume();
      return deny(res, refusal);
    }
    s3(req, res);
  });
  const port = options.port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: options.bucket,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      app.logger?.exceptions?.unhandle();
      app.logger?.close?.();
    },
  };
}
