/** Rows of the authorization matrix for 電子メール (第28条, 様式第11号): the register of mail addresses and the applications that change it. */
import { Row } from '../../support/matrix';

export const rows: Row[] = [];
