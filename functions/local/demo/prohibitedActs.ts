/**
 * The demo city's 禁止行為 (第25条): a software installation awaiting the system administrator, a tablet taken out
 * for a mobile counter and not back after its period, and a wireless router found connected to the groupware LAN.
 */
import { DeviceFinding, ProhibitedActException } from '../../domain/prohibitedActs';
import { addDays } from '../../domain/period';
import { tokyoDate } from '../../domain/people';
import { SEED_ACTOR, SeedBatch, seedOf, seeded } from './seedBatch';

export function demoProhibitedActs(now: string): SeedBatch[] {
  const today = tokyoDate(now);
  const common = { version: 1, createdAt: now, updatedAt: now };
  const install: ProhibitedActException = {
    id: 'demo-exception-install',
    kind: 'SOFTWARE_INSTALLATION',
    systemId: 'demo-juumin',
    requestedBy: 'shimin-staff',
    departmentId: 'shimin',
    reason: '窓口の混雑状況を表示する整理券ソフトの試行。',
    period: { from: addDays(today, 7), until: addDays(today, 90) },
    software: '窓口整理券ソフト 3.2',
    status: 'REQUESTED',
    ...common,
  };
  const takeout: ProhibitedActException = {
    id: 'demo-exception-takeout',
    kind: 'EQUIPMENT_TAKEOUT',
    systemId: 'demo-hoken',
    requestedBy: 'kenkou-staff',
    departmentId: 'kenkou',
    reason: '地区公民館での集団健診の受付。',
    period: { from: addDays(today, -10), until: addDays(today, -3) },
    device: 'タブレット KT-02',
    portable: true,
    protections: ['ENCRYPTION', 'PASSWORD'],
    protectionDetails: '端末全体の暗号化、PINと生体認証、紛失時の遠隔消去。',
    status: 'APPROVED',
    decidedBy: SEED_ACTOR,
    decidedAt: now,
    ...common,
  };
  const finding: DeviceFinding = {
    id: 'demo-finding-router',
    systemId: 'demo-groupware',
    device: '個人所有の無線LANルータ',
    description: '2階執務室の情報コンセントに接続されていた。',
    foundAt: new Date(Date.parse(now) - 5 * 86_400_000).toISOString(),
    eavesdropping: true,
    actionTaken: '直ちに取り外し、所属長に通知した。',
    recordedBy: 'digital-manager',
    ...common,
  };
  return [
    seeded(seedOf('ProhibitedActException', install), now, 'seed-exception-install'),
    seeded(seedOf('ProhibitedActException', takeout), now, 'seed-exception-takeout'),
    seeded(seedOf('DeviceFinding', finding), now, 'seed-finding-router'),
  ];
}
