/** Rows of the authorization matrix for 管理運営委員会 (第30条–第34条): meetings, attendance, motions, minutes and working groups. */
import { Row } from '../../support/matrix';

export const rows: Row[] = [];
