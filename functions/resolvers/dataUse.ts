/** データ利用承認申請 (様式第6号, 第14条): apply to the department that holds the data; its manager decides. */
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { DataUseApplication as DataUseRecord, draftDataUse, isCurrentGrant } from '../domain/dataUse';
import { getDepartment } from '../store/people';
import { getDataset, listRunningGrantsOfDepartment } from '../store/data';
import { PageArgs } from '../../graphql/common';
import { ApplyForDataUseInput, DataUseApplication, DataUseApplicationConnection, DataUseApplicationPayload } from '../../graphql/dataUse';
import { Dataset } from '../../graphql/datasets';
import { Department } from '../../graphql/people';
import { Context } from './context';
import { read, INPUT, connection } from './support';
import { computed, departmentOrOwn, legalBasisFields } from './fields';
import { load } from './write';
import { draft } from './applications';
import { filterPage } from '../store/table';

@Resolver(() => DataUseApplication)
export class DataUseResolver {
  @Query(() => DataUseApplicationConnection, {
    description:
      '主管課が現在利用できる他課のデータ(承認済・期間内)。既定は自分の課。 / What a department may use now (the viewer’s own by default).',
  })
  dataUseGrants(
    @Args() paging: PageArgs,
    @Arg('departmentId', () => ID, { nullable: true, description: '主管課(省略時は自分の課)。 / The department (default: the viewer’s own).' }) departmentId: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return read(ctx, async () => {
      const now = ctx.clock();
      const page = await listRunningGrantsOfDepartment(ctx.store, departmentOrOwn(ctx, departmentId), now, paging);
      return connection(filterPage(page, (g) => isCurrentGrant(g, now)));
    });
  }

  @Mutation(() => DataUseApplicationPayload, {
    description: 'データ利用承認申請書(様式第6号)の作成(`submit: true` で提出)。 / Apply to use another department’s dataset.',
  })
  applyForDataUse(@Arg('input', { description: INPUT }) input: ApplyForDataUseInput, @Ctx() ctx: Context) {
    return draft(ctx, 'DataUseApplication', async (now, id) => {
      const dataset = await load(ctx, 'Dataset', input.datasetId, 'datasetId');
      const requesting = await load(ctx, 'Department', input.requestingDepartmentId, 'requestingDepartmentId');
      return draftDataUse(ctx.viewer, input, dataset, requesting.id, id, now);
    }, input.submit, (application) => ({ application }));
  }
}

const ApplicationFields = computed<DataUseRecord>(DataUseApplication, {
  dataset: [() => Dataset, (a, ctx) => getDataset(ctx.store, a.datasetId), { description: '利用するデータ。 / The dataset.' }],
  requestingDepartment: [() => Department, (a, ctx) => getDepartment(ctx.store, a.requestingDepartmentId), { description: '利用する主管課。 / The department that would use the data.' }],
  owningDepartment: [() => Department, (a, ctx) => getDepartment(ctx.store, a.owningDepartmentId), { description: 'データを所管し承認する主管課。 / The department that holds the data and decides.' }],
  applicantDepartment: [() => Department, (a, ctx) => getDepartment(ctx.store, a.requestingDepartmentId), { description: '申請した主管課(利用する主管課)。 / The applicant’s department, the one that would use the data.' }],
  current: [() => Boolean, (a, ctx) => isCurrentGrant(a, ctx.clock()), { description: '現在有効な利用許可か。 / Whether it is a grant in force today.' }],
  ...legalBasisFields<DataUseRecord>(),
});

export const dataUseResolvers: Function[] = [DataUseResolver, ApplicationFields];
