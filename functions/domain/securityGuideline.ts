/**
 * セキュリティ指針 (第29条): 総括管理責任者は、行政システムの構築に当たっては、その時点で考えられるセキュリティシステムや
 * 方式を採用することとし、必要な措置を講じなければならない.
 *
 * Reading of the text, as applied here: the article names only the general manager, who adopts the security systems
 * and methods of the time. The city writes them down as a guideline with versions (第N版): the system administrator
 * (who handles part of the general manager's business, 第4条) or the general manager drafts a version, and only the
 * general manager approves it (第29条); the version approved is in force and supersedes the one before. Staff
 * acknowledge the version in force, once each; the system administrator and the general manager see who has not.
 */
import { Transition, Versioned, advance, alongWith, changeOf } from './change';
import { Actor, Person, holds } from './people';
import { allows, refuse } from './refusal';

export const ARTICLE = '第29条';

export type GuidelineStatus = 'DRAFT' | 'IN_FORCE' | 'SUPERSEDED';

export interface SecurityGuideline extends Versioned {
  id: string;
  title: string;
  content: string;
  status: GuidelineStatus;
  draftedBy: string;
  /** 第N版: given on approval, one more than the version it supersedes. */
  edition?: number;
  approvedBy?: string;
  approvedAt?: string;
  supersededAt?: string;
  createdAt: string;
}

/** One person's acknowledgement of one version: an object of its own, written once. */
export interface GuidelineAcknowledgement extends Versioned {
  /** `<guideline id>.<person id>`: one per person and version. */
  id: string;
  guidelineId: string;
  personId: string;
  /** The person's department when they acknowledged. */
  departmentId: string;
  acknowledgedAt: string;
  createdAt: string;
}

export const acknowledgementId = (guidelineId: string, personId: string) => `${guidelineId}.${personId}`;

function assertMayDraft(actor: Actor, now: string): void {
  if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now) && !holds(actor, 'GENERAL_MANAGER', now)) {
    refuse('FORBIDDEN', ['セキュリティ指針の案は、情報システム管理者又は総括管理責任者が作成します。', 'The system administrator or the general manager drafts the security guideline.'], ARTICLE);
  }
}

function assertMayApprove(actor: Actor, g: SecurityGuideline, now: string): void {
  if (!holds(actor, 'GENERAL_MANAGER', now)) {
    refuse('FORBIDDEN', ['セキュリティ指針は総括管理責任者が定めます (承認は総括管理責任者のみ)。', 'Only the general manager approves the security guideline.'], ARTICLE);
  }
  if (g.status !== 'DRAFT') refuse('ALREADY_DECIDED', ['この版は既に承認されています。', 'This version is approved already.'], ARTICLE, ['guidelineId']);
}

function assertMayAcknowledge(g: SecurityGuideline, existing: GuidelineAcknowledgement | undefined): void {
  if (g.status !== 'IN_FORCE') {
    refuse('INVALID_STATE', ['確認できるのは、現に施行されているセキュリティ指針の版のみです。', 'Only the version in force is acknowledged.'], ARTICLE, ['guidelineId']);
  }
  if (existing) refuse('DUPLICATE', ['この版は既に確認済みです。', 'You have acknowledged this version already.'], ARTICLE, ['guidelineId']);
}

export const securityGuideline = {
  draft(actor: Actor, input: { title: string; content: string }, id: string, now: string): Transition<SecurityGuideline> {
    assertMayDraft(actor, now);
    const title = input.title.trim();
    const content = input.content.trim();
    if (!title) refuse('INVALID_VALUE', ['セキュリティ指針の件名を入力してください。', 'Give the guideline a title.'], ARTICLE, ['title']);
    if (!content) refuse('INVALID_VALUE', ['セキュリティ指針の内容を入力してください。', 'Give the guideline its content.'], ARTICLE, ['content']);
    const g: SecurityGuideline = { id, title, content, status: 'DRAFT', draftedBy: actor.person.id, version: 1, createdAt: now, updatedAt: now };
    return changeOf('SecurityGuideline', undefined, g, 'securityGuideline.drafted', ARTICLE);
  },

  /** 第29条: the general manager approves a draft; it is in force at once, and the version in force before is superseded. */
  approve(actor: Actor, g: SecurityGuideline, current: SecurityGuideline | undefined, now: string): Transition<SecurityGuideline> {
    assertMayApprove(actor, g, now);
    const approved = advance(g, { status: 'IN_FORCE', edition: (current?.edition ?? 0) + 1, approvedBy: actor.person.id, approvedAt: now }, now);
    const t = changeOf('SecurityGuideline', g, approved, 'securityGuideline.approved', ARTICLE);
    // The version before is written at the version read: two approvals racing cannot both supersede it.
    if (!current) return t;
    return alongWith(t, { changes: [{ kind: 'SecurityGuideline', before: current, after: advance(current, { status: 'SUPERSEDED', supersededAt: now }, now), action: 'securityGuideline.superseded', article: ARTICLE }] });
  },

  /** A member of staff acknowledges the version in force, once. */
  acknowledge(actor: Actor, g: SecurityGuideline, existing: GuidelineAcknowledgement | undefined, now: string): Transition<GuidelineAcknowledgement> {
    assertMayAcknowledge(g, existing);
    const a: GuidelineAcknowledgement = {
      id: acknowledgementId(g.id, actor.person.id),
      guidelineId: g.id,
      personId: actor.person.id,
      departmentId: actor.person.departmentId,
      acknowledgedAt: now,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    return changeOf('SecurityGuidelineAcknowledgement', undefined, a, 'securityGuideline.acknowledged', ARTICLE);
  },
};

/**
 * Who has acknowledged: the system administrator and the general manager see everyone's (the measures of 第29条
 * reach every member of staff); anyone else sees their own only.
 */
export function mayReadAcknowledgementsOfAll(viewer: Actor, now: string): boolean {
  return holds(viewer, 'SYSTEM_ADMINISTRATOR', now) || holds(viewer, 'GENERAL_MANAGER', now);
}

/** An acknowledgement: the person's own, and everyone's for the system administrator and the general manager. */
export function mayReadAcknowledgement(viewer: Actor, a: Pick<GuidelineAcknowledgement, 'personId'>, now: string): boolean {
  return a.personId === viewer.person.id || mayReadAcknowledgementsOfAll(viewer, now);
}

/** Who of a department's staff has acknowledged a version and who has not, each in id order. */
export function acknowledgementIn<P extends Pick<Person, 'id'>>(staff: P[], acknowledgements: Pick<GuidelineAcknowledgement, 'personId'>[]) {
  const done = new Set(acknowledgements.map((a) => a.personId));
  const sorted = [...staff].sort((a, b) => a.id.localeCompare(b.id));
  return { acknowledged: sorted.filter((p) => done.has(p.id)), notAcknowledged: sorted.filter((p) => !done.has(p.id)) };
}

/** What the viewer may do with a version now (`viewerCan*`); `own` is the viewer's acknowledgement of it, if any. */
export function guidelineActions(actor: Actor, g: SecurityGuideline, now: string, own: GuidelineAcknowledgement | undefined) {
  return {
    approve: allows(() => assertMayApprove(actor, g, now)),
    acknowledge: allows(() => assertMayAcknowledge(g, own)),
  };
}
