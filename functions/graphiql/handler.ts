/**
 * The deployed GraphiQL page: a public Lambda behind API Gateway's routes GET /graphiql and GET /graphiql/{file},
 * outside the JWT authorizer (the page and its assets hold nothing of the city's). The API stays behind the
 * authorizer: the page signs in through Cognito's hosted page (authorization code with PKCE) and sends the access
 * token to /graphql itself.
 *
 * Its asset holds the page built by functions/local/graphiql/build.js under site/ (index.html, assets/*, and a
 * gzip copy of each large asset; functions/graphiql/site.js), read from disk once and kept in memory. Its
 * environment: COGNITO_DOMAIN (https://<prefix>.auth.<region>.amazoncognito.com), COGNITO_CLIENT_ID, GRAPHIQL_URL
 * (the page's own URL, the client's callback).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ASSETS, CONFIG_PATH, METHOD_NOT_ALLOWED, NOT_FOUND, SignIn, assetHeaders, assetName, configResponse, pageHeaders } from './page';

/** The OAuth scopes the page asks for: an access token naming the person (`username`) is all the API needs. */
export const GRAPHIQL_SCOPES = ['openid', 'email', 'profile'];

/** Lambda's response payload is at most 6 MB; a body this large goes gzipped or not at all. */
const MAX_PLAIN_BYTES = 4 * 1024 * 1024;

type Result = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

/** How the page signs in, from the environment the stack gives the function. */
export function signInFromEnv(env: NodeJS.ProcessEnv = process.env): SignIn {
  const domain = env.COGNITO_DOMAIN;
  const clientId = env.COGNITO_CLIENT_ID;
  const redirectUri = env.GRAPHIQL_URL;
  if (!domain || !clientId || !redirectUri) throw new Error('graphiql: COGNITO_DOMAIN, COGNITO_CLIENT_ID and GRAPHIQL_URL must be set');
  return { kind: 'cognito', domain: domain.replace(/\/+$/, ''), clientId, redirectUri, scopes: GRAPHIQL_SCOPES };
}

const cache = new Map<string, Buffer | null>();

/** A file of the site, read once; null when there is none. */
function read(site: string, relative: string): Buffer | null {
  let data = cache.get(relative);
  if (data === undefined) {
    try {
      data = fs.readFileSync(path.join(site, relative));
    } catch {
      data = null;
    }
    cache.set(relative, data);
  }
  return data;
}

function text(r: { status: number; headers: Record<string, string>; body: string }): Result {
  return { statusCode: r.status, headers: r.headers, body: r.body };
}

/** The answer to one request for the page, its configuration or an asset, from the built site in `site`. */
export function answer(event: APIGatewayProxyEventV2, site: string, signIn: SignIn): Result {
  const method = event.requestContext.http.method;
  if (method !== 'GET' && method !== 'HEAD') return text(METHOD_NOT_ALLOWED);
  const pathname = event.rawPath;
  const head = method === 'HEAD';
  if (pathname === '/graphiql' || pathname === '/graphiql/') {
    const page = read(site, 'index.html');
    if (!page) return text(NOT_FOUND);
    return { statusCode: 200, headers: pageHeaders(signIn), body: head ? '' : page.toString('utf8') };
  }
  if (pathname === CONFIG_PATH) {
    const { headers, body } = configResponse(signIn);
    return { statusCode: 200, headers, body: head ? '' : body };
  }
  const name = assetName(pathname);
  const file = name === undefined ? null : read(site, path.join(ASSETS, name));
  if (!name || !file) return text(NOT_FOUND);
  const headers = { ...assetHeaders(name), Vary: 'Accept-Encoding' };
  const acceptsGzip = /\bgzip\b/i.test(event.headers?.['accept-encoding'] ?? '');
  const gzipped = acceptsGzip ? read(site, path.join(ASSETS, `${name}.gz`)) : null;
  if (gzipped) return { statusCode: 200, headers: { ...headers, 'Content-Encoding': 'gzip' }, body: head ? '' : gzipped.toString('base64'), isBase64Encoded: !head };
  if (file.length > MAX_PLAIN_BYTES) {
    return text({ status: 406, headers: { 'Content-Type': 'text/plain; charset=utf-8', Vary: 'Accept-Encoding' }, body: 'このファイルは gzip でのみ送ります(Accept-Encoding: gzip)。 / This file is served gzipped only.\n' });
  }
  return { statusCode: 200, headers, body: head ? '' : file.toString('base64'), isBase64Encoded: !head };
}

const SITE = path.join(__dirname, 'site');

export const handler = async (event: APIGatewayProxyEventV2): Promise<Result> => answer(event, SITE, signInFromEnv());
