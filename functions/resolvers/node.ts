/** `node(id)` and `nodes(ids)`: any object by its global id. */
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { NODE_TYPES, NodeType, fromGlobalId, toGlobalId } from '../../graphql/globalId';
import { MAX_PAGE, Node } from '../../graphql/common';
import { getAuditEvent } from '../store/audit';
import { getObject } from '../store/kinds';
import { Context } from './context';
import { readable } from './reading';
import { apiError } from '../api/language';

/** The object of this type and key as stored, whoever asks: callers that answer a client use `loadNode`. */
export async function loadObject(ctx: Context, type: NodeType, key: string): Promise<object | undefined> {
  let value: object | undefined;
  if (type === 'AuditEvent') {
    const [pk, sk] = key.split('|');
    value = pk && sk ? await getAuditEvent(ctx.store, pk, sk) : undefined;
  } else {
    value = await getObject(ctx.store, type, key);
  }
  return value && { ...value, __typename: type };
}

/** Any object by its global id, when the viewer may read it (functions/domain/reading.ts); otherwise undefined. */
export async function loadNode(ctx: Context, id: string): Promise<object | undefined> {
  const decoded = fromGlobalId(id);
  if (!decoded) return undefined;
  const value = await loadObject(ctx, decoded.type, decoded.key);
  return value && (await readable(ctx, decoded.type, value)) ? value : undefined;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'グローバルIDによる取得。 / Any object by its global id.' })
  node(@Arg('id', () => ID, { description: 'グローバルID。 / The global id.' }) id: string, @Ctx() ctx: Context) {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: '複数のグローバルIDによる取得(最大100)。 / Several objects by id (at most 100).' })
  nodes(@Arg('ids', () => [ID], { description: 'グローバルID(最大100件)。 / The global ids (at most 100).' }) ids: string[], @Ctx() ctx: Context) {
    if (ids.length > MAX_PAGE) {
      throw apiError([`一度に指定できるIDは ${MAX_PAGE} 件までです。`, `Ask for at most ${MAX_PAGE} ids at once.`], ctx.language, {
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'ids' },
      });
    }
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}

/**
 * The global id of every object, from its type and its key: resolved once here for every type that implements Node.
 * A type whose key is not its `id` (an audit event, a top-page link) resolves its own.
 */
@Resolver(() => Node)
export class NodeIdResolver {
  @FieldResolver(() => ID)
  id(@Root() o: { id: string }, @Info() info: GraphQLResolveInfo) {
    const type = info.parentType.name as NodeType;
    if (!(NODE_TYPES as readonly string[]).includes(type)) throw new Error(`${type} is not a node type`);
    return toGlobalId(type, o.id);
  }
}

export const nodeResolvers = [NodeResolver, NodeIdResolver] as const;
