/** Consultations on forms 1–3 (第7条–第9条): drafting, submission, withdrawal, decision and its effect. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Consultation as ConsultationRecord, consultationActions, draftConsultation, reviseConsultation } from '../domain/consultations';
import { Decision as DecisionRecord } from '../domain/workflow';
import { getDepartment, getPerson } from '../store/people';
import { getSystem } from '../store/systems';
import { getSupplementaryRule } from '../store/supplementaryRules';
import { SupplementaryRule } from '../../graphql/supplementaryRules';
import { Department, Person } from '../../graphql/people';
import { System, SystemChanges } from '../../graphql/systems';
import { SystemEdit } from '../domain/systems';
import {
  Consultation,
  ConsultationPayload,
  ConsultationTransitionInput,
  Decision,
  DecideConsultationInput,
  DraftConsultationInput,
  UpdateConsultationInput,
} from '../../graphql/consultations';
import { Context } from './context';
import { computed, related } from './fields';
import { actionsOf, INPUT } from './support';
import { change, load, loadOptional } from './write';
import { draft, transition } from './applications';
import { systemEdit } from './systems';

const payload = (consultation: ConsultationRecord) => ({ consultation });
const target = (input: { consultationId: string }) => ({ kind: 'Consultation' as const, id: input.consultationId, field: 'consultationId' });

@Resolver(() => Consultation)
export class ConsultationResolver {
  @Mutation(() => ConsultationPayload, {
    description: '協議書の作成(`submit: true` で同時に提出)。様式は内容から決まる。 / Draft a consultation; the action determines the form.',
  })
  draftConsultation(@Arg('input', { description: INPUT }) input: DraftConsultationInput, @Ctx() ctx: Context) {
    return draft(ctx, 'Consultation', async (now, id) => {
      const system = await load(ctx, 'System', input.systemId, 'systemId');
      const other = await loadOptional(ctx, 'System', input.connectSystemId, 'connectSystemId');
      const proposedChanges = await systemEdit(ctx, input.proposedChanges, 'proposedChanges');
      const { action, title, details, plannedOn } = input;
      return draftConsultation(ctx.viewer, { action, title, details, plannedOn, connectSystemId: other?.id, proposedChanges }, system, other, id, now);
    }, input.submit, payload);
  }

  @Mutation(() => ConsultationPayload, { description: '下書き・差戻しの修正。 / Revise a draft or returned consultation.' })
  updateConsultation(@Arg('input', { description: INPUT }) input: UpdateConsultationInput, @Ctx() ctx: Context) {
    return change(ctx, { ...target(input), expectedVersion: input.expectedVersion }, async (before, now) => {
      const proposedChanges = input.proposedChanges ? await systemEdit(ctx, input.proposedChanges, 'proposedChanges') : undefined;
      return reviseConsultation(ctx.viewer, before, { title: input.title ?? undefined, details: input.details ?? undefined, plannedOn: input.plannedOn ?? undefined, proposedChanges }, now);
    }, payload);
  }

  @Mutation(() => ConsultationPayload, { description: '提出(あらかじめ)。 / Submit to the system administrator, in advance.' })
  submitConsultation(@Arg('input', { description: INPUT }) input: ConsultationTransitionInput, @Ctx() ctx: Context) {
    return transition(ctx, 'submit', target(input), input, payload);
  }

  @Mutation(() => ConsultationPayload, { description: '取下げ(申請者のみ)。 / Withdraw (the applicant only).' })
  withdrawConsultation(@Arg('input', { description: INPUT }) input: ConsultationTransitionInput, @Ctx() ctx: Context) {
    return transition(ctx, 'withdraw', target(input), input, payload);
  }

  @Mutation(() => ConsultationPayload, {
    description:
      '決裁(情報システム管理者)。承認はシステムに効果を持つ(決定・設置・変更・廃止・接続)。 / Decide; approval takes effect on the system in the same transaction.',
  })
  decideConsultation(@Arg('input', { description: INPUT }) input: DecideConsultationInput, @Ctx() ctx: Context) {
    return transition(ctx, 'decide', target(input), input, payload);
  }
}

const ConsultationFields = computed<ConsultationRecord>(Consultation, {
  system: [() => System, (c, ctx) => getSystem(ctx.store, c.systemId), { description: '対象のシステム。 / The system concerned.' }],
  connectSystem: [() => System, (c, ctx) => related(ctx, getSystem, c.connectSystemId), { nullable: true, description: '接続先(様式第3号)。 / The system to connect to.' }],
  applicantDepartment: [() => Department, (c, ctx) => getDepartment(ctx.store, c.applicantDepartmentId), { description: '提出した主管課。 / The applicant’s department.' }],
  viewerCanEdit: [() => Boolean, (c, ctx) => actionsOf(ctx, c, consultationActions).edit, { description: '閲覧者が修正できるか。 / Whether the viewer may revise it.' }],
});

/** 様式第2号: the processing departments a change proposes, as departments (第10条第2項). */
const SystemChangesFields = computed<SystemEdit>(SystemChanges, {
  processingDepartments: [
    () => [Department],
    async (e, ctx) => e.processingDepartmentIds && (await Promise.all(e.processingDepartmentIds.map((d) => getDepartment(ctx.store, d)))).filter(Boolean),
    { nullable: true, description: '業務系: 処理する業務を所管する主管課(第10条第2項、変更後。変更しないときは空)。 / 業務系: the departments whose work it is to process, as changed; null when unchanged.' },
  ],
});

const DecisionFields = computed<DecisionRecord>(Decision, {
  decidedBy: [() => Person, (d, ctx) => getPerson(ctx.store, d.decidedBy), { description: '決裁者。 / Who decided.' }],
  actingFor: [() => Person, (d, ctx) => related(ctx, getPerson, d.actingFor), { nullable: true, description: '職務代理による決裁(代決)のとき、代理された決裁権者。 / When decided by an acting person, the holder acted for.' }],
  citedRules: [
    () => [SupplementaryRule],
    async (d, ctx) => (await Promise.all((d.citedRuleIds ?? []).map((id) => getSupplementaryRule(ctx.store, id)))).filter(Boolean),
    { description: '決裁の根拠とした第35条に基づく定め(引用した版)。 / The rules set under Article 35 the decision rests on, as cited.' },
  ],
});

export const consultationResolvers: Function[] = [ConsultationResolver, ConsultationFields, SystemChangesFields, DecisionFields];
