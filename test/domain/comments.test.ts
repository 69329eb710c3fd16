/**
 * コメント on an application, as pure rules: who may comment (the applicant, whoever may decide it now — acting
 * persons included — and no one else), while it is open (submitted or returned), the body's limits, and whom the
 * comment is told to.
 */
import { ApplicationRecord, Form, Step } from '../../functions/domain/forms';
import { MAX_COMMENT, commentBody, commentRoleOf, commented } from '../../functions/domain/comments';
import { consultationForm } from '../../functions/domain/consultations';
import { dataUseForm } from '../../functions/domain/dataUse';
import { ApplicationStatus } from '../../functions/domain/workflow';
import { RoleAssignment } from '../../functions/domain/people';
import { Changed } from '../../functions/domain/change';
import { Notice } from '../../functions/domain/reminders';
import { NOW, EARLIER, actor, administrator, generalManager, kenkouManager, refusal, shiminManager, shiminStaff } from '../support/domain';

const consultations = consultationForm as unknown as Form<ApplicationRecord, unknown>;
const dataUse = dataUseForm as unknown as Form<ApplicationRecord, unknown>;

/** A 様式第1号 of 市民課's information manager, in the state given. */
function consultation(status: ApplicationStatus): ApplicationRecord {
  return { id: 'c1', form: 'FORM_1', title: '住民情報システム「更新」', action: 'DECIDE', systemId: 'juumin', status, applicantId: 'shimin-manager', version: 3, createdAt: EARLIER, updatedAt: EARLIER } as ApplicationRecord;
}

/** A 様式第6号 of 健康推進課 for 市民課's data: 市民課's information manager decides it. */
function dataUseOfShimin(status: ApplicationStatus): ApplicationRecord {
  return { id: 'd1', form: 'FORM_6', title: '住民データの利用', owningDepartmentId: 'shimin', requestingDepartmentId: 'kenkou', status, applicantId: 'kenkou-manager', version: 2, createdAt: EARLIER, updatedAt: EARLIER } as ApplicationRecord;
}

const held = (personId: string, role: RoleAssignment['role'], extra: Partial<RoleAssignment> = {}): RoleAssignment => ({
  id: `${personId}-${role}`,
  personId,
  role,
  validFrom: '2023-04-01',
  version: 1,
  createdAt: EARLIER,
  ...extra,
});
/** 市民課's information manager away: an assistant acts for them until the end of the month. */
const actingAssistant = actor('shimin-assistant', 'shimin', ['INFORMATION_MANAGER', 'shimin']);
actingAssistant.roles[0] = { ...actingAssistant.roles[0], validFrom: '2026-06-01', validUntil: '2026-06-30', actingFor: 'shimin-manager' };
const HOLDERS: RoleAssignment[] = [
  held('soumu-director', 'SYSTEM_ADMINISTRATOR'),
  held('shimin-manager', 'INFORMATION_MANAGER', { departmentId: 'shimin' }),
  { ...actingAssistant.roles[0] },
];

/** The notice a change writes. */
const notice = (c: Changed) => c.after as unknown as Notice;

const step = (a: typeof shiminManager, roleHolders?: RoleAssignment[]): Step => ({ actor: a, now: NOW, newId: () => 'x', cite: (k, id) => `${k}:${id}`, roleHolders });

describe('who may comment on an application', () => {
  it('様式第1号: the applicant, and the system administrator who decides it (第7条)', () => {
    expect(commentRoleOf(consultations, step(shiminManager), consultation('SUBMITTED'))).toBe('APPLICANT');
    expect(commentRoleOf(consultations, step(administrator), consultation('SUBMITTED'))).toBe('DECIDER');
  });

  it('anyone else is refused, citing the article of the form: another department, staff of the applicant’s own, the general manager (第7条)', () => {
    for (const stranger of [kenkouManager, shiminStaff, generalManager]) {
      const r = refusal(() => commentRoleOf(consultations, step(stranger), consultation('SUBMITTED')));
      expect(r).toMatchObject({ code: 'FORBIDDEN', article: '第7条' });
      expect(r.ja).toContain('申請者と決裁者(情報システム管理者及びその職務代理者)');
    }
  });

  it('様式第6号: the information manager of the data’s department decides and comments; the system administrator does not, and an acting person does (第14条)', () => {
    expect(commentRoleOf(dataUse, step(shiminManager), dataUseOfShimin('SUBMITTED'))).toBe('DECIDER');
    expect(commentRoleOf(dataUse, step(actingAssistant), dataUseOfShimin('SUBMITTED'))).toBe('DECIDER');
    expect(refusal(() => commentRoleOf(dataUse, step(administrator), dataUseOfShimin('SUBMITTED')))).toMatchObject({ code: 'FORBIDDEN', article: '第14条' });
  });

  it('while open: submitted or returned for revision; a draft, a decided and a withdrawn application are refused', () => {
    expect(commentRoleOf(consultations, step(administrator), consultation('RETURNED'))).toBe('DECIDER');
    expect(refusal(() => commentRoleOf(consultations, step(shiminManager), consultation('DRAFT')))).toMatchObject({ code: 'INVALID_STATE', ja: '下書きの申請にはコメントできません。提出してからコメントしてください。' });
    expect(refusal(() => commentRoleOf(consultations, step(administrator), consultation('APPROVED')))).toMatchObject({ code: 'ALREADY_DECIDED', ja: '決裁済みの申請にはコメントできません。' });
    expect(refusal(() => commentRoleOf(consultations, step(shiminManager), consultation('REJECTED')))).toMatchObject({ code: 'ALREADY_DECIDED' });
    expect(refusal(() => commentRoleOf(consultations, step(shiminManager), consultation('WITHDRAWN')))).toMatchObject({ code: 'INVALID_STATE', ja: '取り下げられた申請にはコメントできません。' });
  });
});

describe('the body of a comment', () => {
  it('is trimmed; 1 to 2,000 characters (counted as characters, not bytes)', () => {
    expect(commentBody('  添付の構成図を追加してください。\n', '第7条')).toBe('添付の構成図を追加してください。');
    expect(commentBody('あ'.repeat(MAX_COMMENT), '第7条')).toHaveLength(MAX_COMMENT);
    expect(commentBody(`${'𠮷'.repeat(MAX_COMMENT)}  `, '第7条')).toBe('𠮷'.repeat(MAX_COMMENT));
  });

  it('refuses an empty one and one over 2,000 characters, naming the field', () => {
    expect(refusal(() => commentBody(' \n\t ', '第7条'))).toMatchObject({ code: 'INVALID_VALUE', field: ['body'], ja: 'コメントを入力してください。', article: '第7条' });
    expect(refusal(() => commentBody('あ'.repeat(MAX_COMMENT + 1), '第7条'))).toMatchObject({ code: 'INVALID_VALUE', field: ['body'], ja: 'コメントは2000文字以内で入力してください(2001文字)。' });
  });
});

describe('a comment as a transition', () => {
  it('a decider’s comment: the comment (new part), the application’s next version with its count, one audit event recording the comment, a notice to the applicant', () => {
    const before = consultation('SUBMITTED');
    const t = commented(consultations, step(administrator), before, '構成図を添付してください。', 'k1');
    expect(t.record).toMatchObject({ id: 'c1', version: 4, commentCount: 1, status: 'SUBMITTED', updatedAt: NOW });
    expect(t.parts).toEqual([{ part: 'ApplicationComment', value: t.comment }]);
    expect(t.comment).toEqual({ id: 'k1', applicationType: 'Consultation', applicationId: 'c1', authorId: 'soumu-director', role: 'DECIDER', body: '構成図を添付してください。', createdAt: NOW, version: 1 });
    const [own, ...notices] = t.changes;
    expect(own).toMatchObject({ kind: 'Consultation', before, action: 'consultation.commented', article: '第7条', recorded: { after: { comment: { id: 'k1', body: '構成図を添付してください。', role: 'DECIDER' } } } });
    expect(notices.map((n) => [n.kind, notice(n).addresseeId, notice(n).kind])).toEqual([['Notice', 'shimin-manager', 'APPLICATION_COMMENTED']]);
    expect(notices[0].after).toMatchObject({ article: '第7条', title: '様式第1号「住民情報システム『更新』」へのコメント: 構成図を添付してください。' });
    expect(notice(notices[0]).message).toContain('決裁者(情報システム管理者)のsoumu-directorさんがコメントしました。\n\n構成図を添付してください。');
  });

  it('the applicant’s comment goes to whoever may decide it now, acting persons included; the acting person’s reply records whose place they commented in', () => {
    const before = dataUseOfShimin('SUBMITTED');
    const asked = commented(dataUse, step(kenkouManager, HOLDERS), before, '利用目的を補足します。', 'k1');
    expect(asked.changes.slice(1).map((n) => notice(n).addresseeId)).toEqual(['shimin-assistant', 'shimin-manager']);
    const answered = commented(dataUse, step(actingAssistant), asked.record, '了解しました。', 'k2');
    expect(answered.comment).toMatchObject({ role: 'DECIDER', actingFor: 'shimin-manager' });
    expect(answered.changes[0]).toMatchObject({ action: 'dataUse.commented', article: '第14条', actingFor: 'shimin-manager' });
    expect(answered.record).toMatchObject({ version: 4, commentCount: 2 });
    expect(answered.changes.slice(1).map((n) => notice(n).addresseeId)).toEqual(['kenkou-manager']);
  });

  it('each comment is a notice of its own (its stage is the comment), so a second comment is told again', () => {
    const before = consultation('SUBMITTED');
    const first = commented(consultations, step(administrator), before, '一点目。', 'k1').changes[1].after;
    const second = commented(consultations, step(administrator), before, '二点目。', 'k2').changes[1].after;
    expect(first.id).not.toBe(second.id);
  });
});
