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
import { wareki, warekiTime } from './period';
import { advance, alongWith, changeOf } from './change';
import { Actor, RoleAssignment, isAssignmentActive } from './people';
import { tell } from './notices';
import { allows, refuse } from './refusal';

export const COMMITTEE_NAME = '白石市行政情報ネットワークシステム管理運営委員会';
/**
 * 第34条: 委員会の庶務は、デジタル推進課長において処理する. The register knows デジタル推進課長 as the holder of the role
 * 第27条第3項 fills with the same office (HOMEPAGE_SYSTEM_MANAGER, functions/domain/people.ts): that holder is the
 * secretariat, so a change of the office's holder changes the secretariat the same day.
 */
export const SECRETARIAT = 'デジタル推進課長(第34条) / The head of the Digital Promotion Section';
export const SECRETARIAT_ROLE = 'HOMEPAGE_SYSTEM_MANAGER' as const;

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
  /** 庶務 = デジタル推進課長 (第34条); absent in meetings convened before the secretariat was recorded. */
  secretariatId?: string;
}

/** The committee on `date` (YYYY-MM-DD or an instant), from every role assignment of the city. */
export function compositionOn(assignments: RoleAssignment[], now: string): Composition {
  // The seats are the offices' holders (第32条): an acting person (職務代理) decides in a holder's place, but is no 委員.
  const active = assignments.filter((a) => !a.actingFor && isAssignmentActive(a, now)).sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.personId.localeCompare(b.personId));
  const holder = (role: RoleAssignment['role']) => active.filter((a) => a.role === role).at(-1)?.personId;
  const members = [...new Set(active.filter((a) => a.role === 'INFORMATION_MANAGER').map((a) => a.personId))].sort();
  return { chairId: holder('GENERAL_MANAGER'), viceChairId: holder('SYSTEM_ADMINISTRATOR'), memberIds: members, secretariatId: holder(SECRETARIAT_ROLE) };
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
    refuse('FORBIDDEN', ['委員会は委員長が招集します。副委員長が代わって招集できるのは、委員長に事故があるとき又は委員長が欠けたときに限ります。', 'The chair convenes the committee; the vice-chair acts only when the chair is prevented or absent.'], '第33条第3項', ['chairPrevented']);
  }
  refuse('FORBIDDEN', ['委員会は委員長 (総括管理責任者) が招集します。', 'Only the chair (the general manager) convenes the committee.'], '第33条第2項');
}

/** Attendance names only people who sit on the committee (第32条) — others attend as guests, not as 委員. */
export function validateAttendance(c: Composition, present: string[]): void {
  const stranger = present.find((p) => !sitsOn(c, p));
  if (stranger) refuse('INVALID_VALUE', [`${stranger} は委員会の構成員 (委員長・副委員長・委員) ではありません。`, `${stranger} does not sit on the committee (chair, vice-chair, members).`], '第32条', ['present']);
  if (new Set(present).size !== present.length) refuse('INVALID_VALUE', ['出席者が重複しています。各人は一度だけ記録してください。', 'Each person is present once.'], '第32条', ['present']);
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

/** The committee in session: a quorum present (第33条第4項) and someone to preside (第33条第2項・第3項), or a refusal. */
function sitting(c: Composition, present: string[]) {
  const q = quorum(c, present);
  if (!q.met) {
    refuse(
      'QUORUM_NOT_MET',
      [`委員の半数以上が出席していないため、会議を開くことができず、議決できません (出席 ${q.membersPresent} 人/委員 ${q.members} 人、必要 ${q.required} 人以上)。`, `The committee cannot meet, so it cannot vote: ${q.membersPresent} of ${q.members} members present, at least ${q.required} needed.`],
      '第33条第4項',
      ['present'],
    );
  }
  const chair = presiding(c, present);
  if (!chair) refuse('INVALID_STATE', ['議長となる委員長又は副委員長が出席していません。', 'Neither the chair nor the vice-chair is present to preside.'], '第33条第3項', ['present']);
  return { q, chair };
}

/**
 * 第33条第5項: 委員会の議事は、出席委員の過半数をもって決し、可否同数のときは、議長の決するところによる.
 * `votes` are the members' (委員) votes; `castingVote` is the presiding chair's, given only on a tie.
 * Refused without a quorum (第33条第4項) or without a presiding chair (第33条第2項・第3項).
 */
export function decideMotion(c: Composition, present: string[], votes: { personId: string; vote: Vote }[], castingVote?: Vote): MotionResult {
  const { q, chair } = sitting(c, present);
  const voters = votes.map((v) => v.personId);
  if (new Set(voters).size !== voters.length) refuse('INVALID_VALUE', ['同じ委員が重複して表決しています。表決は各委員一回です。', 'Each member votes once.'], '第33条第5項', ['votes']);
  const outsider = voters.find((p) => !c.memberIds.includes(p) || !present.includes(p));
  if (outsider) {
    refuse('INVALID_VALUE', [`${outsider} は出席している委員ではありません。表決に加わるのは出席委員のみで、可否同数のときは議長が決します。`, `${outsider} is not a member present: only members present vote; the presiding chair decides a tie.`], '第33条第5項', ['votes']);
  }
  const votesFor = votes.filter((v) => v.vote === 'FOR').length;
  const votesAgainst = votes.length - votesFor;
  const base = { votesFor, votesAgainst, notVoting: q.membersPresent - votes.length, membersPresent: q.membersPresent, presidingId: chair.personId };
  if (votesFor === votesAgainst) {
    if (!castingVote) refuse('INVALID_VALUE', ['可否同数です。議長が決してください (castingVote)。', 'The votes are tied: the presiding chair decides.'], '第33条第5項', ['castingVote']);
    return { ...base, outcome: castingVote === 'FOR' ? 'CARRIED' : 'REJECTED', decidedBy: 'CASTING_VOTE', castingVote };
  }
  if (castingVote) refuse('INVALID_VALUE', ['議長が決するのは可否同数のときに限ります。', 'The presiding chair decides only a tie.'], '第33条第5項', ['castingVote']);
  return { ...base, outcome: votesFor * 2 > q.membersPresent ? 'CARRIED' : 'REJECTED', decidedBy: 'MAJORITY' };
}

export interface AgendaItem {
  id: string;
  matter: AgendaMatter;
  title: string;
}

/** A motion decided: an item of its own beside its meeting, so a meeting takes any number of them. */
export interface MotionRecord extends MotionResult {
  id: string;
  meetingId: string;
  version: number;
  agendaItemId: string;
  text: string;
  votes: { personId: string; vote: Vote }[];
  decidedAt: string;
}

/** A meeting: convened with its agenda, its attendance recorded, its motions decided; the minutes are all of it. */
export interface Meeting {
  id: string;
  title: string;
  heldOn: string;
  place?: string;
  convenedBy: string;
  /** 第33条第3項: convened by the vice-chair because the chair was prevented (事故) or the seat empty. */
  chairPrevented: boolean;
  /** The seats on the day the meeting was convened (第32条), so later reassignments do not rewrite the minutes. */
  composition: Composition;
  agenda: AgendaItem[];
  /** Who was present, once recorded. */
  present?: string[];
  /** How many motions were decided (the motions are items of their own). */
  motionCount: number;
  status: 'CONVENED' | 'CLOSED';
  closedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** 第33条第2項: the chair (or the acting vice-chair) convenes, with an agenda of matters under 第31条. */
export function convene(
  composition: Composition,
  personId: string,
  input: { title: string; heldOn: string; place?: string; chairPrevented: boolean; agenda: { matter: AgendaMatter; title: string }[] },
  ids: { meeting: string; agenda: string[] },
  now: string,
): Meeting {
  assertMayConvene(composition, personId, input.chairPrevented);
  if (!input.title.trim()) refuse('INVALID_VALUE', ['会議の件名を入力してください。', 'Give the meeting a title.'], '第33条第2項', ['title']);
  if (input.agenda.length === 0 || input.agenda.some((a) => !a.title.trim())) {
    refuse('INVALID_VALUE', ['会議には第31条の審議事項を一つ以上、それぞれ件名を付けて挙げてください。', 'A meeting deliberates on at least one item under Article 31, each with its title.'], '第31条', ['agenda']);
  }
  return {
    id: ids.meeting,
    title: input.title.trim(),
    heldOn: input.heldOn,
    place: input.place?.trim() || undefined,
    convenedBy: personId,
    chairPrevented: input.chairPrevented,
    composition,
    agenda: input.agenda.map((a, i) => ({ id: ids.agenda[i], matter: a.matter, title: a.title.trim() })),
    motionCount: 0,
    status: 'CONVENED',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The record of a meeting — attendance, motions, closing the minutes — is the secretariat's business (庶務, 第34条),
 * and the chair's or vice-chair's who preside over it (第33条第2項・第3項). The secretariat is the one of the day the
 * meeting was convened.
 */
export function assertMayRecord(m: Meeting, personId: string): void {
  const c = m.composition;
  if (personId !== c.chairId && personId !== c.viceChairId && personId !== c.secretariatId) {
    refuse('FORBIDDEN', ['会議の記録は、庶務を処理するデジタル推進課長、委員長又は副委員長が行います。', 'The secretariat (the head of Digital Promotion), the chair or the vice-chair records the meeting.'], '第34条');
  }
  if (m.status !== 'CONVENED') refuse('INVALID_STATE', ['この会議は閉会しています。議事録は確定しています。', 'The meeting is closed; its minutes stand.'], '第33条第2項');
}

/** Attendance, once motions have been decided, stands: the quorum they were decided under must not change. */
export function recordPresence(m: Meeting, personId: string, present: string[]): Partial<Meeting> {
  assertMayRecord(m, personId);
  if ((m.motionCount ?? 0) > 0) refuse('INVALID_STATE', ['議決の後は出席者の記録を変更できません。', 'Motions have been decided under the attendance recorded.'], '第33条第4項', ['present']); // 第33条第4項
  validateAttendance(m.composition, present);
  return { present: [...present].sort() };
}

/** 第33条第4項・第5項: a motion on an agenda item, decided only with a quorum present. */
export function putMotion(
  m: Meeting,
  personId: string,
  input: { agendaItemId: string; text: string; votes: { personId: string; vote: Vote }[]; castingVote?: Vote },
  id: string,
  now: string,
): { child: MotionRecord; patch: Pick<Meeting, 'motionCount'> } {
  assertMayRecord(m, personId);
  if (!m.agenda.some((a) => a.id === input.agendaItemId)) refuse('NOT_FOUND', ['この会議の議題に、指定されたIDのものはありません。', 'No item of this meeting’s agenda has that id.'], '第31条', ['agendaItemId']);
  if (!input.text.trim()) refuse('INVALID_VALUE', ['議案の内容を入力してください。', 'State the motion.'], '第33条第5項', ['text']);
  const result = decideMotion(m.composition, m.present ?? [], input.votes, input.castingVote);
  return {
    child: { id, meetingId: m.id, version: 1, agendaItemId: input.agendaItemId, text: input.text.trim(), votes: input.votes, decidedAt: now, ...result },
    patch: { motionCount: (m.motionCount ?? 0) + 1 },
  };
}

export function closeMeeting(m: Meeting, personId: string, now: string): Partial<Meeting> {
  assertMayRecord(m, personId);
  if (!m.present) refuse('INVALID_STATE', ['議事録を確定する前に、出席者を記録してください。', 'Record who was present before closing the minutes.'], '第33条第4項', ['present']);
  return { status: 'CLOSED', closedAt: now };
}

/** 第33条第6項: a working group (部会) of the staff concerned, for specialist study. */
export interface WorkingGroup {
  id: string;
  name: string;
  purpose: string;
  memberIds: string[];
  establishedBy: string;
  establishedOn: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function establishWorkingGroup(
  composition: Composition,
  personId: string,
  input: { name: string; purpose: string; memberIds: string[]; establishedOn: string },
  id: string,
  now: string,
): WorkingGroup {
  if (personId !== composition.chairId && personId !== composition.viceChairId) {
    refuse('FORBIDDEN', ['部会は委員長 (委員長に代わるときは副委員長) が設置します。', 'The chair establishes the committee’s working groups, or the vice-chair acting for the chair.'], '第33条第6項');
  }
  if (!input.name.trim() || !input.purpose.trim()) refuse('INVALID_VALUE', ['部会の名称と専門事項を入力してください。', 'Name the working group and its specialist matter.'], '第33条第6項', ['purpose']);
  if (input.memberIds.length === 0 || new Set(input.memberIds).size !== input.memberIds.length) {
    refuse('INVALID_VALUE', ['部会には関係職員を一人以上、重複なく指定してください。', 'A working group has staff concerned, each once.'], '第33条第6項', ['memberIds']);
  }
  return { id, name: input.name.trim(), purpose: input.purpose.trim(), memberIds: [...input.memberIds].sort(), establishedBy: personId, establishedOn: input.establishedOn, version: 1, createdAt: now, updatedAt: now };
}

// The transitions, as the one write path carries them out (functions/resolvers/write.ts): each the rule above, the
// object's next version, and the audit action with its article.

type ConveneInput = Parameters<typeof convene>[2];
type MotionInput = Parameters<typeof putMotion>[2];
type WorkingGroupInput = Parameters<typeof establishWorkingGroup>[2];

/**
 * 第34条: the notice of a meeting convened, in the secretariat's name, to everyone who sits on the committee (the one
 * who convened it aside): written with the meeting, in its transaction.
 */
function noticeOfMeeting(m: Meeting, now: string, actorId: string) {
  const c = m.composition;
  return tell(
    [c.chairId, c.viceChairId, ...c.memberIds].filter((p): p is string => !!p),
    {
      kind: 'COMMITTEE_MEETING_CONVENED',
      subjectType: 'CommitteeMeeting',
      subjectId: m.id,
      stage: 'convened',
      article: '第34条',
      dueOn: m.heldOn,
      title: `${COMMITTEE_NAME}の招集について`,
      message: [
        `${COMMITTEE_NAME}を次のとおり招集します(${m.chairPrevented ? '委員長に事故があるため副委員長が招集、第33条第3項' : '委員長が招集、第33条第2項'})。`,
        `件名: ${m.title}`,
        `開催日: ${wareki(m.heldOn)}`,
        ...(m.place ? [`場所: ${m.place}`] : []),
        '議題:',
        ...m.agenda.map((a, n) => `  ${n + 1}. ${a.title}(${MATTER_ARTICLE[a.matter]})`),
        '庶務: デジタル推進課長(第34条)',
      ].join('\n'),
    },
    now,
    actorId,
  );
}

export const committee = {
  convene(c: Composition, actor: Actor, input: ConveneInput, ids: { meeting: string; agenda: string[] }, now: string) {
    const m = convene(c, actor.person.id, input, ids, now);
    const t = changeOf('CommitteeMeeting', undefined, m, 'committeeMeeting.convened', m.chairPrevented ? '第33条第3項' : '第33条第2項');
    return alongWith(t, { changes: noticeOfMeeting(m, now, actor.person.id) });
  },
  recordAttendance: (m: Meeting, actor: Actor, present: string[], now: string) =>
    changeOf('CommitteeMeeting', m, advance(m, recordPresence(m, actor.person.id, present), now), 'committeeMeeting.attendanceRecorded', '第33条第4項'),
  /** The motion (new) beside the meeting, and one audit event that records the motion only. */
  decideMotion(m: Meeting, actor: Actor, input: MotionInput, id: string, now: string) {
    const { child, patch } = putMotion(m, actor.person.id, input, id, now);
    const t = changeOf('CommitteeMeeting', m, advance(m, patch, now), 'committeeMeeting.motionDecided', '第33条第5項', { recorded: { after: { motion: child } } });
    return alongWith(t, { parts: [{ part: 'CommitteeMotion', value: child }] });
  },
  close: (m: Meeting, actor: Actor, now: string) =>
    changeOf('CommitteeMeeting', m, advance(m, closeMeeting(m, actor.person.id, now), now), 'committeeMeeting.closed', '第33条第2項'),
  establishWorkingGroup: (c: Composition, actor: Actor, input: WorkingGroupInput, id: string, now: string) =>
    changeOf('WorkingGroup', undefined, establishWorkingGroup(c, actor.person.id, input, id, now), 'workingGroup.established', '第33条第6項'),
};

/** Whether the viewer may convene the committee: the chair, or the vice-chair acting for a chair prevented. */
export function committeeActions(actor: Actor, c: Composition) {
  return { convene: allows(() => assertMayConvene(c, actor.person.id, true)) };
}

/** What the viewer may record of a meeting now, each by the rule that would refuse it (`viewerCan*`). */
export function meetingActions(actor: Actor, m: Meeting, now: string) {
  const me = actor.person.id;
  return {
    recordAttendance: allows(() => recordPresence(m, me, m.present ?? [])),
    decideMotion: allows(() => {
      assertMayRecord(m, me);
      sitting(m.composition, m.present ?? []);
    }),
    close: allows(() => closeMeeting(m, me, now)),
  };
}

// The minutes (会議録): a pure function of the meeting, its motions and the names of the people they name.

const SEAT = { CHAIR: '委員長', VICE_CHAIR: '副委員長' } as const;
const MATTER_JA: Record<AgendaMatter, string> = { PLANNING: '計画', SECURITY: '保安', DATA_PROTECTION: 'データ等の保護', EFFICIENT_OPERATION: '適正かつ効率的な運営' };


/** Everyone the minutes name: the seats, who convened, and each motion's presiding chair. */
export function namedInMinutes(m: Meeting, motions: MotionRecord[]): string[] {
  const c = m.composition;
  return [...new Set([c.chairId, c.viceChairId, ...c.memberIds, c.secretariatId, m.convenedBy, ...motions.map((x) => x.presidingId)].filter((x): x is string => !!x))];
}

/** The minutes: everything the meeting recorded, as one readable text. `names` maps a person's id to their name. */
export function minutesOf(m: Meeting, motions: MotionRecord[], names: ReadonlyMap<string, string>): string {
  const c = m.composition;
  const present = m.present ?? [];
  const name = (id?: string) => (id ? (names.get(id) ?? id) : '(欠員)');
  const q = quorum(c, present);
  const chair = presiding(c, present);
  const lines = [
    `${COMMITTEE_NAME} 会議録`,
    `件名: ${m.title}`,
    `開催日: ${wareki(m.heldOn)}${m.place ? `  場所: ${m.place}` : ''}`,
    `招集者: ${name(m.convenedBy)}${m.chairPrevented ? '(委員長に事故があるため副委員長が代理、第33条第3項)' : '(第33条第2項)'}`,
    `構成: 委員長 ${name(c.chairId)}、副委員長 ${name(c.viceChairId)}、委員 ${c.memberIds.length}名`,
  ];
  if (m.present) {
    const seated = (id: string) => (id === c.chairId ? '委員長' : id === c.viceChairId ? '副委員長' : '委員');
    const rank = (id: string) => (id === c.chairId ? 0 : id === c.viceChairId ? 1 : 2);
    const ordered = [...present].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    lines.push(`出席者: ${ordered.length ? ordered.map((id) => `${seated(id)} ${name(id)}`).join('、') : 'なし'}`);
    lines.push(`定足数: 委員${q.members}名中${q.membersPresent}名出席、必要${q.required}名 — ${q.met ? '成立' : '不成立(会議を開くことができない、第33条第4項)'}`);
    lines.push(`議長: ${chair ? `${name(chair.personId)}(${SEAT[chair.seat]})` : 'なし'}`);
  } else {
    lines.push('出席者: 未記録');
  }
  lines.push('議題:');
  m.agenda.forEach((a, n) => lines.push(`  ${n + 1}. ${a.title}(${MATTER_ARTICLE[a.matter]} ${MATTER_JA[a.matter]})`));
  lines.push('議事:');
  if (!motions.length) lines.push('  なし');
  for (const x of motions) {
    const n = m.agenda.findIndex((a) => a.id === x.agendaItemId) + 1;
    const how =
      x.decidedBy === 'CASTING_VOTE'
        ? `可否同数のため議長(${name(x.presidingId)})が${x.castingVote === 'FOR' ? '可' : '否'}と決した(第33条第5項後段)`
        : '出席委員の過半数による(第33条第5項)';
    lines.push(`  議題${n}: ${x.text}`);
    lines.push(`    可${x.votesFor} 否${x.votesAgainst} 表決せず${x.notVoting}(出席委員${x.membersPresent}名) — ${x.outcome === 'CARRIED' ? '可決' : '否決'}。${how}`);
  }
  lines.push(m.status === 'CLOSED' && m.closedAt ? `閉会: ${warekiTime(m.closedAt)}` : '状態: 会議中(議事録未確定)');
  lines.push(`庶務: デジタル推進課長${c.secretariatId ? ` ${name(c.secretariatId)}` : ''}(第34条)`);
  return lines.join('\n');
}
