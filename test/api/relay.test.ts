/**
 * A Relay client compiles against the API: a small Relay project in a temporary directory, its schema the printed
 * graphql/schema.graphql, one fragment with `@connection` on every connection field of every object type (the
 * registers at the root — systems, people, departments, dataUseGrants, externalProvisions, mailAddresses, the server
 * room's entries, openVirusIncidents, auditTrail, myInbox, myNotices … — and the nested ones), and relay-compiler 21
 * run on it. relay-compiler refuses `@connection` on a field without `first`/`after` or `last`/`before`, or whose
 * connection lacks `edges { cursor node }` or `pageInfo { startCursor endCursor hasNextPage hasPreviousPage }`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { GraphQLObjectType, buildSchema, getNamedType, isNonNullType, isObjectType } from 'graphql';

const ROOT = resolve(__dirname, '../..');
const SCHEMA = join(ROOT, 'graphql/schema.graphql');
const PAGE_ARGUMENTS = new Set(['first', 'after', 'last', 'before']);

interface Fragment {
  module: string;
  type: string;
  field: string;
  text: string;
}

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One fragment per connection field of an object type; `backward` reads it with last/before. */
function fragmentsOf(sdl: string): Fragment[] {
  const schema = buildSchema(sdl);
  const out: Fragment[] = [];
  const types = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
  for (const type of types) {
    for (const field of Object.values(type.getFields())) {
      if (!getNamedType(field.type).name.endsWith('Connection') || !field.args.some((a) => a.name === 'first')) continue;
      for (const backward of field === schema.getQueryType()?.getFields().systems ? [false, true] : [false]) {
        const module = `R${type.name}${upper(field.name)}${backward ? 'Backward' : ''}`;
        const required = field.args.filter((a) => !PAGE_ARGUMENTS.has(a.name) && isNonNullType(a.type));
        const definitions = [
          'count: { type: "Int", defaultValue: 10 }',
          'cursor: { type: "String" }',
          ...required.map((a) => `${a.name}: { type: "${String(a.type)}" }`),
        ].join(', ');
        const page = backward ? 'last: $count, before: $cursor' : 'first: $count, after: $cursor';
        const passed = [page, ...required.map((a) => `${a.name}: $${a.name}`)].join(', ');
        const text = `fragment ${module}_data on ${type.name} @argumentDefinitions(${definitions}) {
  ${field.name}(${passed}) @connection(key: "${module}_${field.name}") {
    edges { node { __typename } }
  }
}`;
        out.push({ module, type: type.name, field: field.name, text });
      }
    }
  }
  return out;
}

let dir: string;
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('a Relay client compiles @connection over every connection of the schema', () => {
  const fragments = fragmentsOf(readFileSync(SCHEMA, 'utf8'));

  it('the fragments cover the registers', () => {
    const root = new Set(fragments.filter((f) => f.type === 'Query').map((f) => f.field));
    for (const register of ['systems', 'people', 'departments', 'dataUseGrants', 'externalProvisions', 'mailAddresses', 'openVirusIncidents', 'auditTrail', 'myInbox', 'myNotices']) {
      expect(root).toContain(register);
    }
    expect(fragments.some((f) => f.type === 'ServerRoom' && f.field === 'entries')).toBe(true);
    expect(fragments.some((f) => f.type === 'Dataset' && f.field === 'currentGrants')).toBe(true);
  });

  it('relay-compiler 21 compiles them', async () => {
    dir = mkdtempSync(join(tmpdir(), 'relay-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'schema.graphql'), readFileSync(SCHEMA, 'utf8'));
    writeFileSync(join(dir, 'relay.config.json'), JSON.stringify({ src: './src', schema: './schema.graphql', language: 'typescript' }, null, 2));
    for (const f of fragments) writeFileSync(join(dir, 'src', `${f.module}.ts`), `import { graphql } from 'react-relay';\n\nexport const fragment = graphql\`\n${f.text}\n\`;\n`);
    const bin = join(ROOT, 'node_modules/.bin/relay-compiler');
    const run = await promisify(execFile)(bin, [], { cwd: dir, timeout: 120_000 }).catch((e: { code?: number; stdout?: string; stderr?: string }) => e);
    expect({ code: (run as { code?: number }).code ?? 0, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    // One artifact per fragment: each compiled, @connection and all.
    const artifacts = readdirSync(join(dir, 'src', '__generated__')).filter((n) => n.endsWith('_data.graphql.ts'));
    expect(artifacts.sort()).toEqual(fragments.map((f) => `${f.module}_data.graphql.ts`).sort());
    const systems = readFileSync(join(dir, 'src', '__generated__', 'RQuerySystems_data.graphql.ts'), 'utf8');
    expect(systems).toContain('"connection"');
  }, 180_000);
});
