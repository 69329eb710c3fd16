/** Rows of the authorization matrix for パスワードの管理 (第24条): when each person last changed the password of each system. */
import { gid } from '../../support/api';
import { OK, Row, day, make, shiminSystem } from '../../support/matrix';

const F = 'FORBIDDEN 第24条第3項';
const F1 = 'FORBIDDEN 第24条第1項';

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第24条第3項: the person records their own change; the system administrator anyone's; not even their information manager.
  { mutation: 'recordPasswordChange', cells: [F, OK, F, F, F, F, OK],
    input: async () => ({ personId: gid('Person', 'shimin-staff'), systemId: (await shiminSystem()).id, changedOn: day(0) }) },
  // 第24条第1項: only where the system administrator deems it necessary; he records the leave.
  { mutation: 'permitPasswordDisclosure', cells: [F1, OK, F1, F1, F1, F1, F1],
    input: async () => {
      const systemId = (await shiminSystem()).id;
      await make('shimin-staff', 'recordPasswordChange', { systemId, changedOn: day(-1) });
      return { personId: gid('Person', 'shimin-staff'), systemId, toldToId: gid('Person', 'shimin-manager'), reason: '引継ぎのため。', disclosedOn: day(0) };
    } },
];
