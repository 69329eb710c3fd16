/**
 * ウィルス対策 (第26条第1項・第2項): each system's measures against infection and spread and for an infection, kept on
 * the system's own record and reviewed at least once a year; the systems in operation lacking them are findings.
 */
import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { reviewDueOn } from '../domain/measures';
import { tokyoDate } from '../domain/people';
import { SystemRecord } from '../domain/systems';
import { VirusIncident as VirusIncidentRecord } from '../domain/virusIncidents';
import { VirusMeasures, lacksVirusMeasures, systemVirusMeasures, virusMeasureActions } from '../domain/virusMeasures';
import { getPerson } from '../store/people';
import { getSystem, listSystemsLackingVirusMeasures } from '../store/systems';
import { LocalDate, PageArgs } from '../../graphql/common';
import { Person } from '../../graphql/people';
import { System, SystemConnection, SystemPayload } from '../../graphql/systems';
import { ReviewSystemVirusMeasuresInput, SystemVirusMeasures } from '../../graphql/virusMeasures';
import { VirusIncident } from '../../graphql/virusIncidents';
import { Context } from './context';
import { computed } from './fields';
import { actionsOf, read, INPUT, connection } from './support';
import { given, systemTarget } from './systems';
import { change } from './write';

@Resolver(() => System)
export class VirusMeasuresResolver {
  @Query(() => SystemConnection, {
    description:
      'ウィルス対策がない、又は1年以上見直されていない稼働中のシステム(見直し期限の古い順、第26条第1項・第2項)。 / Systems in operation without virus measures, or not reviewed for a year; oldest due first.',
  })
  systemsLackingVirusMeasures(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listSystemsLackingVirusMeasures(ctx.store, tokyoDate(ctx.clock()), paging)));
  }

  @Mutation(() => SystemPayload, {
    description:
      'ウィルス対策の記録・見直し(置き換え、情報系は情報システム管理者が指定した情報管理責任者、業務系は業務を所管する情報管理責任者、第26条第1項・第2項)。 / Record or review (replace) a system\'s virus measures.',
  })
  reviewSystemVirusMeasures(@Arg('input', { description: INPUT }) input: ReviewSystemVirusMeasuresInput, @Ctx() ctx: Context) {
    const { systemId, expectedVersion, ...measures } = given(input);
    return change(ctx, systemTarget({ systemId, expectedVersion }), (s, now) => systemVirusMeasures.review(ctx.viewer, s, measures, now), (system: SystemRecord) => ({ system }));
  }
}

const MeasuresFields = computed<VirusMeasures>(SystemVirusMeasures, {
  reviewedBy: [() => Person, (m, ctx) => getPerson(ctx.store, m.reviewedBy), { nullable: true, description: '見直した(記録した)者。 / Who reviewed (recorded) them.' }],
});

const SystemFields = computed<SystemRecord>(System, {
  virusMeasuresReviewDueOn: [() => LocalDate, (s) => (s.virusMeasures ? reviewDueOn(s.virusMeasures) : null), { nullable: true, description: 'ウィルス対策の次の見直し期限(最後の見直しから1年)。 / When the virus measures are next due for review (a year after the last).' }],
  lacksVirusMeasures: [() => Boolean, (s, ctx) => lacksVirusMeasures(s, ctx.clock()), { description: '稼働中でウィルス対策がない、又は1年以上見直されていない(第26条第1項・第2項)。 / In operation without virus measures, or not reviewed for a year.' }],
  viewerCanReviewVirusMeasures: [() => Boolean, (s, ctx) => actionsOf(ctx, s, virusMeasureActions).review, { description: 'ウィルス対策を記録・見直しできるか。 / Whether the viewer may record or review the virus measures.' }],
});

const IncidentFields = computed<VirusIncidentRecord>(VirusIncident, {
  virusMeasures: [() => SystemVirusMeasures, async (v, ctx) => (await getSystem(ctx.store, v.systemId))?.virusMeasures, { nullable: true, description: '当該システムのウィルス対策(第26条第1項・第2項、感染時の対策を含む)。 / The system\'s virus measures, those for an infection included.' }],
});

export const virusMeasureResolvers: Function[] = [VirusMeasuresResolver, MeasuresFields, SystemFields, IncidentFields];
