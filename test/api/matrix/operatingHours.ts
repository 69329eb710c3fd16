/** Rows of the authorization matrix for 操作時間 (第11条): the working calendar, maintenance stops and failures, and whether a system is in service. */
import { Row } from '../../support/matrix';

export const rows: Row[] = [];
