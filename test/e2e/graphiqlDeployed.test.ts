/**
 * GraphiQL on the deployed stack: the page function as bundled for Lambda (functions/graphiql/bundle.js), answering
 * API Gateway's events for its public routes; then, in headless Chromium, a member of staff signing in through the
 * hosted page with the authorization code and PKCE and running a query as themselves, with nothing typed into the
 * Headers tab.
 *
 * Cognito cannot run here, so a stand-in on loopback plays the hosted page's two endpoints as Cognito documents them
 * (/oauth2/authorize redirects back with a code; /oauth2/token redeems it only with the verifier whose S256
 * challenge came with the authorization, and answers the page's cross-origin POST), and the stage server plays API
 * Gateway: GET /graphiql… to the page function, /graphql to the API handler in deployed mode (no local signing
 * secret) with the claims of a token the stand-in issued, as the JWT authorizer would pass them; any other token is
 * 401. Needs /usr/bin/chromium, as test/e2e/graphiqlBrowser.test.ts does.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import { chromium, BrowserContext, Page } from 'playwright-core';
import { bootstrap } from '../../functions/admin/bootstrap';
import { noticeLink } from '../../functions/domain/mail';
import { Notice } from '../../functions/domain/reminders';
import { configFromEnv } from '../../functions/store/client';
import { ensureTable } from '../../functions/store/createTable';
import { Store } from '../../functions/store/store';
import { authorizeUrl, challengeOf, tokenRequest, usernameOf } from '../../functions/graphiql/pkce';
import { toGlobalId } from '../../graphql/globalId';
import { v2Event } from '../support/api';

const CHROMIUM = '/usr/bin/chromium';
const CLIENT_ID = 'graphiql-client-id';
const root = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'regulation-graphiql-deployed-'));
const bundleDir = join(work, 'bundle');

type Handler = (event: APIGatewayProxyEventV2, context?: LambdaContext) => Promise<APIGatewayProxyStructuredResultV2 & { headers: Record<string, string> }>;
let page: Handler;
let api: Handler;
let stage: http.Server;
let cognito: http.Server;
let stageUrl = '';
let cognitoUrl = '';
let browser: BrowserContext | undefined;

/** What the stand-in for Cognito saw: the authorizations it granted and the tokens it issued. */
const codes = new Map<string, { challenge: string; redirectUri: string; username: string }>();
const issued = new Map<string, string>();
const redemptions: { verifierMatched: boolean }[] = [];
/** The Authorization header of each request that reached /graphql. */
const apiAuthorizations: (string | undefined)[] = [];
const saved = { secret: process.env.LOCAL_JWT_SECRET, table: process.env.TABLE_NAME };

const listen = (server: http.Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
const bodyOf = (req: http.IncomingMessage) => new Promise<string>((resolve) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => resolve(body));
});
/** An access token shaped as Cognito's (header.payload.signature), naming the person in `username`. */
const accessToken = (username: string) =>
  [{ alg: 'none' }, { username, token_use: 'access', client_id: CLIENT_ID }].map((o) => Buffer.from(JSON.stringify(o)).toString('base64url')).join('.') + '.sig';

/** Cognito's hosted page, as far as the page uses it: the authorize and token endpoints. */
async function startCognito(): Promise<void> {
  cognito = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/oauth2/authorize') {
      const p = url.searchParams;
      if (p.get('response_type') !== 'code' || p.get('client_id') !== CLIENT_ID || p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge') || p.get('redirect_uri') !== `${stageUrl}/graphiql`) {
        res.writeHead(400).end('invalid_request');
        return;
      }
      // The person signs in here (user name, password, authenticator code); the stand-in signs in joho-kanri.
      const code = randomUUID();
      codes.set(code, { challenge: p.get('code_challenge')!, redirectUri: p.get('redirect_uri')!, username: 'joho-kanri' });
      res.writeHead(302, { Location: `${p.get('redirect_uri')}?code=${code}&state=${encodeURIComponent(p.get('state') ?? '')}` }).end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/oauth2/token') {
      const form = new URLSearchParams(await bodyOf(req));
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifierMatched = !!grant && createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') === grant.challenge;
      redemptions.push({ verifierMatched });
      const cors = { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Content-Type': 'application/json' };
      if (!grant || !verifierMatched || form.get('client_id') !== CLIENT_ID || form.get('redirect_uri') !== grant.redirectUri || form.get('grant_type') !== 'authorization_code') {
        res.writeHead(400, cors).end(JSON.stringify({ error: 'invalid_grant' }));
        return;
      }
      const token = accessToken(grant.username);
      issued.set(token, grant.username);
      res.writeHead(200, cors).end(JSON.stringify({ access_token: token, id_token: 'id', refresh_token: 'refresh', token_type: 'Bearer', expires_in: 3600 }));
      return;
    }
    res.writeHead(404).end();
  });
  cognitoUrl = await listen(cognito);
}

/** API Gateway's HTTP API with its routes: the page's public ones, and /graphql behind the JWT authorizer. */
async function startStage(): Promise<void> {
  stage = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    let result: Awaited<ReturnType<Handler>>;
    if (url.pathname === '/graphiql' || url.pathname.startsWith('/graphiql/')) {
      result = await page(v2Event({ method: req.method, path: url.pathname, rawQueryString: url.search.slice(1), headers }));
    } else if (url.pathname === '/graphql') {
      apiAuthorizations.push(req.headers.authorization);
      const username = issued.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (!username) {
        res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"message":"Unauthorized"}');
        return;
      }
      const body = await bodyOf(req);
      result = await api(v2Event({ method: req.method, body, headers, claims: { username, token_use: 'access', client_id: CLIENT_ID } }), {
        awsRequestId: randomUUID(),
        getRemainingTimeInMillis: () => 10_000,
      } as LambdaContext);
    } else {
      res.writeHead(404).end('{"message":"Not Found"}');
      return;
    }
    const body = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
    res.writeHead(result.statusCode ?? 200, result.headers).end(body);
  });
  stageUrl = await listen(stage);
}

beforeAll(async () => {
  // The function as deployed: bundled with its site.
  execFileSync(process.execPath, [join(root, 'functions', 'graphiql', 'bundle.js'), bundleDir], { cwd: root, stdio: 'pipe' });
  await startCognito();
  await startStage();
  process.env.COGNITO_DOMAIN = cognitoUrl;
  process.env.COGNITO_CLIENT_ID = CLIENT_ID;
  process.env.GRAPHIQL_URL = `${stageUrl}/graphiql`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  page = (require(join(bundleDir, 'index.js')) as { handler: Handler }).handler;

  // A fresh deployment with its first administrator (npm run bootstrap).
  process.env.TABLE_NAME = `t-${randomUUID()}`;
  delete process.env.LOCAL_JWT_SECRET;
  await ensureTable(configFromEnv(), { stream: false });
  await bootstrap(new Store(configFromEnv()), { personId: 'joho-kanri', name: '佐藤 健一', departmentCode: 'soumu', departmentName: '総務課' }, new Date().toISOString(), async () => 'created');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  api = (require('../../functions/api/handler') as { handler: Handler }).handler;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  stage?.close();
  cognito?.close();
  rmSync(work, { recursive: true, force: true });
  for (const key of ['COGNITO_DOMAIN', 'COGNITO_CLIENT_ID', 'GRAPHIQL_URL']) delete process.env[key];
  if (saved.secret !== undefined) process.env.LOCAL_JWT_SECRET = saved.secret;
  process.env.TABLE_NAME = saved.table;
});

const get = (path: string, headers: Record<string, string> = {}) => page(v2Event({ method: 'GET', path, headers }));

describe('the page function (API Gateway events, the bundle as deployed)', () => {
  it('GET /graphiql: the page, whose policy lets it reach its own origin and the hosted domain’s token endpoint only', async () => {
    const res = await get('/graphiql');
    expect(res.statusCode).toBe(200);
    expect(res.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<div id="graphiql">');
    expect(res.headers['Content-Security-Policy']).toContain(`connect-src 'self' ${cognitoUrl};`);
    expect(res.headers['Content-Security-Policy']).toContain("script-src 'self';");
    expect(res.headers['X-Frame-Options']).toBe('DENY');
  });

  it('GET /graphiql/config.json: how to sign in (the hosted domain, GraphiQL’s client, the page as the way back)', async () => {
    const res = await get('/graphiql/config.json');
    expect(JSON.parse(res.body as string)).toEqual({ kind: 'cognito', domain: cognitoUrl, clientId: CLIENT_ID, redirectUri: `${stageUrl}/graphiql`, scopes: ['openid', 'email', 'profile'] });
    expect(res.headers['Cache-Control']).toBe('no-cache');
  });

  it('each asset the page names, gzipped for a browser (the app script is over Lambda’s answer size plain), immutable', async () => {
    const html = (await get('/graphiql')).body as string;
    const assets = [...html.matchAll(/(?:href|src)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBe(2);
    for (const asset of assets) {
      const res = await get(asset, { 'accept-encoding': 'gzip, deflate, br' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['Content-Encoding']).toBe('gzip');
      expect(res.headers['Cache-Control']).toBe('public, max-age=31536000, immutable');
      const plain = readFileSync(join(bundleDir, 'site', 'assets', asset.slice('/graphiql/'.length)));
      expect(gunzipSync(Buffer.from(res.body as string, 'base64')).equals(plain)).toBe(true);
      // What Lambda may answer: 6 MB, the body base64-encoded.
      expect((res.body as string).length).toBeLessThan(6 * 1024 * 1024);
    }
    const script = assets.find((a) => a.endsWith('.js'))!;
    expect((await get(script)).statusCode).toBe(406); // too large to go plain
    const font = readdirSync(join(bundleDir, 'site', 'assets')).find((f) => f.endsWith('.ttf'))!;
    const plainFont = await get(`/graphiql/${font}`);
    expect(plainFont.statusCode).toBe(200);
    expect(plainFont.headers['Content-Encoding']).toBeUndefined();
  });

  it.each(['/graphiql/../index.js', '/graphiql/%2e%2e%2findex.js', '/graphiql/index.js', '/graphiql/no-such.js', '/graphiql/.hidden'])('%s: not found', async (path) => {
    expect((await get(path)).statusCode).toBe(404);
  });

  it('POST is not allowed', async () => {
    expect((await page(v2Event({ method: 'POST', path: '/graphiql', body: '{}' }))).statusCode).toBe(405);
  });
});

describe('PKCE (RFC 7636)', () => {
  it('the S256 challenge of the RFC’s example verifier', async () => {
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('the authorization asks for a code bound to the challenge; the redemption carries the verifier', () => {
    const signIn = { kind: 'cognito' as const, domain: 'https://x.auth.ap-northeast-1.amazoncognito.com', clientId: 'c', redirectUri: 'https://api.example/graphiql', scopes: ['openid'] };
    const url = new URL(authorizeUrl(signIn, 'CHALLENGE', 'STATE'));
    expect(url.origin + url.pathname).toBe('https://x.auth.ap-northeast-1.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: 'code', client_id: 'c', redirect_uri: 'https://api.example/graphiql', code_challenge: 'CHALLENGE', code_challenge_method: 'S256', state: 'STATE', scope: 'openid' });
    const redemption = tokenRequest(signIn, 'CODE', 'VERIFIER');
    expect(redemption.url).toBe('https://x.auth.ap-northeast-1.amazoncognito.com/oauth2/token');
    expect(Object.fromEntries(new URLSearchParams(redemption.body))).toEqual({ grant_type: 'authorization_code', client_id: 'c', redirect_uri: 'https://api.example/graphiql', code: 'CODE', code_verifier: 'VERIFIER' });
    expect(usernameOf(accessToken('joho-kanri'))).toBe('joho-kanri');
  });
});

/** The text of a Monaco editor as shown (Monaco renders spaces as no-break spaces). */
async function editorText(p: Page, selector: string): Promise<string> {
  return (await p.locator(`${selector} .view-lines`).first().innerText()).replace(/\u00a0/g, ' ');
}

describe('in a browser: a notice’s mail link, the hosted sign-in, the query run as the person signed in', () => {
  it('opens the link, signs in with PKCE, keeps the linked query, and runs it with the token sent by itself', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium が見つかりません(${CHROMIUM}): apt-get install -y chromium / Chromium not found at ${CHROMIUM}.`);
    browser = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
    });
    const tab = browser.pages()[0] ?? (await browser.newPage());
    const departmentId = toGlobalId('Department', 'soumu');
    const link = noticeLink({ kind: 'APPLICATION_DECIDED' } as Notice, { baseUrl: `${stageUrl}/graphiql`, subjectGlobalId: departmentId });
    const operationEditor = '.graphiql-query-editor';
    try {
      await tab.goto(link);
      await tab.getByRole('button', { name: 'サインイン', exact: true }).click({ timeout: 60_000 });
      // Off to the hosted page and back with a code, which the page redeems with its verifier.
      await tab.getByRole('button', { name: 'サインアウト' }).waitFor({ timeout: 60_000 });
      expect(redemptions).toEqual([{ verifierMatched: true }]);
      expect(new URL(tab.url()).search).toBe(''); // the code and state are gone from the address bar
      await expect(tab.locator('.signin-cognito').innerText()).resolves.toContain('joho-kanri');

      await tab.locator(`${operationEditor} .view-lines`).filter({ hasText: 'NoticeSubject' }).waitFor({ timeout: 60_000 });
      expect(await editorText(tab, operationEditor)).toContain(`node(id: "${departmentId}")`);
      await tab.waitForTimeout(1000); // GraphiQL reads the document's operations a moment after it is set
      await tab.locator('.graphiql-execute-button').click();
      await tab.locator('.graphiql-response .view-lines').filter({ hasText: /"(data|errors)"/ }).waitFor({ timeout: 30_000 });
      const shown = JSON.parse(await editorText(tab, '.graphiql-response')) as { data?: { node?: unknown }; errors?: unknown };
      expect(shown.errors).toBeUndefined();
      expect(shown.data?.node).toBeTruthy();
      const token = [...issued.keys()][0];
      expect(apiAuthorizations.at(-1)).toBe(`Bearer ${token}`);
    } catch (e) {
      await tab.screenshot({ path: join(work, 'failed.png') }).catch(() => undefined);
      throw e;
    }
  }, 180_000);
});
