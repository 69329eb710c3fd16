/**
 * パスワードの管理 (第24条第3項) through the real Lambda handler: when each person last changed each password (never
 * the password), when it falls due, and the system administrator's lists of what is overdue and due soon.
 */
import { Api, gid, ok, refused, setupApi, writesNothing } from '../support/api';
import { passwordKey } from '../../functions/store/passwords';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const tokyoDate = (offset: number) => new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const JUUMIN = gid('System', 'demo-juumin');
const RECORD_FIELDS = 'id changedOn dueOn intervalDays version status { state daysLeft reminder } person { personId } system { id } recordedBy { personId } viewerCanRecordChange';
const RECORD = `mutation($input: RecordPasswordChangeInput!) { recordPasswordChange(input: $input) { passwordRecord { ${RECORD_FIELDS} } userErrors { code message article field } } }`;
const PASSWORDS = `query($id: ID!) { node(id: $id) { ... on Person { passwords(first: 50) { nodes { ${RECORD_FIELDS} } } } } }`;
const OVERDUE = `{ overduePasswords(first: 100) { nodes { id dueOn status { state } person { personId } } } }`;
const DUE_BY = `query($date: LocalDate!) { passwordsDueBy(date: $date, first: 100) { nodes { id dueOn status { state daysLeft } person { personId } } } }`;

const passwordsOf = async (viewer: string, person: string) => (await api.data(viewer, PASSWORDS, { id: gid('Person', person) })).node.passwords.nodes;
const overdueIds = async () => (await api.data('soumu-director', OVERDUE)).overduePasswords.nodes.map((n: { id: string }) => n.id);

describe('第24条第3項: 年に1回以上 (the demo city)', () => {
  it('小林さん (shimin-staff) sees her password on the 住民情報システム overdue, and the groupware’s current', async () => {
    const records = await passwordsOf('shimin-staff', 'shimin-staff');
    const juumin = records.find((r: { system: { id: string } }) => r.system.id === JUUMIN);
    expect(juumin).toMatchObject({ changedOn: tokyoDate(-400), dueOn: tokyoDate(-35), intervalDays: 365, status: { state: 'OVERDUE', daysLeft: -35, reminder: 0 }, viewerCanRecordChange: true });
    expect(records.find((r: { system: { id: string } }) => r.system.id === gid('System', 'demo-groupware')).status).toMatchObject({ state: 'CURRENT', reminder: null });
  });

  it('the system administrator sees it among the overdue; the one due in 20 days among those due within 30', async () => {
    expect(await overdueIds()).toContain(gid('PasswordRecord', 'shimin-staff.demo-juumin'));
    expect(await overdueIds()).not.toContain(gid('PasswordRecord', 'kenkou-staff.demo-hoken'));
    const due = (await api.data('soumu-director', DUE_BY, { date: tokyoDate(30) })).passwordsDueBy.nodes;
    expect(due).toEqual(expect.arrayContaining([expect.objectContaining({ id: gid('PasswordRecord', 'kenkou-staff.demo-hoken'), status: { state: 'DUE_SOON', daysLeft: 20 } })]));
    expect(due.map((n: { dueOn: string }) => n.dueOn)).toEqual([...due.map((n: { dueOn: string }) => n.dueOn)].sort()); // oldest due first
  });

  it('who reads a person’s dates: the person, the system administrator, the information manager of the person’s department — no one else', async () => {
    expect(await passwordsOf('soumu-director', 'shimin-staff')).toHaveLength(2);
    expect(await passwordsOf('shimin-manager', 'shimin-staff')).toHaveLength(2);
    const res = await api.gql('kenkou-manager', PASSWORDS, { id: gid('Person', 'shimin-staff') });
    // Null, not a refusal: the person's name beside it is the viewer's to read, their password dates are not.
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.node.passwords).toBeNull();
    const node = await api.data('kenkou-manager', `query($id: ID!) { node(id: $id) { id } }`, { id: gid('PasswordRecord', 'shimin-staff.demo-juumin') });
    expect(node.node).toBeNull();
  });

  it('the lists of what falls due are the system administrator’s', async () => {
    for (const who of ['shimin-manager', 'shimin-staff']) {
      const res = await api.gql(who, OVERDUE);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', article: '第24条第3項' });
    }
  });
});

describe('第24条第3項: recording a change, never the password', () => {
  it('the person records her change: the record is current for a year, leaves the overdue list, and its audit event cites the article', async () => {
    const r = await ok(api, 'shimin-staff', RECORD, { systemId: JUUMIN, changedOn: tokyoDate(0) });
    expect(r).toMatchObject({ id: gid('PasswordRecord', 'shimin-staff.demo-juumin'), changedOn: tokyoDate(0), dueOn: tokyoDate(365), version: 2, status: { state: 'CURRENT', daysLeft: 365 }, person: { personId: 'shimin-staff' }, recordedBy: { personId: 'shimin-staff' } });
    expect(await overdueIds()).not.toContain(r.id);
    const trail = await api.data('shimin-staff', `query($id: ID!) { node(id: $id) { ... on PasswordRecord { auditTrail(first: 10) { nodes { action article } } } } }`, { id: r.id });
    expect(trail.node.auditTrail.nodes).toEqual(expect.arrayContaining([{ action: 'passwordRecord.changed', article: '第24条第3項' }]));
    // The reminders job reads the item: entity, the due partition, and the attributes it names.
    const item = await api.store().table.get(passwordKey('shimin-staff.demo-juumin').pk, 'PASSWORD');
    expect(item).toMatchObject({ entity: 'PasswordRecord', duePk: 'PASSWORD_DUE', dueSk: `${tokyoDate(365)}#shimin-staff.demo-juumin`, personId: 'shimin-staff', systemId: 'demo-juumin', changedOn: tokyoDate(0), dueOn: tokyoDate(365) });
    expect(Object.keys(item ?? {}).some((k) => /password$/i.test(k) && k !== 'password')).toBe(false);
  });

  it('the system administrator records it for anyone; a first record is created', async () => {
    const r = await ok(api, 'soumu-director', RECORD, { personId: gid('Person', 'kenkou-staff'), systemId: gid('System', 'demo-groupware'), changedOn: tokyoDate(-3) });
    expect(r).toMatchObject({ version: 1, recordedBy: { personId: 'soumu-director' }, person: { personId: 'kenkou-staff' }, viewerCanRecordChange: true });
  });

  it('no one else records it — not even the information manager — and a refusal writes nothing', async () => {
    expect(await refused(api, 'shimin-manager', RECORD, { personId: gid('Person', 'shimin-staff'), systemId: JUUMIN, changedOn: tokyoDate(0) })).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', article: '第24条第3項', field: ['personId'] }),
    ]);
  });

  it('a change is recorded once made: not in the future, not older than the last one recorded', async () => {
    expect(await refused(api, 'shimin-manager', RECORD, { systemId: JUUMIN, changedOn: tokyoDate(1) })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['changedOn'] })]);
    await ok(api, 'shimin-manager', RECORD, { systemId: JUUMIN, changedOn: tokyoDate(-10) });
    expect(await refused(api, 'shimin-manager', RECORD, { systemId: JUUMIN, changedOn: tokyoDate(-11) })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第24条第3項' })]);
    expect(await refused(api, 'shimin-manager', RECORD, { systemId: gid('System', 'nowhere'), changedOn: tokyoDate(0) })).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['systemId'] })]);
    const bad = await writesNothing(api, () => api.gql('shimin-manager', RECORD, { input: { systemId: JUUMIN, changedOn: 'yesterday' } }));
    expect(bad.body.errors).toBeDefined();
  });

  it('two changes recorded at once both land, one after the other: no update is lost', async () => {
    const input = { systemId: gid('System', 'demo-zaimu'), changedOn: tokyoDate(-1) };
    const [a, b] = await Promise.all([api.data('zaisei-manager', RECORD, { input }), api.data('zaisei-manager', RECORD, { input })]);
    expect([a.recordPasswordChange.userErrors, b.recordPasswordChange.userErrors]).toEqual([[], []]);
    expect([a.recordPasswordChange.passwordRecord.version, b.recordPasswordChange.passwordRecord.version].sort()).toEqual([1, 2]);
  });

  it('PASSWORD_INTERVAL_DAYS shortens the interval for changes recorded while it is set', async () => {
    process.env.PASSWORD_INTERVAL_DAYS = '90';
    try {
      const r = await ok(api, 'kenkou-staff', RECORD, { systemId: gid('System', 'demo-hoken'), changedOn: tokyoDate(0) });
      expect(r).toMatchObject({ intervalDays: 90, dueOn: tokyoDate(90), status: { state: 'CURRENT', daysLeft: 90 } });
    } finally {
      delete process.env.PASSWORD_INTERVAL_DAYS;
    }
  });
});

describe('第24条第1項: a password told to another only with the system administrator’s leave — recorded, never the password', () => {
  const GROUPWARE_OF_DIGITAL = gid('PasswordRecord', 'digital-manager.demo-groupware');
  const PERMIT = `mutation($input: PermitPasswordDisclosureInput!) { permitPasswordDisclosure(input: $input) {
    passwordDisclosure { id reason disclosedOn changeBy permittedAt person { personId } toldTo { personId } system { id } permittedBy { personId }
      passwordRecord { id dueOn disclosedOn status { state } } }
    userErrors { code message article field } } }`;
  const DISCLOSURE = `query($id: ID!) { node(id: $id) { ... on PasswordDisclosure { id reason toldTo { personId } } } }`;
  const RECORD_WITH = `query($id: ID!) { node(id: $id) { ... on PasswordRecord { dueOn disclosedOn disclosures(first: 10) { nodes { id changeBy } } } } }`;
  const leave = () => ({
    personId: gid('Person', 'digital-manager'),
    systemId: gid('System', 'demo-groupware'),
    toldToId: gid('Person', 'digital-contractor'),
    reason: '端末の修理に立ち会えないため、保守委託の吉田さんがログインして動作を確認する。',
    disclosedOn: tokyoDate(-10),
  });

  it('the system administrator records his leave: the told password falls due 7 days after it was told, and shows as overdue', async () => {
    const d = await ok(api, 'soumu-director', PERMIT, leave());
    expect(d).toMatchObject({
      disclosedOn: tokyoDate(-10),
      changeBy: tokyoDate(-3),
      person: { personId: 'digital-manager' },
      toldTo: { personId: 'digital-contractor' },
      system: { id: gid('System', 'demo-groupware') },
      permittedBy: { personId: 'soumu-director' },
      passwordRecord: { id: GROUPWARE_OF_DIGITAL, dueOn: tokyoDate(-3), disclosedOn: tokyoDate(-10), status: { state: 'OVERDUE' } },
    });
    expect(await overdueIds()).toContain(GROUPWARE_OF_DIGITAL);
    expect((await api.data('digital-manager', RECORD_WITH, { id: GROUPWARE_OF_DIGITAL })).node.disclosures.nodes).toEqual([{ id: d.id, changeBy: tokyoDate(-3) }]);
    // No field anywhere holds a password: the stored items are the dates, the people and the reason.
    const items = (await api.snapshot()).filter((i) => i.sk === 'PWDISCLOSURE');
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0]).sort()).toEqual(
      ['changeBy', 'createdAt', 'disclosedOn', 'entity', 'id', 'permittedAt', 'permittedBy', 'personId', 'pk', 'reason', 'sk', 'subjectPk', 'subjectSk', 'systemId', 'toldToId', 'updatedAt', 'version'],
    );
  });

  it('the person told, the teller and the system administrator read it; another department’s manager and the general manager do not', async () => {
    const id = (await api.data('digital-manager', RECORD_WITH, { id: GROUPWARE_OF_DIGITAL })).node.disclosures.nodes[0].id;
    for (const who of ['digital-contractor', 'digital-manager', 'soumu-director']) expect((await api.data(who, DISCLOSURE, { id })).node).toMatchObject({ id, toldTo: { personId: 'digital-contractor' } });
    for (const who of ['kenkou-manager', 'fuku-shichou', 'shimin-staff']) expect((await api.data(who, DISCLOSURE, { id })).node).toBeNull();
  });

  it('a change recorded from before the day told leaves it due; one made since clears it (第24条第3項)', async () => {
    const before = await ok(api, 'digital-manager', RECORD, { systemId: gid('System', 'demo-groupware'), changedOn: tokyoDate(-11) });
    expect(before).toMatchObject({ dueOn: tokyoDate(-3), status: { state: 'OVERDUE' } });
    const after = await ok(api, 'digital-manager', RECORD, { systemId: gid('System', 'demo-groupware'), changedOn: tokyoDate(0) });
    expect(after).toMatchObject({ dueOn: tokyoDate(365), status: { state: 'CURRENT' } });
    expect((await api.data('digital-manager', RECORD_WITH, { id: GROUPWARE_OF_DIGITAL })).node.disclosedOn).toBeNull();
    expect(await overdueIds()).not.toContain(GROUPWARE_OF_DIGITAL);
  });

  it('no one else gives leave; the rules of the leave are kept; nothing is written when refused', async () => {
    expect(await refused(api, 'digital-manager', PERMIT, leave())).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第24条第1項' })]);
    expect(await refused(api, 'fuku-shichou', PERMIT, leave())).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第24条第1項' })]);
    expect(await refused(api, 'soumu-director', PERMIT, { ...leave(), disclosedOn: tokyoDate(0), toldToId: gid('Person', 'digital-manager') })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['toldToId'] })]);
    expect(await refused(api, 'soumu-director', PERMIT, { ...leave(), disclosedOn: tokyoDate(0), changeBy: tokyoDate(8) })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['changeBy'] })]);
    expect(await refused(api, 'soumu-director', PERMIT, { ...leave(), disclosedOn: tokyoDate(-1) })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['disclosedOn'] })]);
    expect(await refused(api, 'soumu-director', PERMIT, { ...leave(), personId: gid('Person', 'kenkou-manager'), disclosedOn: tokyoDate(0) })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第24条第1項' })]);
  });
});
