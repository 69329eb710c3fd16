/**
 * GET /print/{globalId}: an application (or an external provision's agreement, `d=agreement`) as its printed 様式,
 * HTML with print CSS for a browser to print to PDF. Served by the API function and by the local server alike. The
 * link is signed (functions/api/signedLinks.ts): its signature and expiry are checked, then the viewer is read afresh
 * and the object's read rule asked again, as `node(id)` would. Anything wrong — a bad or expired link, an unknown
 * viewer, an object that does not exist or that the viewer may not read — is the same 404 page, which never says
 * whether the object exists.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { fromGlobalId } from '../../graphql/globalId';
import type { Kind } from '../domain/kinds';
import { printedOf } from '../print/forms';
import { Related, Refs, emptyRelated, page } from '../print/layout';
import { html } from '../print/html';
import { loadNode } from '../resolvers/node';
import { StoreConfig } from '../store/client';
import { getObject } from '../store/kinds';
import { Store } from '../store/store';
import { Identification } from './auth';
import { log } from './log';
import { createContext } from './server';
import { signedQuery, verifiedViewer } from './signedLinks';

const PRINT_PATH = /^\/print\/([^/]+)$/;

export function isPrintPath(path: string | undefined): boolean {
  return !!path && PRINT_PATH.test(path);
}

/** What a link names: the path, and the part beside the object (`d`), as the signature covers them. */
function resourceOf(id: string, part: string | undefined): string {
  return `/print/${encodeURIComponent(id)}${part ? `?d=${encodeURIComponent(part)}` : ''}`;
}

/** The link (path and query, on the API's own origin) that prints `id` for this viewer, valid for ten minutes. */
export async function printLink(store: Store, id: string, viewerId: string, nowMs: number, part?: string): Promise<string> {
  const query = await signedQuery(store, resourceOf(id, part), viewerId, nowMs);
  return `/print/${encodeURIComponent(id)}?${part ? `d=${encodeURIComponent(part)}&` : ''}${query}`;
}

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const NOT_FOUND = page(
  'ページが見つかりません',
  html`<h1>ページが見つかりません</h1>
<p>このリンクは正しくないか、有効期限(発行から10分)が切れています。</p>
<p>印刷する申請・協議の画面から、もう一度印刷を開いてください。</p>`,
);

const FAULT = page('エラー', html`<h1>内部エラーが発生しました</h1><p>しばらくしてから、もう一度印刷を開いてください。</p>`);

const answer = (statusCode: number, body: string): APIGatewayProxyStructuredResultV2 => ({ statusCode, headers: HEADERS, body });

/** The objects a page names, read in as few waves as the store's loader allows: then the departments of the people. */
async function related(store: Store, refs: Refs): Promise<Related> {
  const out = emptyRelated();
  const kinds: Record<keyof Related, Kind> = { people: 'Person', departments: 'Department', systems: 'System', datasets: 'Dataset', pages: 'HomepagePage', categories: 'HomepageCategory' };
  const read = async (key: keyof Related, ids: (string | undefined)[]) => {
    const unique = [...new Set(ids.filter((id): id is string => !!id))].filter((id) => !out[key].has(id));
    const found = await Promise.all(unique.map((id) => getObject(store, kinds[key], id)));
    found.forEach((o, i) => o && (out[key] as Map<string, unknown>).set(unique[i], o));
  };
  await Promise.all((Object.keys(kinds) as (keyof Related)[]).map((key) => read(key, refs[key] ?? [])));
  await read('departments', [...out.people.values()].map((p) => p.departmentId));
  return out;
}

/** The printed page a request asks for, or the 404 page. */
export async function servePrint(config: StoreConfig, path: string, rawQuery: string, requestId: string, method = 'GET'): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    const id = decodeURIComponent(PRINT_PATH.exec(path)?.[1] ?? '');
    const query = new URLSearchParams(rawQuery);
    const part = query.get('d') ?? undefined;
    const decoded = fromGlobalId(id);
    const printed = decoded && printedOf(decoded.type, part);
    if ((method !== 'GET' && method !== 'HEAD') || !printed) return answer(404, NOT_FOUND);
    const viewerId = await verifiedViewer(new Store(config), resourceOf(id, part), query, Date.now());
    if (!viewerId) return answer(404, NOT_FOUND);
    const identification: Identification = { personId: viewerId };
    const ctx = await createContext(identification, config, requestId, 'ja');
    // The table did not answer while reading the viewer: a fault, not a bad link.
    if (ctx.rejection?.extensions.code === 'INTERNAL_SERVER_ERROR') return answer(500, FAULT);
    if (!ctx.signedIn) return answer(404, NOT_FOUND);
    // The read rule again, now: as `node(id)` asks it.
    const object = await loadNode(ctx, id);
    if (!object) return answer(404, NOT_FOUND);
    return answer(200, printed.render(object, await related(ctx.store, printed.refs(object))));
  } catch (e) {
    log('error', 'unhandled error', { requestId, error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e), path: ['print'] });
    return answer(500, FAULT);
  }
}

/** The Lambda's route: API Gateway's event to the page. */
export const servePrintEvent = (event: APIGatewayProxyEventV2, config: StoreConfig, requestId: string) =>
  servePrint(config, event.rawPath, event.rawQueryString, requestId, event.requestContext.http.method);
