/** Rows of the authorization matrix for 通知: the notices the reminders job records for the people who must act. */
import { randomUUID } from 'node:crypto';
import { eventOf } from '../../../functions/domain/audit';
import { addressNotices, notice } from '../../../functions/domain/reminders';
import { changesOf } from '../../../functions/store/kinds';
import { OK, Row, api, day, unique } from '../../support/matrix';
import { gid } from '../../support/api';

const F = 'FORBIDDEN 第15条第4項第4号';

/** A fresh notice to 市民課's information manager, recorded as the reminders job records it (with its audit event). */
async function shiminNotice(): Promise<{ id: string; version: number }> {
  const now = new Date().toISOString();
  const subjectId = unique('matrix-provision-');
  const [n] = addressNotices(
    [{ kind: 'PROVISION_PAST_PERIOD', subjectType: 'ExternalProvision', subjectId, dueOn: day(-1), stage: 'overdue', message: '返還又は廃棄が未記録です。', to: { personId: 'shimin-manager' } }],
    [],
    now,
  ).notices;
  const t = notice.record(n);
  await api.store().commit(changesOf(t), t.changes.map((c) => eventOf(c, 'reminders', now, randomUUID())));
  return { id: gid('Notice', n.id), version: n.version };
}

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // A notice is its addressee's own: only they mark it read, not even the system administrator; the refusal cites the duty it reminds of.
  { mutation: 'markNoticeRead', cells: [F, F, OK, F, F, F, F],
    input: async () => { const n = await shiminNotice(); return { noticeId: n.id, expectedVersion: n.version }; } },
];
