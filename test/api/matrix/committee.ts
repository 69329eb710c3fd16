/** Rows of the authorization matrix for 管理運営委員会 (第30条–第34条): meetings, attendance, motions, minutes and working groups. */
import { gid } from '../../support/api';
import { OK, Row, api, day, make, unique } from '../../support/matrix';

const F2 = 'FORBIDDEN 第33条第2項';
const F3 = 'FORBIDDEN 第33条第3項';
const F6 = 'FORBIDDEN 第33条第6項';
const F34 = 'FORBIDDEN 第34条';
const P = (id: string) => gid('Person', id);
/** Four of the seven members with the chair: a quorum (第33条第4項). */
const PRESENT = ['fuku-shichou', 'digital-manager', 'kenkou-manager', 'shimin-manager', 'soumu-manager'];

const meeting = () => make('fuku-shichou', 'conveneCommitteeMeeting', { title: unique('委員会'), heldOn: day(0), agenda: [{ matter: 'SECURITY', title: '画面ロックの統一' }] });
async function meetingInSession() {
  const m = await meeting();
  const attended = await make('fuku-shichou', 'recordMeetingAttendance', { meetingId: m.id, expectedVersion: m.version, present: PRESENT.map(P) });
  const data = await api.data('fuku-shichou', 'query($id: ID!) { node(id: $id) { ... on CommitteeMeeting { agenda { agendaItemId } } } }', { id: m.id });
  return { ...attended, agendaItemId: data.node.agenda[0].agendaItemId as string };
}
const convening = (chairPrevented: boolean) => async () => ({ title: unique('委員会'), heldOn: day(7), chairPrevented, agenda: [{ matter: 'PLANNING', title: '次期計画' }] });

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第33条第2項: the chair (委員長, the general manager) convenes; 第3項: the vice-chair only for a chair prevented.
  { mutation: 'conveneCommitteeMeeting', variant: 'the chair able to act', cells: [OK, F3, F2, F2, F2, F2, F2], input: convening(false) },
  { mutation: 'conveneCommitteeMeeting', variant: 'the chair prevented (第33条第3項)', cells: [OK, OK, F2, F2, F2, F2, F2], input: convening(true) },
  // 第34条: the secretariat (デジタル推進課長, digital-manager) records the meeting, as do the chair and the vice-chair.
  { mutation: 'recordMeetingAttendance', cells: [OK, OK, F34, F34, F34, OK, F34],
    input: async () => { const m = await meeting(); return { meetingId: m.id, expectedVersion: m.version, present: PRESENT.map(P) }; } },
  { mutation: 'decideCommitteeMotion', cells: [OK, OK, F34, F34, F34, OK, F34],
    input: async () => {
      const m = await meetingInSession();
      return { meetingId: m.id, expectedVersion: m.version, agendaItemId: m.agendaItemId, text: '画面ロックを統一する。', votes: [{ personId: P('shimin-manager'), vote: 'FOR' }, { personId: P('kenkou-manager'), vote: 'FOR' }, { personId: P('digital-manager'), vote: 'FOR' }] };
    } },
  { mutation: 'closeCommitteeMeeting', cells: [OK, OK, F34, F34, F34, OK, F34],
    input: async () => { const m = await meetingInSession(); return { meetingId: m.id, expectedVersion: m.version }; } },
  // 第33条第6項: working groups, established by the chair (第33条第1項) or the vice-chair acting.
  { mutation: 'establishWorkingGroup', cells: [OK, OK, F6, F6, F6, F6, F6],
    input: async () => ({ name: unique('部会'), purpose: '端末設定の調査研究', memberIds: [P('digital-manager')], establishedOn: day(0) }) },
];
