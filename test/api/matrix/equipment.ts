/** Rows of the authorization matrix for 電子計算機器 (第2条第8号): kept by whoever maintains the system (第10条). */
import { gid } from '../../support/api';
import { OK, Row, make, unique } from '../../support/matrix';

const F = 'FORBIDDEN 第10条';
const W = 'WRONG_DEPARTMENT 第10条';

/** A client of 住民情報システム (業務系, 市民課 maintains it: 第10条第2項) in 市民課's office. */
const client = () => ({ systemId: gid('System', 'demo-juumin'), kind: 'CLIENT', identifier: unique('PC-SHIMIN-'), officeDepartmentId: gid('Department', 'shimin') });

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第10条第2項: 市民課's information manager maintains its 業務系 system and keeps its equipment; the system administrator may too.
  { mutation: 'registerEquipment',   cells: [F, OK, OK, W, W, W, F],
    input: async () => client() },
  { mutation: 'removeEquipment',     cells: [F, OK, OK, W, W, W, F],
    input: async () => { const e = await make('shimin-manager', 'registerEquipment', client()); return { equipmentId: e.id, expectedVersion: e.version, reason: '更新のため廃棄。' }; } },
];
