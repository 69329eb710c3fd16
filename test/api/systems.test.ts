/**
 * The register of administrative systems through the real Lambda handler and DynamoDB Local: registration (第7条),
 * editing (第8条), development/maintenance and cost bearing (第10条, 第23条), the education/research exemption
 * (第8条ただし書) and operating hours (第11条). A refused mutation is a userError citing its article, and writes nothing.
 */
import { tokyoDate } from '../../functions/domain/people';
import { Api, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const RESPONSIBILITY = `basis article department { code } assignedBy { personId }
  override { agreedOn reference parties { role label person { personId name } } consentedBy { personId } consentedAt }`;
const SYSTEM = `id name description status version category network purposes educationOrResearchOnly
  viewerCanEdit viewerCanFileConsultation decidedAt installedAt abolishedAt
  owningDepartment { code } processingDepartments { code }
  operatingHours { policy article }
  maintenance { ${RESPONSIBILITY} } costBearing { ${RESPONSIBILITY} }
  documents { kind title location }`;
const ERRORS = 'userErrors { code message article field }';

const REGISTER = `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { ${SYSTEM} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateSystemInput!) { updateSystem(input: $input) { system { ${SYSTEM} } ${ERRORS} } }`;
const ASSIGN = `mutation($input: AssignSystemResponsibilityInput!) { assignSystemResponsibility(input: $input) { system { ${SYSTEM} } ${ERRORS} } }`;
const EXEMPT = `mutation($input: RecordExemptSystemChangeInput!) { recordExemptSystemChange(input: $input) { system { ${SYSTEM} } ${ERRORS} } }`;
const END_ROLE = `mutation($input: EndRoleAssignmentInput!) {
  endRoleAssignment(input: $input) { person { personId roleAssignments { assignmentId role active validUntil version } currentRoles { role } } ${ERRORS} }
}`;
const SYSTEM_QUERY = `query($id: ID!) { node(id: $id) { ... on System { ${SYSTEM} } } }`;
const TRAIL = `query($id: ID!) { node(id: $id) { ... on System { auditTrail(first: 100) { nodes { action article note actor { personId } before after } } } } }`;

async function system(key: string, viewer = 'soumu-director') {
  return (await api.data(viewer, SYSTEM_QUERY, { id: gid('System', key) })).node;
}

/** The audit trail of a system, by its key (`demo-juumin`) or its global id. */
async function trail(keyOrId: string) {
  const id = keyOrId.startsWith('demo-') ? gid('System', keyOrId) : keyOrId;
  return (await api.data('soumu-director', TRAIL, { id })).node.auditTrail.nodes;
}

/** The three heads of 第10条第3項 as the demo city has them: デジタル推進課長, 財政課長, and the manager concerned. */
const heads = (informationManager: string) => ({
  digitalPromotionHeadId: gid('Person', 'digital-manager'),
  financeHeadId: gid('Person', 'zaisei-manager'),
  informationManagerId: gid('Person', informationManager),
});

const newBusiness = (extra: Record<string, unknown> = {}) => ({
  name: 'コンビニ交付システム',
  category: 'BUSINESS',
  network: 'EXTERNAL',
  purposes: ['CITIZEN_WELFARE', 'EFFICIENCY'],
  owningDepartmentId: gid('Department', 'shimin'),
  ...extra,
});

describe('第7条: registering a system (before its 様式第1号 decision)', () => {
  it('the information manager of the owning department registers a 業務系 system; 第10条第2項・第23条第2項 give it to that department', async () => {
    const s = await ok(api, 'shimin-manager', REGISTER, { ...newBusiness(), description: '住民票等をコンビニで交付する。' });
    expect(s).toMatchObject({
      name: 'コンビニ交付システム',
      status: 'REGISTERED',
      version: 1,
      category: 'BUSINESS',
      owningDepartment: { code: 'shimin' },
      processingDepartments: [{ code: 'shimin' }],
      maintenance: { basis: 'PROCESSING_DEPARTMENT', article: '第10条第2項', department: { code: 'shimin' }, override: null },
      costBearing: { basis: 'PROCESSING_DEPARTMENT', article: '第23条第2項', department: { code: 'shimin' }, override: null },
      operatingHours: { policy: 'WORKING_HOURS', article: '第11条第2項' },
      viewerCanEdit: true,
      viewerCanFileConsultation: true,
      decidedAt: null,
    });
    const events = await trail(s.id);
    expect(events).toEqual([expect.objectContaining({ action: 'system.registered', article: '第7条', actor: { personId: 'shimin-manager' } })]);
  });

  it('第10条第2項: a 業務系 system processing another department’s work is maintained and paid for by that department', async () => {
    const s = await ok(api, 'shimin-manager', REGISTER, newBusiness({ name: '福祉窓口予約', processingDepartmentIds: [gid('Department', 'fukushi')] }));
    expect(s.maintenance).toMatchObject({ basis: 'PROCESSING_DEPARTMENT', department: { code: 'fukushi' } });
    expect(s.costBearing).toMatchObject({ basis: 'PROCESSING_DEPARTMENT', department: { code: 'fukushi' } });
  });

  it('第10条第1項・第11条第1項: a 情報系 system awaits designation and operates all day', async () => {
    const s = await ok(api, 'digital-manager', REGISTER, {
      name: '電子申請システム',
      category: 'INFORMATION',
      network: 'EXTERNAL',
      purposes: ['CITIZEN_WELFARE'],
      owningDepartmentId: gid('Department', 'digital'),
    });
    expect(s).toMatchObject({
      category: 'INFORMATION',
      processingDepartments: [],
      maintenance: null,
      costBearing: null,
      operatingHours: { policy: 'ALL_DAY', article: '第11条第1項' },
    });
  });

  it('第7条: another department’s information manager cannot register a 市民課 system (WRONG_DEPARTMENT)', async () => {
    const errors = await refused(api, 'kenkou-manager', REGISTER, newBusiness({ name: 'kenkou-manager の登録' }));
    expect(errors).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第7条', field: ['owningDepartmentId'] })]);
  });

  it.each([
    ['staff of the department (職員等)', 'shimin-staff'],
    ['the system administrator', 'soumu-director'],
    ['the general manager', 'fuku-shichou'],
  ])('第7条: %s, not an information manager, cannot register a 市民課 system (FORBIDDEN)', async (_who, personId) => {
    const errors = await refused(api, personId, REGISTER, newBusiness({ name: `${personId} の登録` }));
    expect(errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第7条', field: ['owningDepartmentId'] })]);
  });

  it('第8条ただし書: only a 業務系 system can be one solely for education or research', async () => {
    const errors = await refused(api, 'digital-manager', REGISTER, {
      name: '研修用グループウェア',
      category: 'INFORMATION',
      network: 'INTERNAL',
      purposes: ['ADMINISTRATIVE_STANDARDS'],
      owningDepartmentId: gid('Department', 'digital'),
      educationOrResearchOnly: true,
    });
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第8条', field: ['educationOrResearchOnly'] })]);
  });

  it('第6条: a purpose is not listed twice', async () => {
    const errors = await refused(api, 'shimin-manager', REGISTER, newBusiness({ purposes: ['EFFICIENCY', 'EFFICIENCY'] }));
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第6条', field: ['purposes'] })]);
  });

  it('an unknown department is NOT_FOUND on its field', async () => {
    const errors = await refused(api, 'shimin-manager', REGISTER, newBusiness({ owningDepartmentId: gid('Department', 'nonexistent') }));
    expect(errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['owningDepartmentId'] })]);
  });
});

describe('第8条: editing a system’s record', () => {
  it('before the decision, the owning department’s manager edits anything in the record', async () => {
    const s = await ok(api, 'shimin-manager', REGISTER, newBusiness({ name: '仮称 窓口システム' }));
    const edited = await ok(api, 'shimin-manager', UPDATE, {
      systemId: s.id,
      expectedVersion: 1,
      changes: { name: '窓口支援システム', network: 'INTERNAL', purposes: ['LABOUR_REDUCTION'] },
    });
    expect(edited).toMatchObject({ name: '窓口支援システム', network: 'INTERNAL', purposes: ['LABOUR_REDUCTION'], version: 2, status: 'REGISTERED' });
  });

  it('once decided, its name, network and purposes change only through 様式第2号 (INVALID_STATE)', async () => {
    const juumin = await system('demo-juumin');
    const errors = await refused(api, 'shimin-manager', UPDATE, { systemId: juumin.id, expectedVersion: juumin.version, changes: { name: '新住民情報システム' } });
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第8条', field: ['name'] })]);
    const more = await refused(api, 'shimin-manager', UPDATE, { systemId: juumin.id, expectedVersion: juumin.version, changes: { network: 'EXTERNAL', purposes: ['COST_SAVING'] } });
    expect(more).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第8条', field: ['network', 'purposes'] })]);
  });

  it('once decided, its description and documents (第2条第11号) are still kept up to date', async () => {
    const juumin = await system('demo-juumin');
    const documents = [{ kind: 'DESIGN', title: '住民情報システム設計書', location: '共有フォルダ/市民課/設計' }];
    const edited = await ok(api, 'shimin-manager', UPDATE, {
      systemId: juumin.id,
      expectedVersion: juumin.version,
      changes: { description: '住民基本台帳・印鑑登録・証明書交付・転入転出。', documents },
    });
    expect(edited).toMatchObject({ description: '住民基本台帳・印鑑登録・証明書交付・転入転出。', documents, version: juumin.version + 1, status: 'INSTALLED' });
    expect((await trail('demo-juumin')).at(-1)).toMatchObject({ action: 'system.updated', actor: { personId: 'shimin-manager' } });
  });

  it('a stale version is refused (STALE_VERSION)', async () => {
    const juumin = await system('demo-juumin');
    const errors = await refused(api, 'shimin-manager', UPDATE, { systemId: juumin.id, expectedVersion: juumin.version - 1, changes: { description: '古い版' } });
    expect(errors).toEqual([expect.objectContaining({ code: 'STALE_VERSION', field: ['expectedVersion'] })]);
  });

  it('another department’s manager does not edit it (WRONG_DEPARTMENT)', async () => {
    const juumin = await system('demo-juumin');
    const errors = await refused(api, 'kenkou-manager', UPDATE, { systemId: juumin.id, expectedVersion: juumin.version, changes: { description: '他課' } });
    expect(errors).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第8条', field: ['systemId'] })]);
  });

  it('staff of the department (職員等), not an information manager, does not edit it (FORBIDDEN)', async () => {
    const juumin = await system('demo-juumin');
    const errors = await refused(api, 'shimin-staff', UPDATE, { systemId: juumin.id, expectedVersion: juumin.version, changes: { description: '職員' } });
    expect(errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第8条', field: ['systemId'] })]);
  });
});

describe('viewerCanEdit / viewerCanFileConsultation', () => {
  it.each([
    ['shimin-manager', true],
    ['kenkou-manager', false],
    ['shimin-staff', false],
    ['soumu-director', false],
    ['fuku-shichou', false],
  ])('on 住民情報システム (市民課), %s → %s', async (personId, expected) => {
    const s = await system('demo-juumin', personId);
    expect(s.viewerCanEdit).toBe(expected);
    expect(s.viewerCanFileConsultation).toBe(expected);
  });
});

describe('第11条: operating hours', () => {
  it('第11条第1項: 情報系 all day; 第11条第2項: 業務系 within working hours', async () => {
    const { systems } = await api.data('shimin-staff', `{ systems(first: 100) { nodes { id category operatingHours { policy article } } } }`);
    const byId = new Map<string, { category: string; operatingHours: unknown }>(systems.nodes.map((n: { id: string }) => [n.id, n]));
    expect(byId.get(gid('System', 'demo-groupware'))?.operatingHours).toEqual({ policy: 'ALL_DAY', article: '第11条第1項' });
    expect(byId.get(gid('System', 'demo-homepage'))?.operatingHours).toEqual({ policy: 'ALL_DAY', article: '第11条第1項' });
    expect(byId.get(gid('System', 'demo-juumin'))?.operatingHours).toEqual({ policy: 'WORKING_HOURS', article: '第11条第2項' });
    for (const n of systems.nodes as { category: string; operatingHours: { policy: string } }[]) {
      expect(n.operatingHours.policy).toBe(n.category === 'INFORMATION' ? 'ALL_DAY' : 'WORKING_HOURS');
    }
  });
});

describe('第10条・第23条: who develops and maintains a system, and who bears its cost', () => {
  it('第10条第1項・第23条第1項: the system administrator designates the department for a 情報系 system', async () => {
    const gw = await system('demo-groupware');
    const maintained = await ok(api, 'soumu-director', ASSIGN, {
      systemId: gw.id,
      expectedVersion: gw.version,
      kind: 'MAINTENANCE',
      basis: 'DESIGNATED',
      departmentId: gid('Department', 'digital'),
    });
    expect(maintained.maintenance).toMatchObject({ basis: 'DESIGNATED', article: '第10条第1項', department: { code: 'digital' }, assignedBy: { personId: 'soumu-director' }, override: null });
    const costed = await ok(api, 'soumu-director', ASSIGN, {
      systemId: gw.id,
      expectedVersion: maintained.version,
      kind: 'COST',
      basis: 'DESIGNATED',
      departmentId: gid('Department', 'zaisei'),
    });
    expect(costed.costBearing).toMatchObject({ basis: 'DESIGNATED', article: '第23条第1項', department: { code: 'zaisei' } });
    expect(costed.maintenance).toMatchObject({ department: { code: 'digital' } });
    const events = (await trail('demo-groupware')).slice(-2);
    expect(events).toEqual([
      expect.objectContaining({ action: 'system.maintenanceAssigned', article: '第10条第1項', actor: { personId: 'soumu-director' } }),
      expect.objectContaining({ action: 'system.costBearingAssigned', article: '第23条第1項', actor: { personId: 'soumu-director' } }),
    ]);
  });

  it.each([
    {
      rule: '第10条第1項: the information manager who owns a 情報系 system does not designate (FORBIDDEN)',
      personId: 'digital-manager',
      key: 'demo-groupware',
      basis: 'DESIGNATED',
      department: 'digital',
      error: { code: 'FORBIDDEN', article: '第10条第1項' },
    },
    {
      rule: '第10条第1項: a 業務系 system is not designated (INVALID_VALUE)',
      personId: 'soumu-director',
      key: 'demo-juumin',
      basis: 'DESIGNATED',
      department: 'digital',
      error: { code: 'INVALID_VALUE', article: '第10条第1項', field: ['basis'] },
    },
    {
      rule: '第10条第2項: a 業務系 system goes to a department whose work it processes',
      personId: 'shimin-manager',
      key: 'demo-juumin',
      basis: 'PROCESSING_DEPARTMENT',
      department: 'kenkou',
      error: { code: 'INVALID_VALUE', article: '第10条第2項', field: ['departmentId'] },
    },
  ])('$rule', async ({ personId, key, basis, department, error }) => {
    const s = await system(key);
    const errors = await refused(api, personId, ASSIGN, {
      systemId: s.id,
      expectedVersion: s.version,
      kind: 'MAINTENANCE',
      basis,
      departmentId: gid('Department', department),
    });
    expect(errors).toEqual([expect.objectContaining(error)]);
  });

  it('第10条第3項: an override agreed by デジタル推進課長, 財政課長 and the manager, with the system administrator’s consent, is recorded and visible', async () => {
    const hoken = await system('demo-hoken');
    const s = await ok(api, 'soumu-director', ASSIGN, {
      systemId: hoken.id,
      expectedVersion: hoken.version,
      kind: 'MAINTENANCE',
      basis: 'AGREED_OVERRIDE',
      departmentId: gid('Department', 'digital'),
      agreement: { agreedOn: '2026-05-20', reference: '白総第45号', ...heads('kenkou-manager') },
    });
    expect(s.maintenance).toMatchObject({
      basis: 'AGREED_OVERRIDE',
      article: '第10条第3項',
      department: { code: 'digital' },
      override: {
        agreedOn: '2026-05-20',
        reference: '白総第45号',
        parties: [
          { role: 'DIGITAL_PROMOTION_HEAD', label: 'デジタル推進課長', person: { personId: 'digital-manager', name: '高橋 誠' } },
          { role: 'FINANCE_HEAD', label: '財政課長', person: { personId: 'zaisei-manager', name: '田中 美咲' } },
          { role: 'INFORMATION_MANAGER', label: '当該情報管理責任者', person: { personId: 'kenkou-manager', name: '渡辺 由美' } },
        ],
        consentedBy: { personId: 'soumu-director' },
      },
    });
    expect(typeof s.maintenance.override.consentedAt).toBe('string');
    expect(s.costBearing).toMatchObject({ basis: 'PROCESSING_DEPARTMENT', department: { code: 'kenkou' } }); // 第23条 untouched
    const read = await system('demo-hoken', 'kenkou-manager');
    expect(read.maintenance).toEqual(s.maintenance);
    expect((await trail('demo-hoken')).at(-1)).toMatchObject({ action: 'system.maintenanceAssigned', article: '第10条第3項' });
  });

  it('第23条第3項: the same override for cost bearing', async () => {
    const hoken = await system('demo-hoken');
    const s = await ok(api, 'soumu-director', ASSIGN, {
      systemId: hoken.id,
      expectedVersion: hoken.version,
      kind: 'COST',
      basis: 'AGREED_OVERRIDE',
      departmentId: gid('Department', 'zaisei'),
      agreement: { agreedOn: '2026-05-20', reference: '白総第46号', ...heads('kenkou-manager') },
    });
    expect(s.costBearing).toMatchObject({ basis: 'AGREED_OVERRIDE', article: '第23条第3項', department: { code: 'zaisei' }, override: { reference: '白総第46号' } });
  });

  it('第10条第3項・第23条第3項: an override without its recorded agreement is refused (OVERRIDE_AGREEMENT_REQUIRED)', async () => {
    const juumin = await system('demo-juumin');
    const base = { systemId: juumin.id, expectedVersion: juumin.version, basis: 'AGREED_OVERRIDE', departmentId: gid('Department', 'digital') };
    expect(await refused(api, 'soumu-director', ASSIGN, { ...base, kind: 'MAINTENANCE' })).toEqual([
      expect.objectContaining({ code: 'OVERRIDE_AGREEMENT_REQUIRED', article: '第10条第3項', field: ['agreement'] }),
    ]);
    expect(await refused(api, 'soumu-director', ASSIGN, { ...base, kind: 'COST', agreement: { agreedOn: '2026-05-20', reference: '  ' } })).toEqual([
      expect.objectContaining({ code: 'OVERRIDE_AGREEMENT_REQUIRED', article: '第23条第3項' }),
    ]);
  });

  it('第10条第3項: each of the three heads is named and held the office on the day; otherwise refused, naming the field', async () => {
    const juumin = await system('demo-juumin');
    const base = { systemId: juumin.id, expectedVersion: juumin.version, kind: 'MAINTENANCE', basis: 'AGREED_OVERRIDE', departmentId: gid('Department', 'digital') };
    const agreement = { agreedOn: '2026-05-20', reference: '白総第48号', ...heads('shimin-manager') };
    expect(await refused(api, 'soumu-director', ASSIGN, { ...base, agreement: { ...agreement, financeHeadId: null } })).toEqual([
      expect.objectContaining({ code: 'OVERRIDE_AGREEMENT_REQUIRED', article: '第10条第3項', field: ['agreement', 'financeHeadId'], message: expect.stringContaining('財政課長の協議が必要です') }),
    ]);
    expect(await refused(api, 'soumu-director', ASSIGN, { ...base, agreement: { ...agreement, financeHeadId: gid('Person', 'shimin-manager') } })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第10条第3項', field: ['agreement', 'financeHeadId'], message: expect.stringContaining('伊藤 大輔さんは、協議の日(令和8年5月20日)に財政課長ではありません') }),
    ]);
    expect(await refused(api, 'soumu-director', ASSIGN, { ...base, agreement: { ...agreement, informationManagerId: gid('Person', 'kenkou-manager') } })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', field: ['agreement', 'informationManagerId'], message: expect.stringContaining('当該情報管理責任者ではありません') }),
    ]);
    expect(await refused(api, 'soumu-director', ASSIGN, { ...base, agreement: { ...agreement, digitalPromotionHeadId: gid('Person', 'nobody') } })).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['agreement', 'digitalPromotionHeadId'] }),
    ]);
    expect((await system('demo-juumin')).version).toBe(juumin.version); // nothing changed
  });

  it('第10条第3項: without the system administrator’s consent there is no override (FORBIDDEN)', async () => {
    const juumin = await system('demo-juumin');
    const errors = await refused(api, 'shimin-manager', ASSIGN, {
      systemId: juumin.id,
      expectedVersion: juumin.version,
      kind: 'MAINTENANCE',
      basis: 'AGREED_OVERRIDE',
      departmentId: gid('Department', 'digital'),
      agreement: { agreedOn: '2026-05-20', reference: '白総第47号' },
    });
    expect(errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第10条第3項' })]);
  });
});

describe('第8条ただし書: an education/research 業務系 system is installed, changed or abolished without 様式第2号', () => {
  it('学校教育課長 changes 学習用端末管理システム; the audit event cites 第8条ただし書 and keeps the note', async () => {
    const gakushu = await system('demo-gakushu');
    const s = await ok(api, 'kyouiku-manager', EXEMPT, {
      systemId: gakushu.id,
      expectedVersion: gakushu.version,
      action: 'CHANGE',
      changes: { network: 'INTERNAL', description: '校内ネットワークのみで運用する。' },
      note: '令和8年度の端末更新に伴う変更。',
    });
    expect(s).toMatchObject({ network: 'INTERNAL', description: '校内ネットワークのみで運用する。', status: 'INSTALLED', version: gakushu.version + 1 });
    expect((await trail('demo-gakushu')).at(-1)).toMatchObject({
      action: 'system.exemptChange',
      article: '第8条ただし書',
      note: '令和8年度の端末更新に伴う変更。',
      actor: { personId: 'kyouiku-manager' },
      before: { network: 'EXTERNAL' },
      after: { network: 'INTERNAL' },
    });
    expect((await api.data('kyouiku-manager', `query($id: ID!) { node(id: $id) { ... on System { consultations(first: 10) { nodes { id } } } } }`, { id: gakushu.id })).node.consultations.nodes).toEqual([]);
  });

  it('a 業務系 system not solely for education or research is not exempt (NOT_EXEMPT)', async () => {
    const juumin = await system('demo-juumin');
    const errors = await refused(api, 'shimin-manager', EXEMPT, {
      systemId: juumin.id,
      expectedVersion: juumin.version,
      action: 'CHANGE',
      changes: { network: 'EXTERNAL' },
      note: '様式第2号なしで変更したい',
    });
    expect(errors).toEqual([expect.objectContaining({ code: 'NOT_EXEMPT', article: '第8条', field: ['systemId'] })]);
  });

  it('another department’s manager does not record it (WRONG_DEPARTMENT)', async () => {
    const gakushu = await system('demo-gakushu');
    const errors = await refused(api, 'shimin-manager', EXEMPT, { systemId: gakushu.id, expectedVersion: gakushu.version, action: 'ABOLISH' });
    expect(errors).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第8条' })]);
  });

  it('the exemption cannot remove itself: ending the education/research use goes through 様式第2号 (NOT_EXEMPT)', async () => {
    const gakushu = await system('demo-gakushu');
    const errors = await refused(api, 'kyouiku-manager', EXEMPT, {
      systemId: gakushu.id,
      expectedVersion: gakushu.version,
      action: 'CHANGE',
      changes: { educationOrResearchOnly: false, description: '一般業務にも使う。' },
    });
    expect(errors).toEqual([expect.objectContaining({ code: 'NOT_EXEMPT', article: '第8条', field: ['changes', 'educationOrResearchOnly'] })]);
    expect(await system('demo-gakushu')).toMatchObject({ educationOrResearchOnly: true, version: gakushu.version });
  });

  it('an installed system is not installed again (INVALID_STATE)', async () => {
    const gakushu = await system('demo-gakushu');
    const errors = await refused(api, 'kyouiku-manager', EXEMPT, { systemId: gakushu.id, expectedVersion: gakushu.version, action: 'INSTALL' });
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第8条' })]);
  });

  it('abolished under the exemption with the default note; it is then no longer editable', async () => {
    const gakushu = await system('demo-gakushu');
    const s = await ok(api, 'kyouiku-manager', EXEMPT, { systemId: gakushu.id, expectedVersion: gakushu.version, action: 'ABOLISH' });
    expect(s).toMatchObject({ status: 'ABOLISHED', viewerCanEdit: false, viewerCanFileConsultation: false });
    expect(typeof s.abolishedAt).toBe('string');
    const last = (await trail('demo-gakushu')).at(-1);
    expect(last).toMatchObject({ action: 'system.exemptAbolish', article: '第8条ただし書' });
    expect(last.note).toContain('様式第2号');
  });
});

describe('roles are data: a role that ended yesterday takes effect at once', () => {
  const yesterday = () => tokyoDate(new Date(Date.now() - 24 * 3600_000).toISOString());

  it('第4条: only the system administrator or the general manager ends an assignment (FORBIDDEN)', async () => {
    const errors = await refused(api, 'shimin-manager', END_ROLE, {
      personId: gid('Person', 'zaisei-manager'),
      assignmentId: 'zaisei-manager-0',
      expectedVersion: 1,
      validUntil: yesterday(),
    });
    expect(errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第4条' })]);
  });

  it('財政課長’s 情報管理責任者 role ends yesterday: today they can no longer register or edit 財政課 systems', async () => {
    expect((await system('demo-zaimu', 'zaisei-manager')).viewerCanEdit).toBe(true);
    const person = await ok(api, 'soumu-director', END_ROLE, {
      personId: gid('Person', 'zaisei-manager'),
      assignmentId: 'zaisei-manager-0',
      expectedVersion: 1,
      validUntil: yesterday(),
    });
    expect(person.roleAssignments).toEqual([
      { assignmentId: 'zaisei-manager-0', role: 'INFORMATION_MANAGER', active: false, validUntil: yesterday(), version: 2 },
      { assignmentId: 'zaisei-manager-1', role: 'FINANCE_HEAD', active: true, validUntil: null, version: 1 },
    ]);
    expect(person.currentRoles).toEqual([{ role: 'FINANCE_HEAD' }]); // still 財政課長 (第10条第3項), no longer 情報管理責任者

    const errors = await refused(api, 'zaisei-manager', REGISTER, {
      name: '契約管理システム',
      category: 'BUSINESS',
      network: 'INTERNAL',
      purposes: ['EFFICIENCY'],
      owningDepartmentId: gid('Department', 'zaisei'),
    });
    expect(errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第7条', field: ['owningDepartmentId'] })]);
    expect((await system('demo-zaimu', 'zaisei-manager')).viewerCanEdit).toBe(false);
    const viewer = await api.data('zaisei-manager', `{ viewer { currentRoles { role } } }`);
    expect(viewer.viewer.currentRoles).toEqual([{ role: 'FINANCE_HEAD' }]);
  });
});
