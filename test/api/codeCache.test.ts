/**
 * The deployed function starts from a V8 code cache made by the bundle step (functions/api/bundle.js --code-cache;
 * functions/api/codeCacheLoader.js loads it). V8 takes the cache only from the Node and flags that made it; otherwise
 * the function compiles from source as before and says so in its log. Here the cache is made by this Node (the test
 * cannot fetch Lambda's), with Lambda's options, and the bundle is loaded in fresh processes as Lambda would.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAMBDA_NODE_OPTIONS } = require(join(root, 'functions', 'api', 'lambdaNode.js')) as { LAMBDA_NODE_OPTIONS: string[] };
const outdir = mkdtempSync(join(tmpdir(), 'code-cache-'));

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'functions', 'api', 'bundle.js'), `--code-cache=${process.execPath}`, join(root, 'dist', 'functions', 'api', 'handler.js'), outdir], { cwd: root, stdio: 'pipe' });
}, 180_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Loads the bundle in a fresh process under `options`, answers an anonymous `{ __typename }`, prints what happened. */
function load(options: string[]): { log: { codeCache: string; level: string; message: string }; answer: { data: { __typename: string } } } {
  const script = `
    const m = require(${JSON.stringify(join(outdir, 'index.js'))});
    const event = {
      version: '2.0', routeKey: 'POST /graphql', rawPath: '/graphql', rawQueryString: '',
      headers: { 'content-type': 'application/json' },
      requestContext: { http: { method: 'POST', path: '/graphql' }, requestId: 'code-cache-test' },
      body: JSON.stringify({ query: '{ __typename }' }), isBase64Encoded: false,
    };
    m.handler(event, { awsRequestId: 'code-cache-test' }).then((r) => process.stdout.write('\\n@@answer ' + r.body));
  `;
  const out = execFileSync(process.execPath, [...options, '-e', script], {
    cwd: '/',
    env: { PATH: process.env.PATH, TABLE_NAME: 'unused', AWS_REGION: 'ap-northeast-1', NODE_ENV: 'production', POWERTOOLS_METRICS_DISABLED: 'true' },
    encoding: 'utf8',
  });
  const lines = out.split('\n');
  const log = JSON.parse(lines.find((l) => l.includes('"codeCache"')) ?? '{}');
  const answer = JSON.parse((lines.find((l) => l.startsWith('@@answer ')) ?? '@@answer {}').slice('@@answer '.length));
  return { log, answer };
}

describe('the code cache of the API bundle', () => {
  it('is made beside the bundle, which index.js loads', () => {
    expect(existsSync(join(outdir, 'api.cache'))).toBe(true);
    expect(existsSync(join(outdir, 'api.js'))).toBe(true);
  });

  it('is accepted under the options Lambda starts node with, and the function answers', () => {
    const { log, answer } = load(LAMBDA_NODE_OPTIONS);
    expect(log).toMatchObject({ level: 'INFO', codeCache: 'accepted', node: process.version, arch: process.arch });
    expect(log.message).toMatch(/^コードキャッシュを使用して読み込みました。/);
    expect(answer.data.__typename).toBe('Query');
  });

  it('is rejected under other V8 flags (no --expose-gc): the function compiles from source, answers, and warns in Japanese first', () => {
    const { log, answer } = load([]);
    expect(log).toMatchObject({ level: 'WARN', codeCache: 'rejected' });
    expect(log.message).toMatch(/^コードキャッシュが受け入れられず/);
    expect(answer.data.__typename).toBe('Query');
  });

  it('absent, the function loads from source and says so', () => {
    rmSync(join(outdir, 'api.cache'));
    const { log, answer } = load(LAMBDA_NODE_OPTIONS);
    expect(log).toMatchObject({ level: 'INFO', codeCache: 'absent' });
    expect(answer.data.__typename).toBe('Query');
  });
});
