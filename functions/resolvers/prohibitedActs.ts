/**
 * 禁止行為 (第25条): the exceptions the system administrator may allow — software beyond what was delivered (第2号)
 * and a protected portable device taken outside (第3号) — and the devices found connected (第1号, no exception).
 */
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { DeviceFinding as FindingRecord, ProhibitedActException as ExceptionRecord, FINDING_ARTICLE, KIND_ARTICLE } from '../domain/prohibitedActs';
import { assertMayReadExceptionLists, assertMayReadFindings, deviceFinding, exceptionActions, isInForce, isReturnOverdue, prohibitedActException } from '../domain/prohibitedActs';
import { addDays } from '../domain/period';
import { tokyoDate } from '../domain/people';
import { getDepartment, getPerson } from '../store/people';
import { getSystem } from '../store/systems';
import { listExceptionsOfPerson, listFindings, listPendingExceptions, listReturnsDueBy } from '../store/prohibitedActs';
import { PageArgs } from '../../graphql/common';
import { DeviceFinding, DeviceFindingConnection, DeviceFindingPayload, ProhibitedActException, ProhibitedActExceptionConnection, ProhibitedActExceptionPayload } from '../../graphql/prohibitedActs';
import { DecideProhibitedActExceptionInput, RecordDeviceFindingInput, RecordEquipmentReturnInput, RequestProhibitedActExceptionInput } from '../../graphql/prohibitedActs';
import { Department, Person } from '../../graphql/people';
import { System } from '../../graphql/systems';
import { equipmentField } from './equipment';
import { computed, related } from './fields';
import { Context } from './context';
import { actionsOf, iso, read, INPUT, connection } from './support';
import { change, create, load, loadOptional } from './write';
import type { ListPage } from '../store/table';

const payload = (exception: ExceptionRecord) => ({ exception });
const exception = (input: { exceptionId: string; expectedVersion: number }) => ({ kind: 'ProhibitedActException' as const, id: input.exceptionId, field: 'exceptionId', expectedVersion: input.expectedVersion });
/** A list of the system administrator's (第25条): anyone else is refused. */
function administratorsList(ctx: Context, which: Parameters<typeof assertMayReadExceptionLists>[2], list: () => Promise<ListPage<ExceptionRecord>>) {
  return read(ctx, async () => {
    assertMayReadExceptionLists(ctx.viewer, ctx.clock(), which);
    return connection(await list());
  });
}

@Resolver(() => ProhibitedActException)
export class ProhibitedActsResolver {
  @Query(() => ProhibitedActExceptionConnection, {
    description: '判断待ちの例外の申出(古い順、情報システム管理者、第25条)。 / Requests awaiting the system administrator, oldest first.',
  })
  pendingProhibitedActExceptions(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return administratorsList(ctx, 'pending', () => listPendingExceptions(ctx.store, paging));
  }

  @Query(() => ProhibitedActExceptionConnection, {
    description: '返却期限を過ぎた持ち出し機器(期限の古い順、情報システム管理者、第25条第3号)。 / Devices taken outside and not back after their period, oldest first.',
  })
  overdueEquipmentReturns(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return administratorsList(ctx, 'overdueReturns', () => listReturnsDueBy(ctx.store, addDays(tokyoDate(ctx.clock()), -1), paging));
  }

  @Query(() => ProhibitedActExceptionConnection, { description: '自分の例外の申出(新しい順)。 / The viewer’s own requests, newest first.' })
  myProhibitedActExceptions(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listExceptionsOfPerson(ctx.store, ctx.viewer.person.id, paging)));
  }

  @Mutation(() => ProhibitedActExceptionPayload, {
    description:
      '第25条の例外の申出: ソフトウェアの導入(第2号)又は携帯用機器の持ち出し(第3号)。職員等なら誰でも。 / Ask for an exception to 第25条 (any of the staff).',
  })
  requestProhibitedActException(@Arg('input', { description: INPUT }) input: RequestProhibitedActExceptionInput, @Ctx() ctx: Context) {
    const { kind, reason, period, software, device, portable, protections, protectionDetails } = input;
    const stated = { software: software ?? undefined, device: device ?? undefined, portable: portable ?? undefined, protections: protections ?? undefined, protectionDetails: protectionDetails ?? undefined };
    const decoded = { kind, reason, period: { from: period.from, until: period.until }, ...stated };
    return create(ctx, async (now, id) => {
      const system = await load(ctx, 'System', input.systemId, 'systemId');
      return prohibitedActException.request(ctx.viewer, system, decoded, id, now, await loadOptional(ctx, 'Equipment', input.equipmentId, 'equipmentId'));
    }, payload);
  }

  @Mutation(() => ProhibitedActExceptionPayload, {
    description: '例外の申出の判断: 必要と認めて承認、又は理由を付して不承認(情報システム管理者)。 / Decide a request (the system administrator).',
  })
  decideProhibitedActException(@Arg('input', { description: INPUT }) input: DecideProhibitedActExceptionInput, @Ctx() ctx: Context) {
    return change(ctx, exception(input), (e, now) => prohibitedActException.decide(ctx.viewer, e, input.approve, input.reason ?? undefined, now), payload);
  }

  @Mutation(() => ProhibitedActExceptionPayload, {
    description: '持ち出した機器の返却の記録(持ち出した者又は情報システム管理者)。 / Record that the device is back (who took it out, or the system administrator).',
  })
  recordEquipmentReturn(@Arg('input', { description: INPUT }) input: RecordEquipmentReturnInput, @Ctx() ctx: Context) {
    return change(ctx, exception(input), (e, now) => prohibitedActException.recordReturn(ctx.viewer, e, input.returnedOn ?? undefined, now), payload);
  }

  @Query(() => DeviceFindingConnection, {
    description: '機器の接続の発見(新しい順、システムで絞込み可、情報システム管理者・情報管理責任者、第25条第1号)。 / Devices found connected, newest first (the system administrator and information managers).',
  })
  deviceFindings(@Args() paging: PageArgs, @Arg('systemId', () => ID, { nullable: true, description: 'このシステムに絞り込む。 / Only those on this system.' }) systemId: string | undefined, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      assertMayReadFindings(ctx.viewer, ctx.clock());
      return connection(await listFindings(ctx.store, paging, (await loadOptional(ctx, 'System', systemId, 'systemId'))?.id));
    });
  }

  @Mutation(() => DeviceFindingPayload, {
    description:
      '運用に支障を及ぼし又は盗聴のおそれのある機器の接続の発見の記録(情報システム管理者又は情報管理責任者、第25条第1号)。 / Record a device found connected (the system administrator or an information manager).',
  })
  recordDeviceFinding(@Arg('input', { description: INPUT }) input: RecordDeviceFindingInput, @Ctx() ctx: Context) {
    const { device, description, eavesdropping, actionTaken } = input;
    return create(ctx, async (now, id) => {
      const system = await load(ctx, 'System', input.systemId, 'systemId');
      const equipment = await loadOptional(ctx, 'Equipment', input.equipmentId, 'equipmentId');
      return deviceFinding.record(ctx.viewer, system, { device, description, eavesdropping, actionTaken, foundAt: input.foundAt ? iso(input.foundAt) : now }, id, now, equipment);
    }, (finding: FindingRecord) => ({ finding }));
  }
}

const ExceptionFields = computed<ExceptionRecord>(ProhibitedActException, {
  equipment: equipmentField('持ち出す機器(電子計算機器の台帳にある場合)。 / The device taken outside, when in the register of equipment.'),
  system: [() => System, (e, ctx) => getSystem(ctx.store, e.systemId), { description: '対象のシステム。 / The system concerned.' }],
  requestedBy: [() => Person, (e, ctx) => getPerson(ctx.store, e.requestedBy), { description: '申し出た者。 / Who asked.' }],
  department: [() => Department, (e, ctx) => getDepartment(ctx.store, e.departmentId), { description: '申し出た者の主管課(申出時)。 / The asker’s department, when asked.' }],
  decidedBy: [() => Person, (e, ctx) => related(ctx, getPerson, e.decidedBy), { nullable: true, description: '判断した情報システム管理者。 / Who decided.' }],
  article: [() => String, (e) => KIND_ARTICLE[e.kind], { description: '根拠条文。 / The article.' }],
  inForce: [() => Boolean, (e, ctx) => isInForce(e, ctx.clock()), { description: '本日有効か(承認済みで期間内)。 / Whether it lets its holder act today.' }],
  returnOverdue: [() => Boolean, (e, ctx) => isReturnOverdue(e, ctx.clock()), { description: '返却期限を過ぎて未返却か。 / Whether the device is overdue back.' }],
  viewerCanDecide: [() => Boolean, (e, ctx) => actionsOf(ctx, e, exceptionActions).decide, { description: '判断できるか(情報システム管理者、判断待ち)。 / Whether the viewer may decide it.' }],
  viewerCanRecordReturn: [() => Boolean, (e, ctx) => actionsOf(ctx, e, exceptionActions).recordReturn, { description: '返却を記録できるか(持ち出した者又は情報システム管理者)。 / Whether the viewer may record the device back.' }],
});

const FindingFields = computed<FindingRecord>(DeviceFinding, {
  equipment: equipmentField('発見した機器(電子計算機器の台帳にある場合)。 / The device found, when in the register of equipment.'),
  system: [() => System, (f, ctx) => getSystem(ctx.store, f.systemId), { description: '機器が接続された行政システム。 / The system it was connected to.' }],
  recordedBy: [() => Person, (f, ctx) => getPerson(ctx.store, f.recordedBy), { nullable: true, description: '記録した者。 / Who recorded it.' }],
  article: [() => String, () => FINDING_ARTICLE, { description: '根拠条文。 / The article.' }],
});

export const prohibitedActResolvers: Function[] = [ProhibitedActsResolver, ExceptionFields, FindingFields];
