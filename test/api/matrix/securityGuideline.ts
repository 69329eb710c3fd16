/** Rows of the authorization matrix for セキュリティ指針 (第29条): drafted, approved by the general manager, acknowledged by all staff. */
import { OK, Row, make, unique } from '../../support/matrix';

const F = 'FORBIDDEN 第29条';
const draft = () => make('soumu-director', 'draftSecurityGuideline', { title: unique('セキュリティ指針'), content: 'パスワードは年1回以上変更する。' });

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第29条 names the general manager: a draft by the system administrator (第4条) or the general manager, approved by the general manager.
  { mutation: 'draftSecurityGuideline', cells: [OK, OK, F, F, F, F, F],
    input: async () => ({ title: unique('セキュリティ指針'), content: '画面ロックは5分とする。' }) },
  { mutation: 'approveSecurityGuideline', cells: [OK, F, F, F, F, F, F],
    input: async () => { const d = await draft(); return { guidelineId: d.id, expectedVersion: d.version }; } },
  // Every member of staff acknowledges the version in force.
  { mutation: 'acknowledgeSecurityGuideline', cells: [OK, OK, OK, OK, OK, OK, OK],
    input: async () => {
      const d = await draft();
      return { guidelineId: (await make('fuku-shichou', 'approveSecurityGuideline', { guidelineId: d.id, expectedVersion: d.version })).id };
    } },
];
