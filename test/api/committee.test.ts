/**
 * 管理運営委員会 (第30条–第34条) through the real Lambda handler: the seats read from the role assignments in force,
 * meetings convened by the chair (or the vice-chair acting), attendance and the quorum, motions decided by a majority
 * of the members present or by the presiding chair on a tie, the minutes as a query, and working groups.
 * The demo city has seven 情報管理責任者: a quorum is 4 (委員の半数以上).
 */
import { Api, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

type Obj = { id: string; version: number; [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const tokyoDate = (offset: number) => new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const P = (id: string) => gid('Person', id);
const ERRORS = 'userErrors { code message article field }';
const MEETING = `id title heldOn place chairPrevented status version closedAt convenedBy { personId }
  composition { chair { personId } viceChair { personId } members { personId } memberCount quorumRequired secretariatHolder { personId } }
  attendance { personId } quorum { membersPresent members required met } presiding { seat person { personId } }
  agenda { agendaItemId matter article title }
  motionCount motions(first: 100) { totalCount nodes { motionId text agendaItem { agendaItemId } votes { vote person { personId } } presiding { personId }
    result { votesFor votesAgainst notVoting membersPresent outcome decidedBy castingVote } } }
  minutes viewerCanRecordAttendance viewerCanDecideMotion viewerCanClose auditTrail(first: 20) { nodes { action article } }`;
const CONVENE = `mutation($input: ConveneCommitteeMeetingInput!) { conveneCommitteeMeeting(input: $input) { meeting { ${MEETING} } ${ERRORS} } }`;
const ATTEND = `mutation($input: RecordMeetingAttendanceInput!) { recordMeetingAttendance(input: $input) { meeting { ${MEETING} } ${ERRORS} } }`;
const DECIDE = `mutation($input: DecideCommitteeMotionInput!) { decideCommitteeMotion(input: $input) { meeting { ${MEETING} } ${ERRORS} } }`;
const CLOSE = `mutation($input: CloseCommitteeMeetingInput!) { closeCommitteeMeeting(input: $input) { meeting { ${MEETING} } ${ERRORS} } }`;
const ESTABLISH = `mutation($input: EstablishWorkingGroupInput!) { establishWorkingGroup(input: $input) { workingGroup { id name purpose establishedOn members { personId } establishedBy { personId } } ${ERRORS} } }`;
const COMMITTEE = `{ committee { name chair { personId } viceChair { personId } members { personId } memberCount quorumRequired viewerCanConvene secretariat secretariatHolder { personId } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on CommitteeMeeting { ${MEETING} } } }`;

const CHAIR = 'fuku-shichou';
const VICE = 'soumu-director';
/** 第34条: デジタル推進課長, who holds the role 第27条第3項 fills with the same office. */
const SECRETARIAT = 'digital-manager';
const MEMBERS = ['digital-manager', 'fukushi-manager', 'kenkou-manager', 'kyouiku-manager', 'shimin-manager', 'soumu-manager', 'zaisei-manager'];

const agenda = [{ matter: 'SECURITY', title: 'パスワード更新の周知' }];
const convene = (who = CHAIR, extra: Record<string, unknown> = {}): Promise<Obj> =>
  ok(api, who, CONVENE, { title: '臨時会議', heldOn: tokyoDate(0), place: '第2会議室', agenda, ...extra });
/** A meeting convened by the chair with `present` recorded. */
async function meetingWith(present: string[]): Promise<Obj> {
  const m = await convene();
  return ok(api, CHAIR, ATTEND, { meetingId: m.id, expectedVersion: m.version, present: present.map(P) });
}
const motion = (m: Obj, votes: [string, 'FOR' | 'AGAINST'][], castingVote?: 'FOR' | 'AGAINST') => ({
  meetingId: m.id,
  expectedVersion: m.version,
  agendaItemId: m.agenda[0].agendaItemId,
  text: '全職員にパスワードの年1回以上の更新を周知する。',
  votes: votes.map(([id, vote]) => ({ personId: P(id), vote })),
  ...(castingVote ? { castingVote } : {}),
});

describe('第30条・第32条: the committee, as the role assignments in force make it up', () => {
  it('第32条第2項–第4項: chair = 総括管理責任者, vice-chair = 情報システム管理者, members = the seven 情報管理責任者; the quorum is 4', async () => {
    const { committee } = await api.data('shimin-manager', COMMITTEE);
    expect(committee).toMatchObject({ name: '白石市行政情報ネットワークシステム管理運営委員会', chair: { personId: CHAIR }, viceChair: { personId: VICE }, memberCount: 7, quorumRequired: 4, viewerCanConvene: false });
    expect(committee.members.map((p: { personId: string }) => p.personId).sort()).toEqual(MEMBERS);
    expect(committee.secretariat).toContain('デジタル推進課長');
    expect(committee.secretariatHolder).toEqual({ personId: SECRETARIAT });
    expect((await api.data(CHAIR, COMMITTEE)).committee.viewerCanConvene).toBe(true);
  });

  it('the demo city’s past meeting: a quorum, one motion carried by a majority, and its minutes', async () => {
    const { node } = await api.data('shimin-staff', NODE, { id: gid('CommitteeMeeting', 'demo-meeting-1') });
    expect(node).toMatchObject({ status: 'CLOSED', quorum: { membersPresent: 5, members: 7, required: 4, met: true }, presiding: { seat: 'CHAIR', person: { personId: CHAIR } } });
    expect(node.motions.nodes).toEqual([expect.objectContaining({ result: expect.objectContaining({ votesFor: 4, votesAgainst: 1, notVoting: 0, outcome: 'CARRIED', decidedBy: 'MAJORITY' }) })]);
    expect(node.minutes).toContain('可決');
    expect(node.minutes).toContain('委員7名中5名出席');
    const { committeeMeetings } = await api.data('shimin-staff', '{ committeeMeetings(first: 100) { nodes { id heldOn } } }');
    expect(committeeMeetings.nodes.map((n: Obj) => n.id)).toContain(node.id);
  });
});

describe('第33条第2項・第3項: the chair convenes and presides; the vice-chair acts for a chair prevented', () => {
  it('第33条第2項: the chair convenes with an agenda under 第31条; the seats of the day are kept with the meeting', async () => {
    const m = await convene();
    expect(m).toMatchObject({ status: 'CONVENED', version: 1, chairPrevented: false, convenedBy: { personId: CHAIR }, attendance: null, presiding: null, viewerCanRecordAttendance: true, viewerCanDecideMotion: false, viewerCanClose: false });
    expect(m.composition).toMatchObject({ chair: { personId: CHAIR }, viceChair: { personId: VICE }, memberCount: 7, quorumRequired: 4 });
    expect(m.agenda).toEqual([expect.objectContaining({ matter: 'SECURITY', article: '第31条第2号', title: 'パスワード更新の周知' })]);
    expect(m.auditTrail.nodes).toEqual([{ action: 'committeeMeeting.convened', article: '第33条第2項' }]);
  });

  it('第33条第2項: an information manager does not convene the committee', async () => {
    expect(await refused(api, 'shimin-manager', CONVENE, { title: 'x', heldOn: tokyoDate(0), agenda })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第33条第2項' })]);
  });

  it('第33条第3項: the vice-chair convenes only when the chair is prevented (事故)', async () => {
    expect(await refused(api, VICE, CONVENE, { title: 'x', heldOn: tokyoDate(0), agenda })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第33条第3項', field: ['chairPrevented'] })]);
    const m = await convene(VICE, { chairPrevented: true });
    expect(m).toMatchObject({ chairPrevented: true, convenedBy: { personId: VICE } });
    expect(m.auditTrail.nodes[0].article).toBe('第33条第3項');
    expect(m.minutes).toContain('第33条第3項');
  });

  it('第31条: a meeting deliberates on at least one matter', async () => {
    expect(await refused(api, CHAIR, CONVENE, { title: 'x', heldOn: tokyoDate(0), agenda: [] })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第31条' })]);
  });

  it('第33条第3項: with the chair absent, the vice-chair presides', async () => {
    const m = await meetingWith([VICE, ...MEMBERS.slice(0, 4)]);
    expect(m.presiding).toEqual({ seat: 'VICE_CHAIR', person: { personId: VICE } });
  });
});

describe('第33条第4項: 委員の半数以上が出席しなければ会議を開くことができない', () => {
  it('3 of 7 members present: no quorum, and a vote is refused citing 第33条第4項; nothing is written', async () => {
    const m = await meetingWith([CHAIR, VICE, 'shimin-manager', 'kenkou-manager', 'zaisei-manager']);
    expect(m).toMatchObject({ quorum: { membersPresent: 3, members: 7, required: 4, met: false }, viewerCanDecideMotion: false, viewerCanClose: true });
    expect(m.minutes).toContain('不成立');
    const errors = await refused(api, CHAIR, DECIDE, motion(m, [['shimin-manager', 'FOR'], ['kenkou-manager', 'FOR']]));
    expect(errors).toEqual([expect.objectContaining({ code: 'QUORUM_NOT_MET', article: '第33条第4項' })]);
    expect(errors[0].message).toContain('出席 3 人/委員 7 人、必要 4 人以上');
  });

  it('the chair and vice-chair are not 委員: they do not count toward the quorum', async () => {
    const m = await meetingWith([CHAIR, VICE, ...MEMBERS.slice(0, 3)]);
    expect(m.quorum).toMatchObject({ membersPresent: 3, met: false });
  });

  it('no attendance recorded: no quorum', async () => {
    const m = await convene();
    expect(await refused(api, CHAIR, DECIDE, motion(m, []))).toEqual([expect.objectContaining({ code: 'QUORUM_NOT_MET' })]);
  });

  it('第32条: attendance names only those who sit on the committee, each once; only the chair or vice-chair records it', async () => {
    const m = await convene();
    const input = (present: string[]) => ({ meetingId: m.id, expectedVersion: m.version, present: present.map(P) });
    expect(await refused(api, CHAIR, ATTEND, input([CHAIR, 'shimin-staff']))).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第32条', field: ['present'] })]);
    expect(await refused(api, CHAIR, ATTEND, input([CHAIR, CHAIR]))).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第32条' })]);
    expect(await refused(api, 'shimin-manager', ATTEND, input([CHAIR]))).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第34条' })]);
    expect(await refused(api, CHAIR, ATTEND, { ...input([CHAIR]), expectedVersion: 9 })).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
  });
});

describe('第34条: 委員会の庶務は、デジタル推進課長において処理する', () => {
  it('第34条: the secretariat records attendance and motions and closes the minutes of a meeting the chair convened; the minutes name it', async () => {
    const m = await convene();
    expect(m.composition.secretariatHolder).toEqual({ personId: SECRETARIAT });
    expect((await api.data(SECRETARIAT, NODE, { id: m.id })).node).toMatchObject({ viewerCanRecordAttendance: true, viewerCanClose: false });
    const attended = await ok(api, SECRETARIAT, ATTEND, { meetingId: m.id, expectedVersion: m.version, present: [CHAIR, ...MEMBERS.slice(1, 5)].map(P) });
    const decided = await ok(api, SECRETARIAT, DECIDE, motion(attended, [[MEMBERS[1], 'FOR'], [MEMBERS[2], 'FOR'], [MEMBERS[3], 'FOR']]));
    expect(decided.motions.nodes[0].result).toMatchObject({ outcome: 'CARRIED' });
    const closed = await ok(api, SECRETARIAT, CLOSE, { meetingId: m.id, expectedVersion: decided.version });
    expect(closed.minutes).toContain('庶務: デジタル推進課長 高橋 誠(第34条)');
    expect(closed.status).toBe('CLOSED');
  });

  it('第34条: the notice of a meeting convened reaches the members in the secretariat’s name; not the chair who convened it', async () => {
    const m = await convene(CHAIR, { title: '招集通知の確認' });
    const NOTICES = `{ myNotices(first: 50) { nodes { kind article title message subject { id } } } }`;
    const about = async (who: string) => (await api.data(who, NOTICES)).myNotices.nodes.filter((n: { subject?: { id: string } }) => n.subject?.id === m.id);
    const [n, ...more] = await about('shimin-manager');
    expect(more).toEqual([]);
    expect(n).toMatchObject({ kind: 'COMMITTEE_MEETING_CONVENED', article: '第34条', title: expect.stringContaining('招集') });
    expect(n.message).toContain('件名: 招集通知の確認');
    expect(n.message).toContain('庶務: デジタル推進課長(第34条)');
    expect(await about(VICE)).toHaveLength(1);
    expect(await about(CHAIR)).toEqual([]);
    expect(await about('shimin-staff')).toEqual([]);
  });

  it('第34条: a member who is neither the secretariat, the chair nor the vice-chair does not record the meeting', async () => {
    const m = await convene();
    expect(await refused(api, 'soumu-manager', CLOSE, { meetingId: m.id, expectedVersion: m.version })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第34条' })]);
    expect((await api.data('shimin-staff', NODE, { id: m.id })).node).toMatchObject({ viewerCanRecordAttendance: false });
  });
});

describe('第33条第5項: 出席委員の過半数をもって決し、可否同数のときは、議長の決するところによる', () => {
  it('4 of 7 present, 2 for and 2 against: the chair’s casting vote carries it; the minutes say so', async () => {
    const m = await meetingWith([CHAIR, ...MEMBERS.slice(0, 4)]);
    expect(m).toMatchObject({ quorum: { membersPresent: 4, required: 4, met: true }, viewerCanDecideMotion: true, presiding: { seat: 'CHAIR' } });
    const votes: [string, 'FOR' | 'AGAINST'][] = [[MEMBERS[0], 'FOR'], [MEMBERS[1], 'FOR'], [MEMBERS[2], 'AGAINST'], [MEMBERS[3], 'AGAINST']];
    expect(await refused(api, CHAIR, DECIDE, motion(m, votes))).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第33条第5項', field: ['castingVote'] })]);
    const decided = await ok(api, CHAIR, DECIDE, motion(m, votes, 'FOR'));
    expect(decided.motionCount).toBe(1);
    expect(decided.motions.totalCount).toBe(1);
    expect(decided.motions.nodes).toEqual([
      expect.objectContaining({
        presiding: { personId: CHAIR },
        agendaItem: { agendaItemId: m.agenda[0].agendaItemId },
        result: { votesFor: 2, votesAgainst: 2, notVoting: 0, membersPresent: 4, outcome: 'CARRIED', decidedBy: 'CASTING_VOTE', castingVote: 'FOR' },
      }),
    ]);
    expect(decided.minutes).toContain('可否同数のため議長(白石 一郎)が可と決した');
    const closed = await ok(api, CHAIR, CLOSE, { meetingId: m.id, expectedVersion: decided.version });
    expect(closed).toMatchObject({ status: 'CLOSED', viewerCanRecordAttendance: false, viewerCanDecideMotion: false, viewerCanClose: false });
    expect(closed.minutes).toContain('閉会');
    expect(closed.auditTrail.nodes.map((n: Obj) => n.action)).toEqual(['committeeMeeting.convened', 'committeeMeeting.attendanceRecorded', 'committeeMeeting.motionDecided', 'committeeMeeting.closed']);
  });

  it('a majority of the members present, not of those voting: 2 for, 1 against, 1 not voting of 4 present is rejected', async () => {
    const m = await meetingWith([CHAIR, ...MEMBERS.slice(0, 4)]);
    const decided = await ok(api, VICE, DECIDE, motion(m, [[MEMBERS[0], 'FOR'], [MEMBERS[1], 'FOR'], [MEMBERS[2], 'AGAINST']]));
    expect(decided.motions.nodes[0].result).toMatchObject({ votesFor: 2, votesAgainst: 1, notVoting: 1, outcome: 'REJECTED', decidedBy: 'MAJORITY', castingVote: null });
  });

  it('only the members present vote, each once; the chair decides only a tie', async () => {
    const m = await meetingWith([CHAIR, ...MEMBERS.slice(0, 4)]);
    const refusedWith = async (input: Record<string, unknown>) => (await refused(api, CHAIR, DECIDE, input))[0];
    expect(await refusedWith(motion(m, [[MEMBERS[5], 'FOR']]))).toMatchObject({ code: 'INVALID_VALUE', article: '第33条第5項', field: ['votes'] });
    expect(await refusedWith(motion(m, [[CHAIR, 'FOR']]))).toMatchObject({ code: 'INVALID_VALUE', field: ['votes'] });
    expect(await refusedWith(motion(m, [[MEMBERS[0], 'FOR'], [MEMBERS[0], 'FOR']]))).toMatchObject({ code: 'INVALID_VALUE', field: ['votes'] });
    expect(await refusedWith(motion(m, [[MEMBERS[0], 'FOR']], 'FOR'))).toMatchObject({ code: 'INVALID_VALUE', field: ['castingVote'] });
    expect(await refusedWith({ ...motion(m, [[MEMBERS[0], 'FOR']]), agendaItemId: 'nope' })).toMatchObject({ code: 'NOT_FOUND', field: ['agendaItemId'] });
    expect(await refusedWith({ ...motion(m, [[MEMBERS[0], 'FOR']]), expectedVersion: 1 })).toMatchObject({ code: 'STALE_VERSION' });
    expect((await refused(api, 'shimin-manager', DECIDE, motion(m, [[MEMBERS[0], 'FOR']])))[0]).toMatchObject({ code: 'FORBIDDEN', article: '第34条' });
  });

  it('第33条第4項: once a motion is decided, the attendance it was decided under stands; a closed meeting takes no more motions', async () => {
    const m = await meetingWith([CHAIR, ...MEMBERS.slice(0, 4)]);
    const decided = await ok(api, CHAIR, DECIDE, motion(m, [[MEMBERS[0], 'FOR'], [MEMBERS[1], 'FOR'], [MEMBERS[2], 'FOR']]));
    expect(decided).toMatchObject({ viewerCanRecordAttendance: false });
    expect(await refused(api, CHAIR, ATTEND, { meetingId: m.id, expectedVersion: decided.version, present: [P(CHAIR)] })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第33条第4項' })]);
    const closed = await ok(api, CHAIR, CLOSE, { meetingId: m.id, expectedVersion: decided.version });
    expect(await refused(api, CHAIR, DECIDE, motion(closed, [[MEMBERS[0], 'FOR']]))).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('the minutes are not closed before the attendance is recorded', async () => {
    const m = await convene();
    expect(await refused(api, CHAIR, CLOSE, { meetingId: m.id, expectedVersion: m.version })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第33条第4項' })]);
  });

  it('two motions recorded at once from the same version: exactly one is written, the other is told to reload', async () => {
    const m = await meetingWith([CHAIR, ...MEMBERS.slice(0, 4)]);
    const input = motion(m, [[MEMBERS[0], 'FOR'], [MEMBERS[1], 'FOR'], [MEMBERS[2], 'FOR']]);
    const results = await Promise.all([CHAIR, VICE].map((who) => api.data(who, DECIDE, { input })));
    const payloads = results.map((r) => r.decideCommitteeMotion);
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    expect(payloads.find((p) => p.userErrors.length > 0).userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    const { node } = await api.data(CHAIR, NODE, { id: m.id });
    expect(node.motions.nodes).toHaveLength(1);
  });
});

describe('第33条第6項: working groups (部会) of the staff concerned', () => {
  it('the chair establishes one; it is listed with its members', async () => {
    const g = await ok(api, CHAIR, ESTABLISH, { name: '情報セキュリティ部会', purpose: '端末の設定基準の調査研究', memberIds: [P('digital-manager'), P('digital-contractor')], establishedOn: tokyoDate(0) });
    expect(g).toMatchObject({ name: '情報セキュリティ部会', establishedBy: { personId: CHAIR } });
    expect(g.members.map((p: { personId: string }) => p.personId)).toEqual(['digital-contractor', 'digital-manager']);
    const { workingGroups } = await api.data('shimin-staff', '{ workingGroups(first: 10) { nodes { id name } } }');
    expect(workingGroups.nodes[0]).toEqual({ id: g.id, name: '情報セキュリティ部会' });
  });

  it('an information manager does not establish one; the staff named must exist, at least one', async () => {
    const input = { name: '部会', purpose: '調査', memberIds: [P('digital-manager')], establishedOn: tokyoDate(0) };
    expect(await refused(api, 'shimin-manager', ESTABLISH, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第33条第6項' })]);
    expect(await refused(api, CHAIR, ESTABLISH, { ...input, memberIds: [P('nobody')] })).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['memberIds'] })]);
    expect(await refused(api, CHAIR, ESTABLISH, { ...input, memberIds: [] })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第33条第6項' })]);
  });
});

describe('the GraphiQL walkthrough (README): the chair holds a meeting without a quorum, then one decided by a casting vote', () => {
  const CONVENE_W = `mutation Convene($input: ConveneCommitteeMeetingInput!) {
  conveneCommitteeMeeting(input: $input) {
    meeting { id version composition { memberCount quorumRequired } agenda { agendaItemId matter article title } }
    userErrors { code message article field }
  }
}`;
  const ATTEND_W = `mutation Attend($input: RecordMeetingAttendanceInput!) {
  recordMeetingAttendance(input: $input) {
    meeting { id version quorum { membersPresent members required met } presiding { seat person { name } } viewerCanDecideMotion }
    userErrors { code message article field }
  }
}`;
  const DECIDE_W = `mutation Decide($input: DecideCommitteeMotionInput!) {
  decideCommitteeMotion(input: $input) {
    meeting { id version motions(first: 10) { nodes { text result { votesFor votesAgainst notVoting outcome decidedBy castingVote } presiding { name } } } }
    userErrors { code message article field }
  }
}`;
  const CLOSE_W = `mutation Close($input: CloseCommitteeMeetingInput!) {
  closeCommitteeMeeting(input: $input) { meeting { id status minutes } userErrors { code message article field } }
}`;
  const MINUTES_W = `query Minutes($id: ID!) { node(id: $id) { ... on CommitteeMeeting { title status quorum { membersPresent required met } minutes } } }`;
  const as = async (query: string, variables: Record<string, unknown>) => Object.values(await api.data(CHAIR, query, variables))[0] as Obj;
  const hold = async (present: string[]) => {
    const c = await as(CONVENE_W, { input: { title: '第2回 管理運営委員会', heldOn: tokyoDate(0), place: '本庁舎4階 第1会議室', agenda: [{ matter: 'SECURITY', title: 'パスワード更新の周知' }] } });
    expect(c.userErrors).toEqual([]);
    const a = await as(ATTEND_W, { input: { meetingId: c.meeting.id, expectedVersion: 1, present: present.map(P) } });
    expect(a.userErrors).toEqual([]);
    return { meeting: a.meeting, agendaItemId: c.meeting.agenda[0].agendaItemId };
  };

  it('3 of 7 members: the vote is refused (第33条第4項); 4 of 7, tied 2–2: the chair’s casting vote carries it; the minutes read it all', async () => {
    const first = await hold(['fuku-shichou', 'shimin-manager', 'kenkou-manager', 'zaisei-manager']);
    expect(first.meeting.quorum).toEqual({ membersPresent: 3, members: 7, required: 4, met: false });
    const refusedVote = await as(DECIDE_W, {
      input: { meetingId: first.meeting.id, expectedVersion: 2, agendaItemId: first.agendaItemId, text: '全職員にパスワードの年1回以上の更新を周知する。', votes: [{ personId: P('shimin-manager'), vote: 'FOR' }] },
    });
    expect(refusedVote).toEqual({ meeting: null, userErrors: [expect.objectContaining({ code: 'QUORUM_NOT_MET', article: '第33条第4項' })] });

    const second = await hold(['fuku-shichou', 'shimin-manager', 'kenkou-manager', 'zaisei-manager', 'digital-manager']);
    expect(second.meeting).toMatchObject({ quorum: { membersPresent: 4, required: 4, met: true }, presiding: { seat: 'CHAIR', person: { name: '白石 一郎' } }, viewerCanDecideMotion: true });
    const decided = await as(DECIDE_W, {
      input: {
        meetingId: second.meeting.id,
        expectedVersion: 2,
        agendaItemId: second.agendaItemId,
        text: '全職員にパスワードの年1回以上の更新を周知する。',
        votes: [
          { personId: P('shimin-manager'), vote: 'FOR' },
          { personId: P('zaisei-manager'), vote: 'FOR' },
          { personId: P('kenkou-manager'), vote: 'AGAINST' },
          { personId: P('digital-manager'), vote: 'AGAINST' },
        ],
        castingVote: 'FOR',
      },
    });
    expect(decided.meeting.motions.nodes[0]).toMatchObject({ result: { votesFor: 2, votesAgainst: 2, notVoting: 0, outcome: 'CARRIED', decidedBy: 'CASTING_VOTE', castingVote: 'FOR' }, presiding: { name: '白石 一郎' } });
    const closed = await as(CLOSE_W, { input: { meetingId: second.meeting.id, expectedVersion: 3 } });
    expect(closed.meeting.status).toBe('CLOSED');
    const { node } = await api.data('shimin-staff', MINUTES_W, { id: second.meeting.id });
    expect(node.minutes).toContain('定足数: 委員7名中4名出席、必要4名 — 成立');
    expect(node.minutes).toContain('可2 否2 表決せず0(出席委員4名) — 可決。可否同数のため議長(白石 一郎)が可と決した(第33条第5項後段)');
  });
});

// Last: it changes the seats (an eighth member) for every test after it.
describe('第32条: the seats follow the role assignments; a meeting keeps those of its day', () => {
  it('a new 情報管理責任者 joins the committee (8 members, quorum 4); meetings already convened keep 7', async () => {
    const before = await convene();
    const person = await ok(api, VICE, 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { code message article field } } }', {
      personId: 'kaikei-manager',
      name: '会計 管理者',
      departmentId: gid('Department', 'tokubetsu'),
    });
    // 特別職 has no information manager yet: a new office, a new seat (第5条 gives each department one holder).
    await ok(api, VICE, 'mutation($input: AssignRoleInput!) { assignRole(input: $input) { person { id } userErrors { code message article field } } }', {
      personId: person.id,
      role: 'INFORMATION_MANAGER',
      departmentId: gid('Department', 'tokubetsu'),
      validFrom: tokyoDate(0),
    });
    expect((await api.data(CHAIR, COMMITTEE)).committee).toMatchObject({ memberCount: 8, quorumRequired: 4 });
    expect((await api.data(CHAIR, NODE, { id: before.id })).node.composition.memberCount).toBe(7);
    expect((await convene()).composition.memberCount).toBe(8);
  });
});
