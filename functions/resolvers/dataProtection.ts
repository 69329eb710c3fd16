/**
 * データの保護 (第13条): each dataset's measures against leak, damage and loss, kept on the dataset's own record and
 * reviewed at least once a year; the datasets lacking them are findings.
 */
import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { DataProtection as DataProtectionValue, dataProtection, lacksProtection, protectionActions } from '../domain/dataProtection';
import { Dataset as DatasetRecord } from '../domain/datasets';
import { reviewDueOn } from '../domain/measures';
import { tokyoDate } from '../domain/people';
import { listDatasetsLackingProtection } from '../store/data';
import { getPerson } from '../store/people';
import { LocalDate, PageArgs } from '../../graphql/common';
import { DataProtection, ReviewDatasetProtectionInput } from '../../graphql/dataProtection';
import { Dataset, DatasetConnection, DatasetPayload } from '../../graphql/datasets';
import { Person } from '../../graphql/people';
import { Context } from './context';
import { computed } from './fields';
import { actionsOf, read, INPUT, connection } from './support';
import { given } from './systems';
import { change } from './write';

@Resolver(() => Dataset)
export class DataProtectionResolver {
  @Query(() => DatasetConnection, {
    description:
      '漏えい、き損等の防止の措置を欠くデータ(個人情報を含み措置の記録がないもの、又は1年以上見直されていないもの、見直し期限の古い順、第13条)。 / Datasets lacking measures: holding personal information without any, or not reviewed for a year; oldest due first.',
  })
  datasetsLackingProtection(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listDatasetsLackingProtection(ctx.store, tokyoDate(ctx.clock()), paging)));
  }

  @Mutation(() => DatasetPayload, {
    description:
      'データの漏えい、き損等の防止の措置の記録・見直し(置き換え、情報システム管理者又は所管課の情報管理責任者、第13条)。 / Record or review (replace) a dataset\'s measures against leak, damage and loss.',
  })
  reviewDatasetProtection(@Arg('input', { description: INPUT }) input: ReviewDatasetProtectionInput, @Ctx() ctx: Context) {
    const { datasetId, expectedVersion, ...measures } = given(input);
    return change(ctx, { kind: 'Dataset', id: datasetId, field: 'datasetId', expectedVersion }, (d, now) => dataProtection.review(ctx.viewer, d, measures, now), (dataset: DatasetRecord) => ({ dataset }));
  }
}

const ProtectionFields = computed<DataProtectionValue>(DataProtection, {
  reviewedBy: [() => Person, (p, ctx) => getPerson(ctx.store, p.reviewedBy), { nullable: true, description: '見直した(記録した)者。 / Who reviewed (recorded) them.' }],
});

const DatasetFields = computed<DatasetRecord>(Dataset, {
  protectionReviewDueOn: [() => LocalDate, (d) => (d.protection ? reviewDueOn(d.protection) : null), { nullable: true, description: '措置の次の見直し期限(最後の見直しから1年、第13条)。 / When the measures are next due for review (a year after the last).' }],
  lacksProtection: [() => Boolean, (d, ctx) => lacksProtection(d, ctx.clock()), { description: '措置を欠く(個人情報を含み記録がない、又は1年以上見直されていない、第13条)。 / Lacks measures: personal information without any, or not reviewed for a year.' }],
  viewerCanReviewProtection: [() => Boolean, (d, ctx) => actionsOf(ctx, d, protectionActions).review, { description: '措置を記録・見直しできるか。 / Whether the viewer may record or review the measures.' }],
});

export const dataProtectionResolvers: Function[] = [DataProtectionResolver, ProtectionFields, DatasetFields];
