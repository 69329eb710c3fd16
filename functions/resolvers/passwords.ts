/**
 * パスワードの管理 (第24条): when each person last changed the password of each system — never a password.
 * The interval is DEFAULT_INTERVAL_DAYS (a year, 第24条第3項) unless PASSWORD_INTERVAL_DAYS sets a shorter one.
 */
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PasswordRecord as PasswordRecordValue, assertMayReadDuePasswords, mayRead, passwordActions, passwordIntervalDays } from '../domain/passwords';
import { PasswordDisclosure as PasswordDisclosureValue, passwordDisclosure, passwordRecord, passwordRecordId, statusOfDue } from '../domain/passwords';
import { Person as PersonRecord, tokyoDate } from '../domain/people';
import { addDays } from '../domain/period';
import { getPerson } from '../store/people';
import { getSystem } from '../store/systems';
import { getPasswordRecord, listDisclosuresOf, listPasswordsDueBy, listPasswordsOfPerson } from '../store/passwords';
import { LocalDate, PageArgs } from '../../graphql/common';
import { PasswordRecord, PasswordRecordConnection, PasswordRecordPayload, PasswordStatusView, RecordPasswordChangeInput } from '../../graphql/passwords';
import { PasswordDisclosure, PasswordDisclosureConnection, PasswordDisclosurePayload, PermitPasswordDisclosureInput } from '../../graphql/passwords';
import { Person } from '../../graphql/people';
import { System } from '../../graphql/systems';
import { computed } from './fields';
import { Context } from './context';
import { actionsOf, globalId, read, INPUT, connection } from './support';
import { given } from './systems';
import { create, load } from './write';
import type { PageRequest } from '../store/table';

/** A list of the passwords falling due by `date`: the system administrator's (第24条第3項). */
function dueBy(ctx: Context, date: string, paging: PageRequest) {
  return read(ctx, async () => {
    assertMayReadDuePasswords(ctx.viewer, ctx.clock());
    return connection(await listPasswordsDueBy(ctx.store, date, paging));
  });
}

@Resolver(() => PasswordRecord)
export class PasswordRecordResolver {
  @Query(() => PasswordRecordConnection, {
    description: '更新期限を過ぎたパスワード(期限の古い順、情報システム管理者、第24条第3項)。 / Passwords past their due date, oldest first (the system administrator).',
  })
  overduePasswords(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return dueBy(ctx, addDays(tokyoDate(ctx.clock()), -1), paging);
  }

  @Query(() => PasswordRecordConnection, {
    description: 'この日までに期限が来るパスワード(期限を過ぎたものを含む、情報システム管理者)。 / Passwords falling due by `date`, overdue ones included (the system administrator).',
  })
  passwordsDueBy(@Arg('date', () => LocalDate, { description: '期限の基準日(この日以前に期限が来るもの)。 / The day: passwords due on or before it.' }) date: string, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return dueBy(ctx, date, paging);
  }

  @Mutation(() => PasswordRecordPayload, {
    description:
      'パスワードを変更した日の記録(本人又は情報システム管理者、第24条第3項)。パスワードは送らない。 / Record the day a password was changed (the person or the system administrator). The password is never sent.',
  })
  recordPasswordChange(@Arg('input', { description: INPUT }) input: RecordPasswordChangeInput, @Ctx() ctx: Context) {
    return create(ctx, async (now) => {
      const person = await load(ctx, 'Person', input.personId ?? globalId('Person', ctx.viewer.person.id), 'personId');
      const system = await load(ctx, 'System', input.systemId, 'systemId');
      const previous = await getPasswordRecord(ctx.store, passwordRecordId(person.id, system.id));
      return passwordRecord.change(ctx.viewer, person.id, system.id, input.changedOn, previous, now, passwordIntervalDays(process.env));
    }, (record: PasswordRecordValue) => ({ passwordRecord: record }));
  }

  @Mutation(() => PasswordDisclosurePayload, {
    description:
      'パスワードの教示を認め、記録する(情報システム管理者、第24条第1項)。教示したパスワードは変更期限までに変更が必要になり、期限切れの一覧と通知に載る。パスワードは送らない。 / Give leave to tell a password and record it (the system administrator); the told password falls due for change and shows in the overdue list and reminders. Never send the password.',
  })
  permitPasswordDisclosure(@Arg('input', { description: INPUT }) input: PermitPasswordDisclosureInput, @Ctx() ctx: Context) {
    return create(ctx, async (now, id) => {
      const person = await load(ctx, 'Person', input.personId, 'personId');
      const system = await load(ctx, 'System', input.systemId, 'systemId');
      const toldTo = await load(ctx, 'Person', input.toldToId, 'toldToId');
      const record = await getPasswordRecord(ctx.store, passwordRecordId(person.id, system.id));
      const { reason, disclosedOn, changeBy } = given(input);
      return passwordDisclosure.permit(ctx.viewer, record, { toldToId: toldTo.id, reason, disclosedOn, changeBy }, id, now);
    }, (d: PasswordDisclosureValue) => ({ passwordDisclosure: d }));
  }
}

const RecordFields = computed<PasswordRecordValue>(PasswordRecord, {
  person: [() => Person, (r, ctx) => getPerson(ctx.store, r.personId), { description: '職員等。 / The person.' }],
  system: [() => System, (r, ctx) => getSystem(ctx.store, r.systemId), { description: 'パスワードを使う行政システム。 / The system the password is for.' }],
  status: [() => PasswordStatusView, (r, ctx) => statusOfDue(r.dueOn, ctx.clock()), { description: '今日の状況。 / Where it stands today.' }],
  recordedBy: [() => Person, (r, ctx) => getPerson(ctx.store, r.recordedBy), { nullable: true, description: '記録した者。 / Who recorded it.' }],
  viewerCanRecordChange: [() => Boolean, (r, ctx) => actionsOf(ctx, r, passwordActions).recordChange, { description: '変更を記録できるか(本人又は情報システム管理者)。 / Whether the viewer may record a change.' }],
});

/** 第24条第1項: the disclosures of a password, read with the record (whoever reads the record reads them). */
@Resolver(() => PasswordRecord)
export class PasswordRecordDisclosuresResolver {
  @FieldResolver(() => PasswordDisclosureConnection, { description: 'このパスワードの教示(情報システム管理者が認めたもの、第24条第1項)。 / The disclosures of this password the system administrator allowed.' })
  disclosures(@Root() r: PasswordRecordValue, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listDisclosuresOf(ctx.store, r.id, paging)));
  }
}

const DisclosureFields = computed<PasswordDisclosureValue>(PasswordDisclosure, {
  person: [() => Person, (d, ctx) => getPerson(ctx.store, d.personId), { description: '教示した職員等(その本人のパスワード)。 / The person whose password was told.' }],
  toldTo: [() => Person, (d, ctx) => getPerson(ctx.store, d.toldToId), { description: '教示を受けた者。 / The person told.' }],
  system: [() => System, (d, ctx) => getSystem(ctx.store, d.systemId), { description: 'パスワードを使う行政システム。 / The system the password is for.' }],
  permittedBy: [() => Person, (d, ctx) => getPerson(ctx.store, d.permittedBy), { nullable: true, description: '必要と認めた情報システム管理者。 / The system administrator who gave leave.' }],
  passwordRecord: [() => PasswordRecord, (d, ctx) => getPasswordRecord(ctx.store, passwordRecordId(d.personId, d.systemId)), { nullable: true, description: '教示したパスワードの更新記録(閲覧できる者のみ)。 / The told password\'s record (for those who may read it).' }],
});

/** A person's password records, for those who may read them. */
@Resolver(() => Person)
export class PersonPasswordsResolver {
  @FieldResolver(() => PasswordRecordConnection, {
    nullable: true,
    description:
      'パスワードの更新記録(システムごと、本人・情報システム管理者・所属の情報管理責任者のみ、第24条第3項)。それ以外の者には null。 / When the person last changed each password, and when it falls due; null for anyone but the person, the system administrator and their information manager.',
  })
  passwords(@Root() p: PersonRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    // 第24条: for anyone else the field is null (functions/domain/reading.ts), never a refusal beside the person.
    return read(ctx, async () => (mayRead(ctx.viewer, p, ctx.clock()) ? connection(await listPasswordsOfPerson(ctx.store, p.id, paging)) : null));
  }
}

export const passwordResolvers: Function[] = [PasswordRecordResolver, RecordFields, PersonPasswordsResolver, PasswordRecordDisclosuresResolver, DisclosureFields];
