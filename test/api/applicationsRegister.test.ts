/**
 * The register of applications, every form (`applications(filter)`), on DynamoDB Local through the Lambda handler:
 * the whole register against what every person filed; each filter against the whole register filtered here; newest
 * submitted first, forward and backward; the entries following a draft's submission; a period of days; the calls a page
 * makes, the same at 10 and at 100.
 */
import { Api, gid, ok, setupApi } from '../support/api';
import { DEMO_PEOPLE } from '../../functions/local/seed';
import { seedOf, seeded } from '../../functions/local/demo/seedBatch';
import { Kind } from '../../functions/domain/kinds';

let api: Api;

/** An application of every form, as far as the register reads them (form, status, dates), beside the demo city's. */
const MORE: [Kind, string, string, Record<string, unknown>][] = [
  ['Consultation', 'FORM_1', 'SUBMITTED', { systemId: 'demo-juumin', action: 'DECIDE', details: '確認' }],
  ['DataUseApplication', 'FORM_6', 'APPROVED', { datasetId: 'demo-ds-juumin', owningDepartmentId: 'shimin', requestingDepartmentId: 'kenkou', purpose: '確認', items: [], period: { from: '2026-01-01', until: '2099-12-31' } }],
  ['OperatorReport', 'FORM_5', 'SUBMITTED', { systemId: 'demo-juumin', departmentId: 'shimin', designations: [], releases: [] }],
  ['ExternalProvision', 'FORM_8', 'APPROVED', { departmentId: 'shimin', datasetIds: [], items: [], requiredItems: [], agreement: { clauses: [] }, inspectionCount: 0, incidentCount: 0 }],
  ['TopPageLinkRequest', 'FORM_10', 'REJECTED', { pageId: 'demo-page-juuminhyou', departmentId: 'shimin', action: 'SET' }],
  ['MailAddressApplication', 'FORM_11', 'DRAFT', { departmentId: 'shimin', action: 'CREATE' }],
];

beforeAll(async () => {
  api = await setupApi();
  for (const [n, [kind, form, status, fields]] of MORE.entries()) {
    const at = new Date(Date.now() - (n + 1) * 86_400_000).toISOString();
    const record = { id: `register-${form}`, form, status, title: `${form} の確認`, applicantId: 'shimin-manager', version: 1, createdAt: at, updatedAt: at, ...(status === 'DRAFT' ? {} : { submittedAt: at }), ...fields };
    const b = seeded(seedOf(kind, record as never), at, `register-seed-${n}`);
    await api.store().commit(b.changes, b.events);
  }
});

interface Row {
  id: string;
  form: string;
  status: string;
  submittedAt: string | null;
}
const NODE = 'id form status submittedAt';
const QUERY = `query($first: Int, $after: String, $last: Int, $before: String, $filter: ApplicationFilter) {
  applications(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    nodes { ${NODE} } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function all(filter: Record<string, unknown> | undefined, size = 3): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | undefined;
  for (let n = 0; n < 200; n++) {
    const { applications } = await api.data('shimin-staff', QUERY, { filter, first: size, after });
    rows.push(...applications.nodes);
    if (!applications.pageInfo.hasNextPage) return rows;
    after = applications.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

async function allBackward(filter: Record<string, unknown> | undefined, size = 3): Promise<Row[]> {
  const rows: Row[] = [];
  let before: string | undefined;
  for (let n = 0; n < 200; n++) {
    const { applications } = await api.data('shimin-staff', QUERY, { filter, last: size, before });
    rows.unshift(...applications.nodes);
    if (!applications.pageInfo.hasPreviousPage) return rows;
    before = applications.pageInfo.startCursor;
  }
  throw new Error('too many pages');
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const tokyoDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 10);

describe('the register of applications', () => {
  it('holds exactly what everyone filed, every form', async () => {
    const filed = new Set<string>();
    for (const [personId] of DEMO_PEOPLE) {
      const mine = await api.data(personId, `{ myApplications(first: 100) { nodes { id } } }`);
      for (const { id } of mine.myApplications.nodes) filed.add(id);
    }
    const register = await all(undefined, 100);
    expect(new Set(ids(register))).toEqual(filed);
    expect([...new Set(register.map((r) => r.form))].sort()).toEqual(["FORM_1", "FORM_10", "FORM_11", "FORM_5", "FORM_6", "FORM_8"]);
  });

  it('each filter: exactly the applications that match, newest submitted first, page after page either way', async () => {
    const register = await all(undefined, 100);
    const forms = [...new Set(register.map((r) => r.form))];
    const statuses = [...new Set(register.map((r) => r.status))];
    const cases: [Record<string, unknown>, (r: Row) => boolean][] = [
      [{ form: [forms[0]] }, (r) => r.form === forms[0]],
      [{ form: forms.slice(0, 3) }, (r) => forms.slice(0, 3).includes(r.form)],
      [{ status: ['SUBMITTED'] }, (r) => r.status === 'SUBMITTED'],
      [{ status: statuses }, () => true],
      [{ form: forms.slice(0, 2), status: ['APPROVED', 'SUBMITTED'] }, (r) => forms.slice(0, 2).includes(r.form) && ['APPROVED', 'SUBMITTED'].includes(r.status)],
    ];
    for (const [filter, keep] of cases) {
      const expected = ids(register.filter(keep));
      expect(ids(await all(filter))).toEqual(expected);
      expect(ids(await allBackward(filter))).toEqual(expected);
    }
    const submitted = register.filter((r) => r.submittedAt).map((r) => r.submittedAt as string);
    expect(submitted).toEqual([...submitted].sort().reverse());
  });

  it('a draft submitted moves from DRAFT to SUBMITTED, on the day it was submitted', async () => {
    const system = await ok(api, 'shimin-manager', `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id } userErrors { code message } } }`, {
      name: '申請台帳確認システム',
      category: 'BUSINESS',
      network: 'INTERNAL',
      purposes: ['EFFICIENCY'],
      owningDepartmentId: gid('Department', 'shimin'),
    });
    const draft = await ok(api, 'shimin-manager', `mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) { consultation { id version } userErrors { code message } } }`, {
      systemId: system.id,
      action: 'DECIDE',
      title: '申請台帳確認システムの決定',
      details: '確認のため。',
    });
    const listed = async (filter: Record<string, unknown>) => ids(await all(filter, 100)).includes(draft.id);
    expect(await listed({ status: ['DRAFT'], form: ['FORM_1'] })).toBe(true);
    expect(await listed({ status: ['SUBMITTED'] })).toBe(false);
    await ok(api, 'shimin-manager', `mutation($input: ApplicationTransitionInput!) { submitApplication(input: $input) { application { id } userErrors { code message } } }`, {
      applicationId: draft.id,
      expectedVersion: draft.version,
    });
    expect(await listed({ status: ['DRAFT'] })).toBe(false);
    expect(await listed({ status: ['SUBMITTED'], form: ['FORM_1'] })).toBe(true);
    const today = tokyoDay(new Date().toISOString());
    expect(await listed({ status: ['SUBMITTED'], from: today, until: today })).toBe(true);
    expect(await listed({ until: '2020-01-01' })).toBe(false);
  });

  it('a period ending before it starts is refused, naming until', async () => {
    const res = await api.gql('shimin-staff', QUERY, { first: 5, filter: { from: '2026-04-02', until: '2026-04-01' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'until' });
  });

  it.each([
    ['every application', undefined, 1],
    ['two forms, two statuses', { form: ['FORM_1', 'FORM_6'], status: ['APPROVED', 'SUBMITTED'] }, 4],
  ])('%s: the same calls for 10 and for 100, within the estimate', async (_name, filter, queries) => {
    const cost = async (first: number) => (await api.gql('shimin-staff', QUERY, { first, filter })).body.extensions.cost;
    const [ten, hundred] = [await cost(10), await cost(100)];
    expect(ten.calls.Query).toBe(queries);
    expect(hundred.calls).toEqual(ten.calls);
    expect(hundred.dynamodbCalls).toBeLessThanOrEqual(hundred.estimatedCalls);
  });
});
