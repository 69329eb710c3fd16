/**
 * The demo city: the departments the regulation names, service departments, a person in every role, and systems
 * of each category at different stages. Each seeded object is a domain transition written through the store with
 * its audit event (demo/seedBatch.ts), like any other change.
 */
import { alongWith } from '../domain/change';
import { Department, PersonWithRoles, Role, RoleAssignment } from '../domain/people';
import { getDepartment } from '../store/people';
import { Dataset } from '../domain/datasets';
import { Store } from '../store/store';
import { SEED_ACTOR, SeedBatch, seedOf, seeded } from './demo/seedBatch';
import { demoHomepage } from './demo/homepage';
import { demoEmail } from './demo/email';
import { demoOperators } from './demo/operators';
import { demoOperatingHours } from './demo/operatingHours';
import { demoServerRoom } from './demo/serverRoom';
import { demoEquipment } from './demo/equipment';
import { demoReceivedMail } from './demo/receivedMail';
import { demoPasswords } from './demo/passwords';
import { demoProhibitedActs } from './demo/prohibitedActs';
import { demoVirusIncidents } from './demo/virusIncidents';
import { demoResilience } from './demo/resilience';
import { demoHomepageSystem } from './demo/homepageSystem';
import { DEMO_SYSTEMS, demoSystemRecord } from './demo/systems';
import { demoOversight } from './demo/oversight';
import { demoCommittee } from './demo/committee';

const FROM = '2023-04-01';

export const DEMO_DEPARTMENTS: [id: string, name: string, division: string][] = [
  ['tokubetsu', '市長・副市長(特別職)', '特別職'],
  ['soumu', '総務課', '総務部'],
  ['digital', 'デジタル推進課', '総務部'],
  ['zaisei', '財政課', '総務部'],
  ['shimin', '市民課', '市民経済部'],
  ['kenkou', '健康推進課', '健康福祉部'],
  ['fukushi', '社会福祉課', '健康福祉部'],
  ['kyouiku', '学校教育課', '教育委員会'],
];

/** [personId, name, title, department, roles (role, department acted for)] */
export const DEMO_PEOPLE: [string, string, string, string, [Role, string?][]][] = [
  ['fuku-shichou', '白石 一郎', '副市長', 'tokubetsu', [['GENERAL_MANAGER']]],
  ['soumu-director', '佐藤 健一', '総務部長', 'soumu', [['SYSTEM_ADMINISTRATOR']]],
  ['soumu-manager', '鈴木 花子', '総務課長', 'soumu', [['INFORMATION_MANAGER', 'soumu'], ['HOMEPAGE_OPERATIONS_MANAGER']]],
  ['digital-manager', '高橋 誠', 'デジタル推進課長', 'digital', [['INFORMATION_MANAGER', 'digital'], ['HOMEPAGE_SYSTEM_MANAGER']]],
  ['zaisei-manager', '田中 美咲', '財政課長', 'zaisei', [['INFORMATION_MANAGER', 'zaisei'], ['FINANCE_HEAD']]],
  ['shimin-manager', '伊藤 大輔', '市民課長', 'shimin', [['INFORMATION_MANAGER', 'shimin']]],
  ['kenkou-manager', '渡辺 由美', '健康推進課長', 'kenkou', [['INFORMATION_MANAGER', 'kenkou']]],
  ['fukushi-manager', '山本 浩二', '社会福祉課長', 'fukushi', [['INFORMATION_MANAGER', 'fukushi']]],
  ['kyouiku-manager', '中村 直樹', '学校教育課長', 'kyouiku', [['INFORMATION_MANAGER', 'kyouiku']]],
  ['soumu-assistant', '阿部 恵', '総務課長補佐', 'soumu', [['STAFF', 'soumu']]],
  ['shimin-staff', '小林 さくら', '市民課 主事', 'shimin', [['STAFF', 'shimin']]],
  ['kenkou-staff', '加藤 翔太', '健康推進課 保健師', 'kenkou', [['STAFF', 'kenkou']]],
  ['digital-contractor', '吉田 拓也', 'デジタル推進課 委託職員', 'digital', [['STAFF', 'digital']]],
];

export const DEMO_DATASETS: Dataset[] = [
  ['demo-ds-juumin', 'demo-juumin', 'shimin', '住民基本台帳データ', '住民の氏名・住所・生年月日・世帯。', true],
  ['demo-ds-inkan', 'demo-juumin', 'shimin', '印鑑登録データ', '印鑑登録の有無と登録番号。', true],
  ['demo-ds-kenshin', 'demo-hoken', 'kenkou', '健診結果データ', '特定健診・がん検診の受診記録と結果。', true],
  ['demo-ds-yobou', 'demo-hoken', 'kenkou', '予防接種記録', '定期予防接種の接種日と種類。', true],
  ['demo-ds-shisetsu', 'demo-homepage', 'digital', '公共施設一覧', '公共施設の名称・所在地・開館時間(オープンデータ)。', false],
].map(([id, systemId, departmentId, name, description, pi]) => ({
  id: id as string,
  systemId: systemId as string,
  departmentId: departmentId as string,
  name: name as string,
  description: description as string,
  containsPersonalInformation: pi as boolean,
  version: 1,
  createdAt: '',
  updatedAt: '',
}));

/** A demo person's mail address: `<person id>@city.shiroishi.example` (a domain reserved for examples). */
export const demoEmailOf = (personId: string) => `${personId}@city.shiroishi.example`;

/** Seeds the demo city unless it is there already. Returns whether it seeded. */
export async function seedDemoCity(store: Store, now = new Date().toISOString()): Promise<boolean> {
  if (await getDepartment(store, 'soumu')) return false;
  const batches: SeedBatch[] = [];
  let i = 0;
  // The first objects' events are numbered in the order they are seeded.
  const nextId = () => `seed${String(i++).padStart(4, '0')}`;
  for (const [id, name, division] of DEMO_DEPARTMENTS) {
    const d: Department = { id, name, division, version: 1, createdAt: now, updatedAt: now };
    batches.push(seeded(seedOf('Department', d), now, nextId()));
  }
  for (const [id, name, title, departmentId, roles] of DEMO_PEOPLE) {
    const assignments: RoleAssignment[] = roles.map(([role, dept], n) => ({
      id: `${id}-${n}`,
      personId: id,
      role,
      departmentId: dept,
      validFrom: FROM,
      version: 1,
      createdAt: now,
    }));
    // The person's item carries a copy of their assignments; each assignment is also an item of its own. Their
    // notices are mailed to a demo address (`npm start` catches every mail locally).
    const p: PersonWithRoles = { id, name, title, departmentId, email: demoEmailOf(id), version: 1, createdAt: now, updatedAt: now, roleAssignments: assignments };
    const t = alongWith(seedOf('Person', p), { parts: assignments.map((a) => ({ part: 'RoleAssignment' as const, value: a })) });
    batches.push(seeded(t, now, nextId()));
  }
  for (const s of DEMO_SYSTEMS) batches.push(seeded(seedOf('System', demoSystemRecord(s, SEED_ACTOR, now)), now, nextId()));
  for (const d of DEMO_DATASETS) batches.push(seeded(seedOf('Dataset', { ...d, createdAt: now, updatedAt: now }), now, nextId()));
  batches.push(...demoOperatingHours(now), ...demoOperators(now), ...demoServerRoom(now), ...demoHomepage(now), ...demoEmail(now));
  batches.push(...demoPasswords(now), ...demoProhibitedActs(now), ...demoVirusIncidents(now), ...demoResilience(now), ...demoOversight(now), ...demoCommittee(now));
  batches.push(...demoEquipment(now), ...demoReceivedMail(now));
  batches.push(...demoHomepageSystem(now));
  // The register of departments goes first: the departments exist before anyone or anything belongs to them.
  for (const b of batches) await store.commit(b.changes, b.events);
  return true;
}
