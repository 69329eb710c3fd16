/** Rows of the authorization matrix for 電子メールにより受領したもの (第28条第2項): the receiving department's staff record it. */
import { gid } from '../../support/api';
import { OK, Row, unique } from '../../support/matrix';

const F = 'FORBIDDEN 第28条第2項';

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第28条第2項: mail 市民課 received is received as a document by 市民課's own staff (its manager included).
  { mutation: 'recordReceivedMail',  cells: [F, F, OK, F, F, F, OK],
    input: async () => ({ departmentId: gid('Department', 'shimin'), sender: 'info@example.jp', subject: '照会', receiptNumber: unique('白市収第') }) },
];
