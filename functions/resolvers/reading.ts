/**
 * The read rule of every kind (functions/domain/reading.ts), asked on every path to an object. `readable` answers
 * for one object, loading what its rule needs; `guardReads` wraps every field of the schema that can yield an
 * object of a restricted kind (the kind itself, a list or connection of it, an interface it implements, an audit
 * event), so a field added later is guarded without anyone remembering to: an object the viewer may not read is
 * null, or absent from its list.
 */
import {
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  isNonNullType,
  GraphQLResolveInfo,
  GraphQLSchema,
  defaultFieldResolver,
  getNamedType,
  isAbstractType,
  isObjectType,
} from 'graphql';
import { AUDITED_TYPES, AuditEvent, AuditedType } from '../domain/audit';
import { READ_RULES, ReadContext, mayReadAuditEvent, mayReadObject } from '../domain/reading';
import { getObject } from '../store/kinds';
import { getPerson } from '../store/people';
import { Context } from './context';
import { apiError } from '../api/language';

const AUDITED: ReadonlySet<string> = new Set(AUDITED_TYPES);

/** The kinds a rule restricts, and the audit event (readable exactly when its object is). */
const GUARDED: ReadonlySet<string> = new Set([...AUDITED_TYPES.filter((t) => READ_RULES[t].article !== undefined), 'AuditEvent']);

async function contextFor(ctx: Context, type: AuditedType, object: object): Promise<ReadContext> {
  if (READ_RULES[type].needsParent) {
    // An attachment: the object it belongs to, with what that object's own rule needs.
    const { objectType, objectId } = object as { objectType?: AuditedType; objectId?: string };
    const parent = objectType && objectId ? await getObject(ctx.store, objectType, objectId) : undefined;
    return parent && objectType ? { parent: { kind: objectType, object: parent, context: await contextFor(ctx, objectType, parent) } } : {};
  }
  if (!READ_RULES[type].needsOwner) return {};
  const personId = (object as { personId?: string }).personId;
  const owner = personId ? await getPerson(ctx.store, personId) : undefined;
  return { owner };
}

/** Whether the viewer may read this object of this type (an audit event: whether they may read its object). */
export async function readable(ctx: Context, type: string, object: object): Promise<boolean> {
  const now = ctx.clock();
  if (type === 'AuditEvent') {
    const e = object as AuditEvent;
    const subject = await getObject(ctx.store, e.objectType, e.objectId);
    return !!subject && mayReadAuditEvent(ctx.viewer, e, subject, now, await contextFor(ctx, e.objectType, subject));
  }
  if (!AUDITED.has(type)) return true;
  return mayReadObject(ctx.viewer, type as AuditedType, object, now, await contextFor(ctx, type as AuditedType, object));
}

/** The type of one value of a field whose named type is `named`: its own for an object type, its tag for an interface. */
function typeOf(value: unknown, named: GraphQLNamedType): string | undefined {
  if (isObjectType(named)) return named.name;
  return (value as { __typename?: string } | null)?.__typename;
}

async function keep(ctx: Context, value: unknown, named: GraphQLNamedType): Promise<boolean> {
  if (value === null || value === undefined || typeof value !== 'object') return true;
  const type = typeOf(value, named);
  // An interface value without its tag cannot be told apart: never shown.
  if (type === undefined) return false;
  return !GUARDED.has(type) || readable(ctx, type, value);
}

async function onlyReadable<T>(ctx: Context, items: T[], named: GraphQLNamedType): Promise<T[]> {
  const kept = await Promise.all(items.map((i) => keep(ctx, i, named)));
  return items.filter((_, i) => kept[i]);
}

interface ConnectionValue {
  nodes?: unknown[];
  edges?: { node: unknown }[];
}

/** What a field can yield: a guarded object (or list of them), a connection of them, or nothing to guard. */
type Guard = { kind: 'object'; named: GraphQLNamedType } | { kind: 'connection'; named: GraphQLNamedType };

function mayYieldGuarded(schema: GraphQLSchema, named: GraphQLNamedType): boolean {
  if (isObjectType(named)) return GUARDED.has(named.name);
  if (isAbstractType(named)) return schema.getPossibleTypes(named).some((t) => GUARDED.has(t.name));
  return false;
}

function guardOf(schema: GraphQLSchema, parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>): Guard | undefined {
  // An object's own `auditTrail` lists the events of that object, which the viewer has just read through a guarded
  // path: each event is readable exactly as its object is, so there is nothing left to ask (nor to load).
  if (field.name === 'auditTrail' && parent !== schema.getQueryType()) return undefined;
  const named = getNamedType(field.type);
  if (mayYieldGuarded(schema, named)) return { kind: 'object', named };
  if (isObjectType(named) && named.name.endsWith('Connection')) {
    const nodes = named.getFields().nodes;
    const nodeType = nodes && getNamedType(nodes.type);
    if (nodeType && mayYieldGuarded(schema, nodeType)) return { kind: 'connection', named: nodeType };
  }
  return undefined;
}

/** A field that must yield an object yields none the viewer may not read: the request is refused, nothing shown. */
function hidden(ctx: Context): never {
  throw apiError(['閲覧する権限のない情報が含まれています。', 'The request reaches something you may not read.'], ctx.language, {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}

async function applyGuard(ctx: Context, guard: Guard, value: unknown, required: boolean): Promise<unknown> {
  if (value === null || value === undefined) return value;
  if (guard.kind === 'connection') {
    const c = value as ConnectionValue;
    const nodes = c.nodes ? await onlyReadable(ctx, c.nodes, guard.named) : undefined;
    const shown = new Set(nodes);
    const edges = c.edges?.filter((e) => (nodes ? shown.has(e.node) : true));
    return { ...c, ...(nodes ? { nodes } : {}), ...(edges ? { edges: nodes ? edges : await onlyReadableEdges(ctx, edges, guard.named) } : {}) };
  }
  if (Array.isArray(value)) return onlyReadable(ctx, value, guard.named);
  if (await keep(ctx, value, guard.named)) return value;
  return required ? hidden(ctx) : null;
}

async function onlyReadableEdges(ctx: Context, edges: { node: unknown }[], named: GraphQLNamedType) {
  const kept = await Promise.all(edges.map((e) => keep(ctx, e.node, named)));
  return edges.filter((_, i) => kept[i]);
}

/**
 * Waves of item reads the guard of this field can make, for the estimate of DynamoDB calls (functions/api/estimate.ts):
 * the objects of the audit events it yields, then the owners of password records. A connection's `nodes` and its
 * edges' `node` re-check what their connection already read (the loads are cached): none.
 */
export function guardLoadWaves(schema: GraphQLSchema, parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>): number {
  if (parent.name.endsWith('Connection') || parent.name.endsWith('Edge')) return 0;
  return guardOf(schema, parent, field) ? 2 : 0;
}

/**
 * Wraps the resolver of every field that can yield a guarded kind, so what it returns passes the read rule. Fields
 * of other kinds keep their resolvers untouched (no cost on the open register).
 */
export function guardReads(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      const guard = guardOf(schema, type, field);
      if (!guard) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const required = isNonNullType(field.type);
      field.resolve = async (source: unknown, args: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo) =>
        applyGuard(ctx, guard, await resolve(source, args, ctx, info), required);
    }
  }
  return schema;
}
