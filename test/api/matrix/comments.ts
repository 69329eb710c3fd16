/**
 * Rows of the authorization matrix for コメント on an application: the applicant and whoever may decide it comment;
 * everyone else is refused citing the article of the form. One row per deciding role: the system administrator
 * (様式第1号), the information manager of the data's department (様式第6号), the general manager (様式第8号).
 */
import { OK, Row, dataUseOfShiminData, provisionOfShiminData, shiminConsultation } from '../../support/matrix';

const F7 = 'FORBIDDEN 第7条';
const F14 = 'FORBIDDEN 第14条';
const F15 = 'FORBIDDEN 第15条第1項';
const comment = (applicationId: string) => ({ applicationId, body: '添付資料を追加してください。' });

// prettier-ignore
export const rows: Row[] = [
  //                                   fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 様式第1号 of 市民課長, decided by the system administrator (第7条).
  { mutation: 'addApplicationComment', variant: '様式第1号', cells: [F7, OK, OK, F7, F7, F7, F7],
    input: async () => comment((await shiminConsultation(true)).id) },
  // 様式第6号 of 健康推進課長 for 市民課's data, decided by 市民課長 (第14条); the system administrator has no say.
  { mutation: 'addApplicationComment', variant: '様式第6号', cells: [F14, F14, OK, OK, F14, F14, F14],
    input: async () => comment((await dataUseOfShiminData(true)).id) },
  // 様式第8号 of 市民課長, decided by the general manager (第15条第1項).
  { mutation: 'addApplicationComment', variant: '様式第8号', cells: [OK, F15, OK, F15, F15, F15, F15],
    input: async () => comment((await provisionOfShiminData('submitted')).id) },
];
