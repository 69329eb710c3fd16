/**
 * The local HTTP server: GraphiQL for people, and the same Apollo server as the Lambda for programs, with tokens
 * signed by the local secret (npm run token).
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import { identify } from '../api/auth';
import { checkBody, normaliseOperationNameInBody, normaliseOperationNameInQuery, tooLarge } from '../api/request';
import { createApolloServer, createContext, LIMITS } from '../api/server';
import { StoreConfig } from '../store/client';
import { Store } from '../store/store';
import { serveGraphiql } from './graphiql';
import { isPrintPath, servePrint } from '../api/print';
import { serveSignIn } from './signIn';
import { serveExport } from '../export/http';
import { Language, languageOf, say, speaking } from '../api/language';

/**
 * How much of an oversized body is read, and thrown away, before answering 413: a client that is still sending
 * reads the answer only once it has sent its body (answering earlier and closing makes the kernel reset the
 * connection under the client's feet, and the 413 is lost). Beyond this, the answer is sent at once and the
 * connection closed after it: nobody gets to make the server read without end.
 */
const DRAIN_BYTES = 1024 * 1024;

interface TooLarge {
  tooLarge: true;
  /** The whole body was read (and dropped): the connection can end normally after the answer. */
  drained: boolean;
}

function readBody(req: IncomingMessage): Promise<string | TooLarge> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > DRAIN_BYTES) {
      req.pause();
      return resolve({ tooLarge: true, drained: false });
    }
    let chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= LIMITS.bodyBytes) {
        chunks.push(c);
        return;
      }
      chunks = []; // over the limit: keep nothing, read on to the end (up to DRAIN_BYTES)
      if (size > DRAIN_BYTES) {
        req.off('data', onData);
        req.pause();
        resolve({ tooLarge: true, drained: false });
      }
    };
    req.on('data', onData);
    req.on('end', () => resolve(size > LIMITS.bodyBytes ? { tooLarge: true, drained: true } : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** 413, the Lambda's answer word for word, on a connection that is then closed. */
function sendTooLarge(req: IncomingMessage, res: ServerResponse, drained: boolean, language: Language): void {
  const rejected = tooLarge(language);
  res.shouldKeepAlive = false;
  res.writeHead(rejected.status, { ...rejected.headers, connection: 'close' });
  // Undrained: the rest of the body is still on its way; once the answer is out, the connection goes.
  res.end(rejected.body, () => {
    if (!drained) req.socket.destroy();
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers);
  res.end(body);
}

export async function createLocalServer(options: { config: StoreConfig; localSecret: string; graphiqlDir?: string }): Promise<Server> {
  const apollo = createApolloServer();
  await apollo.start();
  // Each request in its language (`Accept-Language`, read once here), like the Lambda's.
  const server = createServer((req, res) => {
    const language = languageOf(req.headers);
    void speaking(language, () => answer(req, res, language));
  });
  async function answer(req: IncomingMessage, res: ServerResponse, language: Language): Promise<void> {
    try {
      if (options.graphiqlDir && serveGraphiql(req, res, options.graphiqlDir)) return;
      if (await serveSignIn(req, res, new Store(options.config), options.localSecret)) return;
      if (await serveExport(req, res, options.config, options.localSecret, language)) return;
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (isPrintPath(url.pathname)) {
        const printed = await servePrint(options.config, url.pathname, url.search.slice(1), randomUUID(), req.method);
        return send(res, printed.statusCode ?? 200, printed.headers as Record<string, string>, printed.body ?? '');
      }
      if (url.pathname !== '/graphql') {
        const message = say(['ここには何もありません: API は /graphql です。', 'Not found: the API is at /graphql.'], language);
        return send(res, 404, { 'content-type': 'application/json' }, JSON.stringify({ errors: [{ message, extensions: { code: 'NOT_FOUND' } }] }));
      }
      const raw = await readBody(req);
      if (typeof raw !== 'string') return sendTooLarge(req, res, raw.drained, language);
      const contentType = req.headers['content-type'];
      const rejected = checkBody(raw, contentType, language);
      if (rejected) return send(res, rejected.status, rejected.headers, rejected.body);
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      // `"operationName": ""` (POST) and `operationName=` (GET) mean no operation name: dropped before Apollo.
      const body = raw && contentType?.toLowerCase().startsWith('application/json') ? normaliseOperationNameInBody(JSON.parse(raw)) : raw;
      const search = normaliseOperationNameInQuery(url.search);
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
        context: async () => {
          const key = req.headers['idempotency-key'];
          return createContext(await identify(req.headers.authorization, undefined, options.localSecret), options.config, randomUUID(), language, Array.isArray(key) ? key[0] : key);
        },
      });
      const out: Record<string, string> = {};
      for (const [k, v] of response.headers) out[k] = v;
      res.writeHead(response.status ?? 200, out);
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (e) {
      console.error(e);
      const message = say(['内部エラーが発生しました。', 'Internal server error.'], language);
      if (!res.headersSent) send(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ errors: [{ message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      else res.end();
    }
  }
  server.on('close', () => void apollo.stop());
  return server;
}
