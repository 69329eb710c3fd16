/**
 * Who may do what: every mutation of graphql/schema.graphql × every kind of person of the demo city, acting on an
 * object of 市民課 (inside for 市民課's manager and staff, outside for everyone else). Each cell of the table states
 * what the regulation allows: `allowed`, or refused with its code and the article it cites. Every cell runs on
 * fresh objects made just before the attempt; a refused cell proves nothing was written, an allowed one that its
 * change was recorded with its audit event. A mutation added to the schema without a row here fails this file.
 */
import { gid, setupApi, writesNothing } from '../support/api';
import {
  ACTORS, CLAUSES, OK, Row, api, bindApi, day, dataUseOfShiminData, decidedExemptSystem, make, mutationFields, payloadObjectField,
  PERIOD, provisionOfShiminData, shiminConsultation, shiminContract, shiminDataset, shiminPerson, shiminSystem, unique,
} from '../support/matrix';
import { rows as homepageRows } from './matrix/homepage';
import { rows as emailRows } from './matrix/email';
import { rows as operatorRows } from './matrix/operators';
import { rows as operatingHoursRows } from './matrix/operatingHours';
import { rows as serverRoomRows } from './matrix/serverRoom';
import { rows as equipmentRows } from './matrix/equipment';
import { rows as receivedMailRows } from './matrix/receivedMail';
import { rows as passwordRows } from './matrix/passwords';
import { rows as prohibitedActRows } from './matrix/prohibitedActs';
import { rows as virusIncidentRows } from './matrix/virusIncidents';
import { rows as resilienceRows } from './matrix/resilience';
import { rows as measureRows } from './matrix/measures';
import { rows as oversightRows } from './matrix/oversight';
import { rows as committeeRows } from './matrix/committee';
import { rows as reminderRows } from './matrix/reminders';
import { rows as commentRows } from './matrix/comments';
import { rows as attachmentRows } from './matrix/attachments';
import { rows as supplementaryRuleRows } from './matrix/supplementaryRules';
import { rows as homepageSystemRows } from './matrix/homepageSystem';
import { rows as securityGuidelineRows } from './matrix/securityGuideline';

beforeAll(async () => {
  bindApi(await setupApi());
});

// ─── The table ──────────────────────────────────────────────────────────────────────────────────────────────────


// Refusal codes follow one principle (functions/domain/people.ts, assertInformationManagerOf): an information manager
// of another department is told it is not their department (WRONG_DEPARTMENT); anyone else, that the role is not
// theirs (FORBIDDEN). The applicant-only steps cite the article of their form, like every refusal of the regulation.
// Rows whose fixtures write most come last: every refused cell scans the whole table twice.
// prettier-ignore
const TABLE: Row[] = [
  //                                 fuku-shichou                soumu-director              shimin-manager               kenkou-manager                      soumu-manager                       digital-manager                     shimin-staff
  // 第4条 (and 第3条): the register of departments, people and roles is kept by the SA or the general manager.
  { mutation: 'createDepartment',   cells: [OK,                        OK,                        'FORBIDDEN 第4条',          'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条'],
    input: async () => ({ code: unique('matrix-dept-'), name: '権限表課', division: '市民経済部' }) },
  { mutation: 'updateDepartment',   cells: [OK,                        OK,                        'FORBIDDEN 第4条',          'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条'],
    input: async () => {
      const d = await make('soumu-director', 'createDepartment', { code: unique('matrix-rename-'), name: '旧課名' });
      return { departmentId: d.id, expectedVersion: d.version, name: '新課名' };
    } },
  { mutation: 'createPerson',       cells: [OK,                        OK,                        'FORBIDDEN 第4条',          'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条'],
    input: async () => ({ personId: unique('matrix-new-'), name: '新任 花子', departmentId: gid('Department', 'shimin') }) },
  { mutation: 'updatePerson',       cells: [OK,                        OK,                        'FORBIDDEN 第4条',          'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条'],
    input: async () => {
      const p = await make('soumu-director', 'createPerson', { personId: unique('matrix-mail-'), name: '権限 次郎', departmentId: gid('Department', 'shimin') });
      return { personId: p.id, expectedVersion: p.version, email: 'kenngen-jirou@city.shiroishi.example' };
    } },
  { mutation: 'assignRole',         cells: [OK,                        OK,                        'FORBIDDEN 第4条',          'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条'],
    input: async () => ({ personId: await shiminPerson(), role: 'STAFF', departmentId: gid('Department', 'shimin'), validFrom: '2026-04-01' }) },
  { mutation: 'endRoleAssignment',  cells: [OK,                        OK,                        'FORBIDDEN 第4条',          'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条'],
    input: async () => {
      const personId = await shiminPerson();
      const type = mutationFields.assignRole.args[0].type.toString();
      const data = await api.data('soumu-director', `mutation($input: ${type}) { assignRole(input: $input) { person { roleAssignments { assignmentId version } } userErrors { code message } } }`, {
        input: { personId, role: 'STAFF', departmentId: gid('Department', 'shimin'), validFrom: '2026-04-01' },
      });
      const [assignment] = data.assignRole.person.roleAssignments;
      return { personId, assignmentId: assignment.assignmentId, expectedVersion: assignment.version, validUntil: '2027-03-31' };
    } },
  // 職務代理: the holder of the role (here 市民課's information manager) or the system administrator (第4条) designates.
  { mutation: 'designateActingPerson', cells: ['FORBIDDEN 第4条',      OK,                        OK,                         'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条',                'FORBIDDEN 第4条'],
    input: async () => ({ personId: await shiminPerson(), role: 'INFORMATION_MANAGER', departmentId: gid('Department', 'shimin'), validFrom: day(0), validUntil: day(7), reason: '出張のため' }) },
  // 第7条: the information manager of the owning department registers a system and files 様式第1号.
  { mutation: 'registerSystem',     cells: ['FORBIDDEN 第7条',         'FORBIDDEN 第7条',         OK,                         'WRONG_DEPARTMENT 第7条',         'WRONG_DEPARTMENT 第7条',         'WRONG_DEPARTMENT 第7条',         'FORBIDDEN 第7条'],
    input: async () => ({ name: unique('登録の試み'), category: 'BUSINESS', network: 'EXTERNAL', purposes: ['CITIZEN_WELFARE'], owningDepartmentId: gid('Department', 'shimin') }) },
  // 第8条: the record is the owning department's to edit.
  { mutation: 'updateSystem',       cells: ['FORBIDDEN 第8条',         'FORBIDDEN 第8条',         OK,                         'WRONG_DEPARTMENT 第8条',         'WRONG_DEPARTMENT 第8条',         'WRONG_DEPARTMENT 第8条',         'FORBIDDEN 第8条'],
    input: async () => { const s = await shiminSystem(); return { systemId: s.id, expectedVersion: s.version, changes: { description: '概要の更新。' } }; } },
  // 第10条第1項: for a 情報系 system the system administrator designates the department.
  { mutation: 'assignSystemResponsibility', variant: 'DESIGNATED (情報系)',
                                    cells: ['FORBIDDEN 第10条第1項',   OK,                        'FORBIDDEN 第10条第1項',    'FORBIDDEN 第10条第1項',          'FORBIDDEN 第10条第1項',          'FORBIDDEN 第10条第1項',          'FORBIDDEN 第10条第1項'],
    input: async () => { const s = await shiminSystem({ category: 'INFORMATION' }); return { systemId: s.id, expectedVersion: s.version, kind: 'MAINTENANCE', basis: 'DESIGNATED', departmentId: gid('Department', 'shimin') }; } },
  // 第10条第2項: for a 業務系 system the department whose work it processes, recorded by the SA or the owning manager.
  { mutation: 'assignSystemResponsibility', variant: 'PROCESSING_DEPARTMENT (業務系)',
                                    cells: ['FORBIDDEN 第10条第2項',   OK,                        OK,                         'WRONG_DEPARTMENT 第10条第2項',   'WRONG_DEPARTMENT 第10条第2項',   'WRONG_DEPARTMENT 第10条第2項',   'FORBIDDEN 第10条第2項'],
    input: async () => { const s = await shiminSystem(); return { systemId: s.id, expectedVersion: s.version, kind: 'MAINTENANCE', basis: 'PROCESSING_DEPARTMENT', departmentId: gid('Department', 'shimin') }; } },
  // 第23条第3項: an override of cost bearing takes effect with the system administrator's consent.
  { mutation: 'assignSystemResponsibility', variant: 'AGREED_OVERRIDE (第3項)',
                                    cells: ['FORBIDDEN 第23条第3項',   OK,                        'FORBIDDEN 第23条第3項',    'FORBIDDEN 第23条第3項',          'FORBIDDEN 第23条第3項',          'FORBIDDEN 第23条第3項',          'FORBIDDEN 第23条第3項'],
    input: async () => { const s = await shiminSystem(); return { systemId: s.id, expectedVersion: s.version, kind: 'COST', basis: 'AGREED_OVERRIDE', departmentId: gid('Department', 'digital'), agreement: { agreedOn: '2026-04-01', reference: '総務第100号', digitalPromotionHeadId: gid('Person', 'digital-manager'), financeHeadId: gid('Person', 'zaisei-manager'), informationManagerId: gid('Person', 'shimin-manager') } }; } },
  // 第8条ただし書: the owning department records an exempt installation.
  { mutation: 'recordExemptSystemChange', cells: ['FORBIDDEN 第8条',   'FORBIDDEN 第8条',         OK,                         'WRONG_DEPARTMENT 第8条',         'WRONG_DEPARTMENT 第8条',         'WRONG_DEPARTMENT 第8条',         'FORBIDDEN 第8条'],
    input: async () => { const s = await decidedExemptSystem(); return { systemId: s.id, expectedVersion: s.version, action: 'INSTALL' }; } },
  // 第7条: 様式第1号 is filed by the information manager of the system's department.
  { mutation: 'draftConsultation',  cells: ['FORBIDDEN 第7条',         'FORBIDDEN 第7条',         OK,                         'WRONG_DEPARTMENT 第7条',         'WRONG_DEPARTMENT 第7条',         'WRONG_DEPARTMENT 第7条',         'FORBIDDEN 第7条'],
    input: async () => { const s = await shiminSystem(); return { systemId: s.id, action: 'DECIDE', title: '決定の協議', details: '導入したい。' }; } },
  // 第7条: the consultation is its applicant's to revise, submit and withdraw.
  { mutation: 'updateConsultation', cells: ['FORBIDDEN 第7条',         'FORBIDDEN 第7条',         OK,                         'FORBIDDEN 第7条',                'FORBIDDEN 第7条',                'FORBIDDEN 第7条',                'FORBIDDEN 第7条'],
    input: async () => { const c = await shiminConsultation(false); return { consultationId: c.id, expectedVersion: c.version, title: '件名の修正' }; } },
  { mutation: 'submitConsultation', cells: ['FORBIDDEN 第7条',         'FORBIDDEN 第7条',         OK,                         'FORBIDDEN 第7条',                'FORBIDDEN 第7条',                'FORBIDDEN 第7条',                'FORBIDDEN 第7条'],
    input: async () => { const c = await shiminConsultation(false); return { consultationId: c.id, expectedVersion: c.version }; } },
  { mutation: 'withdrawConsultation', cells: ['FORBIDDEN 第7条',       'FORBIDDEN 第7条',         OK,                         'FORBIDDEN 第7条',                'FORBIDDEN 第7条',                'FORBIDDEN 第7条',                'FORBIDDEN 第7条'],
    input: async () => { const c = await shiminConsultation(true); return { consultationId: c.id, expectedVersion: c.version }; } },
  // 第7条: only the system administrator decides (SELF_DECISION: see below, for one who is both).
  { mutation: 'decideConsultation', cells: ['FORBIDDEN 第7条',         OK,                        'FORBIDDEN 第7条',          'FORBIDDEN 第7条',                'FORBIDDEN 第7条',                'FORBIDDEN 第7条',                'FORBIDDEN 第7条'],
    input: async () => { const c = await shiminConsultation(true); return { consultationId: c.id, expectedVersion: c.version, outcome: 'APPROVED' }; } },
  // The workflow every form shares, by the role each form names.
  { mutation: 'decideApplication', variant: '様式第1号 (第7条: the system administrator)',
                                    cells: ['FORBIDDEN 第7条',         OK,                        'FORBIDDEN 第7条',          'FORBIDDEN 第7条',                'FORBIDDEN 第7条',                'FORBIDDEN 第7条',                'FORBIDDEN 第7条'],
    input: async () => { const c = await shiminConsultation(true); return { applicationId: c.id, expectedVersion: c.version, outcome: 'APPROVED' }; } },
  { mutation: 'decideApplication', variant: '様式第6号 (第14条: the manager of the department holding the data)',
                                    cells: ['FORBIDDEN 第14条',        'FORBIDDEN 第14条',        OK,                         'WRONG_DEPARTMENT 第14条',        'WRONG_DEPARTMENT 第14条',        'WRONG_DEPARTMENT 第14条',        'FORBIDDEN 第14条'],
    input: async () => { const a = await dataUseOfShiminData(true); return { applicationId: a.id, expectedVersion: a.version, outcome: 'APPROVED' }; } },
  { mutation: 'decideApplication', variant: '様式第8号 (第15条第1項: the general manager)',
                                    cells: [OK,                        'FORBIDDEN 第15条第1項',   'FORBIDDEN 第15条第1項',    'FORBIDDEN 第15条第1項',          'FORBIDDEN 第15条第1項',          'FORBIDDEN 第15条第1項',          'FORBIDDEN 第15条第1項'],
    input: async () => { const p = await provisionOfShiminData('submitted'); return { applicationId: p.id, expectedVersion: p.version, outcome: 'APPROVED' }; } },
  { mutation: 'submitApplication', variant: '様式第6号 (the applicant, 健康推進課)',
                                    cells: ['FORBIDDEN 第14条',        'FORBIDDEN 第14条',        'FORBIDDEN 第14条',         OK,                               'FORBIDDEN 第14条',               'FORBIDDEN 第14条',               'FORBIDDEN 第14条'],
    input: async () => { const a = await dataUseOfShiminData(false); return { applicationId: a.id, expectedVersion: a.version }; } },
  { mutation: 'withdrawApplication', variant: '様式第8号 (the applicant)',
                                    cells: ['FORBIDDEN 第15条第1項',   'FORBIDDEN 第15条第1項',   OK,                         'FORBIDDEN 第15条第1項',          'FORBIDDEN 第15条第1項',          'FORBIDDEN 第15条第1項',          'FORBIDDEN 第15条第1項'],
    input: async () => { const p = await provisionOfShiminData('submitted'); return { applicationId: p.id, expectedVersion: p.version }; } },
  // 第22条: the system administrator or the system's information manager records its outsourcing contracts.
  { mutation: 'recordOutsourcingContract', cells: ['FORBIDDEN 第22条', OK,                        OK,                         'WRONG_DEPARTMENT 第22条',        'WRONG_DEPARTMENT 第22条',        'WRONG_DEPARTMENT 第22条',        'FORBIDDEN 第22条'],
    input: async () => { const s = await shiminSystem(); return { systemId: s.id, contractor: '株式会社白石情報', scope: 'DEVELOPMENT', period: PERIOD(), personalInformationClause: { text: '個人情報を適正に取り扱う。' } }; } },
  { mutation: 'concludeOutsourcingContract', cells: ['FORBIDDEN 第22条', OK,                      OK,                         'WRONG_DEPARTMENT 第22条',        'WRONG_DEPARTMENT 第22条',        'WRONG_DEPARTMENT 第22条',        'FORBIDDEN 第22条'],
    input: async () => { const c = await shiminContract(); return { contractId: c.id, expectedVersion: c.version, concludedOn: day(-1) }; } },
  // 第13条: the information manager of the system's department registers its data.
  { mutation: 'registerDataset',    cells: ['FORBIDDEN 第13条',        'FORBIDDEN 第13条',        OK,                         'WRONG_DEPARTMENT 第13条',        'WRONG_DEPARTMENT 第13条',        'WRONG_DEPARTMENT 第13条',        'FORBIDDEN 第13条'],
    input: async () => { const s = await shiminSystem(); return { systemId: s.id, name: '住民データ', containsPersonalInformation: true }; } },
  // 第14条: the information manager of the department that would use 市民課's data (here 健康推進課) applies.
  { mutation: 'applyForDataUse',    cells: ['FORBIDDEN 第14条',        'FORBIDDEN 第14条',        'WRONG_DEPARTMENT 第14条',  OK,                               'WRONG_DEPARTMENT 第14条',        'WRONG_DEPARTMENT 第14条',        'FORBIDDEN 第14条'],
    input: async () => { const d = await shiminDataset(); return { datasetId: d.id, requestingDepartmentId: gid('Department', 'kenkou'), purpose: '健診の案内', items: ['氏名'], legalBasis: '健康増進法第19条の2', period: PERIOD() }; } },
  // 第15条: the information manager of the department holding the data consults, concludes the agreement and keeps the record.
  { mutation: 'consultExternalProvision', cells: ['FORBIDDEN 第15条第1項', 'FORBIDDEN 第15条第1項', OK,                    'WRONG_DEPARTMENT 第15条第1項',   'WRONG_DEPARTMENT 第15条第1項',   'WRONG_DEPARTMENT 第15条第1項',   'FORBIDDEN 第15条第1項'],
    input: async () => { const d = await shiminDataset(); return { datasetIds: [d.id], recipient: '宮城県', recipientAbroad: false, includesPersonalInformation: false, purpose: '統計の作成', items: ['世帯人員'], method: '集計表の送付', legalBasis: '統計法第33条', period: PERIOD() }; } },
  { mutation: 'recordAgreementClause', cells: ['FORBIDDEN 第15条第4項第1号', 'FORBIDDEN 第15条第4項第1号', OK,           'WRONG_DEPARTMENT 第15条第4項第1号', 'WRONG_DEPARTMENT 第15条第4項第1号', 'WRONG_DEPARTMENT 第15条第4項第1号', 'FORBIDDEN 第15条第4項第1号'],
    input: async () => { const p = await provisionOfShiminData('approved'); return { provisionId: p.id, expectedVersion: p.version, clause: 'CONFIDENTIALITY', reference: '第3条' }; } },
  { mutation: 'concludeAgreement',  cells: ['FORBIDDEN 第15条第3項',   'FORBIDDEN 第15条第3項',   OK,                         'WRONG_DEPARTMENT 第15条第3項',   'WRONG_DEPARTMENT 第15条第3項',   'WRONG_DEPARTMENT 第15条第3項',   'FORBIDDEN 第15条第3項'],
    input: async () => {
      let p = await provisionOfShiminData('approved');
      for (const [i, clause] of CLAUSES.entries()) p = { id: p.id, version: (await make('shimin-manager', 'recordAgreementClause', { provisionId: p.id, expectedVersion: p.version, clause, reference: `第${i + 1}条` })).version };
      return { provisionId: p.id, expectedVersion: p.version, concludedOn: day(-1), documentReference: '協定書第2号' };
    } },
  { mutation: 'recordReturnOrDisposal', cells: ['FORBIDDEN 第15条第4項第4号', 'FORBIDDEN 第15条第4項第4号', OK,         'WRONG_DEPARTMENT 第15条第4項第4号', 'WRONG_DEPARTMENT 第15条第4項第4号', 'WRONG_DEPARTMENT 第15条第4項第4号', 'FORBIDDEN 第15条第4項第4号'],
    input: async () => { const p = await provisionOfShiminData('concluded'); return { provisionId: p.id, expectedVersion: p.version, kind: 'DISPOSAL', on: day(0), method: '溶解処理' }; } },
  { mutation: 'recordProvisionInspection', cells: ['FORBIDDEN 第15条第4項第5号', 'FORBIDDEN 第15条第4項第5号', OK,      'WRONG_DEPARTMENT 第15条第4項第5号', 'WRONG_DEPARTMENT 第15条第4項第5号', 'WRONG_DEPARTMENT 第15条第4項第5号', 'FORBIDDEN 第15条第4項第5号'],
    input: async () => { const p = await provisionOfShiminData('concluded'); return { provisionId: p.id, expectedVersion: p.version, on: day(0), findings: '適正に保管。' }; } },
  { mutation: 'recordProvisionIncident', cells: ['FORBIDDEN 第15条第4項第6号', 'FORBIDDEN 第15条第4項第6号', OK,        'WRONG_DEPARTMENT 第15条第4項第6号', 'WRONG_DEPARTMENT 第15条第4項第6号', 'WRONG_DEPARTMENT 第15条第4項第6号', 'FORBIDDEN 第15条第4項第6号'],
    input: async () => { const p = await provisionOfShiminData('concluded'); return { provisionId: p.id, expectedVersion: p.version, occurredOn: day(-2), reportedOn: day(-1), description: '媒体の紛失。' }; } },
  // Each area's rows: test/api/matrix/.
  ...homepageRows,
  ...emailRows,
  ...operatorRows,
  ...operatingHoursRows,
  ...serverRoomRows,
  ...equipmentRows,
  ...receivedMailRows,
  ...passwordRows,
  ...prohibitedActRows,
  ...virusIncidentRows,
  ...resilienceRows,
  ...measureRows,
  ...oversightRows,
  ...committeeRows,
  ...reminderRows,
  ...commentRows,
  ...attachmentRows,
  ...supplementaryRuleRows,
  ...securityGuidelineRows,
  ...homepageSystemRows,
];

// ─── Running the cells ──────────────────────────────────────────────────────────────────────────────────────────

const rowName = (row: Row) => (row.variant ? `${row.mutation} ${row.variant}` : row.mutation);
const CASES = TABLE.flatMap((row) => ACTORS.map((actor, i) => ({ name: rowName(row), row, actor, cell: row.cells[i] })));

describe('the table covers the schema', () => {
  it('every Mutation field of graphql/schema.graphql has a row, and every row names a Mutation field', () => {
    const inSchema = Object.keys(mutationFields).sort();
    const inTable = [...new Set(TABLE.map((r) => r.mutation))].sort();
    expect(inSchema.length).toBeGreaterThan(0);
    expect(inTable).toEqual(inSchema);
  });

  it('every row has one cell per actor, and each refusal names its code and its article', () => {
    for (const row of TABLE) {
      expect(row.cells).toHaveLength(ACTORS.length);
      for (const cell of row.cells) expect(cell).toMatch(/^(allowed|(FORBIDDEN|WRONG_DEPARTMENT|SELF_DECISION) 第\d+条(第\d+項)?(第\d+号)?)$/);
    }
  });
});

describe(`authorization matrix: ${TABLE.length} rows × ${ACTORS.length} people = ${CASES.length} cells, each on fresh objects of 市民課`, () => {
  it.each(CASES)('$name as $actor: $cell', async ({ row, actor, cell }) => {
    const input = await row.input();
    const object = payloadObjectField(row.mutation);
    const type = mutationFields[row.mutation].args[0].type.toString();
    const query = `mutation($input: ${type}) { ${row.mutation}(input: $input) { ${object} { id } userErrors { code message article field } } }`;

    if (cell === OK) {
      const res = await api.gql(actor, query, { input });
      expect(res.body.errors).toBeUndefined();
      const payload = res.body.data[row.mutation];
      expect(payload.userErrors).toEqual([]);
      expect(payload[object]).toEqual({ id: expect.any(String) });
      // The change was written with its audit event, by this actor.
      const trail = await api.data('soumu-director', 'query($id: ID!) { auditTrail(objectId: $id, first: 100) { nodes { action actor { personId } } } }', {
        id: payload[object].id,
      });
      expect(trail.auditTrail.nodes.at(-1)).toMatchObject({ actor: { personId: actor } });
      return;
    }

    const [code, article] = cell.split(' ');
    const res = await writesNothing(api, () => api.gql(actor, query, { input }));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const payload = res.body.data[row.mutation];
    expect(payload[object]).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code, article, message: expect.any(String) })]);
  });
});

describe('第7条: no one decides their own application, not even the system administrator', () => {
  it('one acting as both 情報システム管理者 and 市民課の情報管理責任者 files 様式第1号 and cannot decide it (SELF_DECISION 第7条); the administrator can', async () => {
    const both = unique('matrix-both-');
    await make('fuku-shichou', 'createPerson', { personId: both, name: '兼務 次郎', departmentId: gid('Department', 'shimin') });
    // Both roles have one holder (第4条, 第5条): this person acts for each holder (職務代理).
    for (const role of [{ role: 'SYSTEM_ADMINISTRATOR' }, { role: 'INFORMATION_MANAGER', departmentId: gid('Department', 'shimin') }]) {
      await make('soumu-director', 'designateActingPerson', { personId: gid('Person', both), validFrom: day(0), validUntil: day(30), reason: '兼務', ...role });
    }
    const system = await make(both, 'registerSystem', { name: unique('兼務者のシステム'), category: 'BUSINESS', network: 'INTERNAL', purposes: ['EFFICIENCY'], owningDepartmentId: gid('Department', 'shimin') });
    const consultation = await make(both, 'draftConsultation', { systemId: system.id, action: 'DECIDE', title: '自己決裁の禁止', details: 'x', submit: true });
    const decide = `mutation($input: DecideConsultationInput!) { decideConsultation(input: $input) { consultation { id status } userErrors { code message article field } } }`;
    const input = { consultationId: consultation.id, expectedVersion: consultation.version, outcome: 'APPROVED' };

    const res = await writesNothing(api, () => api.gql(both, decide, { input }));
    expect(res.body.data.decideConsultation).toEqual({ consultation: null, userErrors: [{ code: 'SELF_DECISION', article: '第7条', message: expect.any(String), field: null }] });

    const approved = await api.data('soumu-director', decide, { input });
    expect(approved.decideConsultation).toEqual({ consultation: { id: consultation.id, status: 'APPROVED' }, userErrors: [] });
  });
});
