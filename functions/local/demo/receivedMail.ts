/** The demo city's mail received as documents (第28条第2項): one of 市民課. */
import { ReceivedMail } from '../../domain/receivedMail';
import { seedOf, seeded, SeedBatch } from './seedBatch';

export function demoReceivedMail(now: string): SeedBatch[] {
  const mail: ReceivedMail = {
    id: 'demo-recvmail-shimin',
    departmentId: 'shimin',
    receivedAt: new Date(Date.parse(now) - 86_400_000).toISOString(),
    sender: '宮城県 市町村課',
    subject: '住民基本台帳事務に関する照会',
    receiptNumber: '白市収第1024号',
    handledBy: 'shimin-staff',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return [seeded(seedOf('ReceivedMail', mail), now, 'seed-recvmail-shimin', 'shimin-staff')];
}
