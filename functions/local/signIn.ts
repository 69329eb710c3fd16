/**
 * "Sign in as" on the local server's GraphiQL page, in place of `npm run token`: the page lists the people of the
 * local city and asks for a token for the one chosen. Only the local server has these routes (the Lambda has none:
 * deployed, Cognito signs people in), and they answer only this machine (loopback), since a token here is anyone's.
 *
 *   GET  /local/people          -> [{ personId, name, title }] of the local city
 *   POST /local/token {personId} -> { token } signed with the local secret, as `npm run token` prints it
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { signLocalToken } from '../api/auth';
import { getPerson, listPeople } from '../store/people';
import { Store } from '../store/store';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let raw = '';
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > 1024) return undefined;
  }
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Answers the sign-in routes; false when the request is for something else. */
export async function serveSignIn(req: IncomingMessage, res: ServerResponse, store: Store, secret: string): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path !== '/local/people' && path !== '/local/token') return false;
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    json(res, 403, { error: 'このマシンからのみ利用できます。 / Only from this machine.' });
    return true;
  }
  if (path === '/local/people' && req.method === 'GET') {
    const { nodes } = await listPeople(store, { first: 100 });
    json(res, 200, nodes.map((p) => ({ personId: p.id, name: p.name, title: p.title ?? null })));
    return true;
  }
  if (path === '/local/token' && req.method === 'POST') {
    const body = (await readJson(req)) as { personId?: unknown } | undefined;
    const personId = typeof body?.personId === 'string' ? body.personId : '';
    if (!personId || !(await getPerson(store, personId))) {
      json(res, 404, { error: `職員 ${personId} は登録されていません。 / ${personId} is not registered.` });
      return true;
    }
    json(res, 200, { token: await signLocalToken(personId, secret) });
    return true;
  }
  res.writeHead(405, { allow: path === '/local/people' ? 'GET' : 'POST' }).end();
  return true;
}
