/**
 * The demo city's 保守対策・障害対策 (第17条, 第18条): protective measures and recovery procedures of the installed
 * systems — except the 住民情報システム (demo-juumin) and the 学習用端末管理システム, which have none yet: findings of
 * `systemsWithoutRecoveryProcedure`.
 */
import { Resilience } from '../../domain/resilience';
import { SystemRecord } from '../../domain/systems';
import { addDays } from '../../domain/period';
import { tokyoDate } from '../../domain/people';
import { advance, changeOf } from '../../domain/change';
import { DEMO_SYSTEMS, demoSystemRecord } from './systems';
import { SEED_ACTOR, SeedBatch, seeded } from './seedBatch';

/** The system as functions/local/seed.ts writes it (version 1): the measures are recorded on it as version 2. */
function seededSystem(id: string, now: string): SystemRecord {
  const s = DEMO_SYSTEMS.find((d) => d.id === id);
  if (!s) throw new Error(`no demo system ${id}`);
  return demoSystemRecord(s, SEED_ACTOR, now);
}

const SERVER_ROOM = '本庁舎3階サーバ室: 免震ラック、ハロン代替ガス消火設備、入退室管理(第16条)。';

const MEASURES: Record<string, { recordedBy: string; protections: Resilience['protections']; failureMeasures: string; procedure: [title: string, targetHours: number] }> = {
  'demo-groupware': {
    recordedBy: 'digital-manager',
    protections: [
      { hazard: 'EARTHQUAKE', measure: SERVER_ROOM },
      { hazard: 'FIRE', measure: 'サーバ室のガス消火設備と煙感知器。' },
      { hazard: 'OTHER_DISASTER', measure: '無停電電源装置と非常用発電機(72時間)。' },
      { hazard: 'THEFT', measure: 'サーバ室の施錠と入退室記録。' },
    ],
    failureMeasures: 'サーバの冗長化、日次バックアップの遠隔地保管。',
    procedure: ['グループウェア障害時復旧手順書 第3版', 8],
  },
  'demo-zaimu': {
    recordedBy: 'zaisei-manager',
    protections: [
      { hazard: 'EARTHQUAKE', measure: SERVER_ROOM },
      { hazard: 'FIRE', measure: 'サーバ室のガス消火設備。' },
      { hazard: 'THEFT', measure: 'サーバ室の施錠と入退室記録。' },
    ],
    failureMeasures: 'データベースの日次バックアップと保守業者の24時間対応。',
    procedure: ['財務会計システム復旧手順書', 24],
  },
  'demo-homepage': {
    recordedBy: 'digital-manager',
    protections: [
      { hazard: 'EARTHQUAKE', measure: '事業者のデータセンター(耐震・免震)で稼働。' },
      { hazard: 'FIRE', measure: 'データセンターの消火設備。' },
      { hazard: 'OTHER_DISASTER', measure: '遠隔地のデータセンターへの切替え。' },
      { hazard: 'THEFT', measure: 'データセンターの入館管理。' },
    ],
    failureMeasures: '負荷分散と改ざん検知。',
    procedure: ['ホームページ障害・改ざん時対応手順', 4],
  },
  'demo-hoken': {
    recordedBy: 'kenkou-manager',
    protections: [
      { hazard: 'EARTHQUAKE', measure: SERVER_ROOM },
      { hazard: 'THEFT', measure: '端末のワイヤーロックとサーバ室の施錠。' },
    ],
    failureMeasures: '保守業者によるオンサイト保守。',
    procedure: ['保健福祉システム復旧手順書', 24],
  },
};

export function demoResilience(now: string): SeedBatch[] {
  return Object.entries(MEASURES).map(([id, m]) => {
    const before = seededSystem(id, now);
    const resilience: Resilience = {
      protections: m.protections,
      failureMeasures: m.failureMeasures,
      recoveryProcedure: { title: m.procedure[0], location: '共有フォルダ/情報システム/障害対応', reviewedOn: addDays(tokyoDate(now), -90), targetHours: m.procedure[1] },
      recordedBy: m.recordedBy,
      recordedAt: now,
    };
    // Recorded by the information manager named, as the system's next version (2).
    return seeded(changeOf('System', before, advance(before, { resilience }, now), 'system.resilienceRecorded', '第18条'), now, `seed-resilience-${id}`, m.recordedBy);
  });
}
