/** 電子計算機器 (第2条第8号): the register of equipment, kept by whoever maintains each system (第10条). */
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Equipment as EquipmentRecord, equipment, equipmentActions } from '../domain/equipment';
import { getEquipment, listEquipment } from '../store/equipment';
import { getDepartment, getPerson } from '../store/people';
import { getRoom } from '../store/serverRoom';
import { getSystem } from '../store/systems';
import { PageArgs } from '../../graphql/common';
import { Equipment, EquipmentConnection, EquipmentPayload, RegisterEquipmentInput, RemoveEquipmentInput } from '../../graphql/equipment';
import { Department, Person } from '../../graphql/people';
import { ServerRoom } from '../../graphql/serverRoom';
import { System } from '../../graphql/systems';
import { Computed, computed, related } from './fields';
import { Context } from './context';
import { actionsOf, read, INPUT, connection } from './support';
import { change, create, load, loadOptional } from './write';

const payload = (e: EquipmentRecord) => ({ equipment: e });

@Resolver(() => Equipment)
export class EquipmentResolver {
  @Query(() => EquipmentConnection, { description: '電子計算機器の台帳(登録順、システムで絞込み可、第2条第8号)。 / The register of equipment, in the order registered.' })
  equipmentRegister(@Args() paging: PageArgs, @Arg('systemId', () => ID, { nullable: true, description: 'このシステムに絞り込む。 / Only this system’s.' }) systemId: string | undefined, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listEquipment(ctx.store, paging, (await loadOptional(ctx, 'System', systemId, 'systemId'))?.id)));
  }

  @Mutation(() => EquipmentPayload, {
    description: '電子計算機器の登録(システムの維持管理を行う情報管理責任者又は情報システム管理者、第2条第8号・第10条)。 / Register equipment (the information manager maintaining the system, or the system administrator).',
  })
  registerEquipment(@Arg('input', { description: INPUT }) input: RegisterEquipmentInput, @Ctx() ctx: Context) {
    const { kind, identifier } = input;
    return create(ctx, async (now, id) => {
      const system = await load(ctx, 'System', input.systemId, 'systemId');
      const roomId = (await loadOptional(ctx, 'ServerRoom', input.roomId, 'roomId'))?.id;
      const officeDepartmentId = (await loadOptional(ctx, 'Department', input.officeDepartmentId, 'officeDepartmentId'))?.id;
      const stated = { description: input.description ?? undefined, locationDetail: input.locationDetail ?? undefined };
      return equipment.register(ctx.viewer, system, { kind, identifier, roomId, officeDepartmentId, ...stated }, id, now);
    }, payload);
  }

  @Mutation(() => EquipmentPayload, { description: '電子計算機器の撤去(台帳には残る、第2条第8号・第10条)。 / Remove equipment from use (it stays in the register).' })
  removeEquipment(@Arg('input', { description: INPUT }) input: RemoveEquipmentInput, @Ctx() ctx: Context) {
    const target = { kind: 'Equipment' as const, id: input.equipmentId, field: 'equipmentId', expectedVersion: input.expectedVersion };
    return change(ctx, target, (e, now) => equipment.remove(ctx.viewer, e, input.reason, now), payload);
  }
}

const EquipmentFields = computed<EquipmentRecord>(Equipment, {
  system: [() => System, (e, ctx) => getSystem(ctx.store, e.systemId), { description: '属する行政システム。 / The system it belongs to.' }],
  department: [() => Department, (e, ctx) => getDepartment(ctx.store, e.departmentId), { description: '維持管理を行う主管課(第10条)。 / The department maintaining it.' }],
  room: [() => ServerRoom, (e, ctx) => related(ctx, getRoom, e.roomId), { nullable: true, description: '設置したサーバ室。 / The server room it stands in.' }],
  officeDepartment: [() => Department, (e, ctx) => related(ctx, getDepartment, e.officeDepartmentId), { nullable: true, description: '設置した執務室の主管課。 / The department whose office it stands in.' }],
  registeredBy: [() => Person, (e, ctx) => getPerson(ctx.store, e.registeredBy), { nullable: true, description: '登録した者。 / Who registered it.' }],
  removedBy: [() => Person, (e, ctx) => related(ctx, getPerson, e.removedBy), { nullable: true, description: '撤去した者。 / Who removed it.' }],
  viewerCanRemove: [() => Boolean, (e, ctx) => actionsOf(ctx, e, equipmentActions).remove, { description: '撤去できるか。 / Whether the viewer may remove it.' }],
});

export const equipmentResolvers: Function[] = [EquipmentResolver, EquipmentFields];

/** The field `equipment` of an object that may name one (第16条, 第25条, 第26条). */
export const equipmentField = <R extends { equipmentId?: string }>(description: string): Computed<R> => [
  () => Equipment,
  (r, ctx) => related(ctx, getEquipment, r.equipmentId),
  { nullable: true, description },
];
