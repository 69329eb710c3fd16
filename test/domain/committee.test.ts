/**
 * 管理運営委員会 (第30条–第34条): its seats come from the role assignments, it meets with at least half of its members
 * present, and decides by a majority of the members present, the presiding chair deciding a tie.
 */
import { AGENDA_MATTERS, MATTER_ARTICLE, assertMayConvene, closeMeeting, compositionOn, convene, decideMotion, establishWorkingGroup, presiding, putMotion, quorum, recordPresence, validateAttendance } from '../../functions/domain/committee';
import { committee as transitions, committeeActions, meetingActions, minutesOf, namedInMinutes } from '../../functions/domain/committee';
import { RoleAssignment } from '../../functions/domain/people';
import { NOW, administrator, generalManager, refusal, shiminManager } from '../support/domain';

function assignment(personId: string, role: RoleAssignment['role'], departmentId?: string, validUntil?: string, validFrom = '2023-04-01'): RoleAssignment {
  return { id: `${personId}-${role}-${departmentId ?? ''}`, personId, role, departmentId, validFrom, validUntil, version: 1, createdAt: '2023-04-01T00:00:00Z' };
}

/** The demo city: the deputy mayor, the director of General Affairs and eight section heads. */
const CITY: RoleAssignment[] = [
  assignment('fuku-shichou', 'GENERAL_MANAGER'),
  assignment('soumu-director', 'SYSTEM_ADMINISTRATOR'),
  ...['soumu', 'digital', 'zaisei', 'shimin', 'kenkou', 'fukushi', 'kyouiku', 'kaikei'].map((d) => assignment(`${d}-manager`, 'INFORMATION_MANAGER', d)),
  assignment('soumu-manager', 'HOMEPAGE_OPERATIONS_MANAGER'),
  assignment('digital-manager', 'HOMEPAGE_SYSTEM_MANAGER'),
  assignment('shimin-staff', 'STAFF', 'shimin'),
];
const committee = compositionOn(CITY, NOW);
const members = committee.memberIds;
const CHAIR = 'fuku-shichou';
const VICE = 'soumu-director';
const vote = (ids: string[], v: 'FOR' | 'AGAINST') => ids.map((personId) => ({ personId, vote: v }));

describe('第32条: the committee is made of the roles in force', () => {
  it('第32条第2項–第4項: chair = general manager, vice-chair = system administrator, members = the information managers', () => {
    expect(committee.chairId).toBe(CHAIR);
    expect(committee.viceChairId).toBe(VICE);
    expect(members).toHaveLength(8);
    expect(members).not.toContain('shimin-staff');
  });

  it('第32条第4項: a person who manages two departments is one member', () => {
    const c = compositionOn([...CITY, assignment('zaisei-manager', 'INFORMATION_MANAGER', 'kaikei2')], NOW);
    expect(c.memberIds).toHaveLength(8);
  });

  it('a member whose assignment ended is no longer on the committee; the successor is', () => {
    const c = compositionOn([...CITY.filter((a) => a.personId !== 'shimin-manager'), assignment('shimin-manager', 'INFORMATION_MANAGER', 'shimin', '2026-03-31'), assignment('new-shimin', 'INFORMATION_MANAGER', 'shimin', undefined, '2026-04-01')], NOW);
    expect(c.memberIds).toContain('new-shimin');
    expect(c.memberIds).not.toContain('shimin-manager');
  });

  it('第34条: the secretariat is デジタル推進課長, the holder of the role 第27条第3項 fills with that office; an acting person is not', () => {
    expect(committee.secretariatId).toBe('digital-manager');
    const acting = { ...assignment('digital-staff', 'HOMEPAGE_SYSTEM_MANAGER'), actingFor: 'digital-manager' };
    expect(compositionOn([...CITY.filter((a) => a.role !== 'HOMEPAGE_SYSTEM_MANAGER'), acting], NOW).secretariatId).toBeUndefined();
  });

  it('第31条: four matters of deliberation, each with its item', () => {
    expect(AGENDA_MATTERS.map((m) => MATTER_ARTICLE[m])).toEqual(['第31条第1号', '第31条第2号', '第31条第3号', '第31条第4号']);
  });
});

describe('第33条第2項・第3項: who convenes and presides', () => {
  it('第33条第2項: the chair convenes', () => {
    expect(() => assertMayConvene(committee, CHAIR, false)).not.toThrow();
  });

  it('第33条第3項: the vice-chair convenes only when the chair is prevented or the seat is empty', () => {
    expect(refusal(() => assertMayConvene(committee, VICE, false))).toMatchObject({ code: 'FORBIDDEN', article: '第33条第3項' });
    expect(() => assertMayConvene(committee, VICE, true)).not.toThrow();
    expect(() => assertMayConvene({ ...committee, chairId: undefined }, VICE, false)).not.toThrow();
  });

  it('第33条第2項: a member does not convene', () => {
    expect(refusal(() => assertMayConvene(committee, 'shimin-manager', true))).toMatchObject({ code: 'FORBIDDEN', article: '第33条第2項' });
  });

  it('第33条第3項: the vice-chair presides when the chair is absent; the chair when present', () => {
    expect(presiding(committee, [CHAIR, VICE])).toEqual({ personId: CHAIR, seat: 'CHAIR' });
    expect(presiding(committee, [VICE])).toEqual({ personId: VICE, seat: 'VICE_CHAIR' });
    expect(presiding(committee, members)).toBeUndefined();
  });

  it('第32条: only those who sit on the committee are recorded as present, once each', () => {
    expect(refusal(() => validateAttendance(committee, [CHAIR, 'shimin-staff']))).toMatchObject({ code: 'INVALID_VALUE', article: '第32条', field: ['present'] });
    expect(refusal(() => validateAttendance(committee, [CHAIR, CHAIR]))).toMatchObject({ code: 'INVALID_VALUE' });
    expect(() => validateAttendance(committee, [CHAIR, VICE, ...members])).not.toThrow();
  });
});

describe('第33条第4項: at least half of the members present', () => {
  it('4 of 8 members is a quorum (半数以上); 3 is not', () => {
    expect(quorum(committee, members.slice(0, 4))).toEqual({ membersPresent: 4, members: 8, required: 4, met: true });
    expect(quorum(committee, members.slice(0, 3))).toMatchObject({ met: false, required: 4 });
  });

  it('with 7 members, 4 is a quorum and 3 is not (half, rounded up)', () => {
    const seven = { ...committee, memberIds: members.slice(0, 7) };
    expect(quorum(seven, members.slice(0, 4)).met).toBe(true);
    expect(quorum(seven, members.slice(0, 3)).met).toBe(false);
  });

  it('the chair and vice-chair are not 委員: they do not make up a quorum', () => {
    expect(quorum(committee, [CHAIR, VICE, ...members.slice(0, 3)]).met).toBe(false);
  });

  it('a committee without members never has a quorum', () => {
    expect(quorum({ chairId: CHAIR, memberIds: [] }, [CHAIR]).met).toBe(false);
  });

  it('第33条第4項: a vote in a meeting without quorum is refused', () => {
    const present = [CHAIR, ...members.slice(0, 3)];
    expect(refusal(() => decideMotion(committee, present, vote(members.slice(0, 3), 'FOR')))).toMatchObject({ code: 'QUORUM_NOT_MET', article: '第33条第4項' });
  });
});

describe('第33条第5項: a majority of the members present; on a tie the presiding chair decides', () => {
  const present = [CHAIR, VICE, ...members.slice(0, 6)];

  it('4 of 6 present for: carried by majority', () => {
    const r = decideMotion(committee, present, [...vote(members.slice(0, 4), 'FOR'), ...vote(members.slice(4, 6), 'AGAINST')]);
    expect(r).toMatchObject({ outcome: 'CARRIED', decidedBy: 'MAJORITY', votesFor: 4, votesAgainst: 2, presidingId: CHAIR });
  });

  it('3 for, 2 against, 1 not voting of 6 present: not a majority of those present, rejected', () => {
    const r = decideMotion(committee, present, [...vote(members.slice(0, 3), 'FOR'), ...vote(members.slice(3, 5), 'AGAINST')]);
    expect(r).toMatchObject({ outcome: 'REJECTED', decidedBy: 'MAJORITY', notVoting: 1 });
  });

  it('3 for, 3 against (可否同数): the chair’s casting vote carries it', () => {
    const r = decideMotion(committee, present, [...vote(members.slice(0, 3), 'FOR'), ...vote(members.slice(3, 6), 'AGAINST')], 'FOR');
    expect(r).toMatchObject({ outcome: 'CARRIED', decidedBy: 'CASTING_VOTE', castingVote: 'FOR', presidingId: CHAIR });
  });

  it('第33条第3項: with the chair absent, the vice-chair presides and breaks the tie', () => {
    const r = decideMotion(committee, [VICE, ...members.slice(0, 4)], [...vote(members.slice(0, 2), 'FOR'), ...vote(members.slice(2, 4), 'AGAINST')], 'AGAINST');
    expect(r).toMatchObject({ outcome: 'REJECTED', decidedBy: 'CASTING_VOTE', presidingId: VICE });
  });

  it('a tie without the casting vote is not decided', () => {
    expect(refusal(() => decideMotion(committee, present, [...vote(members.slice(0, 3), 'FOR'), ...vote(members.slice(3, 6), 'AGAINST')]))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第33条第5項',
      field: ['castingVote'],
    });
  });

  it('the presiding chair casts no vote when there is no tie', () => {
    expect(refusal(() => decideMotion(committee, present, vote(members.slice(0, 6), 'FOR'), 'FOR'))).toMatchObject({ code: 'INVALID_VALUE', field: ['castingVote'] });
  });

  it('only members present vote, each once: not the chair, not an absent member', () => {
    expect(refusal(() => decideMotion(committee, present, vote([CHAIR, ...members.slice(0, 4)], 'FOR')))).toMatchObject({ code: 'INVALID_VALUE', field: ['votes'] });
    expect(refusal(() => decideMotion(committee, present, vote([members[7]], 'FOR')))).toMatchObject({ code: 'INVALID_VALUE', field: ['votes'] });
    expect(refusal(() => decideMotion(committee, present, vote([members[0], members[0]], 'FOR')))).toMatchObject({ code: 'INVALID_VALUE', field: ['votes'] });
  });

  it('no one to preside: neither chair nor vice-chair present, no vote', () => {
    expect(refusal(() => decideMotion(committee, members.slice(0, 6), vote(members.slice(0, 6), 'FOR')))).toMatchObject({ code: 'INVALID_STATE', article: '第33条第3項' });
  });
});

describe('a meeting, its attendance, motions and minutes', () => {
  const agenda = [{ matter: 'SECURITY' as const, title: '情報セキュリティポリシーの改定' }];
  const convened = () => convene(committee, CHAIR, { title: '令和8年度第1回管理運営委員会', heldOn: '2026-06-15', chairPrevented: false, agenda }, { meeting: 'm1', agenda: ['a1'] }, NOW);
  const apply = <T extends { version: number }>(o: T, patch: Partial<T>): T => ({ ...o, ...patch, version: o.version + 1 });

  it('第31条: a meeting deliberates on at least one item', () => {
    expect(refusal(() => convene(committee, CHAIR, { title: 't', heldOn: '2026-06-15', chairPrevented: false, agenda: [] }, { meeting: 'm', agenda: [] }, NOW))).toMatchObject({ article: '第31条' });
  });

  it('第33条第4項: a meeting that fails quorum keeps its attendance, and its vote is refused', () => {
    let m = convened();
    m = apply(m, recordPresence(m, CHAIR, [CHAIR, VICE, ...members.slice(0, 3)]));
    expect(quorum(m.composition, m.present!).met).toBe(false);
    expect(refusal(() => putMotion(m, CHAIR, { agendaItemId: 'a1', text: '改定案を承認する。', votes: vote(members.slice(0, 3), 'FOR') }, 'mo1', NOW))).toMatchObject({ code: 'QUORUM_NOT_MET', article: '第33条第4項' });
    expect(apply(m, closeMeeting(m, CHAIR, NOW)).status).toBe('CLOSED');
  });

  it('第33条第5項: a tie broken by the chair, recorded in the minutes; attendance then stands', () => {
    let m = convened();
    m = apply(m, recordPresence(m, CHAIR, [CHAIR, ...members.slice(0, 4)]));
    const motion = putMotion(m, CHAIR, { agendaItemId: 'a1', text: '改定案を承認する。', votes: [...vote(members.slice(0, 2), 'FOR'), ...vote(members.slice(2, 4), 'AGAINST')], castingVote: 'FOR' }, 'mo1', NOW);
    m = apply(m, motion.patch);
    expect(motion.child).toMatchObject({ id: 'mo1', meetingId: 'm1', version: 1, outcome: 'CARRIED', decidedBy: 'CASTING_VOTE', presidingId: CHAIR, agendaItemId: 'a1' });
    expect(m.motionCount).toBe(1);
    expect(refusal(() => recordPresence(m, CHAIR, [CHAIR, ...members]))).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal(() => putMotion(m, CHAIR, { agendaItemId: 'nope', text: 'x', votes: [] }, 'mo2', NOW))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('第34条: the secretariat, the chair or the vice-chair keeps the record; a closed meeting’s minutes stand', () => {
    const m = convened();
    expect(refusal(() => recordPresence(m, 'shimin-manager', [CHAIR]))).toMatchObject({ code: 'FORBIDDEN', article: '第34条' });
    expect(recordPresence(m, 'digital-manager', [CHAIR])).toEqual({ present: [CHAIR] });
    expect(refusal(() => closeMeeting(m, CHAIR, NOW))).toMatchObject({ code: 'INVALID_STATE', field: ['present'] });
    const closed = apply(apply(m, recordPresence(m, VICE, [CHAIR])), { status: 'CLOSED' as const });
    expect(refusal(() => recordPresence(closed, CHAIR, [CHAIR]))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('第33条第6項: the chair establishes a working group of the staff concerned', () => {
    expect(establishWorkingGroup(committee, CHAIR, { name: 'セキュリティ部会', purpose: '監査手順の研究', memberIds: ['digital-manager', 'digital-contractor'], establishedOn: '2026-06-15' }, 'wg1', NOW)).toMatchObject({ memberIds: ['digital-contractor', 'digital-manager'] });
    expect(refusal(() => establishWorkingGroup(committee, members[0], { name: 'x', purpose: 'y', memberIds: ['a'], establishedOn: '2026-06-15' }, 'wg', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第33条第6項' });
    expect(refusal(() => establishWorkingGroup(committee, CHAIR, { name: 'x', purpose: 'y', memberIds: [], establishedOn: '2026-06-15' }, 'wg', NOW))).toMatchObject({ field: ['memberIds'] });
  });
});

describe('the transitions of a meeting, what the viewer may do next, and the minutes', () => {
  const agenda = [{ matter: 'SECURITY' as const, title: '情報セキュリティポリシーの改定' }];
  const convened = () => transitions.convene(committee, generalManager, { title: '第1回', heldOn: '2026-06-15', chairPrevented: false, agenda }, { meeting: 'm1', agenda: ['a1'] }, NOW).record;

  it('第33条第2項: the chair may convene, the vice-chair too (acting for a chair prevented), a member not', () => {
    expect(committeeActions(generalManager, committee).convene).toBe(true);
    expect(committeeActions(administrator, committee).convene).toBe(true);
    expect(committeeActions(shiminManager, committee).convene).toBe(false);
  });

  it('第34条: convening writes the secretariat’s notice to everyone who sits on the committee but the one who convened it', () => {
    const t = transitions.convene(committee, generalManager, { title: '第1回', heldOn: '2026-06-15', place: '第2会議室', chairPrevented: false, agenda }, { meeting: 'm1', agenda: ['a1'] }, NOW);
    const notices = t.changes.filter((c) => c.kind === 'Notice').map((c) => c.after as unknown as { addresseeId: string; kind: string; article: string; message: string });
    expect(notices.map((n) => n.addresseeId).sort()).toEqual([VICE, ...members].sort());
    expect(notices[0]).toMatchObject({ kind: 'COMMITTEE_MEETING_CONVENED', article: '第34条' });
    expect(notices[0].message).toContain('開催日: 令和8年6月15日');
    expect(notices[0].message).toContain('庶務: デジタル推進課長(第34条)');
  });

  it('a motion is a part beside the meeting; the meeting’s next version is recorded with the motion only', () => {
    let m = convened();
    expect(meetingActions(generalManager, m, NOW)).toEqual({ recordAttendance: true, decideMotion: false, close: false });
    m = transitions.recordAttendance(m, generalManager, [CHAIR, ...members.slice(0, 4)], NOW).record;
    expect(meetingActions(generalManager, m, NOW)).toEqual({ recordAttendance: true, decideMotion: true, close: true });
    expect(meetingActions(shiminManager, m, NOW)).toEqual({ recordAttendance: false, decideMotion: false, close: false });
    const t = transitions.decideMotion(m, generalManager, { agendaItemId: 'a1', text: '改定案を承認する。', votes: vote(members.slice(0, 3), 'FOR') }, 'mo1', NOW);
    expect(t.record).toMatchObject({ version: m.version + 1, motionCount: 1 });
    expect(t.parts).toEqual([{ part: 'CommitteeMotion', value: expect.objectContaining({ id: 'mo1', outcome: 'CARRIED' }) }]);
    expect(t.changes).toEqual([expect.objectContaining({ action: 'committeeMeeting.motionDecided', article: '第33条第5項', recorded: { after: { motion: t.parts![0].value } } })]);
    expect(meetingActions(generalManager, t.record, NOW).recordAttendance).toBe(false);

    const motions = [t.parts![0].value as Parameters<typeof minutesOf>[1][number]];
    expect(namedInMinutes(t.record, motions)).toEqual(expect.arrayContaining([CHAIR, VICE, ...members]));
    const minutes = minutesOf(t.record, motions, new Map([[CHAIR, '白石 一郎']]));
    expect(minutes).toContain('定足数: 委員8名中4名出席、必要4名 — 成立');
    expect(minutes).toContain('議長: 白石 一郎(委員長)');
    expect(minutes).toContain('可3 否0 表決せず1(出席委員4名) — 可決。出席委員の過半数による(第33条第5項)');
    expect(minutes).toContain('状態: 会議中(議事録未確定)');
    // A date a person reads is 和暦.
    expect(minutes).toContain('開催日: 令和8年6月15日');
  });
});
