/**
 * The read authorization matrix's vocabulary (test/api/readMatrix.test.ts): its cells, its rows, the queries it
 * sends, and the demo objects (or fresh fixtures) each row reads. The columns are the seven kinds of person of the
 * mutation matrix (ACTORS, test/support/matrix.ts), in the same order.
 */
import {
  GraphQLField,
  GraphQLNamedType,
  GraphQLOutputType,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { AuditedType } from '../../functions/domain/audit';
import { NodeType } from '../../graphql/globalId';
import { Actor, api, schema } from './matrix';

export const queryFields = schema.getQueryType()?.getFields() ?? {};

/** What each column is, for the names of the cells. */
export const LABELS: Record<Actor, string> = {
  'fuku-shichou': '総括管理責任者',
  'soumu-director': '情報システム管理者',
  'shimin-manager': '市民課の情報管理責任者',
  'kenkou-manager': '健康推進課の情報管理責任者',
  'soumu-manager': '総務課の情報管理責任者(ホームページ運用管理者)',
  'digital-manager': 'デジタル推進課の情報管理責任者(ホームページシステム管理者)',
  'shimin-staff': '市民課の職員',
};
export const who = (actor: Actor) => `${LABELS[actor]} (${actor})`;

// ─── Query rows ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * `SEES`: the field answers, no error (and holds the row's `shows` object when it names one). `EMPTY`: it answers,
 * no error, and holds nothing (null, no items): the viewer may read nothing in it. `FORBIDDEN 第N条`: a top-level
 * error with extensions.code FORBIDDEN and extensions.article, and no data for the field.
 */
export type QueryCell = 'SEES' | 'EMPTY' | `FORBIDDEN 第${string}`;
export const SEES = 'SEES';
export const EMPTY = 'EMPTY';

export interface QueryRow {
  /** The Query field. */
  query: string;
  /** What the row is about when a field has several (whose trail, which object). */
  variant?: string;
  /** The rule that lets people read it, for the names of the SEES and EMPTY cells (e.g. `第26条`, `the open register`). */
  rule: string;
  /** One cell per actor, in the order of ACTORS. */
  cells: [QueryCell, QueryCell, QueryCell, QueryCell, QueryCell, QueryCell, QueryCell];
  /** The field's arguments (`first` is added when the field pages and the row does not give it). */
  variables?: (actor: Actor) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** A global id the answer holds for a SEES cell, and never for an EMPTY one. */
  shows?: () => Promise<string>;
}

/** A small selection of a type: the ids of a connection's nodes, an object's id, or its __typename. */
function selectionOf(named: GraphQLNamedType): string {
  if (isObjectType(named)) {
    const fields = named.getFields();
    if ('nodes' in fields && named.name.endsWith('Connection')) return `nodes { ${selectionOf(getNamedType(fields.nodes.type))} } pageInfo { hasNextPage }`;
    return 'id' in fields ? '__typename id' : '__typename';
  }
  if (isInterfaceType(named)) return 'id' in named.getFields() ? '__typename id' : '__typename';
  if (isUnionType(named)) return '__typename ... on Node { id }';
  return '';
}

/** The operation a row sends: the field with its arguments as variables, and a small selection of ids. */
export function operationOf(field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>): string {
  const args = field.args.filter((a) => a.name in variables);
  const decl = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = selectionOf(getNamedType(field.type as GraphQLOutputType));
  return `query${decl ? `(${decl})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection ? ` { ${selection} }` : ''} }`;
}

/** Whether an answer holds nothing: null, a list of nothing (or of nulls), a connection without nodes. */
export function holdsNothing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.every((v) => v === null);
  if (typeof value === 'object' && 'nodes' in (value as object)) return (value as { nodes: unknown[] }).nodes.length === 0;
  return false;
}

// ─── Kind rows ─────────────────────────────────────────────────────────────────────────────────────────────────

/** `SEES`: node, nodes and its audit trail answer it. `HIDDEN 第N条`: they answer as for no object (READ_RULES' article). */
export type KindCell = 'SEES' | `HIDDEN 第${string}`;

export interface KindRow {
  /** The kind (NODE_TYPES). */
  kind: NodeType;
  /** Which object of the kind, when a kind has several rows (whose record, which object's event). */
  variant?: string;
  /** The object, as the names of the cells say it (e.g. `a virus incident`). */
  what: string;
  /** For an audit event: the kind of the object it records, whose rule it follows. */
  of?: AuditedType;
  cells: [KindCell, KindCell, KindCell, KindCell, KindCell, KindCell, KindCell];
  /** The object's global id, from the demo city or a fixture made through the API. */
  id: () => Promise<string>;
  /**
   * A scalar field of the kind whose value (read as the system administrator) a SEES answer holds and a HIDDEN one
   * never does (the first non-null String field of the kind when absent); for an audit event, `secret` names the
   * text instead (its object's, in `after`).
   */
  field?: string;
  secret?: () => Promise<string>;
}

/** Memoises a fixture, so every cell of a row (and the query rows that show it) read the same object. */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** The id of the first audit event of an object, read as the system administrator. */
export async function firstEventOf(objectId: string): Promise<string> {
  const data = await api.data('soumu-director', 'query($id: ID!) { auditTrail(objectId: $id, first: 1) { nodes { id } } }', { id: objectId });
  const [event] = data.auditTrail.nodes;
  if (!event) throw new Error(`no audit event of ${objectId}`);
  return event.id;
}

/** Ids of the objects a query answers for `personId`, with their __typename (for fixtures of kinds only lists name). */
export async function idsIn(personId: string, query: string, variables: Record<string, unknown> = {}): Promise<{ __typename: string; id: string }[]> {
  const data = await api.data(personId, query, variables);
  const value = Object.values(data)[0] as { nodes: { __typename: string; id: string }[] };
  return value.nodes;
}

/** The field a kind row reads: its own, or the kind's first non-null String field. */
export function fieldOf(row: KindRow): string {
  if (row.field) return row.field;
  const type = schema.getType(row.kind);
  if (!isObjectType(type)) throw new Error(`${row.kind} is not an object type`);
  const found = Object.values(type.getFields()).find((f) => f.name !== 'id' && f.type.toString() === 'String!');
  if (!found) throw new Error(`${row.kind} has no String! field: name one in its row`);
  return found.name;
}
