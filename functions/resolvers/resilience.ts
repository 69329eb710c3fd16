/**
 * 保守対策・障害対策 (第17条, 第18条): each system's protection against earthquake, fire, other disasters and theft,
 * its measures against failure, and its recovery procedure set in advance — kept on the system's own record.
 */
import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Resilience, lacksRecoveryProcedure, systemResilience, unprotectedHazards } from '../domain/resilience';
import { SystemRecord, systemActions } from '../domain/systems';
import { getPerson } from '../store/people';
import { listSystemsWithoutRecoveryProcedure } from '../store/systems';
import { PageArgs } from '../../graphql/common';
import { System, SystemConnection, SystemPayload } from '../../graphql/systems';
import { Person } from '../../graphql/people';
import { Hazard, RecordSystemResilienceInput, SystemResilience } from '../../graphql/resilience';
import { Context } from './context';
import { computed } from './fields';
import { actionsOf, read, INPUT, connection } from './support';
import { given, systemTarget } from './systems';
import { change } from './write';

@Resolver(() => System)
export class ResilienceResolver {
  @Query(() => SystemConnection, { description: '回復の手順が定められていない稼働中のシステム(第18条第2項)。 / Systems in operation without a recovery procedure set in advance.' })
  systemsWithoutRecoveryProcedure(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listSystemsWithoutRecoveryProcedure(ctx.store, paging)));
  }

  @Mutation(() => SystemPayload, {
    description:
      '保守対策(第17条)・障害対策と回復の手順(第18条)の記録(置き換え、情報システム管理者又は当該システムの情報管理責任者)。 / Record (replace) a system\'s protective measures, failure measures and recovery procedure.',
  })
  recordSystemResilience(@Arg('input', { description: INPUT }) input: RecordSystemResilienceInput, @Ctx() ctx: Context) {
    const measures = { ...given(input), recoveryProcedure: input.recoveryProcedure ? given(input.recoveryProcedure) : undefined };
    return change(ctx, systemTarget(input), (s, now) => systemResilience.record(ctx.viewer, s, measures, now), (system: SystemRecord) => ({ system }));
  }
}

const ResilienceFields = computed<Resilience>(SystemResilience, {
  recordedBy: [() => Person, (r, ctx) => getPerson(ctx.store, r.recordedBy), { nullable: true, description: '記録した者。 / Who recorded it.' }],
});

const SystemFields = computed<SystemRecord>(System, {
  unprotectedHazards: [() => [Hazard], (s) => unprotectedHazards(s.resilience), { description: '保護の措置がない災害等(第17条)。 / Hazards with no protective measure.' }],
  lacksRecoveryProcedure: [() => Boolean, (s) => lacksRecoveryProcedure(s, s.resilience), { description: '稼働中で回復の手順がない(第18条第2項)。 / In operation without a recovery procedure.' }],
  viewerCanRecordResilience: [() => Boolean, (s, ctx) => actionsOf(ctx, s, systemActions).recordResilience, { description: '保守対策・障害対策を記録できるか。 / Whether the viewer may record the measures.' }],
});

export const resilienceResolvers: Function[] = [ResilienceResolver, ResilienceFields, SystemFields];
