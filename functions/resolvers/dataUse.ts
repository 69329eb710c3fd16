/** データ利用承認申請 (様式第6号, 第14条): apply to the department that holds the data; its manager decides. */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ARTICLE, DataUseApplication as DataUseRecord, assertMayApply, assertMayDecide, isCurrentGrant, validateDataUseInput } from '../domain/dataUse';
import { getDepartment } from '../store/people';
import { dataChange, getDataUse, getDataset, listRunningGrantsOfDepartment } from '../store/data';
import { connection, PageArgs } from '../../graphql/common';
import { ApplyForDataUseInput, DataUseApplication, DataUseApplicationConnection, DataUseApplicationPayload } from '../../graphql/dataUse';
import { Dataset } from '../../graphql/datasets';
import { Department } from '../../graphql/people';
import { Context } from './context';
import { found, keyOf, mutate, newId, outcome, read } from './support';
import { draftOutcome } from './applications';


@Resolver(() => DataUseApplication)
export class DataUseResolver {
  @Query(() => DataUseApplicationConnection, {
    description:
      '主管課が現在利用できる他課のデータ(承認済・期間内)。既定は自分の課。 / What a department may use now (the viewer’s own by default).',
  })
  dataUseGrants(
    @Args() { first, after }: PageArgs,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return read(async () => {
      const dept = departmentId ? keyOf(departmentId, 'Department', 'departmentId') : ctx.viewer.person.departmentId;
      const now = ctx.clock();
      const page = await listRunningGrantsOfDepartment(ctx.store, dept, now, first, after);
      return connection({ ...page, nodes: page.nodes.filter((g) => isCurrentGrant(g, now)) });
    });
  }


  @FieldResolver(() => Dataset)
  dataset(@Root() a: DataUseRecord, @Ctx() ctx: Context) {
    return getDataset(ctx.store, a.datasetId);
  }

  @FieldResolver(() => Department, { description: '利用する主管課。 / The department that would use the data.' })
  requestingDepartment(@Root() a: DataUseRecord, @Ctx() ctx: Context) {
    return getDepartment(ctx.store, a.requestingDepartmentId);
  }

  @FieldResolver(() => Department, { description: 'データを所管し承認する主管課。 / The department that holds the data and decides.' })
  owningDepartment(@Root() a: DataUseRecord, @Ctx() ctx: Context) {
    return getDepartment(ctx.store, a.owningDepartmentId);
  }


  @FieldResolver(() => Department)
  applicantDepartment(@Root() a: DataUseRecord, @Ctx() ctx: Context) {
    return getDepartment(ctx.store, a.requestingDepartmentId);
  }


  @FieldResolver(() => Boolean, { description: '現在有効な利用許可か。 / Whether it is a grant in force today.' })
  current(@Root() a: DataUseRecord, @Ctx() ctx: Context) {
    return isCurrentGrant(a, ctx.clock());
  }





  @Mutation(() => DataUseApplicationPayload, {
    description: 'データ利用承認申請書(様式第6号)の作成(`submit: true` で提出)。 / Apply to use another department’s dataset.',
  })
  applyForDataUse(@Arg('input') input: ApplyForDataUseInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const dataset = found(await getDataset(ctx.store, keyOf(input.datasetId, 'Dataset', 'datasetId')), 'dataset', 'datasetId');
      const requesting = keyOf(input.requestingDepartmentId, 'Department', 'requestingDepartmentId');
      found(await getDepartment(ctx.store, requesting), 'department', 'requestingDepartmentId');
      assertMayApply(ctx.viewer, dataset, requesting, now);
      const fields = { purpose: input.purpose.trim(), items: input.items.map((i) => i.trim()), period: { from: input.period.from, until: input.period.until }, legalBasis: input.legalBasis.trim() };
      validateDataUseInput(fields);
      const draft: DataUseRecord = {
        id: newId(now),
        form: 'FORM_6',
        title: `「${dataset.name}」の利用`,
        datasetId: dataset.id,
        owningDepartmentId: dataset.departmentId,
        requestingDepartmentId: requesting,
        ...fields,
        applicantId: ctx.viewer.person.id,
        status: 'DRAFT',
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      return draftOutcome(ctx, 'DataUseApplication', draft, input.submit, now, (application) => ({ application }));
    });
  }
}
