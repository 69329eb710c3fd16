/**
 * 白石市行政情報ネットワークシステム管理運営委員会 (第30条–第34条): who sits on it, when it may meet, and how it decides.
 *
 * Reading of the text, as applied here:
 * - 第32条 names three seats: 委員長 (the general manager), 副委員長 (the system administrator) and 委員 (the
 *   information managers). "委員" in 第33条第4項・第5項 means the last of these, as 第32条第4項 defines it: the quorum
 *   counts the information managers present against all information managers, and only they vote.
 * - 第33条第4項: 委員の半数以上 — at least half, so 4 of 8 is a quorum and 3 of 7 is not.
 * - 第33条第5項: 出席委員の過半数 — more than half of the members present; a member present who casts no vote counts
 *   as present. On 可否同数 (as many against as for) the presiding chair (議長) decides; the chair presides
 *   (第33条第2項), the vice-chair when the chair is absent (第33条第3項). The presiding chair does not vote otherwise.
 */
import { RoleAssignment, isAssignmentActive } from './people';
import { refuse } from './refusal';

/** 第31条第1号–第4号: what the committee deliberates on. */
export const AGENDA_MATTERS = ['PLANNING', 'SECURITY', 'DATA_PROTECTION', 'EFFICIENT_OPERATION'] as const;
export type AgendaMatter = (typeof AGENDA_MATTERS)[number];

export const MATTER_ARTICLE: Record<AgendaMatter, string> = {
  PLANNING: '第31条第1号',
  SECURITY: '第31条第2号',
  DATA_PROTECTION: '第31条第3号',
  EFFICIENT_OPERATION: '第31条第4号',
};

/** 第32条: the seats, filled from the role assignments in force on a date. */
export interface Composition {
  /** 委員長 = 総括管理責任者 (第32条第2項). */
  chairId?: string;
  /** 副委員長 = 情報システム管理者 (第32条第3項). */
  viceChairId?: string;
  /** 委員 = 情報管理責任者 (第32条第4項), each person once however many departments they manage. */
  memberIds: string[];
}

/** The committee on `date` (YYYY-MM-DD or an instant), from every role assignment of the city. */
export function compositionOn(assignments: RoleAssignment[], now: string): Composition {
  const active = assignments.filter((a) => isAssignmentActive(a, now)).sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.personId.localeCompare(b.personId));
  const holder = (role: RoleAssignment['role']) => active.filter((a) => a.role === role).at(-1)?.personId;
  const members = [...new Set(active.filter((a) => a.role === 'INFORMATION_MANAGER').map((a) => a.personId))].sort();
  return { chairId: holder('GENERAL_MANAGER'), viceChairId: holder('SYSTEM_ADMINISTRATOR'), memberIds: members };
}

/** Whether a person sits on the committee in any seat. */
export function sitsOn(c: Composition, personId: string): boolean {
  return c.chairId === personId || c.viceChairId === personId || c.memberIds.includes(personId);
}

export interface Quorum {
  /** 委員 (information managers) present. */
  membersPresent: number;
  /** All 委員. */
  members: number;
  /** The fewest present that make a quorum: half, rounded up. */
  required: number;
  met: boolean;
}

/** 第33条第4項: 委員会は委員の半数以上が出席しなければ会議を開くことができない. */
export function quorum(c: Composition, present: string[]): Quorum {
  const membersPresent = c.memberIds.filter((m) => present.includes(m)).length;
  const required = Math.ceil(c.memberIds.length / 2);
  return { membersPresent, members: c.memberIds.length, required, met: c.memberIds.length > 0 && membersPresent >= required };
}

/** 第33条第2項・第3項: the chair presides; the vice-chair when the chair is absent; no one else. */
export function presiding(c: Composition, present: string[]): { personId: string; seat: 'CHAIR' | 'VICE_CHAIR' } | undefined {
  if (c.chairId && present.includes(c.chairId)) return { personId: c.chairId, seat: 'CHAIR' };
  if (c.viceChairId && present.includes(c.viceChairId)) return { personId: c.viceChairId, seat: 'VICE_CHAIR' };
  return undefined;
}

/** 第33条第2項・第3項: the chair convenes; the vice-chair acts for a chair who is prevented or whose seat is empty. */
export function assertMayConvene(c: Composition, personId: string, chairPrevented: boolean): void {
  if (c.chairId === personId) return;
  if (c.viceChairId === personId && (chairPrevented || !c.chairId)) return;
  if (c.viceChairId === personId) {
    refuse('FORBIDDEN', 'The chair (委員長) convenes the committee; the vice-chair acts only when the chair is prevented or absent. 副委員長は委員長に事故があるとき等に限り代理します。', '第33条第3項', ['chairPrevented']);
  }
  refuse('FORBIDDEN', 'Only the chair (委員長, the general manager) convenes the committee. 委員会は委員長が招集します。', '第33条第2項');
}

/** Attendance names only people who sit on the committee (第32条) — others attend as guests, not as 委員. */
export function validateAttendance(c: Composition, present: string[]): void {
  const stranger = present.find((p) => !sitsOn(c, p));
  if (stranger) refuse('INVALID_VALUE', `${stranger} does not sit on the committee (委員長・副委員長・委員). 委員会の構成員ではありません。`, '第32条', ['present']);
  if (new Set(present).size !== present.length) refuse('INVALID_VALUE', 'Each person is present once. 出席者が重複しています。', '第32条', ['present']);
}

export const VOTES = ['FOR', 'AGAINST'] as const;
export type Vote = (typeof VOTES)[number];

export interface MotionResult {
  votesFor: number;
  votesAgainst: number;
  /** Members present who voted neither way. */
  notVoting: number;
  membersPresent: number;
  outcome: 'CARRIED' | 'REJECTED';
  /** MAJORITY (第33条第5項前段) or CASTING_VOTE (可否同数, 後段). */
  decidedBy: 'MAJORITY' | 'CASTING_VOTE';
  presidingId: string;
  castingVote?: Vote;
}

/**
 * 第33条第5項: 委員会の議事は、出席委員の過半数をもって決し、可否同数のときは、議長の決するところによる.
 * `votes` are the members' (委員) votes; `castingVote` is the presiding chair's, given only on a tie.
 * Refused without a quorum (第33条第4項) or without a presiding chair (第33条第2項・第3項).
 */
export function decideMotion(c: Composition, present: string[], votes: { personId: string; vote: Vote }[], castingVote?: Vote): MotionResult {
  const q = quorum(c, present);
  if (!q.met) {
    refuse(
      'QUORUM_NOT_MET',
      `The committee cannot meet, so it cannot vote: ${q.membersPresent} of ${q.members} members present, at least ${q.required} needed. 委員の半数以上の出席がありません。`,
      '第33条第4項',
      ['present'],
    );
  }
  const chair = presiding(c, present);
  if (!chair) refuse('INVALID_STATE', 'Neither the chair nor the vice-chair is present to preside (議長). 議長となる者が出席していません。', '第33条第3項', ['present']);
  const voters = votes.map((v) => v.personId);
  if (new Set(voters).size !== voters.length) refuse('INVALID_VALUE', 'Each member votes once. 同一委員の重複投票です。', '第33条第5項', ['votes']);
  const outsider = voters.find((p) => !c.memberIds.includes(p) || !present.includes(p));
  if (outsider) {
    refuse('INVALID_VALUE', `${outsider} is not a member (委員) present: only members present vote; the presiding chair decides a tie. 出席委員のみが表決に加わります。`, '第33条第5項', ['votes']);
  }
  const votesFor = votes.filter((v) => v.vote === 'FOR').length;
  const votesAgainst = votes.length - votesFor;
  const base = { votesFor, votesAgainst, notVoting: q.membersPresent - votes.length, membersPresent: q.membersPresent, presidingId: chair.personId };
  if (votesFor === votesAgainst) {
    if (!castingVote) refuse('INVALID_VALUE', 'The votes are tied (可否同数): the presiding chair decides. 可否同数のときは議長が決します。', '第33条第5項', ['castingVote']);
    return { ...base, outcome: castingVote === 'FOR' ? 'CARRIED' : 'REJECTED', decidedBy: 'CASTING_VOTE', castingVote };
  }
  if (castingVote) refuse('INVALID_VALUE', 'The presiding chair decides only a tie (可否同数). 議長の決裁は可否同数のときに限ります。', '第33条第5項', ['castingVote']);
  return { ...base, outcome: votesFor * 2 > q.membersPresent ? 'CARRIED' : 'REJECTED', decidedBy: 'MAJORITY' };
}
