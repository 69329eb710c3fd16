/**
 * Who may read what: every field of the schema's Query type, and one object of every kind of NODE_TYPES, × the
 * seven kinds of person of the demo city (ACTORS, the mutation matrix's columns). A query cell answers (SEES),
 * answers nothing (EMPTY: the viewer may read nothing in it), or is refused wholesale (FORBIDDEN, citing the
 * article); a kind cell sees the object by `node`, `nodes` and its audit trail, or finds it HIDDEN there as for no
 * object, citing the article of its rule (READ_RULES, functions/domain/reading.ts), with nothing of it in the
 * answer. A Query field or a kind added without a row fails this file.
 */
import { AUDITED_TYPES, AuditedType } from '../../functions/domain/audit';
import { READ_RULES } from '../../functions/domain/reading';
import { NODE_TYPES } from '../../graphql/globalId';
import { Response, setupApi } from '../support/api';
import { ACTORS, Actor, api, bindApi } from '../support/matrix';
import { EMPTY, KindRow, QueryRow, SEES, fieldOf, holdsNothing, operationOf, queryFields, who } from '../support/readMatrix';
import { kinds } from './readMatrix/kinds';
import * as o from './readMatrix/objects';
import { queries } from './readMatrix/queries';

beforeAll(async () => {
  bindApi(await setupApi());
  // The reminders job addresses the demo city's notices (functions/reminders/run.ts).
  await o.notice();
});

const queryName = (row: QueryRow) => (row.variant ? `${row.query} (${row.variant})` : row.query);
const kindName = (row: KindRow) => (row.variant ? `${row.kind} (${row.variant})` : row.kind);

describe('the read matrix covers the schema', () => {
  it('every Query field of graphql/schema.graphql has a row, and every row names a Query field', () => {
    const inSchema = Object.keys(queryFields).sort();
    const inTable = [...new Set(queries.map((r) => r.query))].sort();
    expect(inSchema.length).toBeGreaterThan(0);
    expect(inTable).toEqual(inSchema);
  });

  it('every kind of NODE_TYPES has a row, AuditEvent included, and every row names a kind', () => {
    expect([...new Set(kinds.map((r) => r.kind))].sort()).toEqual([...NODE_TYPES].sort());
  });

  it('every row has one cell per person, each SEES, EMPTY, or a refusal naming its article', () => {
    for (const row of queries) {
      expect(row.cells).toHaveLength(ACTORS.length);
      for (const cell of row.cells) expect(cell).toMatch(/^(SEES|EMPTY|FORBIDDEN 第\d+条(第\d+項)?(第\d+号)?)$/);
    }
    for (const row of kinds) {
      expect(row.cells).toHaveLength(ACTORS.length);
      for (const cell of row.cells) expect(cell).toMatch(/^(SEES|HIDDEN 第\d+条(第\d+項)?(第\d+号)?)$/);
    }
  });

  it('a kind is HIDDEN only under the article of its read rule, and an audit event under its object’s', () => {
    for (const row of kinds) {
      const type = (row.kind === 'AuditEvent' ? row.of : row.kind) as AuditedType;
      expect(AUDITED_TYPES).toContain(type);
      for (const cell of row.cells.filter((c) => c !== SEES)) expect([kindName(row), cell]).toEqual([kindName(row), `HIDDEN ${READ_RULES[type].article}`]);
    }
  });

  it('every restricted kind of READ_RULES has a row that hides it from someone, and an audit event of it too', () => {
    const restricted = AUDITED_TYPES.filter((t) => READ_RULES[t].article !== undefined);
    for (const type of restricted) {
      expect([type, kinds.some((r) => r.kind === type && r.cells.some((c) => c !== SEES))]).toEqual([type, true]);
      expect([`AuditEvent of ${type}`, kinds.some((r) => r.kind === 'AuditEvent' && r.of === type && r.cells.some((c) => c !== SEES))]).toEqual([`AuditEvent of ${type}`, true]);
    }
  });
});

// ─── Query rows ────────────────────────────────────────────────────────────────────────────────────────────────

function queryCellName(row: QueryRow, actor: Actor, cell: string): string {
  const name = queryName(row);
  if (cell === SEES) return `${row.rule}: ${who(actor)} reads ${name}`;
  if (cell === EMPTY) return `${row.rule}: ${who(actor)} reads ${name} and finds nothing in it`;
  return `${cell.split(' ')[1]}: ${who(actor)} is refused ${name}`;
}

const QUERY_CASES = queries.flatMap((row) => ACTORS.map((actor, i) => ({ name: queryCellName(row, actor, row.cells[i]), row, actor, cell: row.cells[i] })));

async function ask(row: QueryRow, actor: Actor): Promise<Response> {
  const field = queryFields[row.query];
  const variables: Record<string, unknown> = { ...(await row.variables?.(actor)) };
  if (field.args.some((a) => a.name === 'first') && !('first' in variables)) variables.first = 50;
  return api.gql(actor, operationOf(field, variables), variables);
}

describe(`read matrix, queries: ${queries.length} rows × ${ACTORS.length} people = ${QUERY_CASES.length} cells`, () => {
  it.each(QUERY_CASES)('$name', async ({ row, actor, cell }) => {
    // The object the row shows is made before the question is asked.
    const shown = row.shows && (await row.shows());
    const res = await ask(row, actor);

    if (cell === SEES || cell === EMPTY) {
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      const value = res.body.data[row.query];
      if (cell === SEES) {
        expect(value).not.toBeNull();
        if (shown) {
          expect(holdsNothing(value)).toBe(false);
          expect(res.raw).toContain(shown);
        }
      } else {
        expect(holdsNothing(value)).toBe(true);
        if (shown) expect(res.raw).not.toContain(shown);
      }
      return;
    }

    const article = cell.split(' ')[1];
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: [row.query], extensions: expect.objectContaining({ code: 'FORBIDDEN', article }) }),
    ]);
    expect(res.body.data?.[row.query] ?? null).toBeNull();
    if (shown) expect(res.raw).not.toContain(shown);
  });
});

// ─── Kind rows ─────────────────────────────────────────────────────────────────────────────────────────────────

function kindCellName(row: KindRow, actor: Actor, cell: string): string {
  const type = (row.kind === 'AuditEvent' ? row.of : row.kind) as AuditedType;
  const article = READ_RULES[type].article;
  if (cell === SEES) return `${article ?? 'every member of staff'}: ${who(actor)} sees ${row.what}`;
  return `${cell.split(' ')[1]}: ${who(actor)} does not see ${row.what}`;
}

const KIND_CASES = kinds.flatMap((row) => ACTORS.map((actor, i) => ({ name: kindCellName(row, actor, row.cells[i]), row, actor, cell: row.cells[i] })));

/** What the object holds that an answer to one who may not read it must never carry, read as the system administrator. */
const secrets = new Map<KindRow, Promise<string>>();
function secretOf(row: KindRow, id: string): Promise<string> {
  if (!secrets.has(row)) secrets.set(row, row.secret ? row.secret() : readSecret(row, id));
  return secrets.get(row) as Promise<string>;
}
async function readSecret(row: KindRow, id: string): Promise<string> {
  const field = fieldOf(row);
  const data = await api.data('soumu-director', `query($id: ID!) { node(id: $id) { ... on ${row.kind} { ${field} } } }`, { id });
  const value = data.node?.[field];
  if (typeof value !== 'string' || value.length < 3) throw new Error(`${kindName(row)}: ${field} is no distinctive text (${JSON.stringify(value)})`);
  return value;
}

describe(`read matrix, kinds: ${kinds.length} rows × ${ACTORS.length} people = ${KIND_CASES.length} cells`, () => {
  it.each(KIND_CASES)('$name', async ({ row, actor, cell }) => {
    const id = await row.id();
    const secret = await secretOf(row, id);
    const field = fieldOf(row);
    const fragment = `__typename id ... on ${row.kind} { ${field} }`;
    const sees = cell === SEES;

    const [node, nodes, trail] = await Promise.all([
      api.gql(actor, `query($id: ID!) { node(id: $id) { ${fragment} } }`, { id }),
      api.gql(actor, `query($ids: [ID!]!) { nodes(ids: $ids) { ${fragment} } }`, { ids: [id] }),
      api.gql(actor, `query($id: ID!) { auditTrail(objectId: $id, first: 5) { nodes { id action before after } pageInfo { hasNextPage } } }`, { id }),
    ]);

    // node(id)
    expect(node.status).toBe(200);
    expect(node.body.errors).toBeUndefined();
    if (sees) {
      expect(node.body.data.node).toMatchObject({ __typename: row.kind, id });
      expect(node.raw).toContain(secret);
    } else {
      expect(node.body.data).toEqual({ node: null });
    }

    // nodes(ids: [id])
    expect(nodes.body.errors).toBeUndefined();
    if (sees) {
      expect(nodes.body.data.nodes).toEqual([expect.objectContaining({ __typename: row.kind, id })]);
      expect(nodes.raw).toContain(secret);
    } else {
      expect(nodes.body.data).toEqual({ nodes: [null] });
    }

    // auditTrail(objectId: id): the object's events, or as for no object.
    if (row.kind === 'AuditEvent') {
      // An audit event has no trail of its own: the same refusal for everyone, whether or not they read the event.
      expect(trail.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    } else if (sees) {
      expect(trail.body.errors).toBeUndefined();
      expect(trail.body.data.auditTrail.nodes.length).toBeGreaterThan(0);
    } else {
      expect(trail.body.errors).toBeUndefined();
      expect(trail.body.data.auditTrail).toEqual({ nodes: [], pageInfo: { hasNextPage: false } });
    }

    // Nothing of a hidden object in any answer.
    if (!sees) for (const res of [node, nodes, trail]) expect(res.raw).not.toContain(secret);
  });
});
