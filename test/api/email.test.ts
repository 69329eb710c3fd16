/**
 * 電子メール利用等申請書 (様式第11号, 第28条) through the real Lambda handler: the department's information manager
 * applies in advance to the system administrator, and the register of addresses changes only when the system
 * administrator approves — in the same transaction. Every refusal is a userError citing its article and writes nothing.
 */
import { Api, Response, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

function tokyoDate(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const DOMAIN = 'city.shiroishi.miyagi.jp';
const FIELDS = `id form kind status version title address newAddress purpose reason wantedFrom submittedAt article
  department { code } applicant { personId } decision { outcome reason } viewerCanSubmit viewerCanWithdraw viewerCanDecide`;
const APPLY = `mutation($input: ApplyForMailAddressInput!) {
  applyForMailAddress(input: $input) { application { ${FIELDS} } userErrors { code message article field } }
}`;
const SUBMIT = `mutation($input: ApplicationTransitionInput!) {
  submitApplication(input: $input) { application { id status version } userErrors { code message article field } }
}`;
const WITHDRAW = `mutation($input: ApplicationTransitionInput!) {
  withdrawApplication(input: $input) { application { id status version } userErrors { code message article field } }
}`;
const DECIDE = `mutation($input: DecideApplicationInput!) {
  decideApplication(input: $input) { application { id status version } userErrors { code message article field } }
}`;
const ADDRESS = `query($address: String!) { mailAddress(address: $address) {
  id address status purpose department { code } replacedBy { address } application { id } deletionApplication { id } viewerCanApplyForChange
  auditTrail(first: 20) { nodes { action article actor { personId } } } } }`;
const LIST = `query($d: ID) { mailAddresses(first: 100, departmentId: $d) { nodes { address status } } }`;

type App = { id: string; version: number; status: string; [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

let serial = 0;
const fresh = (prefix = 'new') => `${prefix}-${++serial}-${Date.now().toString(36)}@${DOMAIN}`;

const newInput = (extra: Record<string, unknown> = {}) => ({ kind: 'NEW', departmentId: gid('Department', 'shimin'), newAddress: fresh(), purpose: '住民票の郵送請求の受付。', submit: true, ...extra });

const apply = (input: Record<string, unknown>, who = 'shimin-manager'): Promise<App> => ok(api, who, APPLY, input);
const decide = (a: App, outcome: string, extra: Record<string, unknown> = {}, who = 'soumu-director'): Promise<App> =>
  ok(api, who, DECIDE, { applicationId: a.id, expectedVersion: a.version, outcome, ...extra });
const lookup = async (address: string, who = 'shimin-manager') => (await api.data(who, ADDRESS, { address })).mailAddress;
const activeOf = async (dept: string) => (await api.data('shimin-manager', LIST, { d: gid('Department', dept) })).mailAddresses.nodes.map((n: { address: string }) => n.address);

/** A new address of 市民課 in the register (applied for and approved). */
async function registered(): Promise<string> {
  const a = await apply(newInput());
  await decide(a, 'APPROVED');
  return a.newAddress;
}

describe('第28条: a new address — 市民課’s information manager applies (様式第11号), the system administrator approves', () => {
  it('the register changes only on approval: not on the draft, not on submission; the audit trail says who and under which article', async () => {
    const wanted = fresh('koseki');
    const draft = await apply(newInput({ newAddress: ` ${wanted.toUpperCase()} `, submit: false, wantedFrom: tokyoDate(7), reason: '戸籍係の新設' }));
    expect(draft).toMatchObject({
      form: 'FORM_11',
      kind: 'NEW',
      status: 'DRAFT',
      newAddress: wanted,
      address: null,
      wantedFrom: tokyoDate(7),
      article: '第28条',
      department: { code: 'shimin' },
      applicant: { personId: 'shimin-manager' },
      title: `電子メールアドレスの新規(${wanted})`,
      viewerCanSubmit: true,
      viewerCanDecide: false,
    });
    expect(await lookup(wanted)).toBeNull();
    const submitted = await ok(api, 'shimin-manager', SUBMIT, { applicationId: draft.id, expectedVersion: draft.version });
    expect(submitted).toMatchObject({ status: 'SUBMITTED' });
    expect(await lookup(wanted)).toBeNull();
    const inbox = (await api.data('soumu-director', `{ myInbox(first: 100) { nodes { id form viewerCanDecide } } }`)).myInbox.nodes;
    expect(inbox).toContainEqual({ id: draft.id, form: 'FORM_11', viewerCanDecide: true });

    await decide(submitted, 'APPROVED');
    const entry = await lookup(wanted.toUpperCase());
    expect(entry).toMatchObject({
      id: gid('MailAddress', wanted),
      address: wanted,
      status: 'ACTIVE',
      purpose: '住民票の郵送請求の受付。',
      department: { code: 'shimin' },
      application: { id: draft.id },
      viewerCanApplyForChange: true,
      auditTrail: { nodes: [{ action: 'mailAddress.registered', article: '第28条', actor: { personId: 'soumu-director' } }] },
    });
    expect((await api.data('kenkou-manager', `query($id: ID!) { node(id: $id) { ... on MailAddress { address viewerCanApplyForChange } } }`, { id: entry.id })).node).toEqual({
      address: wanted,
      viewerCanApplyForChange: false,
    });
    expect(await activeOf('shimin')).toContain(wanted);
    expect((await api.data('soumu-director', `{ myInbox(first: 100) { nodes { id } } }`)).myInbox.nodes).not.toContainEqual({ id: draft.id });
  });

  it('the demo register: each department’s addresses in use, its own by default', async () => {
    expect(await activeOf('shimin')).toContain(`shimin@${DOMAIN}`);
    expect(await activeOf('digital')).toEqual([`digital@${DOMAIN}`, `helpdesk@${DOMAIN}`]);
    const own = await api.data('kenkou-staff', `{ mailAddresses(first: 10) { nodes { address department { code } } } }`);
    expect(own.mailAddresses.nodes).toEqual([{ address: `kenkou@${DOMAIN}`, department: { code: 'kenkou' } }]);
  });

  it.each([
    ['a rejection', 'REJECTED'],
    ['a return for correction', 'RETURNED'],
  ])('%s changes nothing in the register', async (_what, outcome) => {
    const a = await apply(newInput());
    await decide(a, outcome, { reason: '用途が不明確' });
    expect(await lookup(a.newAddress)).toBeNull();
  });
});

describe('第28条: changing and deleting an address of the department', () => {
  it('a change marks the old address DELETED, replaced by the new one; the new one is in use; nothing is removed', async () => {
    const old = await registered();
    const next = fresh('madoguchi');
    const a = await apply({ kind: 'CHANGE', departmentId: gid('Department', 'shimin'), address: old.toUpperCase(), newAddress: next, submit: true });
    expect(a).toMatchObject({ kind: 'CHANGE', address: old, newAddress: next, purpose: null });
    expect((await lookup(old)).status).toBe('ACTIVE');
    await decide(a, 'APPROVED');
    expect(await lookup(old)).toMatchObject({ status: 'DELETED', replacedBy: { address: next }, deletionApplication: { id: a.id }, viewerCanApplyForChange: false });
    // The purpose carries over when the application gives none.
    expect(await lookup(next)).toMatchObject({ status: 'ACTIVE', purpose: '住民票の郵送請求の受付。', application: { id: a.id } });
    const active = await activeOf('shimin');
    expect(active).toContain(next);
    expect(active).not.toContain(old);
    expect((await lookup(old)).auditTrail.nodes.map((n: { action: string }) => n.action)).toEqual(['mailAddress.registered', 'mailAddress.deleted']);
  });

  it('a deletion marks the address DELETED; a deleted address may be applied for anew and is registered again', async () => {
    const old = await registered();
    const del = await apply({ kind: 'DELETE', departmentId: gid('Department', 'shimin'), address: old, reason: '係の廃止', submit: true });
    expect(del.title).toBe(`電子メールアドレスの削除(${old})`);
    await decide(del, 'APPROVED');
    expect(await lookup(old)).toMatchObject({ status: 'DELETED', replacedBy: null });
    expect(await activeOf('shimin')).not.toContain(old);
    // Deleting again: it is no longer an address in use.
    expect(await refused(api, 'shimin-manager', APPLY, { kind: 'DELETE', departmentId: gid('Department', 'shimin'), address: old })).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', article: '第28条', field: ['address'] }),
    ]);
    const again = await apply(newInput({ newAddress: old, purpose: '係の再設置' }));
    await decide(again, 'APPROVED');
    expect(await lookup(old)).toMatchObject({ status: 'ACTIVE', purpose: '係の再設置', application: { id: again.id }, deletionApplication: null });
  });

  it.each([
    ['another department’s address: WRONG_DEPARTMENT', { kind: 'DELETE', address: `kenkou@${DOMAIN}` }, 'WRONG_DEPARTMENT', ['address']],
    ['another department’s address to change: WRONG_DEPARTMENT', { kind: 'CHANGE', address: `kenkou@${DOMAIN}`, newAddress: `x-${Date.now()}@${DOMAIN}` }, 'WRONG_DEPARTMENT', ['address']],
    ['an address not in the register: NOT_FOUND', { kind: 'DELETE', address: `nobody@${DOMAIN}` }, 'NOT_FOUND', ['address']],
    ['an address already in use (any department): DUPLICATE', { kind: 'NEW', newAddress: `KENKOU@${DOMAIN}`, purpose: 'x' }, 'DUPLICATE', ['newAddress']],
    ['changed to an address in use: DUPLICATE', { kind: 'CHANGE', address: `shimin@${DOMAIN}`, newAddress: `soumu@${DOMAIN}` }, 'DUPLICATE', ['newAddress']],
    ['changed to itself', { kind: 'CHANGE', address: `shimin@${DOMAIN}`, newAddress: `Shimin@${DOMAIN}` }, 'INVALID_VALUE', ['newAddress']],
    ['not an e-mail address', { kind: 'NEW', newAddress: 'shimin at city', purpose: 'x' }, 'INVALID_VALUE', ['newAddress']],
    ['a new address states what it is for', { kind: 'NEW', newAddress: `p-${Date.now()}@${DOMAIN}`, purpose: ' ' }, 'INVALID_VALUE', ['purpose']],
    ['a change names the address in use', { kind: 'CHANGE', newAddress: `q-${Date.now()}@${DOMAIN}` }, 'INVALID_VALUE', ['address']],
    ['a new address names no address in use', { kind: 'NEW', address: `shimin@${DOMAIN}`, newAddress: `r-${Date.now()}@${DOMAIN}`, purpose: 'x' }, 'INVALID_VALUE', ['address']],
    ['a deletion names no new address', { kind: 'DELETE', address: `shimin@${DOMAIN}`, newAddress: `s-${Date.now()}@${DOMAIN}` }, 'INVALID_VALUE', ['newAddress']],
    ['wanted from a day already past: NOT_IN_ADVANCE', { kind: 'NEW', newAddress: `t-${Date.now()}@${DOMAIN}`, purpose: 'x', wantedFrom: tokyoDate(-1) }, 'NOT_IN_ADVANCE', ['wantedFrom']],
  ])('%s — refused at application, nothing written', async (_rule, extra, code, field) => {
    expect(await refused(api, 'shimin-manager', APPLY, { departmentId: gid('Department', 'shimin'), submit: true, ...extra })).toEqual([
      expect.objectContaining({ code, article: '第28条', field }),
    ]);
  });

  it.each([
    ['職員等: FORBIDDEN', 'shimin-staff', 'FORBIDDEN'],
    ['the system administrator does not apply: FORBIDDEN', 'soumu-director', 'FORBIDDEN'],
    ['another department’s manager: WRONG_DEPARTMENT', 'kenkou-manager', 'WRONG_DEPARTMENT'],
  ])('the department’s information manager applies — %s', async (_who, who, code) => {
    expect(await refused(api, who, APPLY, newInput())).toEqual([expect.objectContaining({ code, article: '第28条', field: ['departmentId'] })]);
  });
});

describe('第28条: the system administrator decides; the register is checked again at submission and approval', () => {
  it.each([
    ['the general manager', 'fuku-shichou'],
    ['市民課’s own manager', 'shimin-manager'],
    ['デジタル推進課’s manager', 'digital-manager'],
  ])('%s does not decide: FORBIDDEN', async (_who, who) => {
    const a = await apply(newInput());
    expect(await refused(api, who, DECIDE, { applicationId: a.id, expectedVersion: a.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', article: '第28条' }),
    ]);
  });

  it('an address taken after the application was made: DUPLICATE at approval (and at resubmission), nothing written', async () => {
    const wanted = fresh('dup');
    const first = await apply(newInput({ newAddress: wanted }));
    const second = await apply(newInput({ newAddress: wanted }));
    const returned = await decide(second, 'RETURNED', { reason: '確認' });
    await decide(first, 'APPROVED');
    expect(await refused(api, 'soumu-director', DECIDE, { applicationId: second.id, expectedVersion: second.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'ALREADY_DECIDED' }),
    ]);
    expect(await refused(api, 'shimin-manager', SUBMIT, { applicationId: second.id, expectedVersion: returned.version })).toEqual([
      expect.objectContaining({ code: 'DUPLICATE', article: '第28条', field: ['newAddress'] }),
    ]);
    const third = await apply(newInput({ newAddress: fresh('dup3') }));
    const fourth = await apply(newInput({ newAddress: third.newAddress }));
    await decide(third, 'APPROVED');
    expect(await refused(api, 'soumu-director', DECIDE, { applicationId: fourth.id, expectedVersion: fourth.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'DUPLICATE', article: '第28条', field: ['newAddress'] }),
    ]);
    // The system administrator rejects it instead.
    expect(await decide(fourth, 'REJECTED', { reason: '既に使用中' })).toMatchObject({ status: 'REJECTED' });
  });

  it('a draft wanted from a day that has passed by submission: NOT_IN_ADVANCE; a deleted address cannot be deleted again at approval', async () => {
    const draft = await apply(newInput({ submit: false, wantedFrom: tokyoDate(-2) }));
    expect(await refused(api, 'shimin-manager', SUBMIT, { applicationId: draft.id, expectedVersion: draft.version })).toEqual([
      expect.objectContaining({ code: 'NOT_IN_ADVANCE', article: '第28条', field: ['wantedFrom'] }),
    ]);
    const old = await registered();
    const del1 = await apply({ kind: 'DELETE', departmentId: gid('Department', 'shimin'), address: old, submit: true });
    const del2 = await apply({ kind: 'DELETE', departmentId: gid('Department', 'shimin'), address: old, submit: true });
    await decide(del1, 'APPROVED');
    expect(await refused(api, 'soumu-director', DECIDE, { applicationId: del2.id, expectedVersion: del2.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', article: '第28条', field: ['address'] }),
    ]);
  });

  it('withdrawn before the decision: the register is untouched; mailAddressApplications lists the department’s applications', async () => {
    const a = await apply(newInput());
    await ok(api, 'shimin-manager', WITHDRAW, { applicationId: a.id, expectedVersion: a.version });
    expect(await lookup(a.newAddress)).toBeNull();
    const listed = await api.data('shimin-manager', `{ mailAddressApplications(first: 100) { nodes { id status } } }`);
    expect(listed.mailAddressApplications.nodes).toContainEqual({ id: a.id, status: 'WITHDRAWN' });
  });
});

describe('第28条: one address is never registered twice, even when two approvals race', () => {
  it('repeated 4 times: two applications for the same address approved at once — exactly one wins, the other is DUPLICATE', async () => {
    for (let round = 0; round < 4; round++) {
      const wanted = fresh('race');
      const a = await apply(newInput({ newAddress: wanted }));
      const b = await apply(newInput({ newAddress: wanted, departmentId: gid('Department', 'kenkou') }), 'kenkou-manager');
      const send = (x: App) => api.gql('soumu-director', DECIDE, { input: { applicationId: x.id, expectedVersion: x.version, outcome: 'APPROVED' } });
      const results: Response[] = await Promise.all([send(a), send(b)]);
      const payloads = results.map((r) => r.body.data.decideApplication);
      const winners = payloads.filter((p) => p.userErrors.length === 0);
      expect(winners).toHaveLength(1);
      const loser = payloads.find((p) => p.userErrors.length > 0);
      expect(loser.application).toBeNull();
      expect(loser.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', article: '第28条' })]);
      const entry = await lookup(wanted);
      expect(entry.status).toBe('ACTIVE');
      expect(entry.application.id).toBe(winners[0].application.id);
      expect(entry.auditTrail.nodes).toHaveLength(1);
    }
  });
});
