/** Rows of the authorization matrix for the measures of 第13条 (each dataset) and 第26条第1項・第2項 (each system's virus measures). */
import { OK, Row, shiminDataset, shiminSystem } from '../../support/matrix';

const F13 = 'FORBIDDEN 第13条';
const W13 = 'WRONG_DEPARTMENT 第13条';
const F26 = 'FORBIDDEN 第26条第2項';
const W26 = 'WRONG_DEPARTMENT 第26条第2項';
const MEASURES = { prevention: 'ウィルス対策ソフト。', antiSpread: 'ネットワークの分離。', onInfection: '切離しと報告。' };

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第13条: 情報システム管理者及び情報管理責任者 — the system administrator, or the information manager of the department holding the data.
  { mutation: 'reviewDatasetProtection', cells: [F13, OK, OK, W13, W13, W13, F13],
    input: async () => {
      const d = await shiminDataset();
      return { datasetId: d.id, expectedVersion: d.version, leakage: 'アクセス権限の設定。', damage: '日次バックアップ。' };
    } },
  // 第26条第2項: a 業務系 system's measures are taken by the information manager of the work it processes — not the system administrator.
  { mutation: 'reviewSystemVirusMeasures', cells: [F26, F26, OK, W26, W26, W26, F26],
    input: async () => {
      const s = await shiminSystem();
      return { systemId: s.id, expectedVersion: s.version, ...MEASURES };
    } },
];
