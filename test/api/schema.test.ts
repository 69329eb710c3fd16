/**
 * The API's shape is checked in: graphql/schema.graphql must be what the code prints, so every API change shows up
 * in review; and the production bundle (what CDK deploys) must serve that same schema, since esbuild drops the
 * decorator metadata type-graphql reads unless the bundle is made from tsc's output with names kept.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchema, buildClientSchema, buildSchema, getIntrospectionQuery, graphqlSync, lexicographicSortSchema, printSchema, validateSchema } from 'graphql';
import { getSchema } from '../../functions/api/schema';
import { printedSchema } from '../../functions/api/printSchema';

const root = join(__dirname, '..', '..');
const checkedIn = readFileSync(join(root, 'graphql', 'schema.graphql'), 'utf8');

const normalize = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));

describe('graphql/schema.graphql', () => {
  it('is the schema the code prints (run `npm run schema` after changing the API)', () => {
    expect(printedSchema()).toBe(checkedIn);
  });

  it('passes the checks skipped when the function loads (skipCheck, assumeValid): a valid schema, introspected whole', () => {
    // The schema served is marked valid; the same schema, rebuilt without the mark, is validated in full.
    expect(getSchema().__validationErrors).toEqual([]);
    const unmarked = new GraphQLSchema({ ...getSchema().toConfig(), assumeValid: false });
    expect(unmarked.__validationErrors).toBeUndefined();
    expect(validateSchema(unmarked)).toEqual([]);
    expect(graphqlSync({ schema: getSchema(), source: getIntrospectionQuery() }).errors).toBeUndefined();
  });

  it('is the schema the production bundle serves', async () => {
    execFileSync(process.execPath, [join(root, 'functions', 'api', 'bundle.js')], { cwd: root, stdio: 'pipe' });
    // A fresh process, as Lambda would load it: the bundle alone, no node_modules, no ts-jest.
    const script = `
      const { handler } = require(${JSON.stringify(join(root, 'dist', 'bundle', 'api', 'index.js'))});
      const event = {
        version: '2.0', routeKey: 'POST /graphql', rawPath: '/graphql', rawQueryString: '',
        headers: { 'content-type': 'application/json' },
        requestContext: { http: { method: 'POST', path: '/graphql' }, requestId: 'schema-check' },
        body: JSON.stringify({ query: ${JSON.stringify(getIntrospectionQuery({ specifiedByUrl: true, inputValueDeprecation: true }))} }), isBase64Encoded: false,
      };
      handler(event, { awsRequestId: 'schema-check' }).then((r) => process.stdout.write(r.body));
    `;
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: '/',
      env: { PATH: process.env.PATH, TABLE_NAME: 'unused', AWS_REGION: 'ap-northeast-1', NODE_ENV: 'production', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    const served = buildClientSchema(JSON.parse(out).data);
    expect(printSchema(lexicographicSortSchema(served))).toBe(normalize(checkedIn));
  }, 120_000);
});
