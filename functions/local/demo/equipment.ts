/** The demo city's 電子計算機器 (第2条第8号): a server in the server room and a client in 市民課's office. */
import { Equipment } from '../../domain/equipment';
import { DEMO_ROOM_ID } from './serverRoom';
import { SEED_ACTOR, SeedBatch, seedOf, seeded } from './seedBatch';

export const DEMO_EQUIPMENT_ID = 'demo-equipment-juumin-server';

export function demoEquipment(now: string): SeedBatch[] {
  const common = { status: 'IN_USE' as const, registeredBy: SEED_ACTOR, version: 1, createdAt: now, updatedAt: now };
  const server: Equipment = {
    id: DEMO_EQUIPMENT_ID,
    kind: 'SERVER',
    identifier: 'SV-JUUMIN-01',
    description: '住民情報システム 業務サーバ',
    systemId: 'demo-juumin',
    departmentId: 'shimin',
    roomId: DEMO_ROOM_ID,
    locationDetail: 'ラックA-3',
    ...common,
  };
  const client: Equipment = {
    id: 'demo-equipment-shimin-pc',
    kind: 'CLIENT',
    identifier: 'PC-SHIMIN-012',
    description: '窓口端末',
    systemId: 'demo-juumin',
    departmentId: 'shimin',
    officeDepartmentId: 'shimin',
    locationDetail: '市民課 窓口2番',
    ...common,
  };
  return [seeded(seedOf('Equipment', server), now, 'seed-equipment-juumin-server'), seeded(seedOf('Equipment', client), now, 'seed-equipment-shimin-pc')];
}
