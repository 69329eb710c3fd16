/**
 * 電子メール (第28条): 情報管理責任者は、新たに電子メールアドレスを必要とするとき又は既に付与されている電子メールアドレスを
 * 変更し、若しくは削除しようとするときは、あらかじめ電子メール利用等申請書(様式第11号)を情報システム管理者に提出しなければならない。
 */
import {
  ARTICLE,
  MailAddress,
  MailAddressApplication,
  applicationFields,
  approvalChanges,
  assertInAdvance,
  assertMayApply,
  assertMayDecide,
  assertRegisterAllows,
  mayApplyFor,
  normalizeAddress,
  titleOf,
  viewerActions,
} from '../../functions/domain/email';
import { NOW, EARLIER, administrator, formerShiminManager, generalManager, kenkouManager, refusal, shiminManager, shiminStaff } from '../support/domain';

const address = (id: string, extra: Partial<MailAddress> = {}): MailAddress => ({
  id,
  address: id,
  departmentId: 'shimin',
  purpose: '市民課の代表アドレス',
  status: 'ACTIVE',
  registeredAt: EARLIER,
  version: 2,
  createdAt: EARLIER,
  updatedAt: EARLIER,
  ...extra,
});

const application = (extra: Partial<MailAddressApplication> = {}): MailAddressApplication => ({
  id: 'app-1',
  form: 'FORM_11',
  title: 't',
  kind: 'NEW',
  departmentId: 'shimin',
  newAddress: 'koseki@city.example.jp',
  purpose: '戸籍係',
  status: 'SUBMITTED',
  applicantId: 'shimin-manager',
  version: 2,
  submittedAt: NOW,
  createdAt: NOW,
  updatedAt: NOW,
  ...extra,
});

describe('第28条: who applies and who decides', () => {
  it('the department’s information manager applies; another department’s is WRONG_DEPARTMENT; anyone else FORBIDDEN', () => {
    expect(() => assertMayApply(shiminManager, 'shimin', NOW)).not.toThrow();
    expect(refusal(() => assertMayApply(kenkouManager, 'shimin', NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: ARTICLE, field: ['departmentId'] });
    for (const a of [shiminStaff, administrator, generalManager, formerShiminManager]) {
      expect(refusal(() => assertMayApply(a, 'shimin', NOW))).toMatchObject({ code: 'FORBIDDEN', article: ARTICLE });
    }
  });

  it('the system administrator decides, no one else', () => {
    expect(() => assertMayDecide(administrator, NOW)).not.toThrow();
    for (const a of [shiminManager, generalManager, shiminStaff]) expect(refusal(() => assertMayDecide(a, NOW))).toMatchObject({ code: 'FORBIDDEN', article: ARTICLE });
    expect(viewerActions(administrator, application(), NOW)).toMatchObject({ decide: true, withdraw: false });
    expect(viewerActions(shiminManager, application(), NOW)).toMatchObject({ decide: false, withdraw: true });
  });

  it('the department’s information manager may apply to change an address in use, not a deleted one', () => {
    expect(mayApplyFor(shiminManager, address('a@x.jp'), NOW)).toBe(true);
    expect(mayApplyFor(kenkouManager, address('a@x.jp'), NOW)).toBe(false);
    expect(mayApplyFor(shiminManager, address('a@x.jp', { status: 'DELETED' }), NOW)).toBe(false);
  });
});

describe('第28条: what each kind of application names', () => {
  it('addresses are normalized to lower case; the title says what is asked', () => {
    expect(normalizeAddress('  Shimin@City.Example.JP ')).toBe('shimin@city.example.jp');
    const f = applicationFields({ kind: 'CHANGE', address: 'Old@X.jp', newAddress: 'New@X.jp', purpose: ' ', reason: ' 係の統合 ' });
    expect(f).toEqual({ kind: 'CHANGE', address: 'old@x.jp', newAddress: 'new@x.jp', purpose: undefined, reason: '係の統合', wantedFrom: undefined });
    expect(titleOf(f)).toBe('電子メールアドレスの変更(old@x.jp → new@x.jp)');
  });

  it.each([
    ['NEW without the address wanted', { kind: 'NEW', purpose: 'x' }, ['newAddress']],
    ['NEW without a purpose', { kind: 'NEW', newAddress: 'a@x.jp' }, ['purpose']],
    ['NEW naming an address in use', { kind: 'NEW', newAddress: 'a@x.jp', address: 'b@x.jp', purpose: 'x' }, ['address']],
    ['CHANGE without the address in use', { kind: 'CHANGE', newAddress: 'a@x.jp' }, ['address']],
    ['CHANGE to the same address', { kind: 'CHANGE', address: 'a@x.jp', newAddress: 'A@X.JP' }, ['newAddress']],
    ['DELETE naming a new address', { kind: 'DELETE', address: 'a@x.jp', newAddress: 'b@x.jp' }, ['newAddress']],
    ['not an address', { kind: 'NEW', newAddress: 'a@', purpose: 'x' }, ['newAddress']],
    ['a date that is not one', { kind: 'NEW', newAddress: 'a@x.jp', purpose: 'x', wantedFrom: '2026-02-30' }, ['wantedFrom']],
  ] as const)('%s: INVALID_VALUE', (_what, input, field) => {
    expect(refusal(() => applicationFields(input))).toMatchObject({ code: 'INVALID_VALUE', article: ARTICLE, field });
  });

  it('あらかじめ: a day the address is wanted from may be today or later when submitted, not a day past (NOT_IN_ADVANCE)', () => {
    expect(() => assertInAdvance({ wantedFrom: '2026-06-15' }, NOW)).not.toThrow();
    expect(() => assertInAdvance({}, NOW)).not.toThrow();
    expect(refusal(() => assertInAdvance({ wantedFrom: '2026-06-14' }, NOW))).toMatchObject({ code: 'NOT_IN_ADVANCE', article: ARTICLE, field: ['wantedFrom'] });
  });
});

describe('第28条: the register the application meets', () => {
  it('an address in use by any department is not applied for again (DUPLICATE); a deleted one may be', () => {
    expect(refusal(() => assertRegisterAllows(application(), undefined, address('koseki@city.example.jp', { departmentId: 'kenkou' })))).toMatchObject({ code: 'DUPLICATE', field: ['newAddress'] });
    expect(() => assertRegisterAllows(application(), undefined, address('koseki@city.example.jp', { status: 'DELETED' }))).not.toThrow();
  });

  it('a change or deletion is of an address in use (NOT_FOUND) of the applying department (WRONG_DEPARTMENT)', () => {
    const del = application({ kind: 'DELETE', address: 'a@x.jp', newAddress: undefined });
    expect(refusal(() => assertRegisterAllows(del, undefined, undefined))).toMatchObject({ code: 'NOT_FOUND', field: ['address'] });
    expect(refusal(() => assertRegisterAllows(del, address('a@x.jp', { status: 'DELETED' }), undefined))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusal(() => assertRegisterAllows(del, address('a@x.jp', { departmentId: 'kenkou' }), undefined))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: ARTICLE });
  });
});

describe('第28条: approval changes the register', () => {
  it('NEW: a new entry, written as one that must not exist yet', () => {
    const [c] = approvalChanges(application(), undefined, undefined, NOW);
    expect(c).toEqual({
      address: { id: 'koseki@city.example.jp', address: 'koseki@city.example.jp', departmentId: 'shimin', purpose: '戸籍係', status: 'ACTIVE', applicationId: 'app-1', registeredAt: NOW, version: 1, createdAt: NOW, updatedAt: NOW },
      expectedVersion: undefined,
      before: undefined,
    });
  });

  it('NEW for a deleted address: the same entry, active again, on the version read', () => {
    const old = address('koseki@city.example.jp', { status: 'DELETED', deletedAt: EARLIER, replacedBy: 'z@x.jp', version: 3 });
    const [c] = approvalChanges(application(), undefined, old, NOW);
    expect(c.expectedVersion).toBe(3);
    expect(c.address).toMatchObject({ status: 'ACTIVE', version: 4, createdAt: EARLIER, registeredAt: NOW });
    expect(c.address.deletedAt).toBeUndefined();
    expect(c.address.replacedBy).toBeUndefined();
  });

  it('CHANGE: the new address in use (purpose carried over), the old one DELETED and replaced by it', () => {
    const old = address('a@x.jp');
    const changes = approvalChanges(application({ kind: 'CHANGE', address: 'a@x.jp', newAddress: 'b@x.jp', purpose: undefined }), old, undefined, NOW);
    expect(changes.map((c) => [c.address.id, c.address.status, c.expectedVersion])).toEqual([['b@x.jp', 'ACTIVE', undefined], ['a@x.jp', 'DELETED', 2]]);
    expect(changes[0].address.purpose).toBe('市民課の代表アドレス');
    expect(changes[1].address).toMatchObject({ replacedBy: 'b@x.jp', deletionApplicationId: 'app-1', deletedAt: NOW, version: 3 });
  });

  it('DELETE: the entry is kept, DELETED; approval meets the register’s refusals too', () => {
    const del = application({ kind: 'DELETE', address: 'a@x.jp', newAddress: undefined });
    const [c] = approvalChanges(del, address('a@x.jp'), undefined, NOW);
    expect(c.address).toMatchObject({ status: 'DELETED', replacedBy: undefined });
    expect(refusal(() => approvalChanges(application(), undefined, address('koseki@city.example.jp'), NOW))).toMatchObject({ code: 'DUPLICATE' });
  });
});
