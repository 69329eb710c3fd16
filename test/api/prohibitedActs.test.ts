/**
 * 禁止行為 (第25条) through the real Lambda handler: the exceptions the system administrator may allow (第2号・第3号
 * ただし書), the return of equipment taken outside, and devices found connected (第1号, no exception).
 */
import { Api, gid, ok, refused, setupApi } from '../support/api';
import { exceptionKey } from '../../functions/store/prohibitedActs';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const tokyoDate = (offset: number) => new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const JUUMIN = gid('System', 'demo-juumin');
const keyOf = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];
const FIELDS = `id kind status version reason period { from until } software device portable protections protectionDetails decidedAt decisionReason returnedOn
  article inForce returnOverdue viewerCanDecide viewerCanRecordReturn requestedBy { personId } decidedBy { personId } department { id } system { id }`;
const payload = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { exception { ${FIELDS} } userErrors { code message article field } } }`;
const REQUEST = payload('requestProhibitedActException', 'RequestProhibitedActExceptionInput');
const DECIDE = payload('decideProhibitedActException', 'DecideProhibitedActExceptionInput');
const RETURN = payload('recordEquipmentReturn', 'RecordEquipmentReturnInput');
const FINDING = `mutation($input: RecordDeviceFindingInput!) { recordDeviceFinding(input: $input) { finding { id device eavesdropping actionTaken foundAt article system { id } recordedBy { personId } } userErrors { code message article field } } }`;
const PENDING = `{ pendingProhibitedActExceptions(first: 100) { nodes { id status } } }`;
const OVERDUE = `{ overdueEquipmentReturns(first: 100) { nodes { id period { until } returnOverdue } } }`;
const MINE = `{ myProhibitedActExceptions(first: 100) { nodes { id status } } }`;
const FINDINGS = `query($systemId: ID) { deviceFindings(first: 100, systemId: $systemId) { nodes { id device eavesdropping } } }`;

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);
const pendingIds = async () => ids((await api.data('soumu-director', PENDING)).pendingProhibitedActExceptions.nodes);
const overdueIds = async () => ids((await api.data('soumu-director', OVERDUE)).overdueEquipmentReturns.nodes);
const takeout = (extra: Record<string, unknown> = {}) => ({
  systemId: JUUMIN,
  kind: 'EQUIPMENT_TAKEOUT',
  reason: '出張窓口での証明書交付。',
  period: { from: tokyoDate(0), until: tokyoDate(3) },
  device: 'タブレット TB-03',
  portable: true,
  protections: ['ENCRYPTION', 'PASSWORD'],
  protectionDetails: '全体暗号化とPIN。',
  ...extra,
});

describe('第25条: the demo city', () => {
  it('a software installation awaits the system administrator; a tablet is overdue back; a router was found on the groupware LAN', async () => {
    expect(await pendingIds()).toContain(gid('ProhibitedActException', 'demo-exception-install'));
    expect(await overdueIds()).toEqual([gid('ProhibitedActException', 'demo-exception-takeout')]);
    const findings = (await api.data('digital-manager', FINDINGS, { systemId: gid('System', 'demo-groupware') })).deviceFindings.nodes;
    expect(findings).toEqual([{ id: gid('DeviceFinding', 'demo-finding-router'), device: '個人所有の無線LANルータ', eavesdropping: true }]);
  });

  it('the lists are the system administrator’s; staff read their own requests', async () => {
    for (const q of [PENDING, OVERDUE]) expect((await api.gql('shimin-manager', q)).body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(ids((await api.data('shimin-staff', MINE)).myProhibitedActExceptions.nodes)).toContain(gid('ProhibitedActException', 'demo-exception-install'));
    expect((await api.gql('shimin-staff', FINDINGS, {})).body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', article: '第25条第1号' });
  });
});

describe('第25条第3号ただし書: taking a portable device outside', () => {
  it('staff ask; the administrator approves; it is in force, then due back on the last day of its period; the return closes it', async () => {
    let e = await ok(api, 'shimin-staff', REQUEST, takeout());
    expect(e).toMatchObject({ status: 'REQUESTED', article: '第25条第3号', inForce: false, viewerCanDecide: false, viewerCanRecordReturn: false, requestedBy: { personId: 'shimin-staff' }, department: { id: gid('Department', 'shimin') } });
    expect(await pendingIds()).toContain(e.id);
    expect(ids((await api.data('shimin-staff', MINE)).myProhibitedActExceptions.nodes)[0]).toBe(e.id);
    const asAdmin = (await api.data('soumu-director', `query($id: ID!) { node(id: $id) { ... on ProhibitedActException { viewerCanDecide } } }`, { id: e.id })).node;
    expect(asAdmin.viewerCanDecide).toBe(true);

    e = await ok(api, 'soumu-director', DECIDE, { exceptionId: e.id, expectedVersion: e.version, approve: true });
    expect(e).toMatchObject({ status: 'APPROVED', inForce: true, decidedBy: { personId: 'soumu-director' }, viewerCanRecordReturn: true });
    expect(await pendingIds()).not.toContain(e.id);
    const item = await api.store().table.get(exceptionKey(keyOf(e.id)).pk, 'EXCEPTION');
    expect(item).toMatchObject({ entity: 'ProhibitedActException', duePk: 'EQUIPMENT_RETURN', dueSk: `${tokyoDate(3)}#${keyOf(e.id)}`, requestedBy: 'shimin-staff', device: 'タブレット TB-03', systemId: 'demo-juumin', period: { from: tokyoDate(0), until: tokyoDate(3) } });
    expect(await overdueIds()).not.toContain(e.id); // not yet past its period

    expect(await refused(api, 'soumu-director', DECIDE, { exceptionId: e.id, expectedVersion: e.version, approve: false, reason: 'x' })).toEqual([expect.objectContaining({ code: 'ALREADY_DECIDED' })]);
    expect(await refused(api, 'shimin-manager', RETURN, { exceptionId: e.id, expectedVersion: e.version })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第25条第3号' })]);
    expect(await refused(api, 'shimin-staff', RETURN, { exceptionId: e.id, expectedVersion: e.version, returnedOn: tokyoDate(1) })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['returnedOn'] })]);
    e = await ok(api, 'shimin-staff', RETURN, { exceptionId: e.id, expectedVersion: e.version });
    expect(e).toMatchObject({ status: 'RETURNED_EQUIPMENT', returnedOn: tokyoDate(0), inForce: false, viewerCanRecordReturn: false });
    expect((await api.store().table.get(exceptionKey(keyOf(e.id)).pk, 'EXCEPTION'))?.duePk).toBeUndefined();
    expect(await refused(api, 'shimin-staff', RETURN, { exceptionId: e.id, expectedVersion: e.version })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('the demo tablet, back late, is recorded by the system administrator and leaves the overdue list', async () => {
    const id = gid('ProhibitedActException', 'demo-exception-takeout');
    const e = await ok(api, 'soumu-director', RETURN, { exceptionId: id, expectedVersion: 1, returnedOn: tokyoDate(-1) });
    expect(e).toMatchObject({ status: 'RETURNED_EQUIPMENT', returnedOn: tokyoDate(-1) });
    expect(await overdueIds()).not.toContain(id);
  });

  it('only a portable device protected so only permitted users read its data may go outside', async () => {
    expect(await refused(api, 'shimin-staff', REQUEST, takeout({ portable: false }))).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第25条第3号', field: ['portable'] })]);
    expect(await refused(api, 'shimin-staff', REQUEST, takeout({ protections: [] }))).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['protections'] })]);
    expect(await refused(api, 'shimin-staff', REQUEST, takeout({ period: { from: tokyoDate(3), until: tokyoDate(0) } }))).toEqual([expect.objectContaining({ code: 'INVALID_VALUE' })]);
  });
});

describe('第25条第2号ただし書: software beyond what was delivered', () => {
  it('the administrator refuses with a reason, never without one, and never decides his own request', async () => {
    let e = await ok(api, 'shimin-staff', REQUEST, { systemId: JUUMIN, kind: 'SOFTWARE_INSTALLATION', reason: '業務効率化。', period: { from: tokyoDate(0), until: tokyoDate(30) }, software: '表計算マクロ 1.0' });
    expect(e).toMatchObject({ article: '第25条第2号', software: '表計算マクロ 1.0', device: null });
    expect(await refused(api, 'shimin-manager', DECIDE, { exceptionId: e.id, expectedVersion: e.version, approve: true })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第25条第2号' })]);
    expect(await refused(api, 'soumu-director', DECIDE, { exceptionId: e.id, expectedVersion: e.version, approve: false })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['reason'] })]);
    expect(await refused(api, 'soumu-director', DECIDE, { exceptionId: e.id, expectedVersion: e.version + 1, approve: true })).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    e = await ok(api, 'soumu-director', DECIDE, { exceptionId: e.id, expectedVersion: e.version, approve: false, reason: '既存の機能で足りる。' });
    expect(e).toMatchObject({ status: 'REJECTED', decisionReason: '既存の機能で足りる。', inForce: false });
    expect(await refused(api, 'shimin-staff', RETURN, { exceptionId: e.id, expectedVersion: e.version })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);

    const own = await ok(api, 'soumu-director', REQUEST, { systemId: JUUMIN, kind: 'SOFTWARE_INSTALLATION', reason: '検証。', period: { from: tokyoDate(0), until: tokyoDate(30) }, software: 'x' });
    expect(await refused(api, 'soumu-director', DECIDE, { exceptionId: own.id, expectedVersion: own.version, approve: true })).toEqual([expect.objectContaining({ code: 'SELF_DECISION' })]);
  });

  it('two decisions at once on the same request: exactly one is written', async () => {
    const e = await ok(api, 'shimin-staff', REQUEST, { systemId: JUUMIN, kind: 'SOFTWARE_INSTALLATION', reason: '試行。', period: { from: tokyoDate(0), until: tokyoDate(30) }, software: 'y' });
    const [a, b] = await Promise.all([
      api.data('soumu-director', DECIDE, { input: { exceptionId: e.id, expectedVersion: e.version, approve: true } }),
      api.data('soumu-director', DECIDE, { input: { exceptionId: e.id, expectedVersion: e.version, approve: false, reason: '不要。' } }),
    ]);
    const errors = [a, b].map((r) => r.decideProhibitedActException.userErrors);
    expect(errors.filter((x) => x.length === 0)).toHaveLength(1);
    expect(['STALE_VERSION', 'ALREADY_DECIDED']).toContain(errors.flat()[0].code);
  });
});

describe('第25条第1号: devices found connected', () => {
  it('an information manager records one; staff may not', async () => {
    const f = await ok(api, 'shimin-manager', FINDING, { systemId: JUUMIN, device: 'USBメモリ', description: '窓口端末に挿されていた。', eavesdropping: false, actionTaken: '取り外して保管。' });
    expect(f).toMatchObject({ article: '第25条第1号', system: { id: JUUMIN }, recordedBy: { personId: 'shimin-manager' } });
    expect(ids((await api.data('soumu-director', FINDINGS, {})).deviceFindings.nodes)[0]).toBe(f.id); // newest first
    expect(await refused(api, 'shimin-staff', FINDING, { systemId: JUUMIN, device: 'x', description: 'y', eavesdropping: false, actionTaken: 'z' })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第25条第1号' })]);
    expect(await refused(api, 'shimin-manager', FINDING, { systemId: JUUMIN, device: 'x', description: 'y', eavesdropping: false, actionTaken: 'z', foundAt: new Date(Date.now() + 3_600_000).toISOString() })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['foundAt'] })]);
  });
});
