/** Rows of the authorization matrix for コンピュータウィルス対策 (第26条): incidents and the duty that follows them, step by step. */
import { Row } from '../../support/matrix';

export const rows: Row[] = [];
