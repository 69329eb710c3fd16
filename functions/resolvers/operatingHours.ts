/** 操作時間 (第11条): the working calendar, maintenance stops and failures, and whether a system is in service. */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CALENDAR_ID, ServiceInterruption as InterruptionRecord, TIME_ZONE, WorkingCalendar as CalendarRecord } from '../domain/operatingHours';
import { calendarActions, interruptionActions, interruptionArticle, interruptionState, serviceInterruption, serviceStatus } from '../domain/operatingHours';
import { systemInterruptionActions, workingCalendar } from '../domain/operatingHours';
import { SystemRecord } from '../domain/systems';
import { getPerson } from '../store/people';
import { getSystem } from '../store/systems';
import { interruptionsEndingFrom, listInterruptionsOfSystem, loadCalendar, stopAudience } from '../store/operatingHours';
import { tokyoDate } from '../domain/people';
import { DateTime, PageArgs } from '../../graphql/common';
import { InterruptionState, ServiceInterruption, ServiceInterruptionConnection, ServiceInterruptionPayload, ServiceStatus } from '../../graphql/operatingHours';
import { AnnounceMaintenanceStopInput, CancelMaintenanceStopInput, EndServiceInterruptionInput, RecordSystemFailureInput } from '../../graphql/operatingHours';
import { UpdateWorkingCalendarInput, WorkingCalendar, WorkingCalendarPayload } from '../../graphql/operatingHours';
import { System } from '../../graphql/systems';
import { Person } from '../../graphql/people';
import { computed, related } from './fields';
import { Context } from './context';
import { actionsOf, globalId, iso, read, INPUT, connection } from './support';
import { change, create, load } from './write';

/** The calendar as stored, or the domain default until first set (functions/store/operatingHours.ts). */
export { loadCalendar };

/** Whether the system is in service at `at`: the calendar and the interruptions ending at or after `at`. */
export async function statusOf(ctx: Context, system: SystemRecord, at: string) {
  const [calendar, interruptions] = await Promise.all([loadCalendar(ctx.store), interruptionsEndingFrom(ctx.store, system.id, at)]);
  return serviceStatus(system, calendar, interruptions, at);
}

const payload = (interruption: InterruptionRecord) => ({ interruption });
const interruption = (input: { interruptionId: string; expectedVersion: number }) => ({ kind: 'ServiceInterruption' as const, id: input.interruptionId, field: 'interruptionId', expectedVersion: input.expectedVersion });
/** The system an interruption stops, for a change of the interruption. */
const systemOf = (ctx: Context, i: InterruptionRecord) => load(ctx, 'System', globalId('System', i.systemId), 'interruptionId');
const can = async (ctx: Context, i: InterruptionRecord) => interruptionActions(ctx.viewer, await getSystem(ctx.store, i.systemId), i, ctx.clock());

@Resolver(() => ServiceInterruption)
export class OperatingHoursResolver {
  @Query(() => WorkingCalendar, { description: '勤務時間の暦(業務系の操作時間、第11条第2項)。 / The city’s working calendar.' })
  workingCalendar(@Ctx() ctx: Context) {
    return loadCalendar(ctx.store);
  }

  @Query(() => ServiceStatus, { description: '指定日時(既定は現在)にシステムが稼働中か、否ならその理由(第11条)。 / Whether a system is in service at an instant, and why (not).' })
  systemServiceStatus(@Arg('systemId', () => ID, { description: '判定するシステム。 / The system.' }) systemId: string, @Arg('at', () => DateTime, { nullable: true, description: '判定する日時(既定は現在)。 / The instant (default now).' }) at: Date | undefined, @Ctx() ctx: Context) {
    return read(ctx, async () => statusOf(ctx, await load(ctx, 'System', systemId, 'systemId'), at ? iso(at) : ctx.clock()));
  }

  @Mutation(() => WorkingCalendarPayload, {
    description: '勤務時間の暦の更新(情報システム管理者、第11条第2項)。 / Replace the working calendar (the system administrator).',
  })
  updateWorkingCalendar(@Arg('input', { description: INPUT }) input: UpdateWorkingCalendarInput, @Ctx() ctx: Context) {
    const target = { kind: 'WorkingCalendar' as const, id: globalId('WorkingCalendar', CALENDAR_ID), field: 'expectedVersion', expectedVersion: input.expectedVersion };
    return change(ctx, target, (c, now) => workingCalendar.update(ctx.viewer, c, input, now), (calendar: CalendarRecord) => ({ calendar }));
  }

  @Mutation(() => ServiceInterruptionPayload, {
    description:
      '保守等によるサービス停止の周知。情報系は開始前に限る(第11条第1項第1号、業務系は第2項第1号)。 / Announce a maintenance stop; for 情報系, before it starts.',
  })
  announceMaintenanceStop(@Arg('input', { description: INPUT }) input: AnnounceMaintenanceStopInput, @Ctx() ctx: Context) {
    const stop = { scope: input.scope, startsAt: iso(input.startsAt), endsAt: iso(input.endsAt), description: input.description };
    return create(ctx, async (now, id) => {
      const system = await load(ctx, 'System', input.systemId, 'systemId');
      return serviceInterruption.announceMaintenance(ctx.viewer, system, stop, id, now, await stopAudience(ctx.store, system, tokyoDate(now)));
    }, payload);
  }

  @Mutation(() => ServiceInterruptionPayload, { description: '障害又は不慮の事故の記録(第11条各項第2号)。 / Record a failure or accident.' })
  recordSystemFailure(@Arg('input', { description: INPUT }) input: RecordSystemFailureInput, @Ctx() ctx: Context) {
    const failure = { occurredAt: iso(input.occurredAt), description: input.description, scope: input.scope ?? undefined };
    return create(ctx, async (now, id) => {
      const system = await load(ctx, 'System', input.systemId, 'systemId');
      return serviceInterruption.recordFailure(ctx.viewer, system, failure, id, now, await stopAudience(ctx.store, system, tokyoDate(now)));
    }, payload);
  }

  @Mutation(() => ServiceInterruptionPayload, { description: '障害の復旧、又は保守等の早期終了の記録。 / End a failure, or cut a stop short.' })
  endServiceInterruption(@Arg('input', { description: INPUT }) input: EndServiceInterruptionInput, @Ctx() ctx: Context) {
    return change(ctx, interruption(input), async (i, now) =>
      serviceInterruption.end(ctx.viewer, await systemOf(ctx, i), i, input.endedAt ? iso(input.endedAt) : now, now), payload);
  }

  @Mutation(() => ServiceInterruptionPayload, { description: '開始前の保守等の中止。 / Call off a maintenance stop not yet begun.' })
  cancelMaintenanceStop(@Arg('input', { description: INPUT }) input: CancelMaintenanceStopInput, @Ctx() ctx: Context) {
    return change(ctx, interruption(input), async (i, now) =>
      serviceInterruption.cancelMaintenance(ctx.viewer, await systemOf(ctx, i), i, input.reason ?? undefined, now), payload);
  }
}

/** Fields of 第11条 on System. */
@Resolver(() => System)
export class SystemOperatingHoursResolver {
  @FieldResolver(() => ServiceStatus, { description: '指定日時(既定は現在)に稼働中か、否ならその理由(第11条)。 / Whether in service at an instant, and why (not).' })
  serviceStatus(@Root() s: SystemRecord, @Arg('at', () => DateTime, { nullable: true, description: '基準の日時(省略時は現在)。 / As of when (default: now).' }) at: Date | undefined, @Ctx() ctx: Context) {
    return statusOf(ctx, s, at ? iso(at) : ctx.clock());
  }

  @FieldResolver(() => ServiceInterruptionConnection, {
    description: 'サービス停止(継続中・予定を先頭に、終了が新しい順)。 / Its interruptions: ongoing and upcoming first, then the recent past.',
  })
  serviceInterruptions(@Root() s: SystemRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listInterruptionsOfSystem(ctx.store, s.id, paging)));
  }
}

const SystemFields = computed<SystemRecord>(System, {
  viewerCanManageInterruptions: [
    () => Boolean,
    (s, ctx) => actionsOf(ctx, s, systemInterruptionActions).manage,
    { description: '保守等の周知・障害の記録ができるか(第10条)。 / Whether the viewer may announce stops and record failures.' },
  ],
});

const CalendarFields = computed<CalendarRecord>(WorkingCalendar, {
  timeZone: [() => String, () => TIME_ZONE],
  updatedBy: [() => Person, (c, ctx) => related(ctx, getPerson, c.updatedBy), { nullable: true, description: '最後に更新した者。 / Who last changed it.' }],
  viewerCanUpdate: [() => Boolean, (c, ctx) => actionsOf(ctx, c, calendarActions).update, { description: '暦を更新できるか(情報システム管理者)。 / Whether the viewer may change it (the system administrator).' }],
});

const InterruptionFields = computed<InterruptionRecord>(ServiceInterruption, {
  system: [() => System, (i, ctx) => getSystem(ctx.store, i.systemId), { description: '停止するシステム。 / The system stopped.' }],
  article: [() => String, async (i, ctx) => {
    const system = await getSystem(ctx.store, i.systemId);
    return system ? interruptionArticle(system, i.kind) : '第11条';
  }, { description: '根拠条文(第11条第1項第1号等)。 / The article.' }],
  state: [() => InterruptionState, (i, ctx) => interruptionState(i, ctx.clock()), { description: '現在の状況。 / Where it stands now.' }],
  announcedBy: [() => Person, (i, ctx) => related(ctx, getPerson, i.announcedBy), { nullable: true, description: '周知した者(保守等)。 / Who announced it.' }],
  recordedBy: [() => Person, (i, ctx) => related(ctx, getPerson, i.recordedBy), { nullable: true, description: '記録した者(障害)。 / Who recorded it.' }],
  endedBy: [() => Person, (i, ctx) => related(ctx, getPerson, i.endedBy), { nullable: true, description: '終了を記録した者。 / Who recorded its end.' }],
  cancelledBy: [() => Person, (i, ctx) => related(ctx, getPerson, i.cancelledBy), { nullable: true, description: '中止した者。 / Who called it off.' }],
  viewerCanEnd: [() => Boolean, async (i, ctx) => (await can(ctx, i)).end, { description: '終了(復旧・早期終了)を記録できるか。 / Whether the viewer may end it.' }],
  viewerCanCancel: [() => Boolean, async (i, ctx) => (await can(ctx, i)).cancel, { description: '中止できるか。 / Whether the viewer may call it off.' }],
});

export const operatingHoursResolvers: Function[] = [OperatingHoursResolver, SystemOperatingHoursResolver, SystemFields, CalendarFields, InterruptionFields];
