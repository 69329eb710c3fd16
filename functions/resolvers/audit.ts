/** The audit trail as queries: per object, and per person who acted. */
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { AUDITED_TYPES, AuditEvent as AuditRecord, AuditedType } from '../domain/audit';
import { assertMayReadActionsOf } from '../domain/reading';
import { notAnIdOf } from '../domain/refusal';
import { listAuditByActor, listAuditOfObject } from '../store/audit';
import { objectPk } from '../store/store';
import { getPerson } from '../store/people';
import { Node, PageArgs, PeriodArgs } from '../../graphql/common';
import { AuditEvent, AuditEventConnection, Audited } from '../../graphql/audit';
import { Person } from '../../graphql/people';
import { fromGlobalId } from '../../graphql/globalId';
import { Context } from './context';
import { globalId, keyOf, read, connection, EMPTY_PAGE } from './support';
import { askedPeriod } from '../domain/period';
import { loadNode } from './node';

const AUDITED: readonly string[] = AUDITED_TYPES;

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    description:
      'あるオブジェクトの監査証跡(古い順、期間で絞込み可)。閲覧できるオブジェクトの証跡のみ返し、それ以外は存在しない場合と同じく空。 / The audit trail of one object, oldest first; empty, as for no object, when the viewer may not read the object.',
  })
  auditTrail(
    @Arg('objectId', () => ID, { description: '対象のオブジェクトのグローバルID。 / The global id of the object.' }) objectId: string,
    @Args() paging: PageArgs,
    @Args() period: PeriodArgs,
    @Ctx() ctx: Context,
  ) {
    return read(ctx, async () => {
      const within = askedPeriod(period);
      const id = fromGlobalId(objectId);
      if (!id || !AUDITED.includes(id.type)) notAnIdOf(['監査証跡を持つオブジェクト', 'audited object'], ['objectId']);
      // An object the viewer may not read has no trail for them, as one that does not exist (functions/domain/reading.ts).
      if (!(await loadNode(ctx, objectId))) return connection(EMPTY_PAGE);
      return connection(await listAuditOfObject(ctx.store, id.type as AuditedType, id.key, paging, within));
    });
  }

  @Query(() => AuditEventConnection, {
    description:
      'ある職員が行った操作(新しい順、期間で絞込み可)。本人、情報システム管理者、総括管理責任者が閲覧できる。閲覧できないオブジェクトへの操作は含まない。 / What one person did, newest first; for that person, the system administrator and the general manager, leaving out what was done to objects the viewer may not read.',
  })
  auditTrailByPerson(
    @Arg('personId', () => ID, { description: '操作した職員。 / The person who acted.' }) personId: string,
    @Args() paging: PageArgs,
    @Args() period: PeriodArgs,
    @Ctx() ctx: Context,
  ) {
    return read(ctx, async () => {
      const within = askedPeriod(period);
      const key = keyOf(personId, 'Person', 'personId');
      assertMayReadActionsOf(ctx.viewer, key, ctx.clock());
      return connection(await listAuditByActor(ctx.store, key, paging, within));
    });
  }

  @FieldResolver(() => ID, { description: 'グローバルID(不透明)。 / Opaque global id.' })
  id(@Root() e: AuditRecord) {
    return globalId('AuditEvent', `${objectPk(e.objectType, e.objectId)}|AUDIT#${e.at}#${e.id}`);
  }

  @FieldResolver(() => Person, { nullable: true, description: '操作した者。 / Who acted.' })
  actor(@Root() e: AuditRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, e.actorId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '職務代理のとき、代理された役割の保有者(代決)。 / When the actor acted for a role holder, that holder.' })
  actingFor(@Root() e: AuditRecord, @Ctx() ctx: Context) {
    return e.actingFor ? getPerson(ctx.store, e.actingFor) : null;
  }

  @FieldResolver(() => Node, { nullable: true, description: '変更されたオブジェクト(現在の状態)。 / The object changed, as it is now.' })
  object(@Root() e: AuditRecord, @Ctx() ctx: Context) {
    return loadNode(ctx, globalId(e.objectType, e.objectId));
  }
}

/** Every kind's own audit trail, resolved once here for every type that implements Audited. */
@Resolver(() => Audited)
export class AuditedResolver {
  @FieldResolver(() => AuditEventConnection, { description: '監査証跡(古い順)。 / Its audit trail, oldest first.' })
  auditTrail(@Root() o: { id: string }, @Args() paging: PageArgs, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listAuditOfObject(ctx.store, info.parentType.name as AuditedType, o.id, paging)));
  }
}

export const auditResolvers: Function[] = [AuditResolver, AuditedResolver];
