/**
 * The authorization matrix's vocabulary (test/api/authorizationMatrix.test.ts): the seven kinds of person of the
 * demo city, the cells, and fixtures that make fresh objects of 市民課. Each area's rows live in test/api/matrix/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLInterfaceType, GraphQLObjectType, buildSchema, getNamedType } from 'graphql';
import { tokyoDate } from '../../functions/domain/people';
import { Api, gid } from './api';

/** The API the fixtures run against; the matrix test binds it before any row runs. */
export let api: Api;
export function bindApi(a: Api): void {
  api = a;
}

export const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'graphql', 'schema.graphql'), 'utf8'));
export const mutationFields = schema.getMutationType()?.getFields() ?? {};

/** The seven kinds of person, as the demo city seeds them (functions/local/seed.ts); the table's columns, in order. */
export const ACTORS = [
  'fuku-shichou', //    総括管理責任者 GENERAL_MANAGER
  'soumu-director', //  情報システム管理者 SYSTEM_ADMINISTRATOR
  'shimin-manager', //  情報管理責任者 of 市民課: inside
  'kenkou-manager', //  情報管理責任者 of 健康推進課: outside
  'soumu-manager', //   情報管理責任者 of 総務課 + ホームページ運用管理者
  'digital-manager', // 情報管理責任者 of デジタル推進課 + ホームページシステム管理者
  'shimin-staff', //    職員等 STAFF of 市民課
] as const;
export type Actor = (typeof ACTORS)[number];

/** `allowed`, or `CODE 第N条…`: the refusal's userError code and the article it cites. */
export type Cell = 'allowed' | `${'FORBIDDEN' | 'WRONG_DEPARTMENT' | 'SELF_DECISION'} 第${string}`;

export const OK = 'allowed';

// ─── Fixtures: fresh objects of 市民課, each made by the person the regulation lets make it ───────────────────────

let serial = 0;
export const unique = (prefix: string) => `${prefix}${++serial}`;

/** A date `offset` days from today, by the city's calendar. */
export const day = (offset: number) => tokyoDate(new Date(Date.now() + offset * 86_400_000).toISOString());
export const PERIOD = () => ({ from: day(-30), until: day(60) });

/** The object field of a mutation's payload (system, consultation, department, person, application, …). */
export function payloadObjectField(field: string): string {
  const payload = getNamedType(mutationFields[field].type) as GraphQLObjectType;
  const [object] = Object.keys(payload.getFields()).filter((f) => f !== 'userErrors');
  return object;
}

export type Made = { id: string; version: number };

/** Runs a mutation the fixture needs as `personId` and returns the object's id and version; fails on a refusal. */
export async function make(personId: string, field: string, input: Record<string, unknown>): Promise<Made> {
  const object = payloadObjectField(field);
  const payloadType = getNamedType(mutationFields[field].type) as GraphQLObjectType;
  const objectType = getNamedType(payloadType.getFields()[object].type) as GraphQLObjectType | GraphQLInterfaceType;
  const selection = 'version' in objectType.getFields() ? 'id version' : 'id';
  const type = mutationFields[field].args[0].type.toString();
  const data = await api.data(personId, `mutation($input: ${type}) { ${field}(input: $input) { ${object} { ${selection} } userErrors { code message } } }`, { input });
  const payload = data[field];
  if (payload.userErrors.length) throw new Error(`fixture ${field} as ${personId} refused: ${JSON.stringify(payload.userErrors)}`);
  return payload[object];
}

/** A system of 市民課 in the register (REGISTERED), registered by its information manager. */
export const shiminSystem = (extra: Record<string, unknown> = {}) =>
  make('shimin-manager', 'registerSystem', {
    name: unique('権限表システム'),
    category: 'BUSINESS',
    network: 'INTERNAL',
    purposes: ['EFFICIENCY'],
    owningDepartmentId: gid('Department', 'shimin'),
    ...extra,
  });

/** A 様式第1号 consultation of 市民課's information manager on a fresh system: a draft, or submitted. */
export async function shiminConsultation(submit: boolean): Promise<Made> {
  const system = await shiminSystem();
  return make('shimin-manager', 'draftConsultation', { systemId: system.id, action: 'DECIDE', title: unique('権限表の協議'), details: '権限の確認。', submit });
}

/** A decided 業務系 system of 市民課 used solely for education or research (第8条ただし書). */
export async function decidedExemptSystem(): Promise<Made> {
  const system = await shiminSystem({ educationOrResearchOnly: true });
  const c = await make('shimin-manager', 'draftConsultation', { systemId: system.id, action: 'DECIDE', title: unique('研修用の決定'), details: '職員研修専用。', submit: true });
  await make('soumu-director', 'decideConsultation', { consultationId: c.id, expectedVersion: c.version, outcome: 'APPROVED' });
  return { id: system.id, version: system.version + 1 };
}

/** A person of 市民課, registered by the system administrator. */
export const shiminPerson = async () => (await make('soumu-director', 'createPerson', { personId: unique('matrix-person-'), name: '権限 太郎', departmentId: gid('Department', 'shimin') })).id;

/** A dataset of a fresh system of 市民課 (第13条), registered by its information manager. */
export async function shiminDataset(): Promise<Made> {
  const system = await shiminSystem();
  return make('shimin-manager', 'registerDataset', { systemId: system.id, name: unique('住民データ'), containsPersonalInformation: false });
}

/** 様式第6号: 健康推進課's information manager applies to use a dataset of 市民課. */
export async function dataUseOfShiminData(submit: boolean): Promise<Made> {
  const dataset = await shiminDataset();
  return make('kenkou-manager', 'applyForDataUse', {
    datasetId: dataset.id,
    requestingDepartmentId: gid('Department', 'kenkou'),
    purpose: '健診の案内',
    items: ['氏名', '住所'],
    legalBases: [{ kind: 'INTERNAL_USE' }],
    period: PERIOD(),
    submit,
  });
}

export const CLAUSES = ['CONFIDENTIALITY', 'NO_OTHER_PURPOSE_OR_THIRD_PARTY', 'NO_COPYING', 'RETURN_OR_DISPOSAL', 'INSPECTION', 'INCIDENT_REPORTING', 'DAMAGES'];

/** 様式第8号: 市民課's information manager consults on providing its data outside; taken as far as `stage`. */
export async function provisionOfShiminData(stage: 'submitted' | 'approved' | 'concluded'): Promise<Made> {
  const dataset = await shiminDataset();
  const p = await make('shimin-manager', 'consultExternalProvision', {
    datasetIds: [dataset.id],
    recipient: unique('宮城県統計課'),
    recipientAbroad: false,
    includesPersonalInformation: false,
    purpose: '統計の作成',
    items: ['世帯人員'],
    method: '集計表の電子ファイルの送付',
    legalBases: [{ kind: 'OTHER_LAW', citation: '統計法第33条' }],
    period: PERIOD(),
    submit: true,
  });
  if (stage === 'submitted') return p;
  let { version } = await make('fuku-shichou', 'decideApplication', { applicationId: p.id, expectedVersion: p.version, outcome: 'APPROVED' });
  if (stage === 'approved') return { id: p.id, version };
  for (const [i, clause] of CLAUSES.entries()) {
    ({ version } = await make('shimin-manager', 'recordAgreementClause', { provisionId: p.id, expectedVersion: version, clause, reference: `第${i + 1}条` }));
  }
  ({ version } = await make('shimin-manager', 'concludeAgreement', { provisionId: p.id, expectedVersion: version, concludedOn: day(-1), documentReference: '協定書第1号' }));
  return { id: p.id, version };
}

/** 第22条: an outsourcing contract for a system of 市民課, with its personal-information clause, not yet concluded. */
export async function shiminContract(): Promise<Made> {
  const system = await shiminSystem();
  return make('shimin-manager', 'recordOutsourcingContract', {
    systemId: system.id,
    contractor: unique('株式会社白石情報'),
    scope: 'MAINTENANCE',
    period: PERIOD(),
    personalInformationClause: { reference: '第12条' },
  });
}


export interface Row {
  /** The Mutation field. */
  mutation: string;
  /** What the row is about when a mutation has several (assignSystemResponsibility's three bases). */
  variant?: string;
  /** One cell per actor, in the order of ACTORS. */
  cells: [Cell, Cell, Cell, Cell, Cell, Cell, Cell];
  /** Makes the fresh objects the attempt needs and returns its input. */
  input: () => Promise<Record<string, unknown>>;
}
