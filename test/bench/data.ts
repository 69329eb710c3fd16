/**
 * Bench data: a table per size in DynamoDB Local, filled directly with the store's item builders through
 * BatchWriteItem in parallel chunks. This is data loading, not a request path: the bench may BatchWrite and Scan.
 *
 * Both sizes are a city of a realistic variety: the demo city (functions/local/seed.ts: 8 departments, 13 people)
 * and 52 more departments of 10 people each (an information manager and 9 staff), written as the seed writes its own
 * (the store's items for each transition, with its audit event): 60 departments and 533 people (`CITY`). Systems are
 * spread over the 59 departments with an information manager, who files their consultations.
 *
 * - small: the city + 100 systems, with 100 consultations (40 awaiting a decision, so the inbox page is as full as
 *   on the large table) and their audit events;
 * - large: the city + 10,000 systems across the departments, 100,000 consultations with their audit events,
 *   2,000 of them submitted and in the system administrator's inbox.
 *
 * Both get the same write fixtures, outside those counts: drafts to submit, and submitted consultations to approve,
 * each of the latter on its own registered system (approval decides the system).
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { AuditEvent } from '../../functions/domain/audit';
import { alongWith } from '../../functions/domain/change';
import { Department, PersonWithRoles, RoleAssignment } from '../../functions/domain/people';
import { Consultation, ConsultationAction, formOf } from '../../functions/domain/consultations';
import { Purpose, SystemRecord, SystemStatus } from '../../functions/domain/systems';
import { ApplicationStatus } from '../../functions/domain/workflow';
import { seedOf, seeded } from '../../functions/local/demo/seedBatch';
import { DEMO_DEPARTMENTS, DEMO_PEOPLE, demoEmailOf, seedDemoCity } from '../../functions/local/seed';
import { newId } from '../../functions/resolvers/support';
import { StoreConfig } from '../../functions/store/client';
import { consultationItem } from '../../functions/store/consultations';
import { HEAD_LISTS, HEAD_SIZE, headItemOf } from '../../functions/store/heads';
import { ensureTable } from '../../functions/store/createTable';
import { Store, auditItem, documentClient } from '../../functions/store/store';
import { systemEntries, systemItem } from '../../functions/store/systems';
import { entryItem } from '../../functions/store/registerIndex';
import { Item } from '../../functions/store/table';

export const ADMINISTRATOR = 'soumu-director';

/** The city's departments beside the demo city's: sections of a 部 each, with an information manager and staff. */
const SECTIONS: [division: string, sections: string[]][] = [
  ['総務部', ['秘書広報課', '人事課', '契約管財課', '防災危機管理課', '行政経営課']],
  ['市民経済部', ['税務課', '収納課', '保険年金課', '市民生活課', '商工観光課', '農林課', '消費生活センター']],
  ['健康福祉部', ['長寿介護課', '障がい福祉課', '子育て支援課', '保育課', '生活支援課', '地域包括支援センター']],
  ['建設部', ['建設課', '都市計画課', '建築住宅課', '下水道課', '道路維持課']],
  ['上下水道事業所', ['水道総務課', '水道工務課']],
  ['教育委員会', ['教育総務課', '生涯学習課', '文化スポーツ課', '学校給食センター', '図書館', '文化財課']],
  ['議会・委員会', ['議会事務局', '選挙管理委員会事務局', '監査委員事務局', '農業委員会事務局']],
  ['会計', ['会計課']],
  ['支所', ['東支所 市民サービス課', '西支所 市民サービス課', '南支所 市民サービス課', '北支所 市民サービス課']],
  ['消防本部', ['消防総務課', '予防課', '警防課', '通信指令課']],
  ['病院', ['医事課', '病院総務課', '地域医療連携室', '看護部', '薬剤部', '臨床検査科', '放射線科', '栄養管理科']],
];
const GENERATED_DEPARTMENTS = SECTIONS.flatMap(([division, sections]) => sections.map((name) => ({ division, name })));
/** People in each generated department: its information manager, then staff. */
const PEOPLE_PER_DEPARTMENT = 10;
const FAMILY_NAMES = ['佐々木', '山口', '松本', '井上', '木村', '林', '清水', '山崎', '森', '池田', '橋本', '阿部', '石川', '山下', '中島'];
const GIVEN_NAMES = ['翔', '陽菜', '蓮', '結衣', '大翔', '葵', '悠真', '凛', '湊', '美咲', '拓海', '花', '健太', '愛', '直人', '彩'];

const generatedDepartmentId = (d: number) => `bench-dept-${String(d).padStart(2, '0')}`;
const generatedPersonId = (d: number, n: number) => `${generatedDepartmentId(d)}-${n === 0 ? 'manager' : `staff${n}`}`;

/** Departments and people of the bench's city, beyond the demo's: what loadDataSet writes and the Data section says. */
export const CITY = {
  departments: DEMO_DEPARTMENTS.length + GENERATED_DEPARTMENTS.length,
  people: DEMO_PEOPLE.length + GENERATED_DEPARTMENTS.length * PEOPLE_PER_DEPARTMENT,
};

/** The departments with an information manager, and that manager (who files consultations): the demo city's, then the generated ones. */
export const MANAGERS: Record<string, string> = Object.fromEntries([
  ...DEMO_PEOPLE.filter(([, , , , roles]) => roles.some(([role]) => role === 'INFORMATION_MANAGER')).map(([id, , , dept]) => [dept, id]),
  ...GENERATED_DEPARTMENTS.map((_, d) => [generatedDepartmentId(d), generatedPersonId(d, 0)]),
]);
const DEPARTMENTS = Object.keys(MANAGERS);

/**
 * The generated departments and their people as the seed writes the demo city's (functions/local/seed.ts): each a
 * transition of the seed (`seedOf`), turned into the store's items (`changesOf`: the department; the person with the
 * copy of their role assignments, and each assignment as an item of its own) and its audit event.
 */
function* cityItems(now: string): Generator<[string, Item]> {
  let event = 0;
  const batchItems = function* (t: Parameters<typeof seeded>[0]): Generator<[string, Item]> {
    const batch = seeded(t, now, `benchseed${String(event++).padStart(5, '0')}`);
    for (const c of batch.changes) {
      if ('remove' in c) throw new Error('bench data: a seed removes nothing');
      yield [String(c.item.entity ?? 'other').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), c.item];
    }
    for (const e of batch.events) yield ['audit event', auditItem(e)];
  };
  for (const [d, { division, name }] of GENERATED_DEPARTMENTS.entries()) {
    const department: Department = { id: generatedDepartmentId(d), name, division, version: 1, createdAt: now, updatedAt: now };
    yield* batchItems(seedOf('Department', department));
  }
  for (const [d, { name: departmentName }] of GENERATED_DEPARTMENTS.entries()) {
    const departmentId = generatedDepartmentId(d);
    for (let n = 0; n < PEOPLE_PER_DEPARTMENT; n++) {
      const id = generatedPersonId(d, n);
      const k = d * PEOPLE_PER_DEPARTMENT + n;
      const roleAssignments: RoleAssignment[] = [
        { id: `${id}-0`, personId: id, role: n === 0 ? 'INFORMATION_MANAGER' : 'STAFF', departmentId, validFrom: '2023-04-01', version: 1, createdAt: now },
      ];
      const person: PersonWithRoles = {
        id,
        name: `${FAMILY_NAMES[k % FAMILY_NAMES.length]} ${GIVEN_NAMES[Math.floor(k / FAMILY_NAMES.length) % GIVEN_NAMES.length]}`,
        title: n === 0 ? `${departmentName}長` : `${departmentName} 主事`,
        departmentId,
        email: demoEmailOf(id),
        version: 1,
        createdAt: now,
        updatedAt: now,
        roleAssignments,
      };
      yield* batchItems(alongWith(seedOf('Person', person), { parts: roleAssignments.map((a) => ({ part: 'RoleAssignment' as const, value: a })) }));
    }
  }
}

export interface SizeSpec {
  label: 'small' | 'large';
  systems: number;
  consultations: number;
  /** Of the consultations, how many are submitted (in the inbox). */
  submitted: number;
}

export const SMALL: SizeSpec = { label: 'small', systems: 100, consultations: 100, submitted: 40 };
export const LARGE: SizeSpec = { label: 'large', systems: 10_000, consultations: 100_000, submitted: 2_000 };

export interface Fixtures {
  /** Registered systems made for the fixtures: one per department for the drafts, one per consultation to approve. */
  systems: number;
  /** Drafts (様式第1号) ready to submit, by their applicant. */
  drafts: { id: string; applicantId: string }[];
  /** Submitted consultations on systems of their own, ready to approve. */
  submitted: { id: string; applicantId: string }[];
  /** A decided consultation with its audit trail (drafted, submitted, approved), for node(id). */
  readConsultationId: string;
}

/** Each write round takes a fresh fixture, for the handler and for the floor alike. */
export function fixturesPerSide(rounds: { writes: number; warmup: number }): number {
  return rounds.warmup + rounds.writes;
}

export interface DataSet {
  spec: SizeSpec;
  tableName: string;
  /** Items written, by kind. */
  items: Record<string, number>;
  loadSeconds: number;
  fixtures: Fixtures;
}

/** A deterministic pseudo-random sequence (mulberry32), so every run generates the same city. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, weighted: [T, number][]): T {
  let r = rnd() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted[weighted.length - 1][0];
}

const PURPOSES: Purpose[] = ['CITIZEN_WELFARE', 'LABOUR_REDUCTION', 'COST_SAVING', 'EFFICIENCY', 'ADMINISTRATIVE_STANDARDS'];
const iso = (ms: number) => new Date(ms).toISOString();

/** What the systems are named for, so a search by name finds some and not all (住民: one in twenty). */
const NAME_STEMS = ['住民記録', '税務', '介護保険', '国民健康保険', '図書館', '水道料金', '学校給食', '財務会計', '文書管理', '選挙', '戸籍', '児童手当', '道路台帳', '施設予約', '電子申請', '人事給与', '固定資産', '農地', 'ごみ収集', '防災'];

function systemRecord(id: string, dept: string, n: number, status: SystemStatus, at: string, rnd: () => number): SystemRecord {
  const business = rnd() < 0.6;
  return {
    id,
    name: `${NAME_STEMS[n % NAME_STEMS.length]}${business ? '業務' : '情報'}システム${n}`,
    description: `ベンチマーク用のシステム ${n}。`,
    category: business ? 'BUSINESS' : 'INFORMATION',
    network: rnd() < 0.3 ? 'EXTERNAL' : 'INTERNAL',
    purposes: [PURPOSES[n % PURPOSES.length], PURPOSES[(n + 2) % PURPOSES.length]],
    status,
    owningDepartmentId: dept,
    processingDepartmentIds: business ? [dept] : [],
    documents: [{ kind: 'OPERATIONS_MANUAL', title: `システム${n} 運用マニュアル`, location: '共有フォルダ/情報システム/運用' }],
    educationOrResearchOnly: false,
    connectedSystemIds: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...(status !== 'REGISTERED' ? { decidedAt: at } : {}),
    ...(status === 'INSTALLED' || status === 'ABOLISHED' ? { installedAt: at } : {}),
    ...(status === 'ABOLISHED' ? { abolishedAt: at } : {}),
  };
}

function registered(s: SystemRecord): AuditEvent {
  const managerId = MANAGERS[s.owningDepartmentId];
  return { id: newId(s.createdAt), objectType: 'System', objectId: s.id, action: 'system.registered', actorId: managerId, at: s.createdAt, article: '第7条', before: {}, after: { ...s } };
}

/** A consultation that went as far as `status`, with the audit event of every step. */
function consultationWithTrail(
  system: SystemRecord,
  action: ConsultationAction,
  status: ApplicationStatus,
  startMs: number,
  n: number,
): { consultation: Consultation; events: AuditEvent[] } {
  const applicantId = MANAGERS[system.owningDepartmentId];
  const t = (step: number) => iso(startMs + step * 3_600_000);
  const drafted: Consultation = {
    id: newId(t(0)),
    form: formOf(action),
    action,
    systemId: system.id,
    title: `${system.name}の協議 ${n}`,
    details: '事務の効率化のため、システムの導入について協議します。運用体制、経費及び日程は別紙のとおり。',
    plannedOn: t(24 * 30).slice(0, 10),
    applicantId,
    applicantDepartmentId: system.owningDepartmentId,
    status: 'DRAFT',
    version: 1,
    createdAt: t(0),
    updatedAt: t(0),
  };
  const article = action === 'DECIDE' ? '第7条' : '第8条';
  const event = (step: number, what: string, actorId: string, before: object, after: object): AuditEvent => ({
    id: newId(t(step)),
    objectType: 'Consultation',
    objectId: drafted.id,
    action: `consultation.${what}`,
    actorId,
    at: t(step),
    article,
    before: before as Record<string, unknown>,
    after: after as Record<string, unknown>,
  });
  const events: AuditEvent[] = [event(0, 'drafted', applicantId, {}, { ...drafted })];
  if (status === 'DRAFT') return { consultation: drafted, events };
  if (status === 'WITHDRAWN') {
    const c: Consultation = { ...drafted, status, withdrawnAt: t(2), version: 2, updatedAt: t(2) };
    events.push(event(2, 'withdrawn', applicantId, { status: 'DRAFT' }, { status, withdrawnAt: c.withdrawnAt }));
    return { consultation: c, events };
  }
  const submitted: Consultation = { ...drafted, status: 'SUBMITTED', submittedAt: t(1), version: 2, updatedAt: t(1) };
  events.push(event(1, 'submitted', applicantId, { status: 'DRAFT' }, { status: 'SUBMITTED', submittedAt: t(1) }));
  if (status === 'SUBMITTED') return { consultation: submitted, events };
  const decision = {
    outcome: status as 'APPROVED' | 'REJECTED' | 'RETURNED',
    decidedBy: ADMINISTRATOR,
    decidedAt: t(26),
    conditions: [],
    ...(status === 'APPROVED' ? {} : { reason: '経費の積算根拠を示してください。' }),
  };
  const decided: Consultation = { ...submitted, status, decision, version: 3, updatedAt: t(26) };
  events.push(event(26, status.toLowerCase(), ADMINISTRATOR, { status: 'SUBMITTED' }, { status, decision }));
  return { consultation: decided, events };
}

/** The items of one size, generated lazily (the large size is ~400,000 items), and the fixtures. */
function generate(spec: SizeSpec, nowMs: number, fixtureCount: number): { items: Iterable<[string, Item]>; fixtures: Fixtures } {
  const rnd = random(spec.label === 'small' ? 1 : 2);
  const historyStart = nowMs - 5 * 365 * 86_400_000;
  const systemStep = (4 * 365 * 86_400_000) / spec.systems;
  const systems: SystemRecord[] = [];
  for (let i = 0; i < spec.systems; i++) {
    const at = iso(historyStart + i * systemStep);
    const status = pick<SystemStatus>(rnd, [['INSTALLED', 60], ['DECIDED', 20], ['REGISTERED', 15], ['ABOLISHED', 5]]);
    systems.push(systemRecord(newId(at), DEPARTMENTS[i % DEPARTMENTS.length], i, status, at, rnd));
  }

  // Consultations over the last four years in order of filing; the submitted ones are the oldest still open.
  const consultationStart = historyStart + 365 * 86_400_000;
  const consultationStep = (4 * 365 * 86_400_000 - 40 * 86_400_000) / spec.consultations;
  const submittedEvery = Math.floor(spec.consultations / spec.submitted);
  let readConsultationId = '';

  // Fixtures: registered systems filed on now (they sort after the history), drafts to submit and submitted
  // consultations to approve, each of the latter on its own system.
  const fixtureAt = iso(nowMs - 3_600_000);
  const draftSystems = DEPARTMENTS.map((dept, i) => systemRecord(newId(fixtureAt), dept, 900_000 + i, 'REGISTERED', fixtureAt, rnd));
  const decideSystems = Array.from({ length: fixtureCount }, (_, i) =>
    systemRecord(newId(fixtureAt), DEPARTMENTS[i % DEPARTMENTS.length], 910_000 + i, 'REGISTERED', fixtureAt, rnd),
  );
  const drafts = Array.from({ length: fixtureCount }, (_, i) =>
    consultationWithTrail(draftSystems[i % draftSystems.length], 'DECIDE', 'DRAFT', nowMs - 7_200_000 + i, 800_000 + i),
  );
  const toApprove = decideSystems.map((s, i) => consultationWithTrail(s, 'DECIDE', 'SUBMITTED', nowMs - 7_200_000 + i, 900_000 + i));
  const fixtures: Fixtures = {
    systems: draftSystems.length + decideSystems.length,
    drafts: drafts.map(({ consultation: c }) => ({ id: c.id, applicantId: c.applicantId })),
    submitted: toApprove.map(({ consultation: c }) => ({ id: c.id, applicantId: c.applicantId })),
    readConsultationId: '',
  };

  /** The newest consultations of each system, for its head. */
  const consultationsOf = new Map<string, string[]>();
  const listed = (c: Consultation) => consultationsOf.set(c.systemId, [...(consultationsOf.get(c.systemId) ?? []), c.id].sort().slice(-HEAD_SIZE - 1));
  function* items(): Generator<[string, Item]> {
    yield* cityItems(iso(historyStart));
    for (const s of [...systems, ...draftSystems, ...decideSystems]) {
      yield ['system', systemItem(s)];
      for (const e of systemEntries(s)) yield ['index entry', entryItem('System', s.id, e)];
      yield ['audit event', auditItem(registered(s))];
    }
    for (let i = 0; i < spec.consultations; i++) {
      const system = systems[Math.floor(rnd() * systems.length)];
      const open = i % submittedEvery === 0 && i / submittedEvery < spec.submitted;
      const status: ApplicationStatus = open
        ? 'SUBMITTED'
        : pick<ApplicationStatus>(rnd, [['APPROVED', 70], ['REJECTED', 8], ['RETURNED', 5], ['WITHDRAWN', 5], ['DRAFT', 5]]);
      const action = pick<ConsultationAction>(rnd, [['DECIDE', 30], ['INSTALL', 30], ['CHANGE', 30], ['ABOLISH', 10]]);
      const { consultation, events } = consultationWithTrail(system, action, status, consultationStart + i * consultationStep, i);
      if (!readConsultationId && status === 'APPROVED' && i >= spec.consultations / 2) readConsultationId = consultation.id;
      yield ['consultation', consultationItem(consultation)];
      for (const e of events) yield ['audit event', auditItem(e)];
      listed(consultation);
    }
    for (const { consultation, events } of [...drafts, ...toApprove]) {
      yield ['consultation (fixture)', consultationItem(consultation)];
      for (const e of events) yield ['audit event', auditItem(e)];
      listed(consultation);
    }
    // Each system's heads (functions/store/heads.ts), as the write path leaves them: its consultations, no dataset or contract.
    for (const s of [...systems, ...draftSystems, ...decideSystems]) {
      for (const { kind } of HEAD_LISTS) yield ['list head', headItemOf(kind, `SYSTEM#${s.id}`, kind === 'Consultation' ? consultationsOf.get(s.id) ?? [] : [])];
    }
    fixtures.readConsultationId = readConsultationId;
  }
  return { items: items(), fixtures };
}

/** BatchWriteItem, 25 items a call, `concurrency` calls in flight, unprocessed items retried. */
async function writeAll(config: StoreConfig, items: Iterable<[string, Item]>, concurrency: number, counts: Record<string, number>): Promise<void> {
  const doc = documentClient(config);
  const source = items[Symbol.iterator]();
  let done = false;
  const worker = async () => {
    while (!done) {
      const batch: Item[] = [];
      while (batch.length < 25) {
        const next = source.next();
        if (next.done) {
          done = true;
          break;
        }
        const [kind, item] = next.value;
        counts[kind] = (counts[kind] ?? 0) + 1;
        batch.push(item);
      }
      let request: Record<string, { PutRequest: { Item: Item } }[]> | undefined = batch.length
        ? { [config.tableName]: batch.map((Item) => ({ PutRequest: { Item } })) }
        : undefined;
      for (let attempt = 0; request && Object.keys(request).length; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 10 * 2 ** attempt)));
        const out = await doc.send(new BatchWriteCommand({ RequestItems: request }));
        request = out.UnprocessedItems as typeof request;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Creates the table, seeds the demo city and writes the generated items. */
export async function loadDataSet(
  endpoint: string,
  spec: SizeSpec,
  options: { fixtures: number; concurrency?: number; onProgress?: (s: string) => void },
): Promise<DataSet> {
  const started = process.hrtime.bigint();
  const config: StoreConfig = { tableName: `bench-${spec.label}`, endpoint, region: 'ap-northeast-1' };
  await ensureTable(config, { stream: false });
  await seedDemoCity(new Store(config));
  const counts: Record<string, number> = {};
  const { items, fixtures } = generate(spec, Date.now(), options.fixtures);
  let total = 0;
  const progress = setInterval(() => {
    const now = Object.values(counts).reduce((a, b) => a + b, 0);
    options.onProgress?.(`${spec.label}: ${now.toLocaleString('en')} items (${now - total}/s)`);
    total = now;
  }, 1_000);
  try {
    await writeAll(config, items, options.concurrency ?? 12, counts);
  } finally {
    clearInterval(progress);
  }
  if (!fixtures.readConsultationId) throw new Error('bench data: no approved consultation to read');
  return { spec, tableName: config.tableName, items: counts, loadSeconds: Number(process.hrtime.bigint() - started) / 1e9, fixtures };
}
