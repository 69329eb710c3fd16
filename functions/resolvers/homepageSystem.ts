/**
 * ホームページシステム管理者 (第27条第3項): the homepage system manager records each security check of the homepage
 * system (第1号); the checks, and where the security stands, are read by the homepage managers, the system
 * administrator and the general manager.
 */
import { Args, Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  HomepageSecurityCheck as CheckRecord,
  SecurityStatus,
  assertMayReadSecurityChecks,
  homepageSecurity,
  issuesOf,
  securityActions,
  securityStatus,
} from '../domain/homepageSystem';
import { getPerson } from '../store/people';
import { latestSecurityCheck, listSecurityChecks } from '../store/homepageSystem';
import { PageArgs } from '../../graphql/common';
import {
  HomepageSecurityCheck,
  HomepageSecurityCheckConnection,
  HomepageSecurityCheckPayload,
  HomepageSecurityItem,
  HomepageSecurityStatus,
  RecordHomepageSecurityCheckInput,
} from '../../graphql/homepageSystem';
import { Person } from '../../graphql/people';
import { Context } from './context';
import { computed, related } from './fields';
import { read, INPUT, connection } from './support';
import { given } from './systems';
import { create } from './write';

@Resolver(() => HomepageSecurityCheck)
export class HomepageSystemResolver {
  @Query(() => HomepageSecurityCheckConnection, {
    description:
      'ホームページシステムのセキュリティ点検(点検日の新しい順、ホームページシステム管理者・ホームページ運用管理者・情報システム管理者・総括管理責任者、第27条第3項)。 / The homepage system\'s security checks, newest first (the homepage managers, the system administrator, the general manager).',
  })
  homepageSecurityChecks(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      assertMayReadSecurityChecks(ctx.viewer, ctx.clock());
      return connection(await listSecurityChecks(ctx.store, paging));
    });
  }

  @Query(() => HomepageSecurityStatus, {
    description:
      'ホームページシステムのセキュリティの状況: 最後の点検、次の期限(90日ごと)、未解消の指摘事項(第27条第3項第1号)。 / Where the homepage system\'s security stands: the latest check, when the next is due (every 90 days), the findings still open.',
  })
  homepageSecurityStatus(@Ctx() ctx: Context) {
    return read(ctx, async () => {
      assertMayReadSecurityChecks(ctx.viewer, ctx.clock());
      return securityStatus(await latestSecurityCheck(ctx.store), ctx.clock());
    });
  }

  @Mutation(() => HomepageSecurityCheckPayload, {
    description:
      'ホームページシステムのセキュリティ点検の記録(ホームページシステム管理者、第27条第3項第1号)。すべての項目を一度ずつ、問題があればその内容を記載する。 / Record a security check of the homepage system (the homepage system manager): every item once, each issue described.',
  })
  recordHomepageSecurityCheck(@Arg('input', { description: INPUT }) input: RecordHomepageSecurityCheckInput, @Ctx() ctx: Context) {
    const { checkedOn, measuresTaken } = given(input);
    const items = input.items.map((i) => ({ ...given(i) }));
    return create(ctx, (now, id) => homepageSecurity.record(ctx.viewer, { checkedOn, items, measuresTaken }, id, now), (check: CheckRecord) => ({ check }));
  }
}

const CheckFields = computed<CheckRecord>(HomepageSecurityCheck, {
  openIssues: [() => [HomepageSecurityItem], (c) => issuesOf(c), { description: 'この点検で問題ありとされた項目。 / The items this check found an issue with.' }],
  recordedBy: [() => Person, (c, ctx) => getPerson(ctx.store, c.recordedBy), { nullable: true, description: '記録したホームページシステム管理者(又はその職務代理者)。 / The homepage system manager (or the person acting for them) who recorded it.' }],
  actingFor: [() => Person, (c, ctx) => related(ctx, getPerson, c.actingFor), { nullable: true, description: '職務代理による記録のとき、代理されたホームページシステム管理者。 / When recorded by an acting person, the manager acted for.' }],
});

const StatusFields = computed<SecurityStatus>(HomepageSecurityStatus, {
  viewerCanRecordCheck: [() => Boolean, (_s, ctx) => securityActions(ctx.viewer, ctx.clock()).recordCheck, { description: '点検を記録できるか(ホームページシステム管理者)。 / Whether the viewer may record a check (the homepage system manager).' }],
});

export const homepageSystemResolvers: Function[] = [HomepageSystemResolver, CheckFields, StatusFields];
