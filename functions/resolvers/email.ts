/** 電子メール (第28条, 様式第11号): the register of mail addresses and the applications that change it. */
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { MailAddress as MailAddressRecord, MailAddressApplication as MailApplicationRecord, draftMailApplication, mailAddressActions, namedAddresses, normalizeAddress } from '../domain/email';
import { getDepartment } from '../store/people';
import { getMailAddress, getMailApplication, listActiveMailAddresses, listMailApplicationsOfDepartment, mailRegisterState } from '../store/email';
import { PageArgs } from '../../graphql/common';
import { ApplyForMailAddressInput, MailAddress, MailAddressApplication, MailAddressApplicationConnection, MailAddressApplicationPayload, MailAddressConnection } from '../../graphql/email';
import { Department } from '../../graphql/people';
import { Context } from './context';
import { actionsOf, read, INPUT, connection } from './support';
import { load } from './write';
import { draft } from './applications';
import { computed, departmentOrOwn, related } from './fields';

const DEPARTMENT = '主管課(既定は自分の課)。 / The department (the viewer’s own by default).';

@Resolver(() => MailAddress)
export class MailAddressResolver {
  @Query(() => MailAddressConnection, { description: '主管課に付与されている電子メールアドレス(使用中のみ、アドレス順)。既定は自分の課。 / A department’s addresses in use (the viewer’s own by default).' })
  mailAddresses(@Args() paging: PageArgs, @Arg('departmentId', () => ID, { nullable: true, description: DEPARTMENT }) departmentId: string | undefined, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listActiveMailAddresses(ctx.store, departmentOrOwn(ctx, departmentId), paging)));
  }

  @Query(() => MailAddress, { nullable: true, description: 'アドレスによる台帳の検索(大文字小文字を区別しない)。 / An address in the register, by the address (case-insensitive).' })
  mailAddress(@Arg('address', { description: 'アドレス(大文字小文字を区別しない)。 / The address; case-insensitive.' }) address: string, @Ctx() ctx: Context) {
    if (address.length > 254) return undefined;
    return getMailAddress(ctx.store, normalizeAddress(address));
  }
}

@Resolver(() => MailAddressApplication)
export class MailAddressApplicationResolver {
  @Query(() => MailAddressApplicationConnection, { description: '主管課の電子メール利用等申請(様式第11号、新しい順)。既定は自分の課。 / A department’s 様式第11号 applications, newest first.' })
  mailAddressApplications(@Args() paging: PageArgs, @Arg('departmentId', () => ID, { nullable: true, description: DEPARTMENT }) departmentId: string | undefined, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listMailApplicationsOfDepartment(ctx.store, departmentOrOwn(ctx, departmentId), paging)));
  }

  @Mutation(() => MailAddressApplicationPayload, {
    description:
      '電子メール利用等申請書(様式第11号)の作成(`submit: true` で提出)。情報システム管理者が承認すると台帳が変わる(第28条)。 / Apply for a new, changed or deleted address; the register changes when the system administrator approves.',
  })
  applyForMailAddress(@Arg('input', { description: INPUT }) input: ApplyForMailAddressInput, @Ctx() ctx: Context) {
    const { kind, address, newAddress, purpose, reason, wantedFrom } = input;
    const form = { kind, address: address ?? undefined, newAddress: newAddress ?? undefined, purpose: purpose ?? undefined, reason: reason ?? undefined, wantedFrom: wantedFrom ?? undefined };
    return draft(ctx, 'MailAddressApplication', async (now, id) => {
      const department = await load(ctx, 'Department', input.departmentId, 'departmentId');
      return draftMailApplication(ctx.viewer, department.id, form, await mailRegisterState(ctx.store, namedAddresses(form)), input.submit, id, now);
    }, input.submit, (application) => ({ application }));
  }
}

const AddressFields = computed<MailAddressRecord>(MailAddress, {
  department: [() => Department, (m, ctx) => getDepartment(ctx.store, m.departmentId), { description: '付与された主管課。 / The department it is assigned to.' }],
  application: [() => MailAddressApplication, (m, ctx) => related(ctx, getMailApplication, m.applicationId), { nullable: true, description: '登録した様式第11号。 / The 様式第11号 that registered it.' }],
  deletionApplication: [
    () => MailAddressApplication,
    (m, ctx) => related(ctx, getMailApplication, m.deletionApplicationId),
    { nullable: true, description: '変更・削除した様式第11号。 / The 様式第11号 that changed or deleted it.' },
  ],
  replacedBy: [() => MailAddress, (m, ctx) => related(ctx, getMailAddress, m.replacedBy), { nullable: true, description: '変更後のアドレス。 / The address that replaced it.' }],
  viewerCanApplyForChange: [() => Boolean, (m, ctx) => actionsOf(ctx, m, mailAddressActions).applyForChange, { description: '閲覧者が変更・削除を申請できるか。 / Whether the viewer may apply to change or delete it.' }],
});

const ApplicationFields = computed<MailApplicationRecord>(MailAddressApplication, {
  department: [() => Department, (a, ctx) => getDepartment(ctx.store, a.departmentId), { description: 'アドレスを付与される主管課。 / The department the address is for.' }],
  mailAddress: [() => MailAddress, (a, ctx) => related(ctx, getMailAddress, a.address), { nullable: true, description: '変更・削除するアドレスの台帳。 / The register’s entry for the address in use.' }],
  applicantDepartment: [() => Department, (a, ctx) => getDepartment(ctx.store, a.departmentId), { description: '申請した主管課(アドレスを付与される課)。 / The applicant’s department, the one the address is for.' }],
});

export const emailResolvers: Function[] = [MailAddressResolver, AddressFields, MailAddressApplicationResolver, ApplicationFields];
