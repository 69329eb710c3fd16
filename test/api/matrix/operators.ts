/** Rows of the authorization matrix for 操作職員等 (第12条, 様式第5号): who may operate a system. */
import { Row } from '../../support/matrix';

export const rows: Row[] = [];
