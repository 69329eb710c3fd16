/**
 * Fields an object's record does not hold, computed from the record and the request — a related object loaded by the
 * key the record carries, what the viewer may do (`actionsOf`), a value of the domain at this moment — declared as one
 * table per GraphQL type: `{ field: [type, resolve, options] }`. Each entry becomes a field resolver of that type,
 * exactly as a decorated method `field(@Root() record, @Ctx() ctx)` would (name, type, nullability, description).
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Store } from '../store/store';
import { Context } from './context';

type FieldArgs = Parameters<typeof FieldResolver>;

/** One computed field: its GraphQL type, how it is resolved, and its options (nullability, description). */
export type Computed<R> = [type: NonNullable<FieldArgs[0]>, resolve: (record: R, ctx: Context) => unknown, options?: FieldArgs[1]];

/** The field resolvers of the GraphQL type `of`, one per entry of `fields`. */
export function computed<R>(of: Function, fields: Record<string, Computed<R>>): Function {
  @Resolver(() => of)
  class Fields {}
  Object.defineProperty(Fields, 'name', { value: `${of.name}Fields` });
  for (const [name, [type, resolve, options]] of Object.entries(fields)) {
    Object.defineProperty(Fields.prototype, name, { value: resolve });
    FieldResolver(type, options)(Fields.prototype, name, Object.getOwnPropertyDescriptor(Fields.prototype, name)!);
    Root()(Fields.prototype, name, 0);
    Ctx()(Fields.prototype, name, 1);
  }
  return Fields;
}

/** The object `get` loads by `key` (one DataLoader read), or null where the record carries no key. */
export function related<T>(ctx: Context, get: (store: Store, key: string) => Promise<T | undefined>, key: string | undefined): Promise<T | undefined> | undefined {
  return key ? get(ctx.store, key) : undefined;
}
