/** Rows of the authorization matrix for サーバ室 (第16条): who may enter, and the entries recorded. */
import { Row } from '../../support/matrix';

export const rows: Row[] = [];
