/**
 * The first system administrator of a fresh deployment (第4条), against DynamoDB Local in deployed mode: an empty
 * table, `npm run bootstrap` (the compiled command, as whoever deploys runs it), then that administrator — identified
 * by the claims API Gateway's JWT authorizer passes, with no local signing secret — creates a department and a person.
 * A second run is refused and writes nothing.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import { bootstrap, parseArgs } from '../../functions/admin/bootstrap';
import { Refusal } from '../../functions/domain/refusal';
import { configFromEnv } from '../../functions/store/client';
import { ensureTable } from '../../functions/store/createTable';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { Store, documentClient } from '../../functions/store/store';
import { v2Event } from '../support/api';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
type Handler = (event: APIGatewayProxyEventV2, context: LambdaContext) => Promise<APIGatewayProxyStructuredResultV2>;

const saved = { secret: process.env.LOCAL_JWT_SECRET, table: process.env.TABLE_NAME };
let handler: Handler;

beforeAll(async () => {
  process.env.TABLE_NAME = `t-${randomUUID()}`;
  delete process.env.LOCAL_JWT_SECRET; // deployed: only the authorizer's claims identify anyone
  await ensureTable(configFromEnv(), { stream: false });

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  handler = (require('../../functions/api/handler') as { handler: Handler }).handler;
});

afterAll(() => {
  if (saved.secret !== undefined) process.env.LOCAL_JWT_SECRET = saved.secret;
  process.env.TABLE_NAME = saved.table;
});

async function asClaims(username: string, query: string, variables?: object) {
  const res = await handler(v2Event({ body: JSON.stringify({ query, variables }), claims: { username, token_use: 'access' } }), {
    awsRequestId: randomUUID(),
    getRemainingTimeInMillis: () => 10_000,
  } as LambdaContext);
  return { status: res.statusCode, body: JSON.parse(res.body as string) };
}

/** Every item of the table (small: a fresh city), to prove a refusal wrote nothing. */
const everything = async () => {
  const out = await documentClient(configFromEnv()).send(new ScanCommand({ TableName: process.env.TABLE_NAME, ConsistentRead: true }));
  return (out.Items ?? []).map((i) => `${i.pk}|${i.sk}`).sort();
};

describe('on an empty table no one can act', () => {
  it('a signed-in user is not city staff (403): nothing can be created', async () => {
    const res = await asClaims('joho-kanri', '{ viewer { personId } }');
    expect(res.status).toBe(403);
  });
});

describe('npm run bootstrap makes the first system administrator', () => {
  it('the command: the department, the person and the role from today, each with its audit event, recorded as bootstrap', async () => {
    const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const args = ['--person', 'joho-kanri', '--name', '佐藤 健一', '--title', '総務部長', '--department', 'soumu', '--department-name', '総務課', '--division', '総務部', '--email', 'joho-kanri@city.shiroishi.example'];
    const { stdout } = await run(process.execPath, [join(root, 'dist', 'functions', 'admin', 'bootstrap.js'), ...args], { cwd: root, env });
    expect(stdout).toContain('情報システム管理者を登録しました');
    expect(stdout).toContain('joho-kanri');

    const viewer = await asClaims('joho-kanri', '{ viewer { personId name title email department { code name division } currentRoles { role } auditTrail(first: 10) { nodes { action article actor { personId } } } } }');
    expect(viewer.body.errors).toBeUndefined();
    expect(viewer.body.data.viewer).toEqual({
      personId: 'joho-kanri',
      name: '佐藤 健一',
      title: '総務部長',
      email: 'joho-kanri@city.shiroishi.example',
      department: { code: 'soumu', name: '総務課', division: '総務部' },
      currentRoles: [{ role: 'SYSTEM_ADMINISTRATOR' }],
      auditTrail: { nodes: [
        { action: 'person.created', article: '第4条', actor: null },
        { action: 'role.assigned', article: '第4条', actor: null },
      ] },
    });
  });

  it('that administrator, through the deployed handler, creates a department and a person', async () => {
    const dept = await asClaims('joho-kanri', 'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { department { code name } userErrors { code message } } }', {
      input: { code: 'shimin', name: '市民課', division: '市民経済部' },
    });
    expect(dept.body.data.createDepartment).toEqual({ department: { code: 'shimin', name: '市民課' }, userErrors: [] });
    const person = await asClaims('joho-kanri', 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { personId department { code } } userErrors { code message } } }', {
      input: { personId: 'shimin-manager', name: '伊藤 大輔', title: '市民課長', departmentId: Buffer.from('Department:shimin').toString('base64url') },
    });
    expect(person.body.data.createPerson).toEqual({ person: { personId: 'shimin-manager', department: { code: 'shimin' } }, userErrors: [] });
  });

  it('a second run is refused, in Japanese, citing 第4条, and writes nothing — the command exits 1', async () => {
    const before = await everything();
    const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const second = run(process.execPath, [join(root, 'dist', 'functions', 'admin', 'bootstrap.js'), '--person', 'other', '--name', '別人', '--department', 'soumu'], { cwd: root, env });
    await expect(second).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('情報システム管理者(joho-kanri)が既に登録されています') });
    expect(await everything()).toEqual(before);
  });
});

describe('the rule and the sign-in', () => {
  it('the Cognito user is made first, with the person id as its username; a refusal makes none', async () => {
    process.env.TABLE_NAME = `t-${randomUUID()}`;
    await ensureTable(configFromEnv(), { stream: false });
    const fresh = new Store(configFromEnv());
    const made: unknown[] = [];
    const signIn = async (user: unknown) => (made.push(user), 'created' as const);
    const input = { personId: 'joho-kanri', name: '佐藤 健一', departmentCode: 'soumu', departmentName: '総務課', email: 'a@city.shiroishi.example' };
    const person = await bootstrap(fresh, input, new Date().toISOString(), signIn);
    expect(person).toMatchObject({ id: 'joho-kanri', departmentId: 'soumu', roleAssignments: [{ role: 'SYSTEM_ADMINISTRATOR' }] });
    expect(made).toEqual([{ username: 'joho-kanri', email: 'a@city.shiroishi.example', name: '佐藤 健一' }]);
    await expect(bootstrap(fresh, { ...input, personId: 'second' }, new Date().toISOString(), signIn)).rejects.toBeInstanceOf(Refusal);
    expect(made).toHaveLength(1);
  });

  it('refused input: a department not registered needs its name; a person id Cognito cannot take', async () => {
    process.env.TABLE_NAME = `t-${randomUUID()}`;
    await ensureTable(configFromEnv(), { stream: false });
    const fresh = new Store(configFromEnv());
    await expect(bootstrap(fresh, { personId: 'joho', name: 'x', departmentCode: 'soumu' }, new Date().toISOString())).rejects.toMatchObject({ code: 'INVALID_VALUE', field: ['departmentName'] });
    await expect(bootstrap(fresh, { personId: 'Joho Kanri', name: 'x', departmentCode: 'soumu', departmentName: '総務課' }, new Date().toISOString())).rejects.toMatchObject({ code: 'INVALID_VALUE', field: ['personId'] });
  });

  it('the command line: required flags and unknown ones, said in Japanese and English', () => {
    expect(parseArgs(['--person', 'a1', '--name', '氏名', '--department', 'soumu', '--user-pool-id', 'ap-northeast-1_X'])).toMatchObject({ personId: 'a1', departmentCode: 'soumu', userPoolId: 'ap-northeast-1_X' });
    expect(() => parseArgs(['--person', 'a1'])).toThrow(/--name は必須です/);
    expect(() => parseArgs(['--person', 'a1', '--name', 'x', '--department', 'd', '--role', 'x'])).toThrow(/不明な引数 \/ unknown argument: --role/);
  });
});
