/** Rows of the authorization matrix for 禁止行為 (第25条): the exceptions the system administrator allows, and findings of devices connected. */
import { OK, PERIOD, Row, make, shiminSystem, unique } from '../../support/matrix';

const install = async () => ({ systemId: (await shiminSystem()).id, kind: 'SOFTWARE_INSTALLATION', reason: '窓口業務の試行。', period: PERIOD(), software: unique('整理券ソフト ') });
const takeout = async () => ({
  systemId: (await shiminSystem()).id,
  kind: 'EQUIPMENT_TAKEOUT',
  reason: '出張窓口。',
  period: PERIOD(),
  device: unique('タブレット TB-'),
  portable: true,
  protections: ['ENCRYPTION'],
  protectionDetails: '全体暗号化。',
});

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第25条第2号・第3号ただし書: any of the staff may ask; only the system administrator finds it necessary.
  { mutation: 'requestProhibitedActException', cells: [OK, OK, OK, OK, OK, OK, OK], input: install },
  { mutation: 'decideProhibitedActException', cells: ['FORBIDDEN 第25条第2号', OK, 'FORBIDDEN 第25条第2号', 'FORBIDDEN 第25条第2号', 'FORBIDDEN 第25条第2号', 'FORBIDDEN 第25条第2号', 'FORBIDDEN 第25条第2号'],
    input: async () => { const e = await make('shimin-staff', 'requestProhibitedActException', await install()); return { exceptionId: e.id, expectedVersion: e.version, approve: true }; } },
  // 第25条第3号: the one who took the device out, or the system administrator, records its return.
  { mutation: 'recordEquipmentReturn', cells: ['FORBIDDEN 第25条第3号', OK, 'FORBIDDEN 第25条第3号', 'FORBIDDEN 第25条第3号', 'FORBIDDEN 第25条第3号', 'FORBIDDEN 第25条第3号', OK],
    input: async () => {
      const e = await make('shimin-staff', 'requestProhibitedActException', await takeout());
      const approved = await make('soumu-director', 'decideProhibitedActException', { exceptionId: e.id, expectedVersion: e.version, approve: true });
      return { exceptionId: e.id, expectedVersion: approved.version };
    } },
  // 第25条第1号: a device found connected is recorded by the system administrator or an information manager.
  { mutation: 'recordDeviceFinding', cells: ['FORBIDDEN 第25条第1号', OK, OK, OK, OK, OK, 'FORBIDDEN 第25条第1号'],
    input: async () => ({ systemId: (await shiminSystem()).id, device: unique('無線LANルータ '), description: '執務室で発見。', eavesdropping: true, actionTaken: '取り外した。' }) },
];
