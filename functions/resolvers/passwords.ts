/**
 * パスワードの管理 (第24条): when each person last changed the password of each system — never a password.
 * The interval is DEFAULT_INTERVAL_DAYS (a year, 第24条第3項) unless PASSWORD_INTERVAL_DAYS sets a shorter one.
 */
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DEFAULT_INTERVAL_DAYS, PasswordRecord as PasswordRecordValue, mayRead, passwordRecordId, recordChange, statusOfDue } from '../domain/passwords';
import { Person as PersonRecord, holds, tokyoDate } from '../domain/people';
import { refuse } from '../domain/refusal';
import { addDays } from '../domain/period';
import { getPerson } from '../store/people';
import { getSystem } from '../store/systems';
import { getPasswordRecord, listPasswordsDueBy, listPasswordsOfPerson, passwordChange } from '../store/passwords';
import { listAuditOfObject } from '../store/audit';
import { connection, LocalDate, PageArgs } from '../../graphql/common';
import { PasswordRecord, PasswordRecordConnection, PasswordRecordPayload, PasswordStatusView, RecordPasswordChangeInput } from '../../graphql/passwords';
import { Person } from '../../graphql/people';
import { System } from '../../graphql/systems';
import { AuditEventConnection } from '../../graphql/audit';
import { Context } from './context';
import { auditEvent, found, keyOf, mutate, outcome, read } from './support';

const ARTICLE = '第24条第3項';

/** The interval in force: PASSWORD_INTERVAL_DAYS when set (1–365), else a year. */
export function passwordIntervalDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PASSWORD_INTERVAL_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_INTERVAL_DAYS;
  const days = Number(raw);
  return Number.isInteger(days) && days >= 1 && days <= DEFAULT_INTERVAL_DAYS ? days : DEFAULT_INTERVAL_DAYS;
}


/** 第24条: the lists of what falls due are the system administrator's. */
function assertAdministrator(ctx: Context): void {
  if (!holds(ctx.viewer, 'SYSTEM_ADMINISTRATOR', ctx.clock())) {
    refuse('FORBIDDEN', 'The system administrator reads the passwords falling due. 情報システム管理者のみが参照できます。', ARTICLE);
  }
}

@Resolver(() => PasswordRecord)
export class PasswordRecordResolver {
  @Query(() => PasswordRecordConnection, {
    description: '更新期限を過ぎたパスワード(期限の古い順、情報システム管理者、第24条第3項)。 / Passwords past their due date, oldest first (the system administrator).',
  })
  overduePasswords(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => {
      assertAdministrator(ctx);
      return connection(await listPasswordsDueBy(ctx.store, addDays(tokyoDate(ctx.clock()), -1), first, after));
    });
  }

  @Query(() => PasswordRecordConnection, {
    description: 'この日までに期限が来るパスワード(期限を過ぎたものを含む、情報システム管理者)。 / Passwords falling due by `date`, overdue ones included (the system administrator).',
  })
  passwordsDueBy(@Arg('date', () => LocalDate) date: string, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => {
      assertAdministrator(ctx);
      return connection(await listPasswordsDueBy(ctx.store, date, first, after));
    });
  }


  @FieldResolver(() => Person)
  person(@Root() r: PasswordRecordValue, @Ctx() ctx: Context) {
    return getPerson(ctx.store, r.personId);
  }

  @FieldResolver(() => System)
  system(@Root() r: PasswordRecordValue, @Ctx() ctx: Context) {
    return getSystem(ctx.store, r.systemId);
  }

  @FieldResolver(() => PasswordStatusView, { description: '今日の状況。 / Where it stands today.' })
  status(@Root() r: PasswordRecordValue, @Ctx() ctx: Context) {
    return statusOfDue(r.dueOn, ctx.clock());
  }

  @FieldResolver(() => Person, { nullable: true, description: '記録した者。 / Who recorded it.' })
  recordedBy(@Root() r: PasswordRecordValue, @Ctx() ctx: Context) {
    return getPerson(ctx.store, r.recordedBy);
  }

  @FieldResolver(() => Boolean, { description: '変更を記録できるか(本人又は情報システム管理者)。 / Whether the viewer may record a change.' })
  viewerCanRecordChange(@Root() r: PasswordRecordValue, @Ctx() ctx: Context) {
    return ctx.viewer.person.id === r.personId || holds(ctx.viewer, 'SYSTEM_ADMINISTRATOR', ctx.clock());
  }


  @Mutation(() => PasswordRecordPayload, {
    description:
      'パスワードを変更した日の記録(本人又は情報システム管理者、第24条第3項)。パスワードは送らない。 / Record the day a password was changed (the person or the system administrator). The password is never sent.',
  })
  recordPasswordChange(@Arg('input') input: RecordPasswordChangeInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const personId = input.personId ? keyOf(input.personId, 'Person', 'personId') : ctx.viewer.person.id;
      found(await getPerson(ctx.store, personId), 'person', 'personId');
      const system = found(await getSystem(ctx.store, keyOf(input.systemId, 'System', 'systemId')), 'system', 'systemId');
      // One record per person and system: the update is written with the version read, so two changes race cleanly.
      const previous = await getPasswordRecord(ctx.store, passwordRecordId(personId, system.id));
      const record = recordChange(ctx.viewer, personId, system.id, input.changedOn, previous, now, passwordIntervalDays());
      return outcome({ passwordRecord: record }, [passwordChange(record, previous?.version)], [
        auditEvent(ctx, now, 'PasswordRecord', record.id, 'passwordRecord.changed', previous, record, { article: ARTICLE }),
      ]);
    });
  }
}

/** A person's password records, for those who may read them. */
@Resolver(() => Person)
export class PersonPasswordsResolver {
  @FieldResolver(() => PasswordRecordConnection, {
    nullable: true,
    description:
      'パスワードの更新記録(システムごと、本人・情報システム管理者・所属の情報管理責任者のみ、第24条第3項)。それ以外の者には null。 / When the person last changed each password, and when it falls due; null for anyone but the person, the system administrator and their information manager.',
  })
  passwords(@Root() p: PersonRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    // 第24条: for anyone else the field is null (functions/domain/reading.ts), never a refusal beside the person.
    return read(async () => (mayRead(ctx.viewer, p, ctx.clock()) ? connection(await listPasswordsOfPerson(ctx.store, p.id, first, after)) : null));
  }
}

export const passwordResolvers: Function[] = [PasswordRecordResolver, PersonPasswordsResolver];
