/**
 * 職務代理・代決 — acting for the holder of a role. The regulation names one office for each deciding role (第3条–第5条,
 * 第27条); when its holder is away, or is the applicant (総務課長 asking 総務課長 for a top-page link, 様式第10号), someone
 * must act in the holder's place or nothing can be decided. An acting designation is a role assignment with an end,
 * a reason, the holder acted for and who designated it: during it the acting person reads the role's inbox and decides,
 * "acting for <holder>" recorded on the decision and in the audit trail (forms.ts), never their own application.
 */
import { Transition, advance, alongWith, changeOf } from './change';
import { tell } from './notices';
import { Actor, ONE_HOLDER_ROLES, PersonWithRoles, ROLE_LABELS, Role, RoleAssignment, RoleSlot, holds, slotPart, tokyoDate, validateAssignment } from './people';
import { wareki } from './period';
import { refuse } from './refusal';

export interface ActingInput {
  role: Role;
  departmentId?: string;
  validFrom: string;
  validUntil: string;
  reason: string;
}

export const acting = {
  /**
   * The holder of a role, or the system administrator for anyone (第4条), designates a person to act in the holder's
   * place for a period, with its reason. The holder is whoever holds the role on the first day of the period. The
   * acting person is told, in the same transaction.
   */
  designate(
    actor: Actor,
    person: PersonWithRoles,
    input: ActingInput,
    holders: { slot: RoleSlot; assignments: RoleAssignment[] },
    id: string,
    now: string,
  ): Transition<PersonWithRoles> {
    const article = ONE_HOLDER_ROLES[input.role];
    const label = ROLE_LABELS[input.role];
    if (!article) {
      refuse('INVALID_VALUE', [`${label}には職務代理を置きません(職務代理は一人が充てられる役割に置きます)。`, `${input.role} has no acting person: only a role one person holds does.`], undefined, ['role']);
    }
    validateAssignment(input);
    // A period already over would designate no one: the acting person could never decide.
    if (input.validUntil < tokyoDate(now)) {
      refuse(
        'INVALID_VALUE',
        [`職務代理の期間は${wareki(input.validUntil)}に終了しています。今日以降に終わる期間を指定してください。`, `The acting period ended on ${input.validUntil}: give one that ends today or later.`],
        article,
        ['validUntil'],
      );
    }
    if (!input.reason.trim()) refuse('INVALID_VALUE', ['職務代理の理由を記載してください。', 'State the reason for the acting designation.'], article, ['reason']);
    const holder = holders.assignments.find(
      (h) =>
        !h.actingFor &&
        h.role === input.role &&
        h.departmentId === input.departmentId &&
        h.validFrom <= input.validFrom &&
        (h.validUntil === undefined || input.validFrom <= h.validUntil),
    );
    if (!holder) {
      refuse('INVALID_STATE', [`${wareki(input.validFrom)}に${label}を保有する者がいないため、職務代理者を指定できません。`, `No one holds ${input.role} on ${input.validFrom}: there is no one to act for.`], article, ['validFrom']);
    }
    const isHolder = holder.personId === actor.person.id && holds(actor, input.role, now, input.departmentId);
    if (!isHolder && !holds(actor, 'SYSTEM_ADMINISTRATOR', now)) {
      refuse('FORBIDDEN', [`職務代理者を指定できるのは、${label}本人又は情報システム管理者です。`, `Only the holder of ${input.role} or the system administrator designates an acting person.`], '第4条');
    }
    if (person.id === holder.personId) refuse('INVALID_VALUE', ['役割の保有者本人を自らの職務代理者に指定することはできません。', 'The holder cannot act for themself.'], article, ['personId']);
    const a: RoleAssignment = {
      id,
      personId: person.id,
      role: input.role,
      departmentId: input.departmentId,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      actingFor: holder.personId,
      reason: input.reason.trim(),
      designatedBy: actor.person.id,
      version: 1,
      createdAt: now,
    };
    const after = advance(person, { roleAssignments: [...person.roleAssignments, a] }, now);
    const told = tell(
      [person.id, holder.personId],
      {
        kind: 'ACTING_DESIGNATED',
        subjectType: 'Person',
        subjectId: person.id,
        stage: `acting-${a.id}`,
        article,
        title: `${label}の職務代理者の指定`,
        message: `${person.name}が、${wareki(a.validFrom)}から${wareki(input.validUntil)}まで、${label}の職務代理者に指定されました(理由: ${a.reason})。期間中、その決裁待ちを読み、職務代理者として決裁できます(自らの申請を除く)。`,
        dueOn: a.validFrom,
      },
      now,
      actor.person.id,
    );
    return alongWith(changeOf('Person', person, after, 'role.acting-designated', article, { recorded: { before: {}, after: { roleAssignment: a } } }), {
      changes: told,
      parts: [{ part: 'RoleAssignment', value: a }, ...slotPart(holders.slot)],
    });
  },
};
