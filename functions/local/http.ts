/**
 * The local HTTP server: GraphiQL for people, and the same Apollo server as the Lambda for programs, with tokens
 * signed by the local secret (npm run token).
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import { identify } from '../api/auth';
import { checkBody } from '../api/request';
import { createApolloServer, createContext, LIMITS } from '../api/server';
import { StoreConfig } from '../store/client';
import { serveGraphiql } from './graphiql';

function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > LIMITS.bodyBytes) {
        resolve('too-large');
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers);
  res.end(body);
}

export async function createLocalServer(options: { config: StoreConfig; localSecret: string; graphiqlDir?: string }): Promise<Server> {
  const apollo = createApolloServer();
  await apollo.start();
  const server = createServer(async (req, res) => {
    try {
      if (options.graphiqlDir && serveGraphiql(req, res, options.graphiqlDir)) return;
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== '/graphql') {
        return send(res, 404, { 'content-type': 'application/json' }, JSON.stringify({ errors: [{ message: 'Not found: the API is at /graphql.', extensions: { code: 'NOT_FOUND' } }] }));
      }
      const raw = await readBody(req);
      const contentType = req.headers['content-type'];
      const rejected = raw === 'too-large' ? checkBody('x'.repeat(LIMITS.bodyBytes + 1), contentType) : checkBody(raw, contentType);
      if (rejected) return send(res, rejected.status, rejected.headers, rejected.body);
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const body = raw && contentType?.toLowerCase().startsWith('application/json') ? JSON.parse(raw as string) : raw;
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => {
          const key = req.headers['idempotency-key'];
          return createContext(await identify(req.headers.authorization, undefined, options.localSecret), options.config, randomUUID(), Array.isArray(key) ? key[0] : key);
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
      if (!res.headersSent) send(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      else res.end();
    }
  });
  server.on('close', () => void apollo.stop());
  return server;
}
