/** Rows of the authorization matrix for 禁止行為 (第25条): the exceptions the system administrator allows, and findings of devices connected. */
import { Row } from '../../support/matrix';

export const rows: Row[] = [];
