/**
 * GET /export/{register}.{xlsx|csv}: a register as a file, for the API's Lambda (handler.ts) and the local server
 * (local/http.ts) alike. Signed in like /graphql (a bearer token; deployed, the JWT authorizer's claims), or, at
 * GET /download/…, by the signed link `exportLink` made (`downloadLink`). The query takes `dates` (wareki | iso) and
 * the register's filters (columns.ts FILTER_NAMES: `departmentId`; the systems' `status`, `category`, `network`,
 * `text`, `orderBy`, `direction`; the audit trail's `objectId` or `personId`; `from`, `until`). Answered with
 * Content-Disposition: attachment and the register's Japanese name.
 */
import { randomUUID } from 'node:crypto';
import { PassThrough, Writable } from 'node:stream';
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Identification, identify } from '../api/auth';
import { Language, Message, say } from '../api/language';
import { createContext } from '../api/server';
import { Refusal } from '../domain/refusal';
import { StoreConfig } from '../store/client';
import { Store } from '../store/store';
import { signedQuery, verifiedViewer } from '../api/signedLinks';
import { exportKey, filesFromEnv } from '../store/files';
import { DATE_STYLES, DateStyle, ExportFilters, FILTER_NAMES } from './columns';
import { CONTENT_TYPES, FORMATS, Format, fileName, isRegister, startExport } from './export';

/** `/export/…` signed in with a bearer token; `/download/…` opened by a browser from a signed link (`downloadLink`). */
const PATH = /^\/(export|download)\/([A-Za-z]+)\.([a-z]+)$/;

export const isExportPath = (path: string | undefined): boolean => !!path && (path.startsWith('/export/') || path.startsWith('/download/'));

/** The parameters a link carries beside its filters: the signature's (functions/api/signedLinks.ts). */
const SIGNATURE_PARAMETERS = ['v', 'e', 's'];

/** What a download link names, as its signature covers it: the path and every other parameter, in order. */
function resourceOf(path: string, query: URLSearchParams): string {
  const rest = [...query].filter(([k]) => !SIGNATURE_PARAMETERS.includes(k)).sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return `${path}?${new URLSearchParams(rest)}`;
}

/**
 * The link (a path on the API's own origin) a browser opens to download a register as this viewer, valid for ten
 * minutes: `/download/<register>.<format>?<dates and filters>&v=…&e=…&s=…`. Opening it asks the read rules again.
 */
export async function downloadLink(store: Store, viewerId: string, register: string, format: string, parameters: Record<string, string | undefined>, nowMs: number): Promise<string> {
  const path = `/download/${register}.${format}`;
  const query = new URLSearchParams(Object.entries(parameters).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const signed = await signedQuery(store, resourceOf(path, query), viewerId, nowMs);
  const all = new URLSearchParams([...query, ...signed]);
  return `${path}?${all}`;
}

type Claims = Parameters<typeof identify>[1];

interface ExportRequest {
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  claims: Claims;
  localSecret: string | undefined;
  requestId: string;
  language: Language;
  config: StoreConfig;
}

interface Refused {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type Prepared = { refused: Refused } | { headers: Record<string, string>; fileName: string; contentType: string; write(out: Writable): Promise<unknown> };

function refused(status: number, code: string, message: Message, language: Language, article?: string): { refused: Refused } {
  const body = JSON.stringify({ errors: [{ message: say(message, language), extensions: { code, ...(article ? { article } : {}) } }] });
  return { refused: { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body } };
}

/** `attachment`, with the Japanese name for browsers (RFC 6266 `filename*`) and an ASCII one for the rest. */
export function contentDisposition(name: string, asciiName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Who asks: on `/download/`, the viewer the link was signed for (or no one, when it does not hold); else the bearer token. */
async function identifyRequest(req: ExportRequest): Promise<Identification | undefined> {
  if (!req.path.startsWith('/download/')) return identify(req.authorization, req.claims, req.localSecret);
  const viewerId = await verifiedViewer(new Store(req.config), resourceOf(req.path, req.query), req.query, Date.now());
  return viewerId ? { personId: viewerId } : undefined;
}

const LINK_NOT_VALID: Message = [
  'このリンクは正しくないか、有効期限(発行から10分)が切れています。台帳の画面から、もう一度ダウンロードを開いてください。',
  'This link is not valid or has expired (ten minutes after it was made). Open the download again.',
];

/** Everything checked — the path, the sign-in, the register's read rule, the filters — before any byte of the file. */
export async function prepareExport(req: ExportRequest): Promise<Prepared> {
  const { language } = req;
  const match = PATH.exec(req.path);
  const [register, format] = [match?.[2] ?? '', match?.[3] ?? ''];
  if (!isRegister(register) || !(FORMATS as readonly string[]).includes(format)) {
    return refused(404, 'NOT_FOUND', [`この台帳はありません: /export/<台帳>.xlsx 又は .csv です。`, 'No such register: the path is /export/<register>.xlsx or .csv.'], language);
  }
  const dates = (req.query.get('dates') ?? 'wareki').toUpperCase();
  if (!(DATE_STYLES as readonly string[]).includes(dates)) {
    return refused(400, 'BAD_USER_INPUT', ['dates は wareki (和暦) 又は iso (西暦 ISO-8601) です。', 'dates is wareki or iso.'], language);
  }
  const identification = await identifyRequest(req);
  if (!identification) return refused(404, 'NOT_FOUND', LINK_NOT_VALID, language);
  const ctx = await createContext(identification, req.config, req.requestId, language);
  if (ctx.rejection) {
    const status = (ctx.rejection.extensions.http as { status?: number } | undefined)?.status ?? 401;
    return refused(status, String(ctx.rejection.extensions.code), [ctx.rejection.message, ctx.rejection.message], language);
  }
  if (!ctx.signedIn) return refused(401, 'UNAUTHENTICATED', ['サインインしてください。', 'Sign in first.'], language);
  const filters = Object.fromEntries(FILTER_NAMES.map((name) => [name, req.query.get(name) ?? undefined])) as ExportFilters;
  try {
    const started = await startExport(ctx, register, { format: format as Format, dates: dates as DateStyle, filters });
    const now = ctx.clock();
    return {
      fileName: fileName(register, format as Format, now),
      contentType: CONTENT_TYPES[format as Format],
      headers: {
        'content-type': CONTENT_TYPES[format as Format],
        'content-disposition': contentDisposition(fileName(register, format as Format, now), `${register}_${now.slice(0, 10)}.${format}`),
        'cache-control': 'no-store',
      },
      write: (out) => started.write(out),
    };
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    const forbidden = e.code === 'FORBIDDEN';
    return refused(forbidden ? 403 : 400, forbidden ? 'FORBIDDEN' : 'BAD_USER_INPUT', [e.ja, e.en], language, e.article);
  }
}

/**
 * The most of a file the Lambda answers itself: API Gateway's HTTP API takes a Lambda's response whole, at most 6 MB,
 * and the file goes base64-encoded (4/3 of its size) beside the headers. `EXPORT_INLINE_BYTES` sets it lower.
 */
export const INLINE_BYTES = 4 * 1024 * 1024;

/**
 * The Lambda's answer: the file gathered (API Gateway takes a Lambda's response whole) and sent base64-encoded; a
 * file larger than INLINE_BYTES is put in the attachments bucket under `exports/` (expired after a day) and answered
 * with 303 See Other to a presigned GET of it, valid for five minutes, downloading under the register's Japanese name
 * — a browser and `curl -L` follow it. The local server streams instead (`serveExport`).
 */
export async function exportHandler(event: APIGatewayProxyEventV2, context: LambdaContext, config: StoreConfig, language: Language): Promise<APIGatewayProxyStructuredResultV2> {
  const prepared = await prepareExport({
    path: event.rawPath,
    query: new URLSearchParams(event.rawQueryString ?? ''),
    authorization: event.headers?.authorization,
    claims: (event as Partial<APIGatewayProxyEventV2WithJWTAuthorizer>).requestContext?.authorizer?.jwt?.claims as Claims,
    localSecret: process.env.LOCAL_JWT_SECRET,
    requestId: context.awsRequestId,
    language,
    config,
  });
  if ('refused' in prepared) return { statusCode: prepared.refused.status, headers: prepared.refused.headers, body: prepared.refused.body };
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await prepared.write(sink);
  const file = Buffer.concat(chunks);
  if (file.length <= Number(process.env.EXPORT_INLINE_BYTES || INLINE_BYTES)) {
    return { statusCode: 200, headers: prepared.headers, body: file.toString('base64'), isBase64Encoded: true };
  }
  const files = filesFromEnv();
  const key = exportKey(context.awsRequestId, `${randomUUID()}.${prepared.fileName.split('.').pop()}`);
  await files.put(key, file, prepared.contentType);
  const { url } = await files.presignGet(key, { fileName: prepared.fileName, contentType: prepared.contentType }, new Date().toISOString());
  return { statusCode: 303, headers: { location: url, 'cache-control': 'no-store' }, body: '' };
}

/** The local server's answer, streamed to the response page by page. False when the path is not an export's. */
export async function serveExport(req: IncomingMessage, res: ServerResponse, config: StoreConfig, localSecret: string, language: Language): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!isExportPath(url.pathname)) return false;
  const prepared = await prepareExport({
    path: url.pathname,
    query: url.searchParams,
    authorization: req.headers.authorization,
    claims: undefined,
    localSecret,
    requestId: randomUUID(),
    language,
    config,
  });
  if ('refused' in prepared) {
    res.writeHead(prepared.refused.status, prepared.refused.headers);
    res.end(prepared.refused.body);
    return true;
  }
  res.writeHead(200, prepared.headers);
  await prepared.write(res);
  return true;
}
