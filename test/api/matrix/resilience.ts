/** Rows of the authorization matrix for 保守対策・障害対策 (第17条, 第18条): protective measures and recovery procedures of each system. */
import { OK, Row, day, shiminSystem } from '../../support/matrix';

const F = 'FORBIDDEN 第17条';
const W = 'WRONG_DEPARTMENT 第17条';

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第17条・第18条: 情報システム管理者及び情報管理責任者 — the system administrator, or the system's own information manager.
  { mutation: 'recordSystemResilience', cells: [F, OK, OK, W, W, W, F],
    input: async () => {
      const s = await shiminSystem();
      return {
        systemId: s.id,
        expectedVersion: s.version,
        protections: [{ hazard: 'EARTHQUAKE', measure: '免震ラック。' }],
        recoveryProcedure: { title: '復旧手順書', location: '市民課キャビネット', reviewedOn: day(-1) },
      };
    } },
];
