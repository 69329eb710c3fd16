/**
 * The field helpers every area shares. Fields an object's record does not hold, computed from the record and the request — a related object loaded by the
 * key the record carries, what the viewer may do (`actionsOf`), a value of the domain at this moment — declared as one
 * table per GraphQL type: `{ field: [type, resolve, options] }`. Each entry becomes a field resolver of that type,
 * exactly as a decorated method `field(@Root() record, @Ctx() ctx)` would (name, type, nullability, description).
 */
import { ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { WithLegalBasis, citationOf, citedBases, legalBasesOf } from '../domain/legalBasis';
import { getPerson } from '../store/people';
import { Store } from '../store/store';
import { LegalBasis } from '../../graphql/legalBasis';
import { Person } from '../../graphql/people';
import { Context } from './context';
import { keyOf } from './support';

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

/**
 * The field `name` of `type`: the object of `returns` whose key the record holds (`key`), read by `get`; none without a
 * key. The method is named after its field: type-graphql matches a field to its resolver by method name within a type.
 */
export function relation<R>(type: ClassType, name: string, returns: ClassType, get: (store: Store, key: string) => Promise<unknown>, key: (record: R) => string | undefined, options: { nullable?: boolean; description?: string } = {}): Function {
  @Resolver(() => type)
  class RelationResolver {
    @FieldResolver(() => returns, options)
    [name](@Root() record: R, @Ctx() ctx: Context) {
      const k = key(record);
      return k ? get(ctx.store, k) : undefined;
    }
  }
  return RelationResolver;
}

/** The person a record names (who convened, who voted), null when it names no one. */
export const personField = <R>(type: ClassType, name: string, idOf: (record: R) => string | undefined, description?: string) =>
  relation(type, name, Person, getPerson, idOf, { nullable: true, description });

/** The key of a person named in `field`, decoded, not read: the domain checks who they are (a seat, a member present). */
export const personKey = (id: string, field: string) => keyOf(id, 'Person', field);

/** The department a list is asked for (`departmentId`), decoded, not read; the viewer's own when none is given. */
export const departmentOrOwn = (ctx: Context, id: string | null | undefined) => (id ? keyOf(id, 'Department', 'departmentId') : ctx.viewer.person.departmentId);

/** 根拠法令 of 様式第6号・第8号, the same on both: the bases as law; a record stored before them shows its text as another law. */
export const legalBasisFields = <R extends WithLegalBasis>(): Record<string, Computed<R>> => ({
  legalBases: [() => [LegalBasis], (r) => legalBasesOf(r).map((b) => ({ kind: b.kind, citation: citationOf(b) })), { description: '根拠法令。 / The legal bases.' }],
  legalBasis: [
    () => String,
    (r) => citedBases(r),
    {
      description: '根拠法令(法令名と条項を読点で区切る)。 / The legal bases as one line of citations.',
      deprecationReason: 'legalBases を使ってください。 / Use legalBases.',
    },
  ],
});
