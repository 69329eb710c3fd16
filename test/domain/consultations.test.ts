/**
 * The consultations on a system's life, each filed by an information manager with the system administrator:
 * 様式第1号 (decide, 第7条), 様式第2号 (install, change, abolish, 第8条), 様式第3号 (connect 情報系 and 業務系, 第9条).
 */
import {
  CONSULTATION_ACTIONS,
  ConsultationAction,
  ConsultationInput,
  DECIDING_ROLE,
  articleOf,
  assertActionPossible,
  assertMayDecide,
  assertMayFile,
  effectOfApproval,
  formOf,
  validateConsultationInput,
} from '../../functions/domain/consultations';
import { SystemRecord } from '../../functions/domain/systems';
import { NOW, actor, administrator, digitalManager, formerShiminManager, generalManager, groupware, kenkouManager, refusal, shiminManager, shiminStaff, system } from '../support/domain';

const formerAdministrator = actor('former-director', 'soumu', ['SYSTEM_ADMINISTRATOR', undefined, '2026-03-31']);

const hoken = (extra: Partial<SystemRecord> = {}) => system({ id: 'hoken', name: '保健福祉システム', owningDepartmentId: 'kenkou', processingDepartmentIds: ['kenkou'], ...extra });
const zaimu = (extra: Partial<SystemRecord> = {}) =>
  system({ id: 'zaimu', name: '財務会計システム', category: 'INFORMATION', owningDepartmentId: 'zaisei', processingDepartmentIds: [], ...extra });

describe('the form and article of each action', () => {
  it.each([
    ['DECIDE', 'FORM_1', '第7条'],
    ['INSTALL', 'FORM_2', '第8条'],
    ['CHANGE', 'FORM_2', '第8条'],
    ['ABOLISH', 'FORM_2', '第8条'],
    ['CONNECT', 'FORM_3', '第9条'],
  ] as const)('%s is %s under %s', (action, form, article) => {
    expect(formOf(action)).toBe(form);
    expect(articleOf(action)).toBe(article);
  });

  it('those are all the actions', () => {
    expect([...CONSULTATION_ACTIONS].sort()).toEqual(['ABOLISH', 'CHANGE', 'CONNECT', 'DECIDE', 'INSTALL']);
  });
});

describe('who files: the information manager (情報管理責任者) of the system’s department', () => {
  it.each(CONSULTATION_ACTIONS.filter((a) => a !== 'CONNECT'))('%s: filed by the owning department’s manager, for that department', (action) => {
    expect(assertMayFile(shiminManager, system(), undefined, NOW, action)).toBe('shimin');
  });

  it.each(CONSULTATION_ACTIONS.map((a) => [a, articleOf(a)] as const))('%s: another department’s information manager is refused (WRONG_DEPARTMENT, %s)', (action, article) => {
    expect(refusal(() => assertMayFile(kenkouManager, system(), action === 'CONNECT' ? groupware() : undefined, NOW, action))).toMatchObject({
      code: 'WRONG_DEPARTMENT',
      article,
      field: ['systemId'],
    });
  });

  it.each(CONSULTATION_ACTIONS.map((a) => [a, articleOf(a)] as const))('%s: anyone who is not an information manager today is refused (FORBIDDEN, %s)', (action, article) => {
    for (const who of [shiminStaff, administrator, generalManager, formerShiminManager]) {
      expect(refusal(() => assertMayFile(who, system(), action === 'CONNECT' ? groupware() : undefined, NOW, action))).toMatchObject({
        code: 'FORBIDDEN',
        article,
        field: ['systemId'],
      });
    }
  });

  it('第9条: a connection may be filed by the manager of either system’s department, for that department', () => {
    expect(assertMayFile(digitalManager, system(), groupware(), NOW, 'CONNECT')).toBe('digital');
    expect(assertMayFile(shiminManager, system(), groupware(), NOW, 'CONNECT')).toBe('shimin');
  });
});

describe('who decides: the system administrator (情報システム管理者) decides forms 1–3', () => {
  it('the deciding role is SYSTEM_ADMINISTRATOR', () => {
    expect(DECIDING_ROLE).toBe('SYSTEM_ADMINISTRATOR');
  });

  it.each(CONSULTATION_ACTIONS)('%s: the system administrator decides', (action) => {
    expect(() => assertMayDecide(administrator, action, NOW)).not.toThrow();
  });

  it.each(CONSULTATION_ACTIONS.map((a) => [a, articleOf(a)] as const))('%s: no one else decides (FORBIDDEN, %s)', (action, article) => {
    for (const who of [generalManager, shiminManager, digitalManager, shiminStaff, formerAdministrator]) {
      expect(refusal(() => assertMayDecide(who, action, NOW))).toMatchObject({ code: 'FORBIDDEN', article });
    }
  });
});

describe('第7条・第6条: 様式第1号 decides a registered system that serves a purpose', () => {
  const registered = (extra: Partial<SystemRecord> = {}) => system({ status: 'REGISTERED', decidedAt: undefined, installedAt: undefined, ...extra });

  it('a registered system with a purpose can be decided', () => {
    expect(() => assertActionPossible({ action: 'DECIDE' }, registered())).not.toThrow();
  });

  it('第6条: a system serving none of the five purposes cannot be decided (MISSING_PURPOSE)', () => {
    expect(refusal(() => assertActionPossible({ action: 'DECIDE' }, registered({ purposes: [] })))).toMatchObject({
      code: 'MISSING_PURPOSE',
      article: '第6条',
      field: ['purposes'],
    });
  });

  it.each(['DECIDED', 'INSTALLED', 'ABOLISHED'] as const)('a %s system is not decided again (INVALID_STATE, 第7条)', (status) => {
    expect(refusal(() => assertActionPossible({ action: 'DECIDE' }, system({ status })))).toMatchObject({ code: 'INVALID_STATE', article: '第7条' });
  });
});

describe('第8条: 様式第2号 installs a decided system, changes or abolishes an installed one', () => {
  it('INSTALL needs a decided system', () => {
    expect(() => assertActionPossible({ action: 'INSTALL' }, system({ status: 'DECIDED' }))).not.toThrow();
    for (const status of ['REGISTERED', 'INSTALLED', 'ABOLISHED'] as const) {
      expect(refusal(() => assertActionPossible({ action: 'INSTALL' }, system({ status })))).toMatchObject({ code: 'INVALID_STATE', article: '第8条' });
    }
  });

  it('CHANGE needs an installed system and changes that leave it valid', () => {
    expect(() => assertActionPossible({ action: 'CHANGE', proposedChanges: { network: 'EXTERNAL' } }, system())).not.toThrow();
    for (const status of ['REGISTERED', 'DECIDED', 'ABOLISHED'] as const) {
      expect(refusal(() => assertActionPossible({ action: 'CHANGE', proposedChanges: { network: 'EXTERNAL' } }, system({ status })))).toMatchObject({
        code: 'INVALID_STATE',
        article: '第8条',
      });
    }
    expect(refusal(() => assertActionPossible({ action: 'CHANGE' }, system()))).toMatchObject({ code: 'INVALID_VALUE', article: '第8条' });
    expect(refusal(() => assertActionPossible({ action: 'CHANGE', proposedChanges: { purposes: [] } }, system()))).toMatchObject({
      code: 'MISSING_PURPOSE',
      article: '第6条',
    });
  });

  it('ABOLISH needs an installed system (既に設置している行政システムを…廃止)', () => {
    expect(() => assertActionPossible({ action: 'ABOLISH' }, system())).not.toThrow();
    for (const status of ['REGISTERED', 'DECIDED', 'ABOLISHED'] as const) {
      expect(refusal(() => assertActionPossible({ action: 'ABOLISH' }, system({ status })))).toMatchObject({ code: 'INVALID_STATE', article: '第8条' });
    }
  });
});

describe('第9条: 様式第3号 connects a 情報系 system with a 業務系 system', () => {
  it('情報系 with 業務系, either way round, both decided or installed', () => {
    expect(() => assertActionPossible({ action: 'CONNECT' }, groupware(), system())).not.toThrow();
    expect(() => assertActionPossible({ action: 'CONNECT' }, system(), groupware({ status: 'DECIDED' }))).not.toThrow();
  });

  it('names the system to connect to', () => {
    expect(refusal(() => assertActionPossible({ action: 'CONNECT' }, groupware()))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第9条',
      field: ['connectSystemId'],
    });
  });

  it('a system is not connected to itself (INVALID_CONNECTION)', () => {
    expect(refusal(() => assertActionPossible({ action: 'CONNECT' }, groupware(), groupware()))).toMatchObject({
      code: 'INVALID_CONNECTION',
      article: '第9条',
      field: ['connectSystemId'],
    });
  });

  it('情報系 with 情報系, or 業務系 with 業務系, is not a connection under 第9条 (INVALID_CONNECTION)', () => {
    expect(refusal(() => assertActionPossible({ action: 'CONNECT' }, groupware(), zaimu()))).toMatchObject({ code: 'INVALID_CONNECTION', article: '第9条' });
    expect(refusal(() => assertActionPossible({ action: 'CONNECT' }, system(), hoken()))).toMatchObject({ code: 'INVALID_CONNECTION', article: '第9条' });
  });

  it.each(['REGISTERED', 'ABOLISHED'] as const)('a %s system, on either side, is not connected (INVALID_STATE)', (status) => {
    expect(refusal(() => assertActionPossible({ action: 'CONNECT' }, groupware({ status }), system()))).toMatchObject({ code: 'INVALID_STATE', article: '第9条' });
    expect(refusal(() => assertActionPossible({ action: 'CONNECT' }, groupware(), system({ status })))).toMatchObject({ code: 'INVALID_STATE', article: '第9条' });
  });

  it('systems already connected are not connected twice (DUPLICATE)', () => {
    const gw = groupware({ connectedSystemIds: ['juumin'] });
    const juumin = system({ connectedSystemIds: ['groupware'] });
    expect(refusal(() => assertActionPossible({ action: 'CONNECT' }, gw, juumin))).toMatchObject({ code: 'DUPLICATE', article: '第9条', field: ['connectSystemId'] });
    expect(refusal(() => assertActionPossible({ action: 'CONNECT' }, juumin, gw))).toMatchObject({ code: 'DUPLICATE', article: '第9条' });
  });
});

describe('the form’s content', () => {
  const base = (action: ConsultationAction, extra: Partial<ConsultationInput> = {}): ConsultationInput => ({ action, title: '件名', details: '内容・理由', ...extra });

  it('a complete form passes', () => {
    expect(() => validateConsultationInput(base('DECIDE', { plannedOn: '2026-10-01' }))).not.toThrow();
    expect(() => validateConsultationInput(base('CONNECT', { connectSystemId: 'juumin' }))).not.toThrow();
    expect(() => validateConsultationInput(base('CHANGE', { proposedChanges: { name: '新名称' } }))).not.toThrow();
  });

  it.each(CONSULTATION_ACTIONS.map((a) => [a, articleOf(a)] as const))('%s: a title and its content and reasons are required (%s)', (action, article) => {
    expect(refusal(() => validateConsultationInput(base(action, { title: '  ' })))).toMatchObject({ code: 'INVALID_VALUE', article, field: ['title'] });
    expect(refusal(() => validateConsultationInput(base(action, { details: '' })))).toMatchObject({ code: 'INVALID_VALUE', article, field: ['details'] });
  });

  it('the planned date is a date', () => {
    expect(refusal(() => validateConsultationInput(base('INSTALL', { plannedOn: '来月' })))).toMatchObject({ code: 'INVALID_VALUE', article: '第8条', field: ['plannedOn'] });
  });

  it('only 様式第3号 names a system to connect to', () => {
    expect(refusal(() => validateConsultationInput(base('INSTALL', { connectSystemId: 'juumin' })))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第8条',
      field: ['connectSystemId'],
    });
  });

  it('only a change proposes changes', () => {
    expect(refusal(() => validateConsultationInput(base('ABOLISH', { proposedChanges: { name: 'x' } })))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第8条',
      field: ['proposedChanges'],
    });
    expect(() => validateConsultationInput(base('ABOLISH', { proposedChanges: { name: undefined } }))).not.toThrow();
  });
});

describe('effectOfApproval: what the approved consultation does to the system(s)', () => {
  it('様式第1号: the system is decided', () => {
    expect(effectOfApproval({ action: 'DECIDE' }, system({ status: 'REGISTERED', decidedAt: undefined }), undefined, NOW)).toEqual({
      system: { status: 'DECIDED', decidedAt: NOW },
    });
  });

  it('様式第2号 install: the system is installed', () => {
    expect(effectOfApproval({ action: 'INSTALL' }, system({ status: 'DECIDED', installedAt: undefined }), undefined, NOW)).toEqual({
      system: { status: 'INSTALLED', installedAt: NOW },
    });
  });

  it('様式第2号 change: the proposed changes are applied', () => {
    expect(effectOfApproval({ action: 'CHANGE', proposedChanges: { network: 'EXTERNAL', purposes: ['COST_SAVING'] } }, system(), undefined, NOW)).toEqual({
      system: { network: 'EXTERNAL', purposes: ['COST_SAVING'] },
    });
  });

  it('様式第2号 abolish: the system is abolished', () => {
    expect(effectOfApproval({ action: 'ABOLISH' }, system(), undefined, NOW)).toEqual({ system: { status: 'ABOLISHED', abolishedAt: NOW } });
  });

  it('様式第3号: the connection is recorded on both systems', () => {
    expect(effectOfApproval({ action: 'CONNECT' }, groupware({ connectedSystemIds: ['kokuho'] }), system(), NOW)).toEqual({
      system: { connectedSystemIds: ['kokuho', 'juumin'] },
      other: { connectedSystemIds: ['groupware'] },
    });
  });

  it('the system is checked again at approval: one that moved on meanwhile is refused', () => {
    expect(refusal(() => effectOfApproval({ action: 'DECIDE' }, system({ status: 'DECIDED' }), undefined, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第7条' });
    expect(refusal(() => effectOfApproval({ action: 'INSTALL' }, system({ status: 'INSTALLED' }), undefined, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第8条' });
    expect(refusal(() => effectOfApproval({ action: 'CHANGE', proposedChanges: { name: 'x' } }, system({ status: 'ABOLISHED' }), undefined, NOW))).toMatchObject({
      code: 'INVALID_STATE',
      article: '第8条',
    });
    expect(
      refusal(() => effectOfApproval({ action: 'CONNECT' }, groupware({ connectedSystemIds: ['juumin'] }), system({ connectedSystemIds: ['groupware'] }), NOW)),
    ).toMatchObject({ code: 'DUPLICATE', article: '第9条' });
  });
});
