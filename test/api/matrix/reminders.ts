/** Rows of the authorization matrix for 通知: the notices the reminders job records for the people who must act. */
import { Row } from '../../support/matrix';

export const rows: Row[] = [];
