/**
 * Administrative systems: the register (第7条), the education/research exemption (第8条ただし書), development and
 * maintenance (第10条), cost bearing (第23条) and operating hours (第11条).
 */
import {
  SystemInput,
  SystemRecord,
  applyExemptChange,
  assertHasPurpose,
  assertOwningManager,
  assignResponsibility,
  editSystem,
  installChangeAbolish,
  operatingHours,
  registerSystem,
} from '../../functions/domain/systems';
import { EARLIER, NOW, actor, administrator, digitalManager, formerShiminManager, generalManager, groupware, kenkouManager, refusal, shiminManager, shiminStaff, system } from '../support/domain';

const kyouikuManager = actor('kyouiku-manager', 'kyouiku', ['INFORMATION_MANAGER', 'kyouiku']);

function input(extra: Partial<SystemInput> = {}): SystemInput {
  return { name: ' コンビニ交付システム ', category: 'BUSINESS', network: 'EXTERNAL', purposes: ['CITIZEN_WELFARE'], owningDepartmentId: 'shimin', ...extra };
}

const gakushu = (extra: Partial<SystemRecord> = {}) =>
  system({ id: 'gk', name: '学習用端末管理システム', owningDepartmentId: 'kyouiku', processingDepartmentIds: ['kyouiku'], educationOrResearchOnly: true, ...extra });

describe('第7条: registering a system before its decision', () => {
  it('the information manager of the owning department registers it; it awaits its decision (REGISTERED)', () => {
    const s = registerSystem(shiminManager, input({ description: '  住民票等のコンビニ交付  ' }), 'new', NOW);
    expect(s).toEqual({
      id: 'new',
      name: 'コンビニ交付システム',
      description: '住民票等のコンビニ交付',
      category: 'BUSINESS',
      network: 'EXTERNAL',
      purposes: ['CITIZEN_WELFARE'],
      status: 'REGISTERED',
      owningDepartmentId: 'shimin',
      processingDepartmentIds: ['shimin'],
      maintenance: { departmentId: 'shimin', basis: 'PROCESSING_DEPARTMENT', assignedBy: 'shimin-manager', assignedAt: NOW },
      costBearing: { departmentId: 'shimin', basis: 'PROCESSING_DEPARTMENT', assignedBy: 'shimin-manager', assignedAt: NOW },
      documents: [],
      educationOrResearchOnly: false,
      connectedSystemIds: [],
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('第7条: the information manager of another department cannot register it (WRONG_DEPARTMENT)', () => {
    expect(refusal(() => registerSystem(kenkouManager, input(), 'new', NOW))).toMatchObject({
      code: 'WRONG_DEPARTMENT',
      article: '第7条',
      field: ['owningDepartmentId'],
    });
  });

  it.each([
    ['staff of the department (職員等)', shiminStaff],
    ['the system administrator', administrator],
    ['the general manager', generalManager],
    ['a former information manager whose role ended', formerShiminManager],
  ])('第7条: %s cannot register it (FORBIDDEN)', (_who, who) => {
    expect(refusal(() => registerSystem(who, input(), 'new', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第7条', field: ['owningDepartmentId'] });
  });

  it('第8条ただし書: only a 業務系 system can be one used solely for education or research', () => {
    expect(registerSystem(kyouikuManager, input({ owningDepartmentId: 'kyouiku', educationOrResearchOnly: true }), 'new', NOW).educationOrResearchOnly).toBe(true);
    expect(
      refusal(() => registerSystem(digitalManager, input({ category: 'INFORMATION', owningDepartmentId: 'digital', educationOrResearchOnly: true }), 'new', NOW)),
    ).toMatchObject({ code: 'INVALID_VALUE', article: '第8条', field: ['educationOrResearchOnly'] });
  });

  it('第6条: a purpose is listed once; a system without purposes may be registered but not decided', () => {
    expect(refusal(() => registerSystem(shiminManager, input({ purposes: ['EFFICIENCY', 'EFFICIENCY'] }), 'new', NOW))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第6条',
      field: ['purposes'],
    });
    const none = registerSystem(shiminManager, input({ purposes: [] }), 'new', NOW);
    expect(none.status).toBe('REGISTERED');
    expect(refusal(() => assertHasPurpose(none))).toMatchObject({ code: 'MISSING_PURPOSE', article: '第6条', field: ['purposes'] });
    expect(() => assertHasPurpose(system())).not.toThrow();
  });

  it('a system needs a name', () => {
    expect(refusal(() => registerSystem(shiminManager, input({ name: '   ' }), 'new', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['name'] });
  });

  it('第10条第2項・第23条第2項: a 業務系 system is maintained and paid for by the department whose work it processes', () => {
    const s = registerSystem(shiminManager, input({ processingDepartmentIds: ['fukushi'] }), 'new', NOW);
    expect(s.processingDepartmentIds).toEqual(['fukushi']);
    expect(s.maintenance).toEqual({ departmentId: 'fukushi', basis: 'PROCESSING_DEPARTMENT', assignedBy: 'shimin-manager', assignedAt: NOW });
    expect(s.costBearing).toEqual(s.maintenance);
  });

  it('第10条第2項: work of two or more departments: no default, those departments agree on one', () => {
    const s = registerSystem(shiminManager, input({ processingDepartmentIds: ['shimin', 'fukushi', 'shimin'] }), 'new', NOW);
    expect(s.processingDepartmentIds).toEqual(['shimin', 'fukushi']);
    expect(s.maintenance).toBeUndefined();
    expect(s.costBearing).toBeUndefined();
  });

  it('第10条第1項・第23条第1項: a 情報系 system has no default; the system administrator designates the department', () => {
    const s = registerSystem(digitalManager, input({ category: 'INFORMATION', owningDepartmentId: 'digital', processingDepartmentIds: ['shimin'] }), 'new', NOW);
    expect(s.processingDepartmentIds).toEqual([]);
    expect(s.maintenance).toBeUndefined();
    expect(s.costBearing).toBeUndefined();
  });
});

describe('第8条: editing the record', () => {
  it('before its decision, everything in the record may be edited by the owning department’s manager', () => {
    const s = system({ status: 'REGISTERED', decidedAt: undefined, installedAt: undefined });
    expect(editSystem(shiminManager, s, { name: ' 新名称 ', network: 'EXTERNAL', purposes: ['COST_SAVING'], processingDepartmentIds: ['shimin', 'shimin'] }, NOW)).toEqual({
      name: '新名称',
      network: 'EXTERNAL',
      purposes: ['COST_SAVING'],
      processingDepartmentIds: ['shimin'],
    });
  });

  it.each(['DECIDED', 'INSTALLED'] as const)('once %s, only the description and the documents are edited; the rest goes through 様式第2号', (status) => {
    const s = system({ status });
    const documents = [{ kind: 'DESIGN' as const, title: 'システム設計書' }];
    expect(editSystem(shiminManager, s, { description: '更新', documents }, NOW)).toEqual({ description: '更新', documents });
    expect(refusal(() => editSystem(shiminManager, s, { name: '新名称', description: '更新' }, NOW))).toMatchObject({
      code: 'INVALID_STATE',
      article: '第8条',
      field: ['name'],
    });
    for (const edit of [{ network: 'EXTERNAL' as const }, { purposes: ['COST_SAVING' as const] }, { educationOrResearchOnly: true }, { processingDepartmentIds: ['kenkou'] }]) {
      expect(refusal(() => editSystem(shiminManager, s, edit, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第8条', field: Object.keys(edit) });
    }
  });

  it('an abolished system is no longer edited', () => {
    expect(refusal(() => editSystem(shiminManager, system({ status: 'ABOLISHED' }), { description: 'x' }, NOW))).toMatchObject({
      code: 'INVALID_STATE',
      article: '第8条',
    });
  });

  it('another department’s manager cannot edit it (WRONG_DEPARTMENT)', () => {
    expect(refusal(() => editSystem(kenkouManager, system(), { description: 'x' }, NOW))).toMatchObject({
      code: 'WRONG_DEPARTMENT',
      article: '第8条',
      field: ['systemId'],
    });
  });

  it('staff, the system administrator, the general manager, or a former manager cannot edit it (FORBIDDEN)', () => {
    for (const who of [shiminStaff, administrator, generalManager, formerShiminManager]) {
      expect(refusal(() => editSystem(who, system(), { description: 'x' }, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第8条', field: ['systemId'] });
    }
  });

  it('第8条ただし書: a 情報系 system cannot be made an education/research one by editing', () => {
    expect(refusal(() => editSystem(digitalManager, groupware({ status: 'REGISTERED' }), { educationOrResearchOnly: true }, NOW))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第8条',
    });
  });

  it('assertOwningManager cites the article it is asked for', () => {
    expect(refusal(() => assertOwningManager(kenkouManager, system(), NOW, '第9条'))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第9条', field: ['systemId'] });
  });
});

describe('第10条 (development and maintenance) and 第23条 (cost bearing)', () => {
  describe('第1項: 情報系 — the department the system administrator designates', () => {
    it('the system administrator designates the department for maintenance (第10条第1項) and for cost (第23条第1項)', () => {
      for (const kind of ['MAINTENANCE', 'COST'] as const) {
        expect(assignResponsibility(administrator, groupware(), { kind, departmentId: 'digital', basis: 'DESIGNATED' }, NOW)).toEqual({
          departmentId: 'digital',
          basis: 'DESIGNATED',
          assignedBy: 'soumu-director',
          assignedAt: NOW,
        });
      }
    });

    it('no one else designates: not the information manager who owns it, not the general manager (FORBIDDEN)', () => {
      for (const who of [digitalManager, generalManager]) {
        expect(refusal(() => assignResponsibility(who, groupware(), { kind: 'MAINTENANCE', departmentId: 'digital', basis: 'DESIGNATED' }, NOW))).toMatchObject({
          code: 'FORBIDDEN',
          article: '第10条第1項',
        });
        expect(refusal(() => assignResponsibility(who, groupware(), { kind: 'COST', departmentId: 'digital', basis: 'DESIGNATED' }, NOW))).toMatchObject({
          code: 'FORBIDDEN',
          article: '第23条第1項',
        });
      }
    });

    it('designation applies to 情報系 only: a 業務系 system is not designated (INVALID_VALUE)', () => {
      expect(refusal(() => assignResponsibility(administrator, system(), { kind: 'MAINTENANCE', departmentId: 'shimin', basis: 'DESIGNATED' }, NOW))).toMatchObject({
        code: 'INVALID_VALUE',
        article: '第10条第1項',
        field: ['basis'],
      });
      expect(refusal(() => assignResponsibility(administrator, system(), { kind: 'COST', departmentId: 'shimin', basis: 'DESIGNATED' }, NOW))).toMatchObject({
        code: 'INVALID_VALUE',
        article: '第23条第1項',
      });
    });
  });

  describe('第2項: 業務系 — the department whose work it processes', () => {
    const shared = () => system({ processingDepartmentIds: ['shimin', 'fukushi'] });

    it('the owning department’s manager records the department the processing departments agreed on', () => {
      expect(assignResponsibility(shiminManager, shared(), { kind: 'MAINTENANCE', departmentId: 'fukushi', basis: 'PROCESSING_DEPARTMENT' }, NOW)).toEqual({
        departmentId: 'fukushi',
        basis: 'PROCESSING_DEPARTMENT',
        assignedBy: 'shimin-manager',
        assignedAt: NOW,
      });
      expect(assignResponsibility(administrator, shared(), { kind: 'COST', departmentId: 'shimin', basis: 'PROCESSING_DEPARTMENT' }, NOW).departmentId).toBe('shimin');
    });

    it('the department must be one whose work the system processes', () => {
      expect(refusal(() => assignResponsibility(shiminManager, shared(), { kind: 'MAINTENANCE', departmentId: 'zaisei', basis: 'PROCESSING_DEPARTMENT' }, NOW))).toMatchObject({
        code: 'INVALID_VALUE',
        article: '第10条第2項',
        field: ['departmentId'],
      });
      expect(refusal(() => assignResponsibility(shiminManager, shared(), { kind: 'COST', departmentId: 'zaisei', basis: 'PROCESSING_DEPARTMENT' }, NOW))).toMatchObject({
        code: 'INVALID_VALUE',
        article: '第23条第2項',
      });
    });

    it('another department’s manager does not record it (WRONG_DEPARTMENT)', () => {
      expect(refusal(() => assignResponsibility(kenkouManager, shared(), { kind: 'MAINTENANCE', departmentId: 'shimin', basis: 'PROCESSING_DEPARTMENT' }, NOW))).toMatchObject({
        code: 'WRONG_DEPARTMENT',
        article: '第10条第2項',
      });
    });

    it('a 情報系 system is not assigned by the work it processes (INVALID_VALUE)', () => {
      expect(refusal(() => assignResponsibility(administrator, groupware(), { kind: 'MAINTENANCE', departmentId: 'digital', basis: 'PROCESSING_DEPARTMENT' }, NOW))).toMatchObject({
        code: 'INVALID_VALUE',
        article: '第10条第2項',
        field: ['basis'],
      });
    });
  });

  describe('第3項: an override agreed by デジタル推進課長, 財政課長 and the manager, with the system administrator’s consent', () => {
    const digitalHead = actor('digital-manager', 'digital', ['INFORMATION_MANAGER', 'digital'], ['HOMEPAGE_SYSTEM_MANAGER']);
    const financeHead = actor('zaisei-manager', 'zaisei', ['INFORMATION_MANAGER', 'zaisei'], ['FINANCE_HEAD']);
    const parties = { DIGITAL_PROMOTION_HEAD: digitalHead, FINANCE_HEAD: financeHead, INFORMATION_MANAGER: shiminManager };
    const agreement = { agreedOn: '2026-06-01', reference: ' 総務第123号 ', parties };
    const recorded = [
      { role: 'DIGITAL_PROMOTION_HEAD', personId: 'digital-manager' },
      { role: 'FINANCE_HEAD', personId: 'zaisei-manager' },
      { role: 'INFORMATION_MANAGER', personId: 'shimin-manager' },
    ];

    it.each([
      ['MAINTENANCE', '業務系', system, shiminManager],
      ['COST', '情報系', groupware, digitalManager],
    ] as const)('%s of a %s system: the system administrator consents and the agreement, with each of the three heads, is recorded', (kind, _c, make, manager) => {
      const given = { ...agreement, parties: { ...parties, INFORMATION_MANAGER: manager } };
      expect(assignResponsibility(administrator, make(), { kind, departmentId: 'digital', basis: 'AGREED_OVERRIDE', agreement: given }, NOW)).toEqual({
        departmentId: 'digital',
        basis: 'AGREED_OVERRIDE',
        override: {
          agreedOn: '2026-06-01',
          reference: '総務第123号',
          parties: recorded.map((p) => (p.role === 'INFORMATION_MANAGER' ? { ...p, personId: manager.person.id } : p)),
          consentedBy: 'soumu-director',
          consentedAt: NOW,
        },
        assignedBy: 'soumu-director',
        assignedAt: NOW,
      });
    });

    it.each([
      ['DIGITAL_PROMOTION_HEAD', 'digitalPromotionHeadId', 'デジタル推進課長'],
      ['FINANCE_HEAD', 'financeHeadId', '財政課長'],
      ['INFORMATION_MANAGER', 'informationManagerId', '当該情報管理責任者'],
    ] as const)('each head is named: without the %s the agreement is incomplete (OVERRIDE_AGREEMENT_REQUIRED)', (role, field, label) => {
      const without = { ...parties, [role]: undefined };
      for (const kind of ['MAINTENANCE', 'COST'] as const) {
        const r = refusal(() => assignResponsibility(administrator, system(), { kind, departmentId: 'digital', basis: 'AGREED_OVERRIDE', agreement: { ...agreement, parties: without } }, NOW));
        expect(r).toMatchObject({ code: 'OVERRIDE_AGREEMENT_REQUIRED', article: kind === 'COST' ? '第23条第3項' : '第10条第3項', field: ['agreement', field] });
        expect(r.ja).toContain(label);
      }
    });

    it('each head held the office on the day of the agreement: someone else named is refused (INVALID_VALUE), in 和暦', () => {
      const cases = [
        ['DIGITAL_PROMOTION_HEAD', digitalManager, 'digitalPromotionHeadId', 'デジタル推進課長'], // an information manager, not the homepage system manager
        ['FINANCE_HEAD', actor('zaisei-manager', 'zaisei', ['INFORMATION_MANAGER', 'zaisei']), 'financeHeadId', '財政課長'],
        ['INFORMATION_MANAGER', kenkouManager, 'informationManagerId', '当該情報管理責任者'], // the manager of a department the system is not for
        ['FINANCE_HEAD', actor('zaisei-manager', 'zaisei', ['FINANCE_HEAD', undefined, undefined, '2026-06-02']), 'financeHeadId', '財政課長'], // 財政課長 only from the next day
      ] as const;
      for (const [role, who, field, label] of cases) {
        const r = refusal(() => assignResponsibility(administrator, system(), { kind: 'MAINTENANCE', departmentId: 'digital', basis: 'AGREED_OVERRIDE', agreement: { ...agreement, parties: { ...parties, [role]: who } } }, NOW));
        expect(r).toMatchObject({ code: 'INVALID_VALUE', article: '第10条第3項', field: ['agreement', field] });
        expect(r.ja).toBe(`${who.person.name}さんは、協議の日(令和8年6月1日)に${label}ではありません。`);
      }
    });

    it('the information manager concerned may be of the department the override names, or of the one that holds it now', () => {
      const r = assignResponsibility(administrator, system(), { kind: 'MAINTENANCE', departmentId: 'digital', basis: 'AGREED_OVERRIDE', agreement: { ...agreement, parties: { ...parties, INFORMATION_MANAGER: digitalManager } } }, NOW);
      expect(r.override?.parties?.[2]).toEqual({ role: 'INFORMATION_MANAGER', personId: 'digital-manager' });
      const heldByKenkou = system({ maintenance: { departmentId: 'kenkou', basis: 'PROCESSING_DEPARTMENT', assignedBy: 'x', assignedAt: EARLIER } });
      expect(assignResponsibility(administrator, heldByKenkou, { kind: 'MAINTENANCE', departmentId: 'digital', basis: 'AGREED_OVERRIDE', agreement: { ...agreement, parties: { ...parties, INFORMATION_MANAGER: kenkouManager } } }, NOW).override?.parties).toHaveLength(3);
    });

    it('an agreement is not recorded before it is made: a date after today is refused (INVALID_VALUE)', () => {
      expect(refusal(() => assignResponsibility(administrator, system(), { kind: 'COST', departmentId: 'digital', basis: 'AGREED_OVERRIDE', agreement: { ...agreement, agreedOn: '2026-06-16' } }, NOW))).toMatchObject({
        code: 'INVALID_VALUE',
        article: '第23条第3項',
        field: ['agreement', 'agreedOn'],
      });
    });

    it('附則第3項: an agreement carried over from the former rules may be recorded without its parties', () => {
      const r = assignResponsibility(administrator, system(), { kind: 'COST', departmentId: 'zaisei', basis: 'AGREED_OVERRIDE', agreement: { agreedOn: '2004-03-01', reference: '財第1号' } }, NOW, true);
      expect(r.override).toEqual({ agreedOn: '2004-03-01', reference: '財第1号', consentedBy: 'soumu-director', consentedAt: NOW });
    });

    it('without the system administrator’s consent (承諾) there is no override (FORBIDDEN)', () => {
      for (const who of [shiminManager, digitalManager, generalManager]) {
        expect(refusal(() => assignResponsibility(who, system(), { kind: 'MAINTENANCE', departmentId: 'digital', basis: 'AGREED_OVERRIDE', agreement }, NOW))).toMatchObject({
          code: 'FORBIDDEN',
          article: '第10条第3項',
        });
        expect(refusal(() => assignResponsibility(who, system(), { kind: 'COST', departmentId: 'digital', basis: 'AGREED_OVERRIDE', agreement }, NOW))).toMatchObject({
          code: 'FORBIDDEN',
          article: '第23条第3項',
        });
      }
    });

    it('without a recorded agreement (協議: its date and reference) there is no override (OVERRIDE_AGREEMENT_REQUIRED)', () => {
      const cases = [undefined, { agreedOn: '2026-06-01', reference: '   ' }, { agreedOn: '6月1日', reference: '総務第123号' }, { agreedOn: '', reference: '総務第123号' }];
      for (const a of cases) {
        expect(refusal(() => assignResponsibility(administrator, system(), { kind: 'MAINTENANCE', departmentId: 'digital', basis: 'AGREED_OVERRIDE', agreement: a }, NOW))).toMatchObject({
          code: 'OVERRIDE_AGREEMENT_REQUIRED',
          article: '第10条第3項',
          field: ['agreement'],
        });
        expect(refusal(() => assignResponsibility(administrator, system(), { kind: 'COST', departmentId: 'digital', basis: 'AGREED_OVERRIDE', agreement: a }, NOW))).toMatchObject({
          code: 'OVERRIDE_AGREEMENT_REQUIRED',
          article: '第23条第3項',
        });
      }
    });
  });

  it('an abolished system takes no new assignment', () => {
    expect(refusal(() => assignResponsibility(administrator, groupware({ status: 'ABOLISHED' }), { kind: 'MAINTENANCE', departmentId: 'digital', basis: 'DESIGNATED' }, NOW))).toMatchObject({
      code: 'INVALID_STATE',
    });
  });
});

describe('第8条ただし書: a 業務系 system used solely for education or research is installed, changed or abolished without 様式第2号', () => {
  it('its manager installs a decided one', () => {
    expect(applyExemptChange(kyouikuManager, gakushu({ status: 'DECIDED', installedAt: undefined }), 'INSTALL', {}, NOW)).toEqual({ status: 'INSTALLED', installedAt: NOW });
  });

  it('its manager changes an installed one', () => {
    expect(applyExemptChange(kyouikuManager, gakushu(), 'CHANGE', { network: 'EXTERNAL', description: '端末を更新', name: undefined }, NOW)).toEqual({
      network: 'EXTERNAL',
      description: '端末を更新',
    });
  });

  it('its manager abolishes an installed one', () => {
    expect(applyExemptChange(kyouikuManager, gakushu(), 'ABOLISH', {}, NOW)).toEqual({ status: 'ABOLISHED', abolishedAt: NOW });
  });

  it('a 業務系 system not solely for education or research is not exempt (NOT_EXEMPT)', () => {
    expect(refusal(() => applyExemptChange(shiminManager, system(), 'CHANGE', { description: 'x' }, NOW))).toMatchObject({
      code: 'NOT_EXEMPT',
      article: '第8条',
      field: ['systemId'],
    });
  });

  it('a 情報系 system is never exempt (NOT_EXEMPT), even if its record says education/research', () => {
    expect(refusal(() => applyExemptChange(digitalManager, groupware({ educationOrResearchOnly: true }), 'ABOLISH', {}, NOW))).toMatchObject({
      code: 'NOT_EXEMPT',
      article: '第8条',
    });
  });

  it('第7条: the exemption does not cover the decision: a registered system must be decided first', () => {
    expect(refusal(() => applyExemptChange(kyouikuManager, gakushu({ status: 'REGISTERED' }), 'INSTALL', {}, NOW))).toMatchObject({
      code: 'INVALID_STATE',
      article: '第7条',
    });
  });

  it('only the owning department’s information manager records it: another department’s manager is refused (WRONG_DEPARTMENT)', () => {
    expect(refusal(() => applyExemptChange(shiminManager, gakushu(), 'ABOLISH', {}, NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第8条' });
  });

  it('only the owning department’s information manager records it: the system administrator, not a manager, is refused (FORBIDDEN)', () => {
    expect(refusal(() => applyExemptChange(administrator, gakushu(), 'ABOLISH', {}, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第8条' });
  });

  it('the exemption cannot remove itself: a change that ends the education/research use goes through 様式第2号 (NOT_EXEMPT)', () => {
    expect(refusal(() => applyExemptChange(kyouikuManager, gakushu(), 'CHANGE', { educationOrResearchOnly: false }, NOW))).toMatchObject({
      code: 'NOT_EXEMPT',
      article: '第8条',
      field: ['changes', 'educationOrResearchOnly'],
    });
    expect(refusal(() => applyExemptChange(kyouikuManager, gakushu(), 'CHANGE', { description: '一般業務へ転用', educationOrResearchOnly: false }, NOW))).toMatchObject({
      code: 'NOT_EXEMPT',
      field: ['changes', 'educationOrResearchOnly'],
    });
    expect(applyExemptChange(kyouikuManager, gakushu(), 'CHANGE', { description: '端末を更新', educationOrResearchOnly: true }, NOW)).toEqual({
      description: '端末を更新',
      educationOrResearchOnly: true,
    });
  });

  it('the lifecycle still holds: not installed twice, not changed before installation', () => {
    expect(refusal(() => applyExemptChange(kyouikuManager, gakushu(), 'INSTALL', {}, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第8条' });
    expect(refusal(() => applyExemptChange(kyouikuManager, gakushu({ status: 'DECIDED' }), 'CHANGE', { description: 'x' }, NOW))).toMatchObject({
      code: 'INVALID_STATE',
      article: '第8条',
    });
  });
});

describe('第8条: the effect of installing, changing or abolishing', () => {
  it('INSTALL: a decided system becomes installed', () => {
    expect(installChangeAbolish(system({ status: 'DECIDED' }), 'INSTALL', {}, NOW)).toEqual({ status: 'INSTALLED', installedAt: NOW });
  });

  it.each(['REGISTERED', 'INSTALLED', 'ABOLISHED'] as const)('INSTALL: a %s system cannot be installed', (status) => {
    expect(refusal(() => installChangeAbolish(system({ status }), 'INSTALL', {}, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第8条' });
  });

  it('CHANGE: an installed system takes the changes', () => {
    expect(installChangeAbolish(system(), 'CHANGE', { name: '新住民情報システム', purposes: ['EFFICIENCY'] }, NOW)).toEqual({
      name: '新住民情報システム',
      purposes: ['EFFICIENCY'],
    });
  });

  it.each(['REGISTERED', 'DECIDED', 'ABOLISHED'] as const)('CHANGE: a %s system is not changed (既に設置している行政システムを変更)', (status) => {
    expect(refusal(() => installChangeAbolish(system({ status }), 'CHANGE', { name: 'x' }, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第8条' });
  });

  it('CHANGE: a change names what changes', () => {
    expect(refusal(() => installChangeAbolish(system(), 'CHANGE', {}, NOW))).toMatchObject({ code: 'INVALID_VALUE', article: '第8条', field: ['changes'] });
    expect(refusal(() => installChangeAbolish(system(), 'CHANGE', { name: undefined }, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['changes'] });
  });

  it('CHANGE: 第6条 still holds afterwards: a change cannot remove every purpose', () => {
    expect(refusal(() => installChangeAbolish(system(), 'CHANGE', { purposes: [] }, NOW))).toMatchObject({ code: 'MISSING_PURPOSE', article: '第6条' });
  });

  it('CHANGE: a 情報系 system cannot be changed into an education/research one', () => {
    expect(refusal(() => installChangeAbolish(groupware(), 'CHANGE', { educationOrResearchOnly: true }, NOW))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第8条',
    });
  });

  it('ABOLISH: an installed system is abolished', () => {
    expect(installChangeAbolish(system(), 'ABOLISH', {}, NOW)).toEqual({ status: 'ABOLISHED', abolishedAt: NOW });
  });

  it.each(['REGISTERED', 'DECIDED', 'ABOLISHED'] as const)(
    'ABOLISH: a %s system is not abolished: 様式第2号 abolishes a system already installed (既に設置している行政システムを…廃止)',
    (status) => {
      expect(refusal(() => installChangeAbolish(system({ status }), 'ABOLISH', {}, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第8条' });
    },
  );
});

describe('第11条: operating hours', () => {
  it('第11条第1項: a 情報系 system operates all day', () => {
    expect(operatingHours('INFORMATION')).toEqual({ policy: 'ALL_DAY', article: '第11条第1項' });
  });

  it('第11条第2項: a 業務系 system operates within staff working hours', () => {
    expect(operatingHours('BUSINESS')).toEqual({ policy: 'WORKING_HOURS', article: '第11条第2項' });
  });
});
