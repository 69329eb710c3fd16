/** Rows of the authorization matrix for 保守対策・障害対策 (第17条, 第18条): protective measures and recovery procedures of each system. */
import { Row } from '../../support/matrix';

export const rows: Row[] = [];
