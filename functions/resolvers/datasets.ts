/** Datasets (第13条): registered by the information manager of the system's department. */
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Dataset as DatasetRecord, registerDataset } from '../domain/datasets';
import { isCurrentGrant } from '../domain/dataUse';
import { getDepartment } from '../store/people';
import { getSystem } from '../store/systems';
import { dataChange, listRunningGrantsOfDataset } from '../store/data';
import { listAuditOfObject } from '../store/audit';
import { connection, PageArgs } from '../../graphql/common';
import { Dataset, DatasetPayload, RegisterDatasetInput } from '../../graphql/datasets';
import { DataUseApplicationConnection } from '../../graphql/dataUse';
import { Department } from '../../graphql/people';
import { System } from '../../graphql/systems';
import { AuditEventConnection } from '../../graphql/audit';
import { Context } from './context';
import { auditEvent, mutate, newId, outcome, read } from './support';
import { loadSystem } from './systems';

@Resolver(() => Dataset)
export class DatasetResolver {

  @FieldResolver(() => System)
  system(@Root() d: DatasetRecord, @Ctx() ctx: Context) {
    return getSystem(ctx.store, d.systemId);
  }

  @FieldResolver(() => Department, { description: '所管する主管課。 / The department that holds it.' })
  department(@Root() d: DatasetRecord, @Ctx() ctx: Context) {
    return getDepartment(ctx.store, d.departmentId);
  }

  @FieldResolver(() => DataUseApplicationConnection, {
    description: '現在このデータを利用できる他課(承認済・期間内、第14条)。 / Who may use this dataset now: approved grants within their period.',
  })
  currentGrants(@Root() d: DatasetRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => {
      const now = ctx.clock();
      const page = await listRunningGrantsOfDataset(ctx.store, d.id, now, first, after);
      return connection({ ...page, nodes: page.nodes.filter((g) => isCurrentGrant(g, now)) });
    });
  }


  @Mutation(() => DatasetPayload, { description: 'データの登録(第13条)。 / Register a dataset of a system.' })
  registerDataset(@Arg('input') input: RegisterDatasetInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const system = await loadSystem(ctx, input.systemId, 'systemId');
      const d = registerDataset(ctx.viewer, system, input, newId(now), now);
      return outcome({ dataset: d }, [dataChange.dataset(d)], [auditEvent(ctx, now, 'Dataset', d.id, 'dataset.registered', undefined, d, { article: '第13条' })]);
    });
  }
}
