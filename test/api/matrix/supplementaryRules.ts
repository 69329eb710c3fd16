/** Rows of the authorization matrix for 第35条に基づく定め: only the general manager sets a rule or a new version of it. */
import { OK, Row, day, make, unique } from '../../support/matrix';

const F = 'FORBIDDEN 第35条';
const rule = () => make('fuku-shichou', 'establishSupplementaryRule', { title: unique('定め'), body: '端末の画面ロックは5分とする。', effectiveFrom: day(0) });

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第35条: この訓令の施行に関し必要な事項は、総括管理責任者が定める.
  { mutation: 'establishSupplementaryRule', cells: [OK, F, F, F, F, F, F],
    input: async () => ({ title: unique('定め'), body: '端末の画面ロックは5分とする。', effectiveFrom: day(0) }) },
  { mutation: 'reviseSupplementaryRule', cells: [OK, F, F, F, F, F, F],
    input: async () => ({ ruleId: (await rule()).id, body: '端末の画面ロックは3分とする。', effectiveFrom: day(30) }) },
];
