/**
 * A generated corpus of malformed requests through the real Lambda handler: broken JSON, wrong types in every
 * input field of registerSystem / draftConsultation / decideConsultation, unknown fields, strings over every
 * MaxLength, deep and costly queries, invalid ids and cursors, wrong content types, missing and forged tokens.
 * The corpus is generated from a seeded PRNG, so every run sends the same requests.
 *
 * Every answer: below 500, JSON, no stack trace, no path on this machine, no AWS SDK exception name; a request that
 * would change something if accepted is refused (a 4xx, a top-level error, or a userError); and the table is
 * exactly as it was after the whole corpus (and after each of a sample of cases).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { SignJWT } from 'jose';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLScalarType,
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { getMetadataStorage as validationMetadata } from 'class-validator';
import { getMetadataStorage as typeMetadata } from 'type-graphql';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../functions/api/auth';
import { getSchema } from '../../functions/api/schema';
import { Api, REGISTER_SYSTEM, Response, gid, setupApi, v2Event } from '../support/api';

// ─── A seeded PRNG (mulberry32): the same corpus on every run ──────────────────────────────────────────────────

const SEED = 0x5eed_2026;
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const sample = <T>(xs: readonly T[], n: number): T[] => {
  const copy = [...xs];
  const out: T[] = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
  return out;
};
const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(0, 255)));
const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const word = (n: number) => Array.from({ length: n }, () => pick([...ALNUM])).join('');

// ─── The schema, to generate from ───────────────────────────────────────────────────────────────────────────────

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'graphql', 'schema.graphql'), 'utf8'));
const mutationFields = schema.getMutationType()?.getFields() ?? {};
const inputTypeOf = (mutation: string) => mutationFields[mutation].args[0].type;

/** The MaxLength (class-validator) the API declares on a field of an input type, read from the input classes. */
getSchema(); // loads every input class with its decorators
const inputClasses = new Map(typeMetadata().inputTypes.map((t) => [t.name, t.target]));
function declaredMaxLength(inputType: string, field: string): number | undefined {
  const target = inputClasses.get(inputType);
  if (!target) return undefined;
  const rule = validationMetadata()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === field && (m.name === 'maxLength' || m.type === 'maxLength'));
  return rule?.constraints?.[0] as number | undefined;
}

// ─── What each case may use, made before the corpus runs ───────────────────────────────────────────────────────

interface Ctx {
  registeredSystemId: string;
  /** A system with two consultations. */
  consultedSystemId: string;
  consultation: { id: string; version: number };
  cursors: Record<string, string>;
}

type Person = 'shimin-manager' | 'soumu-director';

interface Case {
  kind: string;
  name: string;
  build: (ctx: Ctx) => Promise<APIGatewayProxyEventV2>;
  /** Would change something if accepted: must be refused. */
  mutation: boolean;
  /** The answer the API documents for this class of input, when it documents one. */
  status?: number[];
  code?: string;
}

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

let api: Api;
const token = (p: Person) => api.token(p);

async function post(body: string, options: { as?: Person | null; headers?: Record<string, string>; contentType?: string | null; method?: string } = {}) {
  const as = options.as === undefined ? 'shimin-manager' : options.as;
  const headers: Record<string, string> = { ...(as ? { authorization: `Bearer ${await token(as)}` } : {}), ...options.headers };
  const event = v2Event({ body, headers, method: options.method });
  if (options.contentType === null) delete event.headers['content-type'];
  else if (options.contentType !== undefined) event.headers['content-type'] = options.contentType;
  return event;
}
const gqlBody = (query: string, variables?: unknown) => JSON.stringify({ query, variables });

const MUTATION_OF = (field: string, out = 'userErrors { code message field article }') => {
  const payload = Object.keys((getNamedType(mutationFields[field].type) as GraphQLObjectType).getFields()).find((f) => f !== 'userErrors');
  return `mutation($input: ${inputTypeOf(field).toString()}) { ${field}(input: $input) { ${payload} { id } ${out} } }`;
};

const shimin = gid('Department', 'shimin');

/** Valid inputs (as their person) that the cases spoil one part of. */
const BASES: Record<string, { as: Person; input: (ctx: Ctx) => Record<string, unknown> }> = {
  registerSystem: {
    as: 'shimin-manager',
    input: () => ({
      name: 'コーパス登録',
      description: '不正入力の検査。',
      category: 'BUSINESS',
      network: 'INTERNAL',
      purposes: ['EFFICIENCY'],
      owningDepartmentId: shimin,
      processingDepartmentIds: [shimin],
      documents: [{ kind: 'DESIGN', title: '設計書', location: '共有フォルダ' }],
      educationOrResearchOnly: false,
    }),
  },
  draftConsultation: {
    as: 'shimin-manager',
    input: (ctx) => ({ systemId: ctx.registeredSystemId, action: 'DECIDE', title: 'コーパスの協議', details: '不正入力の検査。', plannedOn: '2026-12-01', submit: false }),
  },
  decideConsultation: {
    as: 'soumu-director',
    input: (ctx) => ({ consultationId: ctx.consultation.id, expectedVersion: ctx.consultation.version, outcome: 'APPROVED', conditions: ['条件'], reason: '理由' }),
  },
};

/** A valid-looking value of any input type (required and optional fields filled). */
function sampleValue(type: GraphQLInputType, field = ''): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, field);
  if (isListType(type)) return [sampleValue(type.ofType, field)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) return Object.fromEntries(Object.entries(type.getFields()).map(([k, f]) => [k, sampleValue(f.type, k)]));
  switch ((type as GraphQLScalarType).name) {
    case 'Int':
      return 1;
    case 'Boolean':
      return false;
    case 'LocalDate':
      return '2026-12-01';
    case 'ID':
      return /department/i.test(field) ? shimin : /person/i.test(field) ? gid('Person', 'shimin-staff') : gid('System', 'demo-juumin');
    default:
      return /code|personId/.test(field) ? 'corpus-x' : 'x';
  }
}

const MISSING = Symbol('missing');

/** Values that are not of the type: none of them coerces (a single value for a list would, so none is given). */
function wrongValues(type: GraphQLInputType): unknown[] {
  const out: unknown[] = [];
  let t = type;
  if (isNonNullType(t)) {
    out.push(null, MISSING);
    t = t.ofType;
  }
  if (isListType(t)) {
    const item = t.ofType;
    for (const w of wrongValues(item)) if (w !== MISSING && !(w === null && !isNonNullType(item))) out.push([w]);
    out.push([[sampleValue(item)]], { notAList: true });
    return out;
  }
  if (isEnumType(t)) {
    const first = (t as GraphQLEnumType).getValues()[0].value as string;
    return [...out, 'NOT_A_VALUE', first.toLowerCase(), ` ${first}`, 1, true, {}, [first]];
  }
  if (isInputObjectType(t)) return [...out, 'an object expected', 7, true, [sampleValue(t)]];
  switch ((t as GraphQLScalarType).name) {
    case 'String':
      return [...out, 42, 0, true, 1.5, {}, { a: 'b' }, ['x']];
    case 'ID':
      return [...out, true, 1.5, {}, ['x'], { id: 'x' }];
    case 'Int':
      return [...out, '1', 1.5, true, 2 ** 31, -(2 ** 31) - 1, {}, [1], 'NaN'];
    case 'Boolean':
      return [...out, 'true', 'false', 1, 0, {}, [true]];
    case 'LocalDate':
      return [...out, '2026-13-01', '2026-02-30', '2026-1-1', 'tomorrow', 20261201, '2026-12-01T00:00:00Z', true, ['2026-12-01']];
    default:
      return [...out, {}, []];
  }
}

/** Every path to a field of an input type (nested objects and list items included), with its type. */
function leafPaths(type: GraphQLInputObjectType, prefix: (string | number)[] = []): { path: (string | number)[]; type: GraphQLInputType; parent: string }[] {
  return Object.entries(type.getFields()).flatMap(([name, f]) => {
    const here = [{ path: [...prefix, name], type: f.type, parent: type.name }];
    let inner = isNonNullType(f.type) ? f.type.ofType : f.type;
    const list = isListType(inner);
    if (list) inner = (inner as { ofType: GraphQLInputType }).ofType;
    if (isNonNullType(inner)) inner = inner.ofType;
    if (isInputObjectType(inner)) return [...here, ...leafPaths(inner, list ? [...prefix, name, 0] : [...prefix, name])];
    return here;
  });
}

/** A deep copy of `base` with `value` (or nothing) at `path`, filling optional objects on the way with sample values. */
function withValue(base: Record<string, unknown>, path: (string | number)[], value: unknown, type: GraphQLInputObjectType): Record<string, unknown> {
  const root = structuredClone(base);
  let node: Record<string | number, unknown> = root;
  let nodeType: GraphQLInputType = type;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    let childType: GraphQLInputType;
    if (typeof key === 'number') {
      childType = (nodeType as { ofType: GraphQLInputType }).ofType;
    } else {
      childType = (nodeType as GraphQLInputObjectType).getFields()[key].type;
    }
    if (isNonNullType(childType)) childType = childType.ofType;
    if (node[key] === undefined || node[key] === null) node[key] = sampleValue(childType);
    if (isListType(childType) && typeof path[i + 1] === 'number') {
      nodeType = childType;
    } else {
      nodeType = isNonNullType(childType) ? childType.ofType : childType;
    }
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === MISSING) delete node[last];
  // defineProperty, so that a key such as `__proto__` becomes a field of the JSON sent, not the object's prototype.
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

const show = (v: unknown) => (v === MISSING ? '(missing)' : JSON.stringify(v).slice(0, 40));

// ─── 1. Broken JSON: truncations and mutations of valid bodies, only those that no longer parse ───────────────

{
  const bodies = [
    gqlBody(REGISTER_SYSTEM, { input: BASES.registerSystem.input({} as Ctx) }),
    gqlBody('{ viewer { personId department { name } } }'),
    gqlBody(MUTATION_OF('draftConsultation'), { input: { systemId: gid('System', 'demo-juumin'), action: 'CHANGE', title: 't', details: 'd' } }),
  ];
  const JUNK = ['{', '}', '[', ']', '"', ':', ',', '\\', '\u0000', '\u001f', 'NaN', 'undefined', "'", '\ud800', '/*', '0x1'];
  const broken = (s: string) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  };
  let made = 0;
  let attempts = 0;
  while (made < 64 && attempts++ < 5000) {
    const base = pick(bodies);
    const op = pick(['truncate', 'replace', 'insert', 'delete', 'duplicate'] as const);
    let body: string;
    if (op === 'truncate') body = base.slice(0, int(1, base.length - 1));
    else if (op === 'replace') {
      const at = int(0, base.length - 1);
      body = base.slice(0, at) + pick(JUNK) + base.slice(at + 1);
    } else if (op === 'insert') {
      const at = int(0, base.length);
      body = base.slice(0, at) + pick(JUNK) + base.slice(at);
    } else if (op === 'delete') {
      const at = int(0, base.length - 2);
      body = base.slice(0, at) + base.slice(at + int(1, 8));
    } else body = base + base.slice(0, int(1, 20));
    if (!broken(body)) continue;
    made++;
    add({ kind: 'broken JSON', name: `${op}: ${JSON.stringify(body.slice(0, 30))}… (${body.length} chars)`, mutation: true, status: [400], code: 'BAD_REQUEST', build: () => post(body) });
  }
  for (const [name, body] of [
    ['a byte-order mark before the JSON', '\ufeff' + bodies[0]],
    ['JSON followed by a second document', bodies[0] + bodies[0]],
    ['a bare number', '12345'],
    ['null', 'null'],
    ['an empty object', '{}'],
    ['an array of requests (batching is off)', `[${bodies[0]},${bodies[0]}]`],
    ['query as a number', JSON.stringify({ query: 42 })],
    ['query as an object', JSON.stringify({ query: { mutation: 'registerSystem' } })],
    ['variables as a string', JSON.stringify({ query: REGISTER_SYSTEM, variables: '{"input":{}}' })],
    ['variables as an array', JSON.stringify({ query: REGISTER_SYSTEM, variables: [1, 2] })],
    ['operationName that names no operation', JSON.stringify({ query: REGISTER_SYSTEM, operationName: 'Nope', variables: { input: BASES.registerSystem.input({} as Ctx) } })],
    ['two operations and no operationName', JSON.stringify({ query: `${REGISTER_SYSTEM} query Q { viewer { personId } }` })],
    ['extensions as a string', JSON.stringify({ query: '{ viewer { personId } }', extensions: 'x' })],
    ['a persisted query hash that is not known', JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })],
  ] as const) {
    add({ kind: 'broken JSON', name, mutation: true, build: () => post(body) });
  }
  add({
    kind: 'broken JSON',
    name: 'a base64-encoded body of random bytes',
    mutation: true,
    build: async () => ({ ...(await post('')), body: bytes(64).toString('base64'), isBase64Encoded: true }),
  });
  add({
    kind: 'broken JSON',
    name: 'a base64-encoded body that is not base64',
    mutation: true,
    build: async () => ({ ...(await post('')), body: '%%%not base64%%%', isBase64Encoded: true }),
  });
}

// ─── 2. Wrong types in variables, for every input field of the three mutations ──────────────────────────────────

for (const mutation of ['registerSystem', 'draftConsultation', 'decideConsultation']) {
  const type = (isNonNullType(inputTypeOf(mutation)) ? (inputTypeOf(mutation) as { ofType: GraphQLInputType }).ofType : inputTypeOf(mutation)) as GraphQLInputObjectType;
  const base = BASES[mutation];
  for (const { path, type: fieldType } of leafPaths(type)) {
    const all = wrongValues(fieldType);
    const chosen = [...all.filter((v) => v === null || v === MISSING), ...sample(all.filter((v) => v !== null && v !== MISSING), 3)];
    for (const value of chosen) {
      add({
        kind: 'wrong type',
        name: `${mutation} ${path.join('.')} (${fieldType.toString()}) = ${show(value)}`,
        mutation: true,
        build: async (ctx) => post(gqlBody(MUTATION_OF(mutation), { input: withValue(base.input(ctx), path, value, type) }), { as: base.as }),
      });
    }
  }
}

// ─── 3. Unknown fields ─────────────────────────────────────────────────────────────────────────────────────────

{
  const objectPaths: Record<string, (string | number)[][]> = {
    registerSystem: [[], ['documents', 0]],
    draftConsultation: [[], ['proposedChanges'], ['proposedChanges', 'documents', 0]],
    decideConsultation: [[]],
  };
  for (const [mutation, paths] of Object.entries(objectPaths)) {
    const type = (inputTypeOf(mutation) as { ofType: GraphQLInputObjectType }).ofType;
    for (const path of paths) {
      for (let i = 0; i < 3; i++) {
        const name = pick(['bogus', '__proto__', 'constructor', 'isAdmin', 'owningDepartmentID', 'version', word(int(1, 12))]);
        add({
          kind: 'unknown field',
          name: `${mutation} input${path.map((p) => `.${p}`).join('')}.${name}`,
          mutation: true,
          status: [400],
          code: 'BAD_USER_INPUT',
          build: async (ctx) => {
            const base = BASES[mutation];
            const input = path.length ? withValue(base.input(ctx), [...path, name], 1, type) : { ...base.input(ctx) };
            if (!path.length) Object.defineProperty(input, name, { value: true, enumerable: true });
            return post(gqlBody(MUTATION_OF(mutation), { input }), { as: base.as });
          },
        });
      }
    }
  }
  for (const [name, query, status] of [
    ['an unknown field in the selection', '{ viewer { personId salary } }', 400],
    ['an unknown argument', '{ systems(first: 1, orderBy: NAME) { nodes { id } } }', 400],
    ['an unknown mutation', 'mutation { deleteEverything { ok } }', 400],
    ['an unknown type in a fragment', '{ viewer { ... on Secret { id } } }', 400],
    ['an undeclared variable', 'mutation { registerSystem(input: $input) { userErrors { code } } }', 400],
    ['an unknown directive', '{ viewer @admin { personId } }', 400],
  ] as const) {
    add({ kind: 'unknown field', name, mutation: true, status: [status], build: () => post(gqlBody(query, { input: BASES.registerSystem.input({} as Ctx) })) });
  }
  add({
    kind: 'unknown field',
    name: 'unknown top-level keys in the body of a read',
    mutation: false,
    build: () => post(JSON.stringify({ query: '{ viewer { personId } }', bogus: 1, __proto__x: { polluted: true } })),
  });
}

// ─── 4. Strings over every MaxLength (as the input classes declare it: names 200, texts 4000, ids 500) ──────────
//        and lists over their size. A string field with no MaxLength at all gets 4001 characters and must be refused
//        all the same (README: "string lengths on every input").

{
  const filler = (n: number) => {
    const alphabet = pick(['ascii', 'japanese', 'mixed'] as const);
    const chars = alphabet === 'ascii' ? 'ZQ' : alphabet === 'japanese' ? '行政情報' : 'aあ1い';
    return Array.from({ length: n }, (_, i) => chars[i % chars.length]).join('');
  };
  for (const [mutation, field] of Object.entries(mutationFields)) {
    const type = (field.args[0].type as { ofType: GraphQLInputObjectType }).ofType;
    for (const { path, type: fieldType, parent } of leafPaths(type)) {
      let named = isNonNullType(fieldType) ? fieldType.ofType : fieldType;
      const list = isListType(named);
      if (list) named = (named as { ofType: GraphQLInputType }).ofType;
      if (isNonNullType(named)) named = named.ofType;
      if (!isScalarType(named) || !['String', 'ID'].includes(named.name)) continue;
      const name = String(path.filter((p) => typeof p === 'string').at(-1));
      const declared = declaredMaxLength(parent, name);
      const limit = declared ?? 4000;
      const length = pick([limit + 1, limit + 1, limit + int(2, 300)]);
      const value = list ? [filler(length)] : filler(length);
      const fullPath = path;
      add({
        kind: 'over MaxLength',
        name: `${mutation} ${fullPath.join('.')}: ${length} characters (${declared === undefined ? 'no MaxLength declared' : `limit ${limit}`})`,
        mutation: true,
        status: [400],
        code: 'BAD_USER_INPUT',
        build: async (ctx) => {
          const base = BASES[mutation]?.input(ctx) ?? (sampleValue(type) as Record<string, unknown>);
          const as = BASES[mutation]?.as ?? 'shimin-manager';
          return post(gqlBody(MUTATION_OF(mutation), { input: withValue(base, fullPath, value, type) }), { as });
        },
      });
    }
  }
  for (const [mutation, path, value] of [
    ['registerSystem', ['purposes'], ['CITIZEN_WELFARE', 'LABOUR_REDUCTION', 'COST_SAVING', 'EFFICIENCY', 'ADMINISTRATIVE_STANDARDS', 'EFFICIENCY']],
    ['registerSystem', ['processingDepartmentIds'], Array.from({ length: 51 }, () => shimin)],
    ['registerSystem', ['documents'], Array.from({ length: 51 }, () => ({ kind: 'OTHER', title: 't' }))],
    ['decideConsultation', ['conditions'], Array.from({ length: 51 }, (_, i) => `条件${i}`)],
  ] as const) {
    add({
      kind: 'over MaxLength',
      name: `${mutation} ${path.join('.')}: a list of ${value.length}`,
      mutation: true,
      status: [400],
      code: 'BAD_USER_INPUT',
      build: async (ctx) => post(gqlBody(MUTATION_OF(mutation), { input: { ...BASES[mutation].input(ctx), [path[0]]: value } }), { as: BASES[mutation].as }),
    });
  }
  add({
    kind: 'over MaxLength',
    name: 'a body over 64 KiB',
    mutation: true,
    status: [413],
    code: 'PAYLOAD_TOO_LARGE',
    build: () => post(gqlBody(REGISTER_SYSTEM, { input: { ...BASES.registerSystem.input({} as Ctx), description: 'x'.repeat(70_000) } })),
  });
  add({
    kind: 'over MaxLength',
    name: 'a 60 KB string literal in the query text',
    mutation: true,
    build: () => post(gqlBody(`mutation { registerSystem(input: { name: "${'長'.repeat(20_000)}", category: BUSINESS, network: INTERNAL, purposes: [EFFICIENCY], owningDepartmentId: "${shimin}" }) { userErrors { code } } }`)),
  });
}

// ─── 5. Deep queries ───────────────────────────────────────────────────────────────────────────────────────────

{
  const nested = (depth: number) => {
    const fields = ['systems(first: 1)', 'nodes', ...Array.from({ length: depth - 2 }, () => 'connectedSystems')];
    return `{ ${fields.reduceRight((inner, f) => `${f} { ${inner} }`, 'name')} }`;
  };
  for (const depth of [13, int(14, 30), int(31, 100), 500, 2000]) {
    add({ kind: 'deep query', name: `connectedSystems nested ${depth} deep`, mutation: false, status: [400], build: () => post(gqlBody(nested(depth))) });
  }
  const chain = (n: number) =>
    `{ systems(first: 1) { nodes { ...F0 } } } ` +
    Array.from({ length: n }, (_, i) => `fragment F${i} on System { connectedSystems { ${i + 1 < n ? `...F${i + 1}` : 'id'} } }`).join(' ');
  add({ kind: 'deep query', name: 'a chain of 30 fragments', mutation: false, status: [400], build: () => post(gqlBody(chain(30))) });
  add({
    kind: 'deep query',
    name: 'a fragment cycle (A spreads B spreads A)',
    mutation: false,
    status: [400],
    build: () => post(gqlBody('{ systems(first: 1) { nodes { ...A } } } fragment A on System { connectedSystems { ...B } } fragment B on System { connectedSystems { ...A } }')),
  });
  add({
    kind: 'deep query',
    name: 'a fragment that spreads itself',
    mutation: false,
    status: [400],
    build: () => post(gqlBody('{ systems(first: 1) { nodes { ...A } } } fragment A on System { id ...A }')),
  });
  add({
    kind: 'deep query',
    name: 'a fragment cycle that does not deepen (A spreads B spreads A)',
    mutation: false,
    status: [400],
    build: () => post(gqlBody('{ systems(first: 1) { nodes { ...A } } } fragment A on System { id ...B } fragment B on System { name ...A }')),
  });
  add({
    kind: 'deep query',
    name: 'a fragment that spreads itself, in a mutation',
    mutation: true,
    status: [400],
    build: () =>
      post(
        gqlBody('mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { ...A } } } fragment A on System { id ...A }', {
          input: BASES.registerSystem.input({} as Ctx),
        }),
      ),
  });
  add({
    kind: 'deep query',
    name: 'a fragment cycle in a mutation',
    mutation: true,
    status: [400],
    build: () =>
      post(
        gqlBody('mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { ...A } } } fragment A on System { connectedSystems { ...A } }', {
          input: BASES.registerSystem.input({} as Ctx),
        }),
      ),
  });
  add({
    kind: 'deep query',
    name: '1000 nested inline fragments',
    mutation: false,
    build: () => post(gqlBody(`{ ${'... on Query { '.repeat(1000)}viewer { personId }${' }'.repeat(1000)} }`)),
  });
  add({
    kind: 'deep query',
    name: 'introspection 40 deep, signed in',
    mutation: false,
    build: () => post(gqlBody(`{ __schema { types { ${'fields { type { '.repeat(20)}name${' } }'.repeat(20)} } } }`)),
  });
  add({
    kind: 'deep query',
    name: 'introspection 40 deep, without a token',
    mutation: false,
    build: () => post(gqlBody(`{ __schema { types { ${'fields { type { '.repeat(20)}name${' } }'.repeat(20)} } } }`), { as: null }),
  });
  for (const depth of [100, 1000, 10_000]) {
    add({
      kind: 'deep query',
      name: `purposes as lists nested ${depth} deep in the variables`,
      mutation: true,
      // Written as text: JSON.stringify itself runs out of stack on the deepest.
      build: () => post(gqlBody(REGISTER_SYSTEM, { input: { ...BASES.registerSystem.input({} as Ctx), purposes: '@DEEP@' } }).replace('"@DEEP@"', `${'['.repeat(depth)}"EFFICIENCY"${']'.repeat(depth)}`)),
    });
  }
  add({
    kind: 'deep query',
    name: 'an input object nested 2000 deep in the variables',
    mutation: true,
    build: () => post(gqlBody(REGISTER_SYSTEM, { input: { ...BASES.registerSystem.input({} as Ctx), documents: ['@DEEP@'] } }).replace('"@DEEP@"', `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`)),
  });
  add({
    kind: 'deep query',
    name: '2000 @include directives on one field',
    mutation: false,
    build: () => post(gqlBody(`{ viewer ${'@include(if: true) '.repeat(2000)}{ personId } }`)),
  });
}

// ─── 6. Costly queries ─────────────────────────────────────────────────────────────────────────────────────────

{
  const LEVELS = [
    (inner: string, n: number) => `systems(first: ${n}) { nodes { ${inner} } }`,
    (inner: string, n: number) => `consultations(first: ${n}) { nodes { ${inner} } }`,
    (inner: string, n: number) => `auditTrail(first: ${n}) { nodes { ${inner} } }`,
  ];
  for (let i = 0; i < 8; i++) {
    const n = [int(60, 100), int(60, 100), int(60, 100)];
    const q = `{ ${LEVELS[0](LEVELS[1](LEVELS[2]('id action', n[2]), n[1]), n[0])} }`;
    add({ kind: 'costly query', name: `systems(${n[0]}) → consultations(${n[1]}) → auditTrail(${n[2]})`, mutation: false, status: [400], code: 'QUERY_TOO_COSTLY', build: () => post(gqlBody(q)) });
  }
  for (let i = 0; i < 4; i++) {
    const aliases = int(200, 1200);
    const q = `{ ${Array.from({ length: aliases }, (_, k) => `a${k}: systems(first: 100) { nodes { id } }`).join(' ')} }`;
    add({ kind: 'costly query', name: `${aliases} aliases of systems(first: 100)`, mutation: false, status: [400, 413], build: () => post(gqlBody(q)) });
  }
  add({
    kind: 'costly query',
    name: 'departments → people → department → systems → consultations, 100 each',
    mutation: false,
    status: [400],
    code: 'QUERY_TOO_COSTLY',
    build: () => post(gqlBody('{ departments(first: 100) { nodes { people(first: 100) { nodes { department { systems(first: 100) { nodes { consultations(first: 100) { nodes { id } } } } } } } } } }')),
  });
  add({
    kind: 'costly query',
    name: 'nodes(ids: 100 ids) each with its audit trail and consultations',
    mutation: false,
    status: [400],
    code: 'QUERY_TOO_COSTLY',
    build: () =>
      post(
        gqlBody('query($ids: [ID!]!) { nodes(ids: $ids) { ... on System { auditTrail(first: 100) { nodes { id } } consultations(first: 100) { nodes { auditTrail(first: 100) { nodes { id } } } } } } }', {
          ids: Array.from({ length: 100 }, () => gid('System', 'demo-juumin')),
        }),
      ),
  });
  add({
    kind: 'costly query',
    name: 'a costly selection on a mutation',
    mutation: true,
    status: [400],
    code: 'QUERY_TOO_COSTLY',
    build: () =>
      post(
        gqlBody('mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { owningDepartment { systems(first: 100) { nodes { consultations(first: 100) { nodes { auditTrail(first: 100) { nodes { id } } } } } } } } } }', {
          input: BASES.registerSystem.input({} as Ctx),
        }),
      ),
  });
  add({ kind: 'costly query', name: '4000 aliases of __typename', mutation: false, build: () => post(gqlBody(`{ ${Array.from({ length: 4000 }, (_, k) => `t${k}: __typename`).join(' ')} }`)) });
  add({
    kind: 'costly query',
    name: '150 aliases of registerSystem in one mutation, each refused',
    mutation: true,
    build: () =>
      post(
        gqlBody(
          `mutation($input: RegisterSystemInput!) { ${Array.from({ length: 150 }, (_, k) => `r${k}: registerSystem(input: $input) { userErrors { code } }`).join(' ')} }`,
          { input: { ...BASES.registerSystem.input({} as Ctx), owningDepartmentId: gid('Department', 'kenkou') } },
        ),
      ),
  });
  add({ kind: 'costly query', name: 'first: 2^31 on a connection', mutation: false, status: [400], build: () => post(gqlBody('{ systems(first: 2147483647) { nodes { id } } }')) });
}

// ─── 7. Invalid ids ────────────────────────────────────────────────────────────────────────────────────────────

{
  const randomId = () =>
    pick([
      () => b64url(bytes(int(1, 60))),
      () => word(int(1, 40)),
      () => b64url(`${pick(['System', 'Department', 'Person', 'Consultation', 'AuditEvent', 'Secret', 'system', ''])}:${pick(['', word(int(1, 20)), 'demo-juumin#AUDIT#', 'x'.repeat(600), '../../etc', '\u0000', 'あ'.repeat(5), '"}'])}`),
      () => `${gid('System', 'demo-juumin')}${pick(['=', '==', '.', ' ', '%00', '/'])}`,
      () => pick(['', ' ', 'null', 'undefined', '0', '-1', '{}', "' OR 1=1 --", 'x'.repeat(501)]),
    ])();
  const READS: [string, string, (id: string) => Record<string, unknown>][] = [
    ['node(id)', 'query($id: ID!) { node(id: $id) { id } }', (id) => ({ id })],
    ['nodes(ids)', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', (id) => ({ ids: [id, gid('System', 'demo-juumin'), id] })],
    ['auditTrail(objectId)', 'query($id: ID!) { auditTrail(objectId: $id, first: 5) { nodes { id } } }', (id) => ({ id })],
    ['auditTrailByPerson(personId)', 'query($id: ID!) { auditTrailByPerson(personId: $id, first: 5) { nodes { id } } }', (id) => ({ id })],
    ['systems(departmentId)', 'query($id: ID) { systems(first: 5, departmentId: $id) { nodes { id } } }', (id) => ({ id })],
    ['people(departmentId)', 'query($id: ID) { people(first: 5, departmentId: $id) { nodes { id } } }', (id) => ({ id })],
  ];
  for (let i = 0; i < 24; i++) {
    const [name, query, vars] = pick(READS);
    const id = randomId();
    add({ kind: 'invalid id', name: `${name} = ${JSON.stringify(id.slice(0, 40))}`, mutation: false, build: () => post(gqlBody(query, vars(id))) });
  }
  const WRITES: [string, (ctx: Ctx, id: string) => Record<string, unknown>, Person][] = [
    ['registerSystem owningDepartmentId', (ctx, id) => ({ ...BASES.registerSystem.input(ctx), owningDepartmentId: id }), 'shimin-manager'],
    ['registerSystem processingDepartmentIds', (ctx, id) => ({ ...BASES.registerSystem.input(ctx), processingDepartmentIds: [shimin, id] }), 'shimin-manager'],
    ['draftConsultation systemId', (ctx, id) => ({ ...BASES.draftConsultation.input(ctx), systemId: id }), 'shimin-manager'],
    ['draftConsultation connectSystemId', (ctx, id) => ({ ...BASES.draftConsultation.input(ctx), action: 'CONNECT', connectSystemId: id }), 'shimin-manager'],
    ['decideConsultation consultationId', (ctx, id) => ({ ...BASES.decideConsultation.input(ctx), consultationId: id }), 'soumu-director'],
  ];
  for (let i = 0; i < 20; i++) {
    const [name, input, as] = pick(WRITES);
    const id = randomId();
    const mutation = name.split(' ')[0];
    add({ kind: 'invalid id', name: `${name} = ${JSON.stringify(id.slice(0, 40))}`, mutation: true, build: (ctx) => post(gqlBody(MUTATION_OF(mutation), { input: input(ctx, id) }), { as }) });
  }
  for (const [name, id] of [
    ['a Consultation key given as a System id', (ctx: Ctx) => gid('System', Buffer.from(ctx.consultation.id, 'base64url').toString().split(':')[1])],
    ['a System key given as a Consultation id', () => gid('Consultation', 'demo-juumin')],
    ['a Department given as a Consultation id', () => shimin],
  ] as const) {
    add({
      kind: 'invalid id',
      name: `decideConsultation: ${name}`,
      mutation: true,
      build: (ctx) => post(gqlBody(MUTATION_OF('decideConsultation'), { input: { ...BASES.decideConsultation.input(ctx), consultationId: id(ctx) } }), { as: 'soumu-director' }),
    });
  }
}

// ─── 8. Invalid cursors: random, of other lists, tampered ─────────────────────────────────────────────────────

const LISTS: Record<string, { query: string; variables?: (ctx: Ctx) => Record<string, unknown>; as?: Person; path: string[] }> = {
  systems: { query: 'query($after: String) { systems(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }', path: ['systems'] },
  departments: { query: 'query($after: String) { departments(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }', path: ['departments'] },
  people: { query: 'query($after: String) { people(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }', path: ['people'] },
  shiminPeople: {
    query: 'query($after: String, $d: ID) { people(first: 1, after: $after, departmentId: $d) { nodes { id } pageInfo { endCursor } } }',
    variables: () => ({ d: shimin }),
    path: ['people'],
  },
  shiminSystems: {
    query: 'query($after: String, $d: ID) { systems(first: 1, after: $after, departmentId: $d) { nodes { id } pageInfo { endCursor } } }',
    variables: () => ({ d: shimin }),
    path: ['systems'],
  },
  auditTrail: {
    query: 'query($after: String, $id: ID!) { auditTrail(objectId: $id, first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }',
    variables: () => ({ id: gid('System', 'demo-juumin') }),
    path: ['auditTrail'],
  },
  auditTrailByPerson: {
    query: 'query($after: String, $id: ID!) { auditTrailByPerson(personId: $id, first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }',
    variables: () => ({ id: gid('Person', 'soumu-director') }),
    as: 'soumu-director',
    path: ['auditTrailByPerson'],
  },
  myApplications: { query: 'query($after: String) { myApplications(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }', path: ['myApplications'] },
  myInbox: { query: 'query($after: String) { myInbox(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }', as: 'soumu-director', path: ['myInbox'] },
  systemConsultations: {
    query: 'query($after: String, $id: ID!) { node(id: $id) { ... on System { consultations(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } } } }',
    variables: (ctx) => ({ id: ctx.consultedSystemId }),
    path: ['node', 'consultations'],
  },
};

{
  const listNames = Object.keys(LISTS);
  const sources: [string, (ctx: Ctx) => string][] = [
    ['random bytes', (() => {
      const b = b64url(bytes(int(4, 80)));
      return () => b;
    })()],
    ['random base64 JSON', (() => {
      const c = b64url(JSON.stringify(Object.fromEntries(Array.from({ length: int(1, 5) }, () => [pick(['pk', 'sk', 'kindPk', 'kindSk', 'deptPk', 'deptSk', 'actorPk', word(3)]), pick([word(int(1, 30)), 1, null, [], {}])]))));
      return () => c;
    })()],
  ];
  /** A real cursor of a list with one of its values spoiled. */
  const tampered = (list: string) => {
    const attribute = int(0, 3);
    const value = pick(['', 'x'.repeat(1100), 7, null, { S: 'x' }, ['x'], word(int(1, 30)), 'System', 'SYSTEM#demo-juumin', '\u0000']);
    return (ctx: Ctx) => {
      const real = ctx.cursors[list];
      const key = JSON.parse(Buffer.from(real, 'base64url').toString('utf8')) as Record<string, unknown>;
      const names = Object.keys(key);
      key[names[attribute % names.length]] = value;
      return b64url(JSON.stringify(key));
    };
  };
  for (let i = 0; i < 60; i++) {
    const target = pick(listNames);
    const source = pick(['random', 'other list', 'other list', 'tampered', 'tampered'] as const);
    let name: string;
    let cursor: (ctx: Ctx) => string;
    if (source === 'random') {
      const [what, make] = pick(sources);
      const fresh = what === 'random bytes' ? b64url(bytes(int(4, 80))) : make({} as Ctx);
      name = what;
      cursor = () => fresh;
    } else if (source === 'other list') {
      const from = pick(listNames.filter((l) => l !== target && LISTS[l].path.join() !== LISTS[target].path.join()));
      name = `a cursor of ${from}`;
      cursor = (ctx) => ctx.cursors[from];
    } else {
      const from = pick(['systems', 'departments', 'people', 'auditTrail', 'auditTrailByPerson', 'myApplications', 'shiminSystems']);
      name = `a tampered cursor of ${from}`;
      cursor = tampered(from);
    }
    const list = LISTS[target];
    add({
      kind: 'invalid cursor',
      name: `${target}(after: ${name})`,
      mutation: false,
      build: async (ctx) => post(gqlBody(list.query, { ...list.variables?.(ctx), after: cursor(ctx) }), { as: list.as ?? 'shimin-manager' }),
    });
  }
}

// ─── 9. Wrong content types and methods ────────────────────────────────────────────────────────────────────────

{
  const mutationBody = gqlBody(REGISTER_SYSTEM, { input: BASES.registerSystem.input({} as Ctx) });
  const readBody = gqlBody('{ viewer { personId } }');
  for (const contentType of [
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=----x',
    'application/graphql',
    'application/xml',
    'text/html',
    'application/octet-stream',
    '*/*',
    '',
    'application',
    'json',
  ]) {
    add({ kind: 'content type', name: `a mutation sent as ${JSON.stringify(contentType)}`, mutation: true, status: [400, 415], build: () => post(mutationBody, { contentType }) });
  }
  add({ kind: 'content type', name: 'a mutation sent without a content type', mutation: true, status: [400, 415], build: () => post(mutationBody, { contentType: null }) });
  for (const contentType of ['APPLICATION/JSON', 'application/json; charset=utf-16', 'application/json;;;', 'application/jsonx', 'application/graphql-response+json']) {
    add({ kind: 'content type', name: `a read sent as ${JSON.stringify(contentType)}`, mutation: false, build: () => post(readBody, { contentType }) });
  }
  add({ kind: 'content type', name: 'text/plain with a body that is not JSON', mutation: true, status: [400], build: () => post('mutation { registerSystem }', { contentType: 'text/plain' }) });
  add({
    kind: 'content type',
    name: 'a mutation in the query string of a GET',
    mutation: true,
    status: [400, 405],
    build: async () => {
      const event = await post('', { method: 'GET', headers: { 'apollo-require-preflight': 'true' } });
      delete event.body;
      delete event.headers['content-type'];
      event.rawQueryString = `query=${encodeURIComponent(`mutation { registerSystem(input: { name: "GET", category: BUSINESS, network: INTERNAL, purposes: [EFFICIENCY], owningDepartmentId: "${shimin}" }) { userErrors { code } } }`)}`;
      return event;
    },
  });
  add({
    kind: 'content type',
    name: 'a GET without a token and without the preflight header (CSRF)',
    mutation: false,
    status: [400, 401],
    build: async () => {
      const event = await post('', { method: 'GET', as: null });
      delete event.body;
      delete event.headers['content-type'];
      event.rawQueryString = `query=${encodeURIComponent('{ viewer { personId } }')}`;
      return event;
    },
  });
  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    add({ kind: 'content type', name: `a mutation sent with ${method}`, mutation: true, build: () => post(mutationBody, { method }) });
  }
}

// ─── 10. Missing and forged tokens ─────────────────────────────────────────────────────────────────────────────

{
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({ username: 'soumu-director', sub: 'soumu-director', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: now(), exp: now() + 3600, ...extra });
  const unsigned = (header: object, payload: object, signature = '') => `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`;
  const signed = (secret: string, payload: Record<string, unknown> = claims(), alg = 'HS256') =>
    new SignJWT(payload as Record<string, string>).setProtectedHeader({ alg, typ: 'JWT' }).sign(new TextEncoder().encode(secret));
  const realSecret = () => process.env.LOCAL_JWT_SECRET as string;

  const TOKENS: [string, () => Promise<string | null>, number][] = [
    ['no Authorization header', async () => null, 401],
    ['alg none, claiming the system administrator', async () => unsigned({ alg: 'none', typ: 'JWT' }, claims()), 401],
    ['alg None (capitalised)', async () => unsigned({ alg: 'None' }, claims()), 401],
    ['alg HS256 with an empty signature', async () => unsigned({ alg: 'HS256', typ: 'JWT' }, claims()), 401],
    ['HS512 with the right secret (only HS256 is accepted)', async () => signed(realSecret(), claims(), 'HS512'), 401],
    ['RS256 in the header, HMAC signature', async () => {
      const [, payload, signature] = (await signed(realSecret())).split('.');
      return `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${payload}.${signature}`;
    }, 401],
    ['the right secret, another issuer', async () => signed(realSecret(), claims({ iss: 'someone-else' })), 401],
    ['the right secret, another audience', async () => signed(realSecret(), claims({ aud: 'another-api' })), 401],
    ['the right secret, expired', async () => signed(realSecret(), claims({ exp: now() - 60 })), 401],
    ['the right secret, no expiry', async () => signed(realSecret(), claims({ exp: undefined })), 401],
    ['the right secret, not valid before next year', async () => signed(realSecret(), claims({ nbf: now() + 365 * 86400 })), 401],
    ['the right secret, username a number', async () => signed(realSecret(), claims({ username: 42 })), 401],
    ['the right secret, username a list', async () => signed(realSecret(), claims({ username: ['soumu-director'] })), 401],
    ['the right secret, username empty', async () => signed(realSecret(), claims({ username: '' })), 401],
    ['the right secret, a person the city does not know', async () => signed(realSecret(), claims({ username: 'mallory' })), 403],
    ['the right secret, a username with a key separator', async () => signed(realSecret(), claims({ username: 'soumu-director#ROLE' })), 403],
    ['the payload of a real token with the signature of another', async () => {
      const [h, p] = (await signed(realSecret(), claims({ username: 'kenkou-manager' }))).split('.');
      const [, , s] = (await signed(realSecret(), claims({ username: 'shimin-staff' }))).split('.');
      return `${h}.${p}.${s}`;
    }, 401],
  ];
  for (let i = 0; i < 10; i++) {
    const secret = word(int(8, 64));
    TOKENS.push([`signed with a wrong secret (${secret.length} characters)`, async () => signed(secret), 401]);
  }
  for (let i = 0; i < 10; i++) {
    const parts = Array.from({ length: pick([3, 3, 3, 2, 4, 5]) }, () => b64url(bytes(int(0, 90))));
    TOKENS.push([`a random JWT-shaped string of ${parts.length} parts`, async () => parts.join('.'), 401]);
  }
  for (let i = 0; i < 4; i++) {
    const payload = claims({ username: pick(['soumu-director', 'fuku-shichou', 'shimin-manager']) });
    const signature = b64url(bytes(32));
    TOKENS.push([`well-formed claims of ${payload.username} with a random signature`, async () => unsigned({ alg: 'HS256', typ: 'JWT' }, payload, signature), 401]);
  }
  for (const [name, make, status] of TOKENS) {
    add({
      kind: 'token',
      name: `a mutation with ${name}`,
      mutation: true,
      status: [status],
      code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      build: async () => {
        const t = await make();
        return post(gqlBody(REGISTER_SYSTEM, { input: BASES.registerSystem.input({} as Ctx) }), { as: null, headers: t === null ? {} : { authorization: `Bearer ${t}` } });
      },
    });
  }
  for (const [name, header] of [
    ['Basic credentials', `Basic ${b64url('soumu-director:password')}`],
    ['a scheme other than Bearer', 'Token abc.def.ghi'],
    ['two tokens', 'Bearer a.b.c Bearer d.e.f'],
    ['a token with a line break in it', 'Bearer abc.\ndef.ghi'],
    ['a token of 6000 characters', `Bearer ${'a'.repeat(2000)}.${'b'.repeat(2000)}.${'c'.repeat(2000)}`],
  ] as const) {
    add({ kind: 'token', name: `a mutation with ${name}`, mutation: true, status: [401], code: 'UNAUTHENTICATED', build: () => post(gqlBody(REGISTER_SYSTEM, { input: BASES.registerSystem.input({} as Ctx) }), { as: null, headers: { authorization: header } }) });
  }
  for (const [name, claimSet, status] of [
    ['authorizer claims of an ID token', { username: 'soumu-director', token_use: 'id' }, 401],
    ['authorizer claims naming no user', { sub: 'x', token_use: 'access' }, 401],
    ['authorizer claims of a user the city does not know', { username: 'mallory', token_use: 'access' }, 403],
  ] as const) {
    add({
      kind: 'token',
      name: `a mutation with ${name}`,
      mutation: true,
      status: [status],
      build: async () => v2Event({ body: gqlBody(REGISTER_SYSTEM, { input: BASES.registerSystem.input({} as Ctx) }), claims: claimSet as Record<string, string> }),
    });
  }
}

// ─── Running the corpus ─────────────────────────────────────────────────────────────────────────────────────────

const ctx = {} as Ctx;
let before: Record<string, unknown>[];

beforeAll(async () => {
  api = await setupApi();
  const register = await api.data('shimin-manager', MUTATION_OF('registerSystem'), { input: { ...BASES.registerSystem.input(ctx), name: 'コーパスの対象' } });
  ctx.registeredSystemId = register.registerSystem.system.id;
  const second = await api.data('shimin-manager', MUTATION_OF('registerSystem'), { input: { ...BASES.registerSystem.input(ctx), name: 'コーパスの協議対象' } });
  const drafted = await api.data('shimin-manager', 'mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) { consultation { id version } userErrors { code } } }', {
    input: { systemId: second.registerSystem.system.id, action: 'DECIDE', title: 'コーパスの協議', details: '決裁待ち。', submit: true },
  });
  ctx.consultation = drafted.draftConsultation.consultation;
  ctx.consultedSystemId = second.registerSystem.system.id;
  await api.data('shimin-manager', 'mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) { consultation { id } userErrors { code } } }', {
    input: { systemId: ctx.consultedSystemId, action: 'DECIDE', title: 'コーパスの下書き', details: '下書き。' },
  });
  const third = await api.data('shimin-manager', MUTATION_OF('registerSystem'), { input: { ...BASES.registerSystem.input(ctx), name: 'コーパスの協議対象2' } });
  await api.data('shimin-manager', 'mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) { consultation { id } userErrors { code } } }', {
    input: { systemId: third.registerSystem.system.id, action: 'DECIDE', title: 'コーパスの協議2', details: '決裁待ち。', submit: true },
  });
  ctx.cursors = {};
  for (const [name, list] of Object.entries(LISTS)) {
    const res = await api.gql(list.as ?? 'shimin-manager', list.query, { ...list.variables?.(ctx) });
    const connection = list.path.reduce((o: any, k) => o?.[k], res.body.data); // eslint-disable-line @typescript-eslint/no-explicit-any
    // A list the schema no longer has still gets a cursor to spoil: the cases then probe a refused query.
    ctx.cursors[name] = connection?.pageInfo?.endCursor ?? b64url(JSON.stringify({ pk: `NO-CURSOR#${name}`, sk: 'x' }));
  }
  before = await api.snapshot();
}, 60_000);

/** No internals in what the client receives. */
function expectClean(res: Response): void {
  expect(res.status).toBeGreaterThanOrEqual(200);
  expect(res.status).toBeLessThan(500);
  expect(() => JSON.parse(res.raw)).not.toThrow();
  expect(res.raw).not.toMatch(/stacktrace/i);
  expect(res.raw).not.toContain('/work/');
  expect(res.raw).not.toContain('node_modules');
  expect(res.raw).not.toMatch(/\n\s+at |\bat [\w$.<>]+ \(|\.[jt]s:\d+:\d+/);
  expect(res.raw).not.toMatch(/\b[A-Z]\w*Exception\b/);
  expect(res.raw).not.toContain('INTERNAL_SERVER_ERROR');
  expect(res.raw).not.toContain(api.tableName);
}

/** Refused: a 4xx, a top-level error, or every mutation field's payload a userError with no object. */
function expectRefused(res: Response): void {
  if (res.status >= 400) return;
  if (Array.isArray(res.body.errors) && res.body.errors.length) return;
  const payloads = Object.values((res.body.data ?? {}) as Record<string, { userErrors?: unknown[] } | null>);
  expect(payloads.length).toBeGreaterThan(0);
  for (const p of payloads) expect(p?.userErrors?.length).toBeGreaterThan(0);
}

const SAMPLE_EVERY = 9;

describe(`a generated corpus of ${cases.length} malformed requests (seed 0x${SEED.toString(16)}): never a 500, never an internal, never a write`, () => {
  it.each(cases.map((c, i) => ({ ...c, i })))('#$i $kind: $name', async (c) => {
    const event = await c.build(ctx);
    const sampled = c.i % SAMPLE_EVERY === 0;
    const snapshotBefore = sampled ? await api.snapshot() : undefined;
    const res = await api.invoke(event);
    if (sampled) expect(await api.snapshot()).toEqual(snapshotBefore);
    expectClean(res);
    if (c.mutation) expectRefused(res);
    if (c.status) expect(c.status).toContain(res.status);
    if (c.code) expect(res.body.errors?.map((e: { extensions?: { code?: string } }) => e.extensions?.code)).toContain(c.code);
  });

  it(`after all ${cases.length} requests the table is exactly as it was`, async () => {
    expect(await api.snapshot()).toEqual(before);
  });
});
