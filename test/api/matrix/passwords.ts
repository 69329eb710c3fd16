/** Rows of the authorization matrix for パスワードの管理 (第24条): when each person last changed the password of each system. */
import { gid } from '../../support/api';
import { OK, Row, day, shiminSystem } from '../../support/matrix';

const F = 'FORBIDDEN 第24条第3項';

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第24条第3項: the person records their own change; the system administrator anyone's; not even their information manager.
  { mutation: 'recordPasswordChange', cells: [F, OK, F, F, F, F, OK],
    input: async () => ({ personId: gid('Person', 'shimin-staff'), systemId: (await shiminSystem()).id, changedOn: day(0) }) },
];
