/** Rows of the authorization matrix for 調査・指導・研修 (第19条–第21条): investigations, guidance and training. */
import { Row } from '../../support/matrix';

export const rows: Row[] = [];
