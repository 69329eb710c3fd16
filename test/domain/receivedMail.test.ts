/** 電子メールにより受領したもの (第28条第2項): received as documents are (収受), by the receiving department's staff. */
import { mayReadReceivedMailOf, recordReceivedMail } from '../../functions/domain/receivedMail';
import { NOW, actor, administrator, generalManager, kenkouManager, refusal, shiminManager, shiminStaff } from '../support/domain';

const INPUT = { departmentId: 'shimin', receivedAt: '2026-06-15T01:00:00+09:00', sender: ' 宮城県 市町村課 ', subject: '照会', receiptNumber: '白市収第1号' };

describe('第28条第2項: mail received is handled as the 文書取扱規程 sets', () => {
  it('the receiving department’s staff enter it with its 収受番号, the sender, the subject and who handled it', () => {
    expect(recordReceivedMail(shiminStaff, INPUT, 'm1', NOW)).toMatchObject({ departmentId: 'shimin', receivedAt: '2026-06-14T16:00:00.000Z', sender: '宮城県 市町村課', receiptNumber: '白市収第1号', handledBy: 'shimin-staff' });
    expect(recordReceivedMail(shiminManager, { ...INPUT, documentNumber: '白市第99号' }, 'm2', NOW).documentNumber).toBe('白市第99号');
    // A member of the department without a role in it still belongs to it.
    expect(recordReceivedMail(actor('new-clerk', 'shimin'), INPUT, 'm3', NOW).handledBy).toBe('new-clerk');
  });

  it('another department, and the system administrator, do not receive 市民課’s mail for it', () => {
    for (const who of [kenkouManager, administrator, generalManager]) {
      expect(refusal(() => recordReceivedMail(who, INPUT, 'x', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第28条第2項' });
    }
  });

  it('a receipt number, a sender and a subject; not received in the future', () => {
    expect(refusal(() => recordReceivedMail(shiminStaff, { ...INPUT, receiptNumber: ' ' }, 'x', NOW)).field).toEqual(['receiptNumber']);
    expect(refusal(() => recordReceivedMail(shiminStaff, { ...INPUT, sender: '' }, 'x', NOW)).field).toEqual(['sender']);
    expect(refusal(() => recordReceivedMail(shiminStaff, { ...INPUT, receivedAt: '2026-06-16T00:00:00Z' }, 'x', NOW)).field).toEqual(['receivedAt']);
  });

  it('read by the department’s staff and the system administrator only', () => {
    expect([shiminStaff, shiminManager, administrator].map((a) => mayReadReceivedMailOf(a, 'shimin', NOW))).toEqual([true, true, true]);
    expect([kenkouManager, generalManager].map((a) => mayReadReceivedMailOf(a, 'shimin', NOW))).toEqual([false, false]);
  });
});
