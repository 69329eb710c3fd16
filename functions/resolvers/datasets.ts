/** Datasets (第13条): registered by the information manager of the system's department. */
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Dataset as DatasetRecord, dataset } from '../domain/datasets';
import { isCurrentGrant } from '../domain/dataUse';
import { getDepartment } from '../store/people';
import { getSystem } from '../store/systems';
import { listRunningGrantsOfDataset } from '../store/data';
import { PageArgs } from '../../graphql/common';
import { Dataset, DatasetPayload, RegisterDatasetInput } from '../../graphql/datasets';
import { DataUseApplicationConnection } from '../../graphql/dataUse';
import { Department } from '../../graphql/people';
import { System } from '../../graphql/systems';
import { Context } from './context';
import { computed } from './fields';
import { read, INPUT, connection } from './support';
import { given } from './systems';
import { create, load } from './write';
import { filterPage } from '../store/table';

const payload = (d: DatasetRecord) => ({ dataset: d });

@Resolver(() => Dataset)
export class DatasetResolver {
  @FieldResolver(() => DataUseApplicationConnection, { description: '現在このデータを利用できる他課(承認済・期間内、第14条)。 / Who may use this dataset now: approved grants within their period.' })
  currentGrants(@Root() d: DatasetRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const now = ctx.clock();
      const page = await listRunningGrantsOfDataset(ctx.store, d.id, now, paging);
      return connection(filterPage(page, (g) => isCurrentGrant(g, now)));
    });
  }

  @Mutation(() => DatasetPayload, { description: 'データの登録(第13条)。 / Register a dataset of a system.' })
  registerDataset(@Arg('input', { description: INPUT }) input: RegisterDatasetInput, @Ctx() ctx: Context) {
    return create(ctx, async (now, id) => dataset.register(ctx.viewer, await load(ctx, 'System', input.systemId, 'systemId'), given(input), id, now), payload);
  }
}

const DatasetFields = computed<DatasetRecord>(Dataset, {
  system: [() => System, (d, ctx) => getSystem(ctx.store, d.systemId), { description: 'データを保有する行政システム。 / The system that holds it.' }],
  department: [() => Department, (d, ctx) => getDepartment(ctx.store, d.departmentId), { description: '所管する主管課。 / The department that holds it.' }],
});

export const datasetResolvers: Function[] = [DatasetResolver, DatasetFields];
