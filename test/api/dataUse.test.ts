/**
 * データ利用承認申請書 (様式第6号, 第14条) through the real Lambda handler: the requesting department’s information
 * manager applies, the information manager who holds the data decides; approval is a grant for a period. Every
 * refusal is a userError citing its article and writes nothing.
 */
import { Api, Response, gid, movedBack, ok, refused, setupApi } from '../support/api';
import { randomUUID } from 'node:crypto';
import { dataUseItem } from '../../functions/store/data';
import { getObject } from '../../functions/store/kinds';
import { fromGlobalId } from '../../graphql/globalId';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

/** The calendar date in Asia/Tokyo, `offsetDays` from today. */
function tokyoDate(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const APPLICATION_FIELDS = `id form status version title purpose items legalBasis legalBases { kind citation } period { from until } submittedAt withdrawnAt current
  dataset { id } owningDepartment { code } requestingDepartment { code } applicant { personId }
  decision { outcome reason conditions decidedBy { personId } } viewerCanSubmit viewerCanWithdraw viewerCanDecide`;
const APPLY = `mutation($input: ApplyForDataUseInput!) {
  applyForDataUse(input: $input) { application { ${APPLICATION_FIELDS} } userErrors { code message article field } }
}`;
const SUBMIT = `mutation($input: ApplicationTransitionInput!) {
  submitApplication(input: $input) { application { id status version ... on DataUseApplication { decision { outcome } } } userErrors { code message article field } }
}`;
const WITHDRAW = `mutation($input: ApplicationTransitionInput!) {
  withdrawApplication(input: $input) { application { id status version withdrawnAt } userErrors { code message article field } }
}`;
const DECIDE = `mutation($input: DecideApplicationInput!) {
  decideApplication(input: $input) { application { id status version ... on DataUseApplication { current decision { outcome reason conditions decidedBy { personId } } } } userErrors { code message article field } }
}`;
const NODE = `query($id: ID!) { node(id: $id) { ... on DataUseApplication { ${APPLICATION_FIELDS} auditTrail(first: 50) { nodes { action article actor { personId } } } } } }`;

type App = { id: string; version: number; status: string; [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

function applyInput(extra: Record<string, unknown> = {}) {
  return {
    datasetId: gid('Dataset', 'demo-ds-kenshin'),
    requestingDepartmentId: gid('Department', 'shimin'),
    purpose: '転入者の健診案内の送付',
    items: ['氏名', '受診年月日'],
    period: { from: tokyoDate(-1), until: tokyoDate(30) },
    legalBases: [{ kind: 'INTERNAL_USE' }],
    submit: true,
    ...extra,
  };
}

async function apply(who = 'shimin-manager', extra: Record<string, unknown> = {}): Promise<App> {
  return ok(api, who, APPLY, applyInput(extra));
}

async function node(id: string, who = 'shimin-manager'): Promise<App> {
  return (await api.data(who, NODE, { id })).node;
}

const trail = (a: App) => a.auditTrail.nodes.map((n: { action: string }) => n.action);

async function decideOk(who: string, a: App, outcome: string, extra: Record<string, unknown> = {}): Promise<App> {
  return ok(api, who, DECIDE, { applicationId: a.id, expectedVersion: a.version, outcome, ...extra });
}

describe('第14条: the requesting department’s information manager applies (様式第6号)', () => {
  it('a draft, then submitted with submitApplication: it awaits 健康推進課’s information manager, in advance of use', async () => {
    const draft = await apply('shimin-manager', { submit: false });
    expect(draft).toMatchObject({
      form: 'FORM_6',
      status: 'DRAFT',
      version: 1,
      title: '「健診結果データ」の利用',
      items: ['氏名', '受診年月日'],
      dataset: { id: gid('Dataset', 'demo-ds-kenshin') },
      owningDepartment: { code: 'kenkou' },
      requestingDepartment: { code: 'shimin' },
      applicant: { personId: 'shimin-manager' },
      submittedAt: null,
      decision: null,
      current: false,
      viewerCanSubmit: true,
      viewerCanWithdraw: true,
      viewerCanDecide: false,
    });
    // Only the applicant submits.
    expect(await refused(api, 'kenkou-manager', SUBMIT, { applicationId: draft.id, expectedVersion: draft.version })).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(await refused(api, 'shimin-manager', SUBMIT, { applicationId: draft.id, expectedVersion: draft.version + 1 })).toEqual([
      expect.objectContaining({ code: 'STALE_VERSION', field: ['expectedVersion'] }),
    ]);
    const submitted = await ok(api, 'shimin-manager', SUBMIT, { applicationId: draft.id, expectedVersion: draft.version });
    expect(submitted).toMatchObject({ status: 'SUBMITTED', version: 2 });
    expect(await refused(api, 'shimin-manager', SUBMIT, { applicationId: draft.id, expectedVersion: 2 })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);

    const seen = await node(draft.id, 'kenkou-manager');
    expect(seen).toMatchObject({ status: 'SUBMITTED', viewerCanDecide: true, viewerCanWithdraw: false });
    expect(seen.submittedAt).toEqual(expect.any(String));
    expect(trail(seen)).toEqual(['dataUse.drafted', 'dataUse.submitted']);
    expect(seen.auditTrail.nodes.every((n: { article: string }) => n.article === '第14条')).toBe(true);
  });

  it.each([
    ['職員等 (shimin-staff) is not an information manager: FORBIDDEN', 'shimin-staff', {}, 'FORBIDDEN', '第14条', ['requestingDepartmentId']],
    ['the system administrator is not the requesting department’s manager: FORBIDDEN', 'soumu-director', {}, 'FORBIDDEN', '第14条', ['requestingDepartmentId']],
    ['健康推進課’s manager does not apply in 市民課’s name: WRONG_DEPARTMENT', 'kenkou-manager', { datasetId: gid('Dataset', 'demo-ds-inkan') }, 'WRONG_DEPARTMENT', '第14条', ['requestingDepartmentId']],
    ['a department does not apply for its own data: OWN_DEPARTMENT', 'shimin-manager', { datasetId: gid('Dataset', 'demo-ds-juumin') }, 'OWN_DEPARTMENT', '第14条', ['datasetId']],
    ['the purpose of use is stated', 'shimin-manager', { purpose: '   ' }, 'INVALID_VALUE', '第14条', ['purpose']],
    ['no data item is blank', 'shimin-manager', { items: ['氏名', ' '] }, 'INVALID_VALUE', '第14条', ['items']],
    ['personal information is used on a legal basis (個人情報の保護に関する法律第69条)', 'shimin-manager', { legalBases: [] }, 'INVALID_VALUE', '個人情報の保護に関する法律第69条', ['legalBases']],
    ['a bare free text is no legal basis: another law by name and article', 'shimin-manager', { legalBases: undefined, legalBasis: 'なんとなく' }, 'INVALID_VALUE', '第14条', ['legalBases', '0', 'citation']],
    ['第70条 governs a provision, not a use within the city', 'shimin-manager', { legalBases: [{ kind: 'RECIPIENT_MEASURES' }] }, 'INVALID_VALUE', '個人情報の保護に関する法律第70条', ['legalBases', '0']],
    ['あらかじめ: a period that has ended is not applied for', 'shimin-manager', { period: { from: tokyoDate(-30), until: tokyoDate(-1) } }, 'INVALID_VALUE', '第14条', ['period', 'until']],
    ['the period does not end before it starts', 'shimin-manager', { period: { from: tokyoDate(5), until: tokyoDate(4) } }, 'INVALID_VALUE', '第14条', ['period', 'until']],
    ['the dataset exists', 'shimin-manager', { datasetId: gid('Dataset', 'no-such-dataset') }, 'NOT_FOUND', null, ['datasetId']],
    ['the requesting department exists', 'shimin-manager', { requestingDepartmentId: gid('Department', 'no-such-dept') }, 'NOT_FOUND', null, ['requestingDepartmentId']],
  ])('%s — refused and nothing is written', async (_rule, who, extra, code, article, field) => {
    expect(await refused(api, who, APPLY, applyInput(extra))).toEqual([expect.objectContaining({ code, article, field })]);
  });
});

describe('第14条: the information manager who holds the data decides', () => {
  it('健康推進課’s manager approves with conditions: the decision, the grant and the audit trail say so; it cannot be decided or withdrawn again', async () => {
    const a = await apply();
    const approved = await decideOk('kenkou-manager', a, 'APPROVED', { conditions: [' 目的外利用の禁止 ', '利用後の消去'] });
    expect(approved).toMatchObject({
      status: 'APPROVED',
      version: a.version + 1,
      current: true,
      decision: { outcome: 'APPROVED', reason: null, conditions: ['目的外利用の禁止', '利用後の消去'], decidedBy: { personId: 'kenkou-manager' } },
    });
    expect(await refused(api, 'kenkou-manager', DECIDE, { applicationId: a.id, expectedVersion: approved.version, outcome: 'REJECTED', reason: '再考' })).toEqual([
      expect.objectContaining({ code: 'ALREADY_DECIDED', article: '第14条' }),
    ]);
    expect(await refused(api, 'shimin-manager', WITHDRAW, { applicationId: a.id, expectedVersion: approved.version })).toEqual([expect.objectContaining({ code: 'ALREADY_DECIDED' })]);
    const after = await node(a.id, 'kenkou-manager');
    expect(after).toMatchObject({ status: 'APPROVED', viewerCanDecide: false });
    expect(after.auditTrail.nodes).toEqual([
      { action: 'dataUse.drafted', article: '第14条', actor: { personId: 'shimin-manager' } },
      { action: 'dataUse.submitted', article: '第14条', actor: { personId: 'shimin-manager' } },
      { action: 'dataUse.approved', article: '第14条', actor: { personId: 'kenkou-manager' } },
    ]);
  });

  it('a rejection states its reason (INVALID_VALUE, 第14条); conditions belong to an approval; a rejected application grants nothing', async () => {
    const a = await apply();
    expect(await refused(api, 'kenkou-manager', DECIDE, { applicationId: a.id, expectedVersion: a.version, outcome: 'REJECTED' })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第14条', field: ['reason'] }),
    ]);
    expect(await refused(api, 'kenkou-manager', DECIDE, { applicationId: a.id, expectedVersion: a.version, outcome: 'REJECTED', reason: '  ' })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', field: ['reason'] }),
    ]);
    expect(await refused(api, 'kenkou-manager', DECIDE, { applicationId: a.id, expectedVersion: a.version, outcome: 'REJECTED', reason: '不要', conditions: ['x'] })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', field: ['conditions'] }),
    ]);
    const rejected = await decideOk('kenkou-manager', a, 'REJECTED', { reason: '利用目的に対して項目が過大' });
    expect(rejected).toMatchObject({ status: 'REJECTED', current: false, decision: { outcome: 'REJECTED', reason: '利用目的に対して項目が過大', conditions: [] } });
    expect(await refused(api, 'shimin-manager', SUBMIT, { applicationId: a.id, expectedVersion: rejected.version })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(trail(await node(a.id))).toEqual(['dataUse.drafted', 'dataUse.submitted', 'dataUse.rejected']);
  });

  it('returned for revision (with its reason), the applicant resubmits with submitApplication, and it is approved', async () => {
    const a = await apply();
    expect(await refused(api, 'kenkou-manager', DECIDE, { applicationId: a.id, expectedVersion: a.version, outcome: 'RETURNED' })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', field: ['reason'] }),
    ]);
    const returned = await decideOk('kenkou-manager', a, 'RETURNED', { reason: '利用項目を限定してください' });
    expect(returned).toMatchObject({ status: 'RETURNED', current: false, decision: { outcome: 'RETURNED', reason: '利用項目を限定してください' } });
    const seen = await node(a.id);
    expect(seen).toMatchObject({ viewerCanSubmit: true, viewerCanWithdraw: true, viewerCanDecide: false });
    // A returned application awaits its applicant, not the decider.
    expect(await refused(api, 'kenkou-manager', DECIDE, { applicationId: a.id, expectedVersion: returned.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'ALREADY_DECIDED' }),
    ]);
    const inbox = await api.data('kenkou-manager', `{ myInbox(first: 100) { nodes { id } } }`);
    expect(inbox.myInbox.nodes).not.toContainEqual({ id: a.id });

    const resubmitted = await ok(api, 'shimin-manager', SUBMIT, { applicationId: a.id, expectedVersion: returned.version });
    expect(resubmitted).toMatchObject({ status: 'SUBMITTED', version: returned.version + 1, decision: null });
    expect((await api.data('kenkou-manager', `{ myInbox(first: 100) { nodes { id } } }`)).myInbox.nodes).toContainEqual({ id: a.id });
    const approved = await decideOk('kenkou-manager', resubmitted, 'APPROVED');
    expect(approved).toMatchObject({ status: 'APPROVED', current: true });
    expect(trail(await node(a.id))).toEqual(['dataUse.drafted', 'dataUse.submitted', 'dataUse.returned', 'dataUse.submitted', 'dataUse.approved']);
  });

  it.each([
    ['the applicant, 市民課’s manager, does not approve another department’s data: WRONG_DEPARTMENT', 'shimin-manager', 'WRONG_DEPARTMENT'],
    ['another department’s manager (デジタル推進課): WRONG_DEPARTMENT', 'digital-manager', 'WRONG_DEPARTMENT'],
    ['the system administrator: FORBIDDEN', 'soumu-director', 'FORBIDDEN'],
    ['the general manager: FORBIDDEN', 'fuku-shichou', 'FORBIDDEN'],
    ['職員等 of the owning department: FORBIDDEN', 'kenkou-staff', 'FORBIDDEN'],
  ])('only the information manager who holds the data decides — %s (第14条), nothing written', async (_who, who, code) => {
    const a = await apply();
    expect(await refused(api, who, DECIDE, { applicationId: a.id, expectedVersion: a.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code, article: '第14条', field: ['applicationId'] }),
    ]);
    expect(await node(a.id, who)).toMatchObject({ status: 'SUBMITTED', version: a.version, viewerCanDecide: false });
  });

  it('a decision on a version the decider did not read is STALE_VERSION; required clauses (第15条第4項第8号) do not belong to 様式第6号', async () => {
    const a = await apply();
    expect(await refused(api, 'kenkou-manager', DECIDE, { applicationId: a.id, expectedVersion: a.version - 1, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'STALE_VERSION', field: ['expectedVersion'] }),
    ]);
    expect(await refused(api, 'kenkou-manager', DECIDE, { applicationId: a.id, expectedVersion: a.version, outcome: 'APPROVED', requiredClauses: ['再委託の禁止'] })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第15条第4項第8号', field: ['requiredClauses'] }),
    ]);
    expect(await node(a.id)).toMatchObject({ status: 'SUBMITTED', version: a.version });
  });
});

describe('取下げ: the applicant withdraws an application not yet decided', () => {
  it('only the applicant; once withdrawn it is not decided, not withdrawn again, not resubmitted', async () => {
    const a = await apply();
    expect(await refused(api, 'kenkou-manager', WITHDRAW, { applicationId: a.id, expectedVersion: a.version })).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(await refused(api, 'shimin-manager', WITHDRAW, { applicationId: a.id, expectedVersion: a.version + 3 })).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    const withdrawn = await ok(api, 'shimin-manager', WITHDRAW, { applicationId: a.id, expectedVersion: a.version });
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', version: a.version + 1, withdrawnAt: expect.any(String) });
    expect(await refused(api, 'kenkou-manager', DECIDE, { applicationId: a.id, expectedVersion: withdrawn.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第14条' }),
    ]);
    expect(await refused(api, 'shimin-manager', WITHDRAW, { applicationId: a.id, expectedVersion: withdrawn.version })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(await refused(api, 'shimin-manager', SUBMIT, { applicationId: a.id, expectedVersion: withdrawn.version })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    const seen = await node(a.id);
    expect(seen).toMatchObject({ status: 'WITHDRAWN', current: false, viewerCanWithdraw: false, viewerCanSubmit: false });
    expect(trail(seen)).toEqual(['dataUse.drafted', 'dataUse.submitted', 'dataUse.withdrawn']);
  });

  it('a draft may be withdrawn too', async () => {
    const a = await apply('shimin-manager', { submit: false });
    expect(await ok(api, 'shimin-manager', WITHDRAW, { applicationId: a.id, expectedVersion: a.version })).toMatchObject({ status: 'WITHDRAWN' });
  });
});

describe('第14条: no one decides their own application, even when they also hold the owning department’s role', () => {
  it('a manager acting for both 市民課 and 健康推進課 applies from 市民課 for 健康推進課’s data: they cannot decide it (SELF_DECISION), 健康推進課’s own manager can', async () => {
    const created = await api.data('soumu-director', `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { code } } }`, {
      input: { personId: 'dual-manager', name: '兼務 太郎', departmentId: gid('Department', 'shimin') },
    });
    expect(created.createPerson.userErrors).toEqual([]);
    for (const dept of ['shimin', 'kenkou']) {
      // 情報管理責任者 has one holder per department (第5条): this person acts for both holders (職務代理).
      const r = await api.data('soumu-director', `mutation($input: DesignateActingPersonInput!) { designateActingPerson(input: $input) { userErrors { code } } }`, {
        input: { personId: created.createPerson.person.id, role: 'INFORMATION_MANAGER', departmentId: gid('Department', dept), validFrom: tokyoDate(0), validUntil: tokyoDate(30), reason: '兼務' },
      });
      expect(r.designateActingPerson.userErrors).toEqual([]);
    }
    // From 健康推進課, its own data is not applied for.
    expect(await refused(api, 'dual-manager', APPLY, applyInput({ requestingDepartmentId: gid('Department', 'kenkou') }))).toEqual([
      expect.objectContaining({ code: 'OWN_DEPARTMENT', article: '第14条' }),
    ]);
    const a = await apply('dual-manager');
    expect(a).toMatchObject({ status: 'SUBMITTED', requestingDepartment: { code: 'shimin' }, owningDepartment: { code: 'kenkou' }, viewerCanDecide: false, viewerCanWithdraw: true });
    expect(await refused(api, 'dual-manager', DECIDE, { applicationId: a.id, expectedVersion: a.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'SELF_DECISION', article: '第14条' }),
    ]);
    expect(await node(a.id, 'kenkou-manager')).toMatchObject({ viewerCanDecide: true });
    expect(await decideOk('kenkou-manager', a, 'APPROVED')).toMatchObject({ status: 'APPROVED', decision: { decidedBy: { personId: 'kenkou-manager' } } });
  });
});

describe('第14条: an approval is a grant for its period — only current ones are listed', () => {
  // デジタル推進課 asks for 健康推進課’s 予防接種記録 and 市民課’s 印鑑登録データ; no other test uses these.
  const yobou = gid('Dataset', 'demo-ds-yobou');
  const inkan = gid('Dataset', 'demo-ds-inkan');
  const grants: Record<string, App> = {};

  beforeAll(async () => {
    const make = async (name: string, datasetId: string, from: number, until: number, outcome?: string) => {
      const a = await apply('digital-manager', { datasetId, requestingDepartmentId: gid('Department', 'digital'), purpose: name, period: { from: tokyoDate(from), until: tokyoDate(until) } });
      const decider = datasetId === yobou ? 'kenkou-manager' : 'shimin-manager';
      grants[name] = outcome ? await decideOk(decider, a, outcome, outcome === 'APPROVED' ? {} : { reason: '不要' }) : a;
    };
    await make('running', yobou, -1, 30, 'APPROVED');
    await make('today only', inkan, 0, 0, 'APPROVED');
    await make('starts tomorrow', yobou, 1, 30, 'APPROVED');
    // Approved while in force, its last day today; then the clock moves on a day.
    await make('ended yesterday', yobou, -29, 0, 'APPROVED');
    await movedBack(api, 'DataUseApplication', grants['ended yesterday'].id, 1);
    await make('awaiting decision', inkan, -1, 30);
    await make('rejected', yobou, -1, 30, 'REJECTED');
  });

  const ids = (...names: string[]) => names.map((n) => grants[n].id).sort();
  const nodeIds = (c: { nodes: { id: string }[] }) => c.nodes.map((n) => n.id).sort();

  it('dataUseGrants(departmentId) lists exactly the approved grants within their period (first and last day included)', async () => {
    const listed = await api.data('soumu-director', `query($d: ID) { dataUseGrants(first: 100, departmentId: $d) { nodes { id current status period { from until } } } }`, {
      d: gid('Department', 'digital'),
    });
    expect(nodeIds(listed.dataUseGrants)).toEqual(ids('running', 'today only'));
    expect(listed.dataUseGrants.nodes.every((n: { current: boolean; status: string }) => n.current && n.status === 'APPROVED')).toBe(true);
  });

  it('without departmentId it is the viewer’s own department', async () => {
    const own = await api.data('digital-manager', `{ dataUseGrants(first: 100) { nodes { id } } }`);
    expect(nodeIds(own.dataUseGrants)).toEqual(ids('running', 'today only'));
  });

  it('read a page at a time, the pages together still hold exactly the current grants', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: any = await api.data('digital-manager', `query($after: String) { dataUseGrants(first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`, { after }); // eslint-disable-line @typescript-eslint/no-explicit-any
      seen.push(...page.dataUseGrants.nodes.map((n: { id: string }) => n.id));
      if (!page.dataUseGrants.pageInfo.hasNextPage) break;
      after = page.dataUseGrants.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(ids('running', 'today only'));
  });

  it('Dataset.currentGrants: who may use this dataset now — a grant starting tomorrow is not current, an ended one is not listed', async () => {
    const q = `query($id: ID!) { node(id: $id) { ... on Dataset { currentGrants(first: 100) { nodes { id current requestingDepartment { code } } } } } }`;
    const y = (await api.data('kenkou-manager', q, { id: yobou })).node.currentGrants;
    expect(y.nodes).toEqual([{ id: grants['running'].id, current: true, requestingDepartment: { code: 'digital' } }]);
    const k = (await api.data('shimin-manager', q, { id: inkan })).node.currentGrants;
    expect(k.nodes).toEqual([{ id: grants['today only'].id, current: true, requestingDepartment: { code: 'digital' } }]);
  });

  it('the grants not current say so: approved but not started, approved but ended, undecided, rejected', async () => {
    for (const name of ['starts tomorrow', 'ended yesterday', 'awaiting decision', 'rejected']) {
      expect({ name, current: (await node(grants[name].id, 'digital-manager')).current }).toEqual({ name, current: false });
    }
    expect((await node(grants['starts tomorrow'].id, 'digital-manager')).status).toBe('APPROVED');
    expect((await node(grants['ended yesterday'].id, 'digital-manager')).status).toBe('APPROVED');
  });
});

describe('第14条 あらかじめ and the legal basis as law (個人情報の保護に関する法律)', () => {
  it('submitted while in force, it is not approved once its period has ended; it may still be rejected', async () => {
    const a = await apply('shimin-manager', { period: { from: tokyoDate(-10), until: tokyoDate(0) } });
    await movedBack(api, 'DataUseApplication', a.id, 1);
    const now = await node(a.id, 'kenkou-manager');
    expect(now.period.until).toBe(tokyoDate(-1));
    expect(await refused(api, 'kenkou-manager', DECIDE, { applicationId: a.id, expectedVersion: now.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第14条', field: ['period', 'until'] }),
    ]);
    expect((await decideOk('kenkou-manager', now, 'REJECTED', { reason: '期間経過' })).status).toBe('REJECTED');
  });

  it('the bases are read as law, and the approval’s audit event cites them', async () => {
    const a = await apply('shimin-manager', { legalBases: [{ kind: 'INTERNAL_USE' }, { kind: 'OTHER_LAW', citation: ' 健康増進法第19条の2 ' }] });
    expect(a.legalBases).toEqual([
      { kind: 'INTERNAL_USE', citation: '個人情報の保護に関する法律第69条第2項第2号' },
      { kind: 'OTHER_LAW', citation: '健康増進法第19条の2' },
    ]);
    expect(a.legalBasis).toBe('個人情報の保護に関する法律第69条第2項第2号、健康増進法第19条の2');
    await decideOk('kenkou-manager', a, 'APPROVED');
    const events = (await api.data('kenkou-manager', `query($id: ID!) { node(id: $id) { ... on DataUseApplication { auditTrail(first: 10) { nodes { action article note } } } } }`, { id: a.id })).node.auditTrail.nodes;
    expect(events.at(-1)).toEqual({ action: 'dataUse.approved', article: '第14条', note: '根拠: 個人情報の保護に関する法律第69条第2項第2号、健康増進法第19条の2' });
  });

  it('the deprecated legalBasis text is still taken, as another law cited by name and article', async () => {
    const a = await apply('shimin-manager', { legalBases: undefined, legalBasis: '健康増進法第19条の2' });
    expect(a.legalBases).toEqual([{ kind: 'OTHER_LAW', citation: '健康増進法第19条の2' }]);
    expect(await refused(api, 'shimin-manager', APPLY, applyInput({ legalBasis: '健康増進法第19条の2' }))).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['legalBasis'] })]);
  });

  it('a record stored before the bases keeps its free text and shows it as another law', async () => {
    const a = await apply();
    const key = fromGlobalId(a.id)!.key;
    const stored = (await getObject(api.store(), 'DataUseApplication', key))!;
    const { legalBases: _bases, ...old } = stored; // eslint-disable-line @typescript-eslint/no-unused-vars
    const event = { id: randomUUID(), objectType: 'DataUseApplication' as const, objectId: key, action: 'test.storedBefore', actorId: 'soumu-director', at: new Date().toISOString(), before: {}, after: {} };
    await api.store().commit([{ item: dataUseItem({ ...old, legalBasis: '健康増進法', version: stored.version + 1 }), expectedVersion: stored.version }], [event]);
    expect(await node(a.id)).toMatchObject({ legalBases: [{ kind: 'OTHER_LAW', citation: '健康増進法' }], legalBasis: '健康増進法' });
  });
});

describe('myInbox: what awaits the owning information manager, oldest first, alongside other forms', () => {
  it('a person acting for 健康推進課’s manager and for the 総括管理責任者 sees 様式第6号 for 健康推進課 and 様式第8号 in one list, by submission time', async () => {
    const created = await api.data('soumu-director', `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { code } } }`, {
      input: { personId: 'kenkou-acting', name: '代理 花子', departmentId: gid('Department', 'kenkou') },
    });
    for (const [role, dept] of [['INFORMATION_MANAGER', 'kenkou'], ['GENERAL_MANAGER', undefined]] as const) {
      const r = await api.data('soumu-director', `mutation($input: DesignateActingPersonInput!) { designateActingPerson(input: $input) { userErrors { code } } }`, {
        input: { personId: created.createPerson.person.id, role, ...(dept ? { departmentId: gid('Department', dept) } : {}), validFrom: tokyoDate(0), validUntil: tokyoDate(30), reason: '職務代理' },
      });
      expect(r.designateActingPerson.userErrors).toEqual([]);
    }
    const first = await apply('shimin-manager', { purpose: '受信箱1' });
    const provision = await api.data(
      'shimin-manager',
      `mutation($input: ConsultExternalProvisionInput!) { consultExternalProvision(input: $input) { provision { id status } userErrors { code } } }`,
      {
        input: {
          datasetIds: [gid('Dataset', 'demo-ds-juumin')],
          recipient: '宮城県 市町村課',
          recipientAbroad: false,
          includesPersonalInformation: true,
          purpose: '統計調査',
          items: ['世帯人員'],
          method: '暗号化した電子ファイルの送付',
          period: { from: tokyoDate(1), until: tokyoDate(30) },
          legalBases: [{ kind: 'OTHER_PUBLIC_BODY' }, { kind: 'OTHER_LAW', citation: '統計法第33条' }],
          submit: true,
        },
      },
    );
    expect(provision.consultExternalProvision.userErrors).toEqual([]);
    const second = provision.consultExternalProvision.provision;
    const third = await apply('digital-manager', { requestingDepartmentId: gid('Department', 'digital'), purpose: '受信箱3' });

    const inbox = (await api.data('kenkou-acting', `{ myInbox(first: 100) { nodes { id form submittedAt viewerCanDecide } } }`)).myInbox.nodes;
    const mine = inbox.filter((n: { id: string }) => [first.id, second.id, third.id].includes(n.id));
    expect(mine).toEqual([
      { id: first.id, form: 'FORM_6', submittedAt: expect.any(String), viewerCanDecide: true },
      { id: second.id, form: 'FORM_8', submittedAt: expect.any(String), viewerCanDecide: true },
      { id: third.id, form: 'FORM_6', submittedAt: expect.any(String), viewerCanDecide: true },
    ]);
    const times = inbox.map((n: { submittedAt: string }) => n.submittedAt);
    expect(times).toEqual([...times].sort());
    expect(inbox.every((n: { form: string }) => n.form === 'FORM_6' || n.form === 'FORM_8')).toBe(true);

    // 健康推進課’s own manager sees the 様式第6号 only; the general manager the 様式第8号 only.
    const kenkou = (await api.data('kenkou-manager', `{ myInbox(first: 100) { nodes { id } } }`)).myInbox.nodes;
    expect(kenkou).toContainEqual({ id: first.id });
    expect(kenkou).toContainEqual({ id: third.id });
    expect(kenkou).not.toContainEqual({ id: second.id });
    const gm = (await api.data('fuku-shichou', `{ myInbox(first: 100) { nodes { id } } }`)).myInbox.nodes;
    expect(gm).toEqual([{ id: second.id }]);

    // The applicant’s own list spans forms too, newest first.
    const mineApplied = (await api.data('shimin-manager', `{ myApplications(first: 100) { nodes { id form } } }`)).myApplications.nodes;
    const idx = (id: string) => mineApplied.findIndex((n: { id: string }) => n.id === id);
    expect(idx(second.id)).toBeGreaterThanOrEqual(0);
    expect(idx(second.id)).toBeLessThan(idx(first.id));
  });
});

describe('第14条: an approval racing the applicant’s withdrawal', () => {
  it('repeated 8 times: exactly one wins, and the state and the audit trail agree on which', async () => {
    const wins = { approve: 0, withdraw: 0 };
    for (let round = 0; round < 8; round++) {
      const a = await apply('shimin-manager', { purpose: `競合 ${round}` });
      const input = { applicationId: a.id, expectedVersion: a.version };
      const send = [() => api.gql('kenkou-manager', DECIDE, { input: { ...input, outcome: 'APPROVED' } }), () => api.gql('shimin-manager', WITHDRAW, { input })];
      const [approveRes, withdrawRes]: Response[] =
        round % 2 === 0 ? await Promise.all([send[0](), send[1]()]) : await Promise.all([send[1](), send[0]()]).then(([w, d]) => [d, w]);
      for (const r of [approveRes, withdrawRes]) expect({ status: r.status, errors: r.body.errors }).toEqual({ status: 200, errors: undefined });
      const approve = approveRes.body.data.decideApplication;
      const withdrawn = withdrawRes.body.data.withdrawApplication;
      const winners = [approve, withdrawn].filter((p) => p.userErrors.length === 0);
      expect(winners).toHaveLength(1);
      const approved = approve.userErrors.length === 0;
      wins[approved ? 'approve' : 'withdraw']++;
      if (approved) {
        expect(withdrawn.application).toBeNull();
        expect(withdrawn.userErrors).toEqual([expect.objectContaining({ code: expect.stringMatching(/^(ALREADY_DECIDED|STALE_VERSION)$/) })]);
      } else {
        expect(approve.application).toBeNull();
        expect(approve.userErrors).toEqual([expect.objectContaining({ code: expect.stringMatching(/^(INVALID_STATE|STALE_VERSION)$/) })]);
      }
      const after = await node(a.id);
      expect(after).toMatchObject({ status: approved ? 'APPROVED' : 'WITHDRAWN', version: a.version + 1, current: approved });
      expect(trail(after)).toEqual(['dataUse.drafted', 'dataUse.submitted', approved ? 'dataUse.approved' : 'dataUse.withdrawn']);
    }
    expect(wins.approve + wins.withdraw).toBe(8);
  });
});
