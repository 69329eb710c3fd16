/** Rows of the authorization matrix for パスワードの管理 (第24条): when each person last changed the password of each system. */
import { Row } from '../../support/matrix';

export const rows: Row[] = [];
