/** Rows of the authorization matrix for 電子メール (第28条, 様式第11号): the register of mail addresses and the applications that change it. */
import { gid } from '../../support/api';
import { OK, Row, unique } from '../../support/matrix';

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou                soumu-director              shimin-manager               kenkou-manager                      soumu-manager                       digital-manager                     shimin-staff
  // 第28条: the department's information manager applies (様式第11号); the system administrator decides (decideApplication).
  { mutation: 'applyForMailAddress', cells: ['FORBIDDEN 第28条',       'FORBIDDEN 第28条',        OK,                         'WRONG_DEPARTMENT 第28条',        'WRONG_DEPARTMENT 第28条',        'WRONG_DEPARTMENT 第28条',        'FORBIDDEN 第28条'],
    input: async () => ({ kind: 'NEW', departmentId: gid('Department', 'shimin'), newAddress: `${unique('matrix-')}@city.shiroishi.miyagi.jp`, purpose: '権限表の確認用。' }) },
];
