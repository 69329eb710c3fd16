/**
 * The DynamoDB calls an operation can make, estimated before it runs: an upper bound, so a request over the budget
 * is refused before any read. Walks the operation as graphql-js will execute it (fragments, inline fragments,
 * aliases, variables, `@skip`/`@include`) and counts, per field, the calls its resolver declares (dynamodbCalls.ts)
 * times the parent objects it runs for.
 *
 * Each selection is evaluated for `count` parent objects that arrived in at most `groups` separate batches (a root
 * field: 1 and 1; the items of a root page: `first` and 1; the items of a connection nested under a list: one batch
 * per parent). A DataLoader wave costs one BatchGetItem per batch of parents and per 100 keys:
 * at most min(keys, groups + floor((keys − groups) / 100)). A per-parent read costs one call per parent.
 */
import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  getVariableValues,
} from 'graphql';

import { getMetadataStorage } from 'type-graphql';
import type { Context } from '../resolvers/context';
import { aboutTheRequest, apiError } from './language';
import { guardLoadWaves } from '../resolvers/reading';
import {
  DEFAULT_MUTATION_READS,
  FIELD_CALLS,
  FieldCalls,
  LIST_BOUND,
  MUTATION_ATTEMPTS,
  MUTATION_READS,
  PAGE_BOUND,
  UNDECLARED,
} from './dynamodbCalls';
import { included } from './selections';

export interface Estimate {
  /** Upper bound of the DynamoDB calls the operation makes. */
  calls: number;
  /** The field (path of response keys) that costs the most, with what it costs, its subfields included. */
  costliest?: { path: string; calls: number };
}

/** `Type.field` of every field with a resolver of ours (type-graphql's field resolvers, queries and mutations). */
let resolved: Set<string> | undefined;
function resolverFields(): Set<string> {
  if (!resolved) {
    const storage = getMetadataStorage();
    resolved = new Set([
      ...storage.fieldResolvers.map((r) => `${r.getObjectType?.().name}.${r.schemaName}`),
      ...storage.queries.map((q) => `Query.${q.schemaName}`),
      ...storage.mutations.map((m) => `Mutation.${m.schemaName}`),
    ]);
  }
  return resolved;
}

/** What a field's resolver declares: its own entry, its interface's, nothing for a plain property, else UNDECLARED. */
export function declaredCalls(type: GraphQLObjectType, field: string): FieldCalls | undefined {
  const keys = [type.name, ...type.getInterfaces().map((i) => i.name)].map((t) => `${t}.${field}`);
  for (const key of keys) if (FIELD_CALLS[key]) return FIELD_CALLS[key];
  return keys.some((k) => resolverFields().has(k)) ? UNDECLARED : undefined;
}

/** Fields of `type.field` form that have a resolver and no declaration (a test lists them). */
export function undeclaredResolverFields(): string[] {
  return [...resolverFields()].filter((k) => !k.startsWith('Mutation.') && !FIELD_CALLS[k]).sort();
}

/** Calls of one DataLoader wave over `keys` keys read by parents that arrived in `groups` batches. */
function waveCalls(keys: number, groups: number): number {
  if (keys <= 0) return 0;
  const g = Math.max(1, Math.min(groups, keys));
  return Math.min(keys, g + Math.floor((keys - g) / 100));
}

const clampPage = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.min(PAGE_BOUND, Math.floor(n))) : PAGE_BOUND);

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  ctx: Context;
  costliest?: { path: string; calls: number };
}

/** The fields a selection runs for an object of `type`, by response key, as graphql-js collects them. */
function collectFields(
  walk: Walk,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  fields = new Map<string, FieldNode[]>(),
  visited = new Set<string>(),
): Map<string, FieldNode[]> {
  for (const set of selectionSets) {
    for (const selection of set.selections) {
      if (!included(selection, walk.variables)) continue;
      if (selection.kind === 'Field') {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === 'InlineFragment') {
        if (!selection.typeCondition || applies(walk.schema, selection.typeCondition.name.value, type)) {
          collectFields(walk, type, [selection.selectionSet], fields, visited);
        }
      } else {
        const name = selection.name.value;
        const fragment = walk.fragments[name];
        if (!fragment || visited.has(name) || !applies(walk.schema, fragment.typeCondition.name.value, type)) continue;
        visited.add(name);
        collectFields(walk, type, [fragment.selectionSet], fields, visited);
      }
    }
  }
  return fields;
}

function applies(schema: GraphQLSchema, condition: string, type: GraphQLObjectType): boolean {
  if (condition === type.name) return true;
  const conditionType = schema.getType(condition);
  return !!conditionType && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
}

/** The calls of a selection made for `count` objects of `type` that arrived in `groups` batches. */
function selectionCalls(
  walk: Walk,
  type: GraphQLNamedType,
  selectionSets: readonly SelectionSetNode[],
  count: number,
  groups: number,
  path: string,
  page?: number,
): number {
  if (count <= 0 || selectionSets.length === 0) return 0;
  // Objects of an interface or union may be of any of its types: each type's fields are counted as if every object
  // were of that type (an upper bound).
  const types = isAbstractType(type) ? walk.schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
  let total = 0;
  for (const objectType of types) {
    for (const [key, nodes] of collectFields(walk, objectType, selectionSets)) {
      total += fieldCalls(walk, objectType, key, nodes, count, groups, path, page);
    }
  }
  return total;
}

function fieldCalls(
  walk: Walk,
  parent: GraphQLObjectType,
  key: string,
  nodes: FieldNode[],
  count: number,
  groups: number,
  parentPath: string,
  page?: number,
): number {
  const name = nodes[0].name.value;
  if (name.startsWith('__')) return 0; // introspection: no resolver of ours
  const field: GraphQLField<unknown, unknown> | undefined = parent.getFields()[name];
  if (!field) return 0;
  const path = parentPath ? `${parentPath}.${key}` : key;
  const args = getArgumentValues(field, nodes[0], walk.variables);
  // A mutation's own calls are counted by estimateCalls; here only what its payload selects.
  const declared = parent === walk.schema.getMutationType() ? undefined : declaredCalls(parent, name);
  const returned = getNullableType(field.type);
  const named = getNamedType(field.type);
  const isConnection = named.name.endsWith('Connection') && field.args.some((a) => a.name === 'first');
  // A page of `first` or of `last` (a backward page is read as a forward one is); neither: the bound.
  const pageSize = args.first ?? args.last;
  const ids = Array.isArray(args.ids) ? Math.min(args.ids.length, PAGE_BOUND) : undefined;

  // This field's own calls.
  let own = 0;
  let childGroups = groups;
  if (declared) {
    const queries = typeof declared.queries === 'function' ? declared.queries(args, walk.ctx) : declared.queries ?? 0;
    const waves = declared.loads ?? 0;
    const keys =
      declared.keys === 'list' ? LIST_BOUND : declared.keys === 'ids' ? ids ?? PAGE_BOUND : declared.keys === 'first' ? clampPage(pageSize) : declared.keys ?? 1;
    if (queries > 0) {
      // Each parent reads on its own: its loads wait for its queries, so they are its own batches too.
      own = count * (queries + waves * Math.ceil(keys / 100));
      childGroups = count;
    } else if (waves > 0) {
      const perWave = waveCalls(count * keys, groups);
      own = waves * perWave;
      childGroups = perWave;
    }
  }

  // The objects its selection runs for.
  let children = count;
  let childPage: number | undefined;
  if (isConnection) childPage = clampPage(pageSize);
  else if (isListType(returned)) {
    const perParent = declared?.items ?? (declared?.keys === 'ids' ? ids : undefined) ?? (!declared ? page : undefined) ?? LIST_BOUND;
    children = count * perParent;
  }
  // The read rule of what it yields (functions/resolvers/reading.ts): its own waves of loads over every object yielded.
  const guardWaves = guardLoadWaves(walk.schema, parent, field);
  if (guardWaves > 0) own += guardWaves * waveCalls(children * (childPage ?? 1), childGroups);

  const selections = nodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => !!s);
  const below = selectionCalls(walk, named, selections, children, childGroups, path, childPage);
  const calls = own + below;
  if (calls > 0 && (!walk.costliest || calls > walk.costliest.calls || (calls === walk.costliest.calls && path.length < walk.costliest.path.length))) {
    walk.costliest = { path, calls };
  }
  return calls;
}

/**
 * The estimate for one operation. Variables are coerced as execution will coerce them; ones that do not fit are a
 * GraphQLError (the client's), like any argument graphql-js refuses.
 */
export function estimateCalls(options: {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown> | undefined;
  ctx: Context;
}): Estimate {
  const { schema, operation, fragments, ctx } = options;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], options.variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) throw apiError(aboutTheRequest(coerced.errors[0].message), ctx.language);
  const walk: Walk = { schema, fragments, variables: coerced.coerced, ctx };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'query' ? schema.getQueryType() : schema.getSubscriptionType();
  if (!root) return { calls: 0 };
  let calls = 0;
  for (const [key, nodes] of collectFields(walk, root, [operation.selectionSet])) {
    calls += fieldCalls(walk, root, key, nodes, 1, 1, '');
    if (operation.operation === 'mutation' && !nodes[0].name.value.startsWith('__')) {
      // The mutation itself: its reads and its one transaction, on every attempt `mutate()` may make; with an
      // Idempotency-Key, each attempt also looks for the request's earlier answer (one GetItem).
      const reads = MUTATION_READS[nodes[0].name.value] ?? DEFAULT_MUTATION_READS;
      const mutation = MUTATION_ATTEMPTS * (reads + 1 + (ctx.idempotencyKey ? 1 : 0));
      calls += mutation;
      if (!walk.costliest || mutation > walk.costliest.calls) walk.costliest = { path: key, calls: mutation };
    }
  }
  return { calls, costliest: walk.costliest };
}
