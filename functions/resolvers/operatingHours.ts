/** 操作時間 (第11条): the working calendar, maintenance stops and failures, and whether a system is in service. */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  CALENDAR_ID,
  ServiceInterruption as InterruptionRecord,
  TIME_ZONE,
  WorkingCalendar as CalendarRecord,
  announceMaintenance,
  cancelMaintenance,
  defaultCalendar,
  endInterruption,
  interruptionActions,
  interruptionArticle,
  interruptionState,
  mayManageInterruptions,
  mayUpdateCalendar,
  recordFailure,
  serviceStatus,
  updateCalendar,
} from '../domain/operatingHours';
import { SystemRecord } from '../domain/systems';
import { assertVersion } from '../domain/workflow';
import { getPerson } from '../store/people';
import { getSystem } from '../store/systems';
import { getCalendar, getInterruption, interruptionsEndingFrom, listInterruptionsOfSystem, operatingHoursChange } from '../store/operatingHours';
import { listAuditOfObject } from '../store/audit';
import { Store } from '../store/store';
import { connection, DateTime, PageArgs } from '../../graphql/common';
import {
  AnnounceMaintenanceStopInput,
  CancelMaintenanceStopInput,
  EndServiceInterruptionInput,
  InterruptionState,
  RecordSystemFailureInput,
  ServiceInterruption,
  ServiceInterruptionConnection,
  ServiceInterruptionPayload,
  ServiceStatus,
  UpdateWorkingCalendarInput,
  WorkingCalendar,
  WorkingCalendarPayload,
} from '../../graphql/operatingHours';
import { System } from '../../graphql/systems';
import { Person } from '../../graphql/people';
import { AuditEventConnection } from '../../graphql/audit';
import { Context } from './context';
import { auditEvent, found, keyOf, mutate, newId, outcome, read } from './support';
import { loadSystem } from './systems';

/** The calendar as stored, or the default (version 0) until the administrator first sets it. */
export async function loadCalendar(store: Store): Promise<CalendarRecord> {
  return (await getCalendar(store)) ?? defaultCalendar();
}

/** Whether the system is in service at `at`: the calendar and the interruptions ending at or after `at`. */
export async function statusOf(ctx: Context, system: SystemRecord, at: string) {
  const [calendar, interruptions] = await Promise.all([loadCalendar(ctx.store), interruptionsEndingFrom(ctx.store, system.id, at)]);
  return serviceStatus(system, calendar, interruptions, at);
}

const iso = (d: Date | string) => new Date(d).toISOString();


@Resolver(() => WorkingCalendar)
export class WorkingCalendarResolver {
  @Query(() => WorkingCalendar, { description: '勤務時間の暦(業務系の操作時間、第11条第2項)。 / The city’s working calendar.' })
  workingCalendar(@Ctx() ctx: Context) {
    return loadCalendar(ctx.store);
  }


  @FieldResolver(() => String)
  timeZone() {
    return TIME_ZONE;
  }

  @FieldResolver(() => Person, { nullable: true, description: '最後に更新した者。 / Who last changed it.' })
  updatedBy(@Root() c: CalendarRecord, @Ctx() ctx: Context) {
    return c.updatedBy ? getPerson(ctx.store, c.updatedBy) : undefined;
  }

  @FieldResolver(() => Boolean)
  viewerCanUpdate(@Ctx() ctx: Context) {
    return mayUpdateCalendar(ctx.viewer, ctx.clock());
  }


  @Mutation(() => WorkingCalendarPayload, {
    description: '勤務時間の暦の更新(情報システム管理者、第11条第2項)。 / Replace the working calendar (the system administrator).',
  })
  updateWorkingCalendar(@Arg('input') input: UpdateWorkingCalendarInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = await loadCalendar(ctx.store);
      assertVersion(before.version, input.expectedVersion);
      const after = updateCalendar(ctx.viewer, before, input, now);
      return outcome({ calendar: after }, [operatingHoursChange.calendar(after, before.version === 0 ? undefined : before.version)], [
        auditEvent(ctx, now, 'WorkingCalendar', after.id, 'workingCalendar.updated', before.version === 0 ? undefined : before, after, { article: '第11条第2項' }),
      ]);
    });
  }
}

@Resolver(() => ServiceInterruption)
export class ServiceInterruptionResolver {

  @FieldResolver(() => System)
  system(@Root() i: InterruptionRecord, @Ctx() ctx: Context) {
    return getSystem(ctx.store, i.systemId);
  }

  @FieldResolver(() => String, { description: '根拠条文(第11条第1項第1号等)。 / The article.' })
  async article(@Root() i: InterruptionRecord, @Ctx() ctx: Context) {
    const system = await getSystem(ctx.store, i.systemId);
    return system ? interruptionArticle(system, i.kind) : '第11条';
  }

  @FieldResolver(() => InterruptionState, { description: '現在の状況。 / Where it stands now.' })
  state(@Root() i: InterruptionRecord, @Ctx() ctx: Context) {
    return interruptionState(i, ctx.clock());
  }

  @FieldResolver(() => Person, { nullable: true, description: '周知した者(保守等)。 / Who announced it.' })
  announcedBy(@Root() i: InterruptionRecord, @Ctx() ctx: Context) {
    return i.announcedBy ? getPerson(ctx.store, i.announcedBy) : undefined;
  }

  @FieldResolver(() => Person, { nullable: true, description: '記録した者(障害)。 / Who recorded it.' })
  recordedBy(@Root() i: InterruptionRecord, @Ctx() ctx: Context) {
    return i.recordedBy ? getPerson(ctx.store, i.recordedBy) : undefined;
  }

  @FieldResolver(() => Person, { nullable: true, description: '終了を記録した者。 / Who recorded its end.' })
  endedBy(@Root() i: InterruptionRecord, @Ctx() ctx: Context) {
    return i.endedBy ? getPerson(ctx.store, i.endedBy) : undefined;
  }

  @FieldResolver(() => Person, { nullable: true, description: '中止した者。 / Who called it off.' })
  cancelledBy(@Root() i: InterruptionRecord, @Ctx() ctx: Context) {
    return i.cancelledBy ? getPerson(ctx.store, i.cancelledBy) : undefined;
  }

  @FieldResolver(() => Boolean, { description: '終了(復旧・早期終了)を記録できるか。 / Whether the viewer may end it.' })
  async viewerCanEnd(@Root() i: InterruptionRecord, @Ctx() ctx: Context) {
    const system = await getSystem(ctx.store, i.systemId);
    return !!system && interruptionActions(ctx.viewer, system, i, ctx.clock()).end;
  }

  @FieldResolver(() => Boolean, { description: '中止できるか。 / Whether the viewer may call it off.' })
  async viewerCanCancel(@Root() i: InterruptionRecord, @Ctx() ctx: Context) {
    const system = await getSystem(ctx.store, i.systemId);
    return !!system && interruptionActions(ctx.viewer, system, i, ctx.clock()).cancel;
  }


  @Mutation(() => ServiceInterruptionPayload, {
    description:
      '保守等によるサービス停止の周知。情報系は開始前に限る(第11条第1項第1号、業務系は第2項第1号)。 / Announce a maintenance stop; for 情報系, before it starts.',
  })
  announceMaintenanceStop(@Arg('input') input: AnnounceMaintenanceStopInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const system = await loadSystem(ctx, input.systemId, 'systemId');
      const i = announceMaintenance(ctx.viewer, system, { scope: input.scope, startsAt: iso(input.startsAt), endsAt: iso(input.endsAt), description: input.description }, newId(now), now);
      return outcome({ interruption: i }, [operatingHoursChange.interruption(i)], [
        auditEvent(ctx, now, 'ServiceInterruption', i.id, 'maintenance.announced', undefined, i, { article: interruptionArticle(system, 'MAINTENANCE') }),
      ]);
    });
  }

  @Mutation(() => ServiceInterruptionPayload, { description: '障害又は不慮の事故の記録(第11条各項第2号)。 / Record a failure or accident.' })
  recordSystemFailure(@Arg('input') input: RecordSystemFailureInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const system = await loadSystem(ctx, input.systemId, 'systemId');
      const i = recordFailure(ctx.viewer, system, { occurredAt: iso(input.occurredAt), description: input.description, scope: input.scope }, newId(now), now);
      return outcome({ interruption: i }, [operatingHoursChange.interruption(i)], [
        auditEvent(ctx, now, 'ServiceInterruption', i.id, 'failure.recorded', undefined, i, { article: interruptionArticle(system, 'FAILURE') }),
      ]);
    });
  }

  @Mutation(() => ServiceInterruptionPayload, { description: '障害の復旧、又は保守等の早期終了の記録。 / End a failure, or cut a stop short.' })
  endServiceInterruption(@Arg('input') input: EndServiceInterruptionInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = found(await getInterruption(ctx.store, keyOf(input.interruptionId, 'ServiceInterruption', 'interruptionId')), 'interruption', 'interruptionId');
      assertVersion(before.version, input.expectedVersion);
      const system = found(await getSystem(ctx.store, before.systemId), 'system', 'interruptionId');
      const after = endInterruption(ctx.viewer, system, before, input.endedAt ? iso(input.endedAt) : now, now);
      return outcome({ interruption: after }, [operatingHoursChange.interruption(after, before.version)], [
        auditEvent(ctx, now, 'ServiceInterruption', after.id, before.kind === 'FAILURE' ? 'failure.ended' : 'maintenance.ended', before, after, { article: interruptionArticle(system, before.kind) }),
      ]);
    });
  }

  @Mutation(() => ServiceInterruptionPayload, { description: '開始前の保守等の中止。 / Call off a maintenance stop not yet begun.' })
  cancelMaintenanceStop(@Arg('input') input: CancelMaintenanceStopInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = found(await getInterruption(ctx.store, keyOf(input.interruptionId, 'ServiceInterruption', 'interruptionId')), 'interruption', 'interruptionId');
      assertVersion(before.version, input.expectedVersion);
      const system = found(await getSystem(ctx.store, before.systemId), 'system', 'interruptionId');
      const after = cancelMaintenance(ctx.viewer, system, before, input.reason, now);
      return outcome({ interruption: after }, [operatingHoursChange.interruption(after, before.version)], [
        auditEvent(ctx, now, 'ServiceInterruption', after.id, 'maintenance.cancelled', before, after, { article: interruptionArticle(system, before.kind) }),
      ]);
    });
  }
}

@Resolver(() => ServiceStatus)
export class ServiceStatusResolver {
  @Query(() => ServiceStatus, { description: '指定日時(既定は現在)にシステムが稼働中か、否ならその理由(第11条)。 / Whether a system is in service at an instant, and why (not).' })
  systemServiceStatus(
    @Arg('systemId', () => ID) systemId: string,
    @Arg('at', () => DateTime, { nullable: true }) at: Date | undefined,
    @Ctx() ctx: Context,
  ) {
    return read(async () => {
      const system = found(await getSystem(ctx.store, keyOf(systemId, 'System', 'systemId')), 'system', 'systemId');
      return statusOf(ctx, system, at ? iso(at) : ctx.clock());
    });
  }
}

/** Fields of 第11条 on System. */
@Resolver(() => System)
export class SystemOperatingHoursResolver {
  @FieldResolver(() => ServiceStatus, { description: '指定日時(既定は現在)に稼働中か、否ならその理由(第11条)。 / Whether in service at an instant, and why (not).' })
  serviceStatus(@Root() s: SystemRecord, @Arg('at', () => DateTime, { nullable: true }) at: Date | undefined, @Ctx() ctx: Context) {
    return statusOf(ctx, s, at ? iso(at) : ctx.clock());
  }

  @FieldResolver(() => ServiceInterruptionConnection, {
    description: 'サービス停止(継続中・予定を先頭に、終了が新しい順)。 / Its interruptions: ongoing and upcoming first, then the recent past.',
  })
  serviceInterruptions(@Root() s: SystemRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listInterruptionsOfSystem(ctx.store, s.id, first, after)));
  }

  @FieldResolver(() => Boolean, { description: '保守等の周知・障害の記録ができるか(第10条)。 / Whether the viewer may announce stops and record failures.' })
  viewerCanManageInterruptions(@Root() s: SystemRecord, @Ctx() ctx: Context) {
    return mayManage(ctx, s);
  }
}

function mayManage(ctx: Context, s: SystemRecord): boolean {
  return s.status !== 'ABOLISHED' && mayManageInterruptions(ctx.viewer, s, ctx.clock());
}

export const operatingHoursResolvers: Function[] = [WorkingCalendarResolver, ServiceInterruptionResolver, ServiceStatusResolver, SystemOperatingHoursResolver];
