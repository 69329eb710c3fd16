/** Rows of the authorization matrix for ホームページ (第27条, 様式第10号): pages, categories, top-page links and the periodic check. */
import { Row } from '../../support/matrix';

export const rows: Row[] = [];
