/**
 * A mutation reads its items one after another (the consultation, then the system its approval changes); a rival's
 * TransactWriteItems changes both at once. These tests put the rival's commit exactly between two reads of the
 * loser — not by timing luck, but by holding the loser's read of the system until the rival has committed — and
 * prove the loser is told what a consistent view says (ALREADY_DECIDED), never a refusal computed from half of the
 * rival's change (INVALID_STATE: "the system has already been decided").
 */
import { fromGlobalId } from '../../graphql/globalId';
import { Store } from '../../functions/store/store';
import { Table } from '../../functions/store/table';
import { Api, gid, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});
afterEach(() => {
  jest.restoreAllMocks();
});

const DIRECTOR = 'soumu-director'; // 情報システム管理者
const MANAGER = 'shimin-manager'; // 市民課の情報管理責任者

const REGISTER = `mutation($input: RegisterSystemInput!) {
  registerSystem(input: $input) { system { id version } userErrors { code message } }
}`;
const DRAFT = `mutation($input: DraftConsultationInput!) {
  draftConsultation(input: $input) { consultation { id status version } userErrors { code message } }
}`;
const DECIDE = `mutation($input: DecideConsultationInput!) {
  decideConsultation(input: $input) { consultation { id status version } userErrors { code message } }
}`;
const CONSULTATION = `query($id: ID!) {
  node(id: $id) { ... on Consultation { status version auditTrail(first: 100) { nodes { action } } } }
}`;
const SYSTEM = `query($id: ID!) {
  node(id: $id) { ... on System { status version auditTrail(first: 100) { nodes { action } } } }
}`;

let serial = 0;
async function submitted(): Promise<{ systemId: string; consultationId: string; version: number }> {
  const s = await api.data(MANAGER, REGISTER, {
    input: { name: `半端読み試験${++serial}`, category: 'BUSINESS', network: 'INTERNAL', purposes: ['EFFICIENCY'], owningDepartmentId: gid('Department', 'shimin') },
  });
  expect(s.registerSystem.userErrors).toEqual([]);
  const d = await api.data(MANAGER, DRAFT, {
    input: { systemId: s.registerSystem.system.id, action: 'DECIDE', title: '新システムの決定', details: '様式第1号による協議。', submit: true },
  });
  expect(d.draftConsultation.userErrors).toEqual([]);
  return { systemId: s.registerSystem.system.id, consultationId: d.draftConsultation.consultation.id, version: d.draftConsultation.consultation.version };
}

/**
 * Holds the first BatchGetItem that asks for `pk` until `release()` is called; `reached` resolves when it is held.
 * Later reads of the key (the rival's, the loser's retry) pass straight through.
 */
function holdFirstReadOf(pk: string): { reached: Promise<void>; release: () => void } {
  let reachedNow!: () => void;
  let releaseNow!: () => void;
  const reached = new Promise<void>((r) => (reachedNow = r));
  const released = new Promise<void>((r) => (releaseNow = r));
  const original = Table.prototype.batchGet;
  let held = false;
  jest.spyOn(Table.prototype, 'batchGet').mockImplementation(async function (this: Table, keys: { pk: string; sk: string }[]) {
    if (!held && keys.some((k) => k.pk === pk)) {
      held = true;
      reachedNow();
      await released;
    }
    return original.call(this, keys);
  });
  return { reached, release: releaseNow };
}

const keyOf = (globalId: string) => (fromGlobalId(globalId) as { key: string }).key;

describe('第7条: a decision is refused from a consistent view of what it read, never from half of a rival’s decision', () => {
  it('an approval that read the consultation before a rival approval committed, and the system after it, is told ALREADY_DECIDED (not INVALID_STATE)', async () => {
    const { systemId, consultationId, version } = await submitted();
    const hold = holdFirstReadOf(`SYSTEM#${keyOf(systemId)}`);

    // The loser reads the consultation (still SUBMITTED) and stops just before it reads the system.
    const loser = api.gql(DIRECTOR, DECIDE, { input: { consultationId, expectedVersion: version, outcome: 'APPROVED' } });
    await hold.reached;
    // The rival approves: the consultation APPROVED and the system DECIDED, in one transaction.
    const rival = await api.data(DIRECTOR, DECIDE, { input: { consultationId, expectedVersion: version, outcome: 'APPROVED' } });
    expect(rival.decideConsultation.userErrors).toEqual([]);
    // Now the loser reads the system: DECIDED, beside a consultation it saw SUBMITTED.
    hold.release();
    const res = await loser;

    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.decideConsultation.userErrors).toEqual([{ code: 'ALREADY_DECIDED', message: expect.any(String) }]);
    expect(res.body.data.decideConsultation.consultation).toBeNull();
    // The torn refusal was checked against one moment of the table and the mutation ran again; nothing was written.
    expect(res.body.extensions.cost.calls.TransactGetItems).toBeGreaterThan(0);
    expect(res.body.extensions.cost.writeCapacityUnits).toBe(0);

    // One decision, one effect on the system.
    const c = (await api.data(DIRECTOR, CONSULTATION, { id: consultationId })).node;
    expect(c).toMatchObject({ status: 'APPROVED', version: version + 1 });
    expect(c.auditTrail.nodes.map((n: { action: string }) => n.action)).toEqual(['consultation.drafted', 'consultation.submitted', 'consultation.approved']);
    const s = (await api.data(MANAGER, SYSTEM, { id: systemId })).node;
    expect(s).toMatchObject({ status: 'DECIDED', version: 2 });
    expect(s.auditTrail.nodes.map((n: { action: string }) => n.action)).toEqual(['system.registered', 'system.decideApproved']);
  });

  it('the same interleaving with a rival rejection (the system untouched): the loser’s write loses and it is told ALREADY_DECIDED', async () => {
    const { systemId, consultationId, version } = await submitted();
    const hold = holdFirstReadOf(`SYSTEM#${keyOf(systemId)}`);
    const loser = api.gql(DIRECTOR, DECIDE, { input: { consultationId, expectedVersion: version, outcome: 'APPROVED' } });
    await hold.reached;
    const rival = await api.data(DIRECTOR, DECIDE, { input: { consultationId, expectedVersion: version, outcome: 'REJECTED', reason: '要件不備' } });
    expect(rival.decideConsultation.userErrors).toEqual([]);
    hold.release();
    const res = await loser;
    expect(res.body.data.decideConsultation.userErrors.map((e: { code: string }) => e.code)).toEqual(['ALREADY_DECIDED']);
    const s = (await api.data(MANAGER, SYSTEM, { id: systemId })).node;
    expect(s).toMatchObject({ status: 'REGISTERED', version: 1 });
  });
});

describe('the reads of a refused run are checked against one moment of the table', () => {
  let n = 0;
  const put = (store: Store, pk: string, sk: string, version: number, extra: Record<string, unknown> = {}) =>
    store.table.transact([{ item: { pk, sk, version, ...extra }, expectedVersion: version === 1 ? undefined : version - 1 }]);

  it('unchanged items and keys still absent hold, checked in one TransactGetItems counted as reads', async () => {
    const pk = `READSET#${++n}`;
    const writer = api.store();
    await put(writer, pk, 'A', 1, { tags: new Set(['b', 'a']) });
    const store = api.store();
    store.trackReads();
    await Promise.all([store.load(pk, 'A'), store.load(pk, 'MISSING')]);
    await store.table.query({ partition: pk, first: 10 });
    const before = store.meter.snapshot();
    expect(await store.readsStillHold()).toBe(true);
    const after = store.meter.snapshot();
    expect(after.calls.TransactGetItems).toBe(1);
    expect(after.dynamodbCalls).toBe(before.dynamodbCalls + 1);
    expect(after.writeCapacityUnits).toBe(0);
  });

  it('a refusal from the input alone, before any read, costs no check', async () => {
    const store = api.store();
    store.trackReads();
    expect(await store.readsStillHold()).toBe(true);
    expect(store.meter.snapshot().dynamodbCalls).toBe(0);
  });

  it('an item changed since it was read does not hold', async () => {
    const pk = `READSET#${++n}`;
    const writer = api.store();
    await put(writer, pk, 'A', 1);
    const store = api.store();
    store.trackReads();
    await store.load(pk, 'A');
    await put(writer, pk, 'A', 2);
    expect(await store.readsStillHold()).toBe(false);
  });

  it('a key read as absent that now has an item does not hold', async () => {
    const pk = `READSET#${++n}`;
    const store = api.store();
    store.trackReads();
    expect(await store.load(pk, 'A')).toBeUndefined();
    await put(api.store(), pk, 'A', 1);
    expect(await store.readsStillHold()).toBe(false);
  });

  it('an item a Query returned, changed since, does not hold', async () => {
    const pk = `READSET#${++n}`;
    const writer = api.store();
    await put(writer, pk, 'A', 1);
    await put(writer, pk, 'B', 1);
    const store = api.store();
    store.trackReads();
    expect((await store.table.query({ partition: pk, first: 10 })).items).toHaveLength(2);
    await put(writer, pk, 'B', 2);
    expect(await store.readsStillHold()).toBe(false);
  });

  it('one key seen with two contents in one run (a cached load, then a fresh read) does not hold, without another call', async () => {
    const pk = `READSET#${++n}`;
    const writer = api.store();
    await put(writer, pk, 'A', 1);
    const store = api.store();
    store.trackReads();
    await store.load(pk, 'A');
    await put(writer, pk, 'A', 2);
    expect(await store.table.get(pk, 'A')).toMatchObject({ version: 2 });
    const calls = store.meter.snapshot().dynamodbCalls;
    expect(await store.readsStillHold()).toBe(false);
    expect(store.meter.snapshot().dynamodbCalls).toBe(calls);
  });
});
