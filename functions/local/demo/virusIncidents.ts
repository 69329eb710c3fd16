/**
 * The demo city's コンピュータウィルス対策 (第26条): an incident on the groupware, closed with every step done, and one
 * on the 保健福祉システム, disconnected and reported, awaiting the request for recovery.
 */
import { VirusIncident } from '../../domain/virusIncidents';
import { SeedBatch, seedOf, seeded } from './seedBatch';

const hoursBefore = (now: string, h: number) => new Date(Date.parse(now) - h * 3_600_000).toISOString();

export function demoVirusIncidents(now: string): SeedBatch[] {
  const common = { version: 1, createdAt: now, updatedAt: now };
  const closed: VirusIncident = {
    id: 'demo-virus-closed',
    systemId: 'demo-groupware',
    departmentId: 'digital',
    device: '庁内PC DG-114',
    detectedAt: hoursBefore(now, 24 * 30),
    suspected: false,
    description: 'ウィルス対策ソフトが添付ファイルのマルウェアを検知した。',
    removalManagerId: 'digital-manager',
    steps: [
      { step: 'DISCONNECTED', at: hoursBefore(now, 24 * 30 - 0.2), by: 'digital-manager' },
      { step: 'REPORTED', at: hoursBefore(now, 24 * 30 - 0.5), by: 'digital-manager' },
      { step: 'RECOVERY_REQUESTED', at: hoursBefore(now, 24 * 30 - 1), by: 'digital-manager' },
      { step: 'VIRUS_REMOVED', at: hoursBefore(now, 24 * 29), by: 'digital-manager', note: '駆除ツールで駆除し、再スキャンで陰性を確認。' },
      { step: 'OTHERS_NOTIFIED', at: hoursBefore(now, 24 * 29 - 1), by: 'digital-manager', note: '全庁掲示板で注意喚起。' },
    ],
    personalInformation: 'NOT_AFFECTED',
    status: 'CLOSED',
    closedAt: hoursBefore(now, 24 * 28),
    recordedBy: 'digital-manager',
    ...common,
  };
  const open: VirusIncident = {
    id: 'demo-virus-open',
    systemId: 'demo-hoken',
    departmentId: 'kenkou',
    device: '保健センター端末 KH-07',
    detectedAt: hoursBefore(now, 3),
    suspected: true,
    description: '不審なメールの添付ファイルを開いた後、動作が遅くなった。',
    steps: [
      { step: 'DISCONNECTED', at: hoursBefore(now, 2.8), by: 'kenkou-manager' },
      { step: 'REPORTED', at: hoursBefore(now, 2.5), by: 'kenkou-manager' },
    ],
    personalInformation: 'UNDER_INVESTIGATION',
    status: 'OPEN',
    recordedBy: 'kenkou-manager',
    ...common,
  };
  return [
    seeded(seedOf('VirusIncident', closed), now, 'seed-virus-closed'),
    seeded(seedOf('VirusIncident', open), now, 'seed-virus-open'),
  ];
}
