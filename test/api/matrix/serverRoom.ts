/** Rows of the authorization matrix for サーバ室 (第16条): who may enter, and the entries recorded. */
import { OK, Row, make, unique } from '../../support/matrix';

const F = 'FORBIDDEN 第16条';

const room = () => make('soumu-director', 'registerServerRoom', { name: unique('分庁舎サーバ室'), location: '分庁舎1階' });
const contractor = async () => {
  const r = await room();
  return { r, a: await make('soumu-director', 'authorizeServerRoomAccess', { roomId: r.id, kind: 'CONTRACTOR_STAFF', name: unique('保守技術者'), organization: '株式会社白石情報', validFrom: '2026-04-01' }) };
};
const visitorEntry = async () => {
  const r = await room();
  return make('shimin-staff', 'recordServerRoomEntry', { roomId: r.id, purpose: '見学', entrant: { name: unique('来訪者'), organization: '白石市立中学校' } });
};

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第16条: the system administrator decides who enters the server room, and approves entries after the fact (ただし書).
  { mutation: 'registerServerRoom',  cells: [F, OK, F, F, F, F, F],
    input: async () => ({ name: unique('サーバ室'), location: '本庁舎地下1階' }) },
  { mutation: 'authorizeServerRoomAccess', cells: [F, OK, F, F, F, F, F],
    input: async () => ({ roomId: (await room()).id, kind: 'CONTRACTOR_STAFF', name: unique('保守技術者'), organization: '株式会社白石情報', validFrom: '2026-04-01' }) },
  { mutation: 'revokeServerRoomAccess', cells: [F, OK, F, F, F, F, F],
    input: async () => { const { a } = await contractor(); return { authorizationId: a.id, expectedVersion: a.version, reason: '契約終了。' }; } },
  // 第16条: the log at the door is kept by whoever is there; an entry is never refused (an unlisted one is recorded unapproved).
  { mutation: 'recordServerRoomEntry', cells: [OK, OK, OK, OK, OK, OK, OK],
    input: async () => ({ roomId: (await room()).id, purpose: '機器の確認', entrant: { name: unique('来訪者'), organization: '東北OA販売株式会社' } }) },
  { mutation: 'recordServerRoomExit', cells: [OK, OK, OK, OK, OK, OK, OK],
    input: async () => { const e = await visitorEntry(); return { entryId: e.id, expectedVersion: e.version }; } },
  { mutation: 'approveServerRoomEntry', cells: [F, OK, F, F, F, F, F],
    input: async () => { const e = await visitorEntry(); return { entryId: e.id, expectedVersion: e.version, reason: '学校行事の見学として必要と認めた。' }; } },
];
