/**
 * 禁止行為 (第25条): the exceptions the system administrator may allow — software beyond what was delivered (第2号)
 * and a protected portable device taken outside (第3号) — and the devices found connected (第1号, no exception).
 */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  DeviceFinding as FindingRecord,
  KIND_ARTICLE,
  FINDING_ARTICLE,
  ProhibitedActException as ExceptionRecord,
  decideException,
  isInForce,
  isReturnOverdue,
  mayReadException,
  mayRecordFindings,
  recordDeviceFinding,
  recordReturn,
  requestException,
} from '../domain/prohibitedActs';
import { addDays } from '../domain/period';
import { holds, tokyoDate } from '../domain/people';
import { Refusal, refuse } from '../domain/refusal';
import { assertVersion } from '../domain/workflow';
import { getDepartment, getPerson } from '../store/people';
import { getSystem } from '../store/systems';
import {
  getException,
  getFinding,
  listExceptionsOfPerson,
  listFindings,
  listPendingExceptions,
  listReturnsDueBy,
  prohibitedActChange,
} from '../store/prohibitedActs';
import { listAuditOfObject } from '../store/audit';
import { connection, PageArgs } from '../../graphql/common';
import {
  DecideProhibitedActExceptionInput,
  DeviceFinding,
  DeviceFindingConnection,
  DeviceFindingPayload,
  ProhibitedActException,
  ProhibitedActExceptionConnection,
  ProhibitedActExceptionPayload,
  RecordDeviceFindingInput,
  RecordEquipmentReturnInput,
  RequestProhibitedActExceptionInput,
} from '../../graphql/prohibitedActs';
import { Department, Person } from '../../graphql/people';
import { System } from '../../graphql/systems';
import { AuditEventConnection } from '../../graphql/audit';
import { Context } from './context';
import { auditEvent, found, keyOf, mutate, newId, outcome, read } from './support';


/** Whether a rule lets the viewer act: the rule itself answers, so portals and the API cannot disagree. */
function allows(rule: () => unknown): boolean {
  try {
    rule();
    return true;
  } catch (e) {
    if (e instanceof Refusal) return false;
    throw e;
  }
}

function assertAdministrator(ctx: Context, article: string): void {
  if (!holds(ctx.viewer, 'SYSTEM_ADMINISTRATOR', ctx.clock())) refuse('FORBIDDEN', 'Only the system administrator reads this list. 情報システム管理者のみが参照できます。', article);
}

async function loadException(ctx: Context, id: string): Promise<ExceptionRecord> {
  return found(await getException(ctx.store, keyOf(id, 'ProhibitedActException', 'exceptionId')), 'request', 'exceptionId');
}

const updated = (before: ExceptionRecord, change: Partial<ExceptionRecord>, now: string): ExceptionRecord => ({ ...before, ...change, version: before.version + 1, updatedAt: now });

@Resolver(() => ProhibitedActException)
export class ProhibitedActExceptionResolver {
  @Query(() => ProhibitedActExceptionConnection, {
    description: '判断待ちの例外の申出(古い順、情報システム管理者、第25条)。 / Requests awaiting the system administrator, oldest first.',
  })
  pendingProhibitedActExceptions(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => {
      assertAdministrator(ctx, '第25条');
      return connection(await listPendingExceptions(ctx.store, first, after));
    });
  }

  @Query(() => ProhibitedActExceptionConnection, {
    description: '返却期限を過ぎた持ち出し機器(期限の古い順、情報システム管理者、第25条第3号)。 / Devices taken outside and not back after their period, oldest first.',
  })
  overdueEquipmentReturns(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => {
      assertAdministrator(ctx, '第25条第3号');
      return connection(await listReturnsDueBy(ctx.store, addDays(tokyoDate(ctx.clock()), -1), first, after));
    });
  }

  @Query(() => ProhibitedActExceptionConnection, { description: '自分の例外の申出(新しい順)。 / The viewer’s own requests, newest first.' })
  myProhibitedActExceptions(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listExceptionsOfPerson(ctx.store, ctx.viewer.person.id, first, after)));
  }


  @FieldResolver(() => System)
  system(@Root() e: ExceptionRecord, @Ctx() ctx: Context) {
    return getSystem(ctx.store, e.systemId);
  }

  @FieldResolver(() => Person, { description: '申し出た者。 / Who asked.' })
  requestedBy(@Root() e: ExceptionRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, e.requestedBy);
  }

  @FieldResolver(() => Department)
  department(@Root() e: ExceptionRecord, @Ctx() ctx: Context) {
    return getDepartment(ctx.store, e.departmentId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '判断した情報システム管理者。 / Who decided.' })
  decidedBy(@Root() e: ExceptionRecord, @Ctx() ctx: Context) {
    return e.decidedBy ? getPerson(ctx.store, e.decidedBy) : undefined;
  }

  @FieldResolver(() => String, { description: '根拠条文。 / The article.' })
  article(@Root() e: ExceptionRecord) {
    return KIND_ARTICLE[e.kind];
  }

  @FieldResolver(() => Boolean, { description: '本日有効か(承認済みで期間内)。 / Whether it lets its holder act today.' })
  inForce(@Root() e: ExceptionRecord, @Ctx() ctx: Context) {
    return isInForce(e, ctx.clock());
  }

  @FieldResolver(() => Boolean, { description: '返却期限を過ぎて未返却か。 / Whether the device is overdue back.' })
  returnOverdue(@Root() e: ExceptionRecord, @Ctx() ctx: Context) {
    return isReturnOverdue(e, ctx.clock());
  }

  @FieldResolver(() => Boolean)
  viewerCanDecide(@Root() e: ExceptionRecord, @Ctx() ctx: Context) {
    return allows(() => decideException(ctx.viewer, e, true, undefined, ctx.clock())) || allows(() => decideException(ctx.viewer, e, false, 'x', ctx.clock()));
  }

  @FieldResolver(() => Boolean)
  viewerCanRecordReturn(@Root() e: ExceptionRecord, @Ctx() ctx: Context) {
    const now = ctx.clock();
    return allows(() => recordReturn(ctx.viewer, e, tokyoDate(now) < e.period.from ? e.period.from : tokyoDate(now), now));
  }


  @Mutation(() => ProhibitedActExceptionPayload, {
    description:
      '第25条の例外の申出: ソフトウェアの導入(第2号)又は携帯用機器の持ち出し(第3号)。職員等なら誰でも。 / Ask for an exception to 第25条 (any of the staff).',
  })
  requestProhibitedActException(@Arg('input') input: RequestProhibitedActExceptionInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const system = found(await getSystem(ctx.store, keyOf(input.systemId, 'System', 'systemId')), 'system', 'systemId');
      const e = requestException(
        ctx.viewer,
        system.id,
        {
          kind: input.kind,
          reason: input.reason,
          period: { from: input.period.from, until: input.period.until },
          software: input.software ?? undefined,
          device: input.device ?? undefined,
          portable: input.portable ?? undefined,
          protections: input.protections ?? undefined,
          protectionDetails: input.protectionDetails ?? undefined,
        },
        newId(now),
        now,
      );
      return outcome({ exception: e }, [prohibitedActChange.exception(e)], [
        auditEvent(ctx, now, 'ProhibitedActException', e.id, 'prohibitedActException.requested', undefined, e, { article: KIND_ARTICLE[e.kind] }),
      ]);
    });
  }

  @Mutation(() => ProhibitedActExceptionPayload, {
    description: '例外の申出の判断: 必要と認めて承認、又は理由を付して不承認(情報システム管理者)。 / Decide a request (the system administrator).',
  })
  decideProhibitedActException(@Arg('input') input: DecideProhibitedActExceptionInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = await loadException(ctx, input.exceptionId);
      assertVersion(before.version, input.expectedVersion);
      const after = updated(before, decideException(ctx.viewer, before, input.approve, input.reason ?? undefined, now), now);
      return outcome({ exception: after }, [prohibitedActChange.exception(after, before.version)], [
        auditEvent(ctx, now, 'ProhibitedActException', after.id, input.approve ? 'prohibitedActException.approved' : 'prohibitedActException.rejected', before, after, {
          article: KIND_ARTICLE[after.kind],
        }),
      ]);
    });
  }

  @Mutation(() => ProhibitedActExceptionPayload, {
    description: '持ち出した機器の返却の記録(持ち出した者又は情報システム管理者)。 / Record that the device is back (who took it out, or the system administrator).',
  })
  recordEquipmentReturn(@Arg('input') input: RecordEquipmentReturnInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = await loadException(ctx, input.exceptionId);
      assertVersion(before.version, input.expectedVersion);
      const after = updated(before, recordReturn(ctx.viewer, before, input.returnedOn ?? tokyoDate(now), now), now);
      return outcome({ exception: after }, [prohibitedActChange.exception(after, before.version)], [
        auditEvent(ctx, now, 'ProhibitedActException', after.id, 'prohibitedActException.returned', before, after, { article: KIND_ARTICLE[after.kind] }),
      ]);
    });
  }
}

@Resolver(() => DeviceFinding)
export class DeviceFindingResolver {
  @Query(() => DeviceFindingConnection, {
    description: '機器の接続の発見(新しい順、システムで絞込み可、情報システム管理者・情報管理責任者、第25条第1号)。 / Devices found connected, newest first (the system administrator and information managers).',
  })
  deviceFindings(@Args() { first, after }: PageArgs, @Arg('systemId', () => ID, { nullable: true }) systemId: string | undefined, @Ctx() ctx: Context) {
    return read(async () => {
      if (!mayRecordFindings(ctx.viewer, ctx.clock())) refuse('FORBIDDEN', 'The system administrator and the information managers read the findings.', FINDING_ARTICLE);
      return connection(await listFindings(ctx.store, first, after, systemId ? keyOf(systemId, 'System', 'systemId') : undefined));
    });
  }


  @FieldResolver(() => System)
  system(@Root() f: FindingRecord, @Ctx() ctx: Context) {
    return getSystem(ctx.store, f.systemId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '記録した者。 / Who recorded it.' })
  recordedBy(@Root() f: FindingRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, f.recordedBy);
  }

  @FieldResolver(() => String, { description: '根拠条文。 / The article.' })
  article() {
    return FINDING_ARTICLE;
  }


  @Mutation(() => DeviceFindingPayload, {
    description:
      '運用に支障を及ぼし又は盗聴のおそれのある機器の接続の発見の記録(情報システム管理者又は情報管理責任者、第25条第1号)。 / Record a device found connected (the system administrator or an information manager).',
  })
  recordDeviceFinding(@Arg('input') input: RecordDeviceFindingInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const system = found(await getSystem(ctx.store, keyOf(input.systemId, 'System', 'systemId')), 'system', 'systemId');
      const finding = recordDeviceFinding(
        ctx.viewer,
        system.id,
        { device: input.device, description: input.description, foundAt: input.foundAt ? new Date(input.foundAt).toISOString() : now, eavesdropping: input.eavesdropping, actionTaken: input.actionTaken },
        newId(now),
        now,
      );
      return outcome({ finding }, [prohibitedActChange.finding(finding)], [
        auditEvent(ctx, now, 'DeviceFinding', finding.id, 'deviceFinding.recorded', undefined, finding, { article: FINDING_ARTICLE }),
      ]);
    });
  }
}

export const prohibitedActResolvers: Function[] = [ProhibitedActExceptionResolver, DeviceFindingResolver];
