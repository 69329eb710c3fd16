/** Rows of the authorization matrix for ホームページシステム管理者 (第27条第3項): the homepage system's security checks. */
import { OK, Row, day } from '../../support/matrix';

const F = 'FORBIDDEN 第27条第3項第1号';
const ITEMS = ['ACCESS_CONTROL', 'SOFTWARE_UPDATES', 'TAMPERING', 'BACKUP', 'CERTIFICATE', 'ACCESS_LOG'];

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第27条第3項第1号: the homepage system manager (デジタル推進課長) manages the security of the homepage system.
  { mutation: 'recordHomepageSecurityCheck', cells: [F, F, F, F, F, OK, F],
    input: async () => ({ checkedOn: day(0), items: ITEMS.map((item) => ({ item, result: 'OK' })) }) },
];
