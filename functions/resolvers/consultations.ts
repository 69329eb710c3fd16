/** Consultations on forms 1–3 (第7条–第9条): drafting, submission, withdrawal, decision and its effect. */
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import {
  Consultation as ConsultationRecord,
  articleOf,
  assertActionPossible,
  assertMayDecide,
  assertMayFile,
  effectOfApproval,
  formOf,
  validateConsultationInput,
} from '../domain/consultations';
import { Decision as DecisionRecord, assertEditable, assertVersion, permittedActions } from '../domain/workflow';
import { holds } from '../domain/people';
import { SystemRecord } from '../domain/systems';
import { refuse } from '../domain/refusal';
import { AuditEvent } from '../domain/audit';
import { getDepartment, getPerson } from '../store/people';
import { getSystem, systemChange } from '../store/systems';
import { Change } from '../store/store';
import { consultationChange, getConsultation } from '../store/consultations';
import { Department, Person } from '../../graphql/people';
import { System } from '../../graphql/systems';
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
import { auditEvent, found, globalId, keyOf, mutate, newId, outcome } from './support';
import { createApplication, decideApplication, registerForm, submitApplication, withdrawApplication } from './applications';
import { loadSystem, systemEdit } from './systems';

async function loadConsultation(ctx: Context, id: string): Promise<ConsultationRecord> {
  return found(await getConsultation(ctx.store, keyOf(id, 'Consultation', 'consultationId')), 'consultation', 'consultationId');
}

/** The system(s) a consultation concerns, as they stand now. */
async function subjects(ctx: Context, c: Pick<ConsultationRecord, 'systemId' | 'connectSystemId'>): Promise<[SystemRecord, SystemRecord | undefined]> {
  const [system, other] = await Promise.all([
    getSystem(ctx.store, c.systemId),
    c.connectSystemId ? getSystem(ctx.store, c.connectSystemId) : Promise.resolve(undefined),
  ]);
  return [found(system, 'system', 'systemId'), c.connectSystemId ? found(other, 'system', 'connectSystemId') : undefined];
}

function next(before: ConsultationRecord, patch: Partial<ConsultationRecord>, now: string): ConsultationRecord {
  return { ...before, ...patch, version: before.version + 1, updatedAt: now };
}

@Resolver(() => Consultation)
export class ConsultationResolver {

  @FieldResolver(() => System, { description: '対象のシステム。 / The system concerned.' })
  system(@Root() c: ConsultationRecord, @Ctx() ctx: Context) {
    return getSystem(ctx.store, c.systemId);
  }

  @FieldResolver(() => System, { nullable: true, description: '接続先(様式第3号)。 / The system to connect to.' })
  connectSystem(@Root() c: ConsultationRecord, @Ctx() ctx: Context) {
    return c.connectSystemId ? getSystem(ctx.store, c.connectSystemId) : undefined;
  }


  @FieldResolver(() => Department, { description: '提出した主管課。 / The applicant’s department.' })
  applicantDepartment(@Root() c: ConsultationRecord, @Ctx() ctx: Context) {
    return getDepartment(ctx.store, c.applicantDepartmentId);
  }



  @FieldResolver(() => Boolean, { description: '閲覧者が修正できるか。 / Whether the viewer may revise it.' })
  viewerCanEdit(@Root() c: ConsultationRecord, @Ctx() ctx: Context) {
    return actions(ctx, c).edit;
  }




  @Mutation(() => ConsultationPayload, {
    description: '協議書の作成(`submit: true` で同時に提出)。様式は内容から決まる。 / Draft a consultation; the action determines the form.',
  })
  draftConsultation(@Arg('input') input: DraftConsultationInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const system = await loadSystem(ctx, input.systemId, 'systemId');
      const other = input.connectSystemId ? await loadSystem(ctx, input.connectSystemId, 'connectSystemId') : undefined;
      const proposedChanges = await systemEdit(ctx, input.proposedChanges, 'proposedChanges');
      const fields = { action: input.action, title: input.title, details: input.details, plannedOn: input.plannedOn, connectSystemId: other?.id, proposedChanges };
      validateConsultationInput(fields);
      const applicantDepartmentId = assertMayFile(ctx.viewer, system, other, now, input.action);
      if (input.action === 'CONNECT' && !other) refuse('INVALID_VALUE', '様式第3号 names the system to connect to.', '第9条', ['connectSystemId']);
      assertActionPossible(fields, system, other);
      const draft: ConsultationRecord = {
        id: newId(now),
        form: formOf(input.action),
        action: input.action,
        systemId: system.id,
        connectSystemId: other?.id,
        proposedChanges: input.action === 'CHANGE' ? proposedChanges : undefined,
        title: input.title.trim(),
        details: input.details.trim(),
        plannedOn: input.plannedOn,
        applicantId: ctx.viewer.person.id,
        applicantDepartmentId,
        status: 'DRAFT',
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      const o = await createApplication(ctx, consultationRules, draft, input.submit, now);
      return outcome({ consultation: o.payload }, o.changes, o.events);
    });
  }

  @Mutation(() => ConsultationPayload, { description: '下書き・差戻しの修正。 / Revise a draft or returned consultation.' })
  updateConsultation(@Arg('input') input: UpdateConsultationInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = await loadConsultation(ctx, input.consultationId);
      assertVersion(before.version, input.expectedVersion);
      assertEditable(before, ctx.viewer.person.id, articleOf(before.action));
      const proposedChanges = input.proposedChanges ? await systemEdit(ctx, input.proposedChanges, 'proposedChanges') : before.proposedChanges;
      const after = next(
        before,
        {
          title: input.title?.trim() ?? before.title,
          details: input.details?.trim() ?? before.details,
          plannedOn: input.plannedOn ?? before.plannedOn,
          proposedChanges,
        },
        now,
      );
      validateConsultationInput(after);
      return outcome(
        { consultation: after },
        [consultationChange(after, before.version)],
        [auditEvent(ctx, now, 'Consultation', after.id, 'consultation.revised', before, after, { article: articleOf(after.action) })],
      );
    });
  }

  @Mutation(() => ConsultationPayload, { description: '提出(あらかじめ)。 / Submit to the system administrator, in advance.' })
  submitConsultation(@Arg('input') input: ConsultationTransitionInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const o = await submitApplication(ctx, consultationRules, await loadConsultation(ctx, input.consultationId), input.expectedVersion, now);
      return outcome({ consultation: o.payload }, o.changes, o.events);
    });
  }

  @Mutation(() => ConsultationPayload, { description: '取下げ(申請者のみ)。 / Withdraw (the applicant only).' })
  withdrawConsultation(@Arg('input') input: ConsultationTransitionInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const o = await withdrawApplication(ctx, consultationRules, await loadConsultation(ctx, input.consultationId), input.expectedVersion, now);
      return outcome({ consultation: o.payload }, o.changes, o.events);
    });
  }

  @Mutation(() => ConsultationPayload, {
    description:
      '決裁(情報システム管理者)。承認はシステムに効果を持つ(決定・設置・変更・廃止・接続)。 / Decide; approval takes effect on the system in the same transaction.',
  })
  decideConsultation(@Arg('input') input: DecideConsultationInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const o = await decideApplication(ctx, consultationRules, await loadConsultation(ctx, input.consultationId), input, now);
      return outcome({ consultation: o.payload }, o.changes, o.events);
    });
  }
}

/** 様式第1号–第3号: filed by the system's information manager, decided by the system administrator (第7条–第9条). */
export const consultationRules = registerForm<ConsultationRecord>({
  type: 'Consultation',
  action: 'consultation',
  load: (ctx, key) => getConsultation(ctx.store, key),
  change: consultationChange,
  article: (c) => articleOf(c.action),
  async checkSubmit(ctx, c, now) {
    const [system, other] = await subjects(ctx, c);
    assertMayFile(ctx.viewer, system, other, now, c.action);
    assertActionPossible(c, system, other);
  },
  assertMayDecide: (ctx, c, now) => assertMayDecide(ctx.viewer, c.action, now),
  // Approval takes effect on the system(s): decided, installed, changed, abolished, or connected.
  async approve(ctx, before, after, _input, now) {
    const [system, other] = await subjects(ctx, before);
    const effect = effectOfApproval(before, system, other, now);
    const changes: Change[] = [];
    const events: AuditEvent[] = [];
    for (const [s, p] of [[system, effect.system], [other, effect.other]] as const) {
      if (!s || !p) continue;
      const changed: SystemRecord = { ...s, ...p, version: s.version + 1, updatedAt: now };
      changes.push(systemChange(changed, s.version));
      events.push(
        auditEvent(ctx, now, 'System', s.id, `system.${before.action.toLowerCase()}Approved`, s, changed, {
          article: articleOf(before.action),
          note: `${formLabel(before.form)} approved: ${globalId('Consultation', before.id)}`,
        }),
      );
    }
    return { after, changes, events };
  },
});

@Resolver(() => Decision)
export class DecisionResolver {
  @FieldResolver(() => Person, { description: '決裁者。 / Who decided.' })
  decidedBy(@Root() d: DecisionRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, d.decidedBy);
  }
}

function actions(ctx: Context, c: ConsultationRecord) {
  return permittedActions(c, ctx.viewer.person.id, holds(ctx.viewer, 'SYSTEM_ADMINISTRATOR', ctx.clock()));
}

function formLabel(form: ConsultationRecord['form']): string {
  return form === 'FORM_1' ? '様式第1号' : form === 'FORM_2' ? '様式第2号' : '様式第3号';
}
