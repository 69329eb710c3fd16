/**
 * Retries: a client that did not hear the answer (a timeout, a dropped connection) sends the same request again
 * with the same `Idempotency-Key`. It has one effect, and the retry gets the same payload.
 */
import { randomUUID } from 'node:crypto';
import { Api, Response, gid, setupApi, v2Event } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const REGISTER = `mutation($input: RegisterSystemInput!) {
  registerSystem(input: $input) { system { id name version } userErrors { code message } }
}`;

const input = (name: string) => ({
  input: { name, category: 'BUSINESS', network: 'INTERNAL', purposes: ['EFFICIENCY'], owningDepartmentId: gid('Department', 'shimin') },
});

async function send(person: string, key: string | undefined, query: string, variables: object): Promise<Response> {
  return api.invoke(
    v2Event({
      body: JSON.stringify({ query, variables }),
      headers: { authorization: `Bearer ${await api.token(person)}`, ...(key ? { 'idempotency-key': key } : {}) },
    }),
  );
}

async function systemsNamed(name: string): Promise<string[]> {
  const data = await api.data('shimin-manager', `{ systems(first: 100, departmentId: "${gid('Department', 'shimin')}") { nodes { id name } } }`);
  return data.systems.nodes.filter((n: { name: string }) => n.name === name).map((n: { id: string }) => n.id);
}

describe('Idempotency-Key', () => {
  it('the same request sent twice with the same key has one effect and returns the same payload', async () => {
    const key = randomUUID();
    const first = await send('shimin-manager', key, REGISTER, input('再送テスト1'));
    const second = await send('shimin-manager', key, REGISTER, input('再送テスト1'));
    expect(first.status).toBe(200);
    expect(first.body.data.registerSystem.userErrors).toEqual([]);
    expect(second.body.data).toEqual(first.body.data);
    expect(await systemsNamed('再送テスト1')).toEqual([first.body.data.registerSystem.system.id]);
    const trail = await api.data('shimin-manager', `query($id: ID!) { auditTrail(objectId: $id, first: 10) { nodes { action } } }`, {
      id: first.body.data.registerSystem.system.id,
    });
    expect(trail.auditTrail.nodes).toEqual([{ action: 'system.registered' }]);
    // The replay makes no write.
    expect(second.body.extensions.cost.calls.TransactWriteItems).toBeUndefined();
  });

  it('ten copies sent at once with one key: one effect, one payload for all', async () => {
    const key = randomUUID();
    const replies = await Promise.all(Array.from({ length: 10 }, () => send('shimin-manager', key, REGISTER, input('再送テスト2'))));
    for (const r of replies) {
      expect(r.status).toBe(200);
      expect(r.body.data).toEqual(replies[0].body.data);
    }
    expect(replies[0].body.data.registerSystem.userErrors).toEqual([]);
    expect(await systemsNamed('再送テスト2')).toHaveLength(1);
  });

  it('without a key, the same request sent twice has two effects (the key is what makes a retry safe)', async () => {
    await send('shimin-manager', undefined, REGISTER, input('再送テスト3'));
    await send('shimin-manager', undefined, REGISTER, input('再送テスト3'));
    expect(await systemsNamed('再送テスト3')).toHaveLength(2);
  });

  it('the same key with other input is refused (422) and writes nothing', async () => {
    const key = randomUUID();
    await send('shimin-manager', key, REGISTER, input('再送テスト4'));
    const before = await api.snapshot();
    const other = await send('shimin-manager', key, REGISTER, input('別のシステム'));
    expect(other.status).toBe(422);
    expect(other.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(other.body.errors[0].message).toMatch(/Idempotency-Key/);
    expect(await api.snapshot()).toEqual(before);
  });

  it('keys belong to the person who sent them: another person’s request with the same key is their own', async () => {
    const key = randomUUID();
    const a = await send('shimin-manager', key, REGISTER, input('再送テスト5'));
    const b = await send('kenkou-manager', key, REGISTER, {
      input: { ...input('再送テスト5').input, owningDepartmentId: gid('Department', 'kenkou') },
    });
    expect(b.body.data.registerSystem.userErrors).toEqual([]);
    expect(b.body.data.registerSystem.system.id).not.toEqual(a.body.data.registerSystem.system.id);
  });

  it('a refused mutation is not remembered: sent again with its key, it is judged again', async () => {
    const key = randomUUID();
    const refused = await send('shimin-manager', key, REGISTER, { input: { ...input('再送テスト6').input, owningDepartmentId: gid('Department', 'kenkou') } });
    expect(refused.body.data.registerSystem.userErrors).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT' })]);
    const retried = await send('shimin-manager', key, REGISTER, { input: { ...input('再送テスト6').input, owningDepartmentId: gid('Department', 'kenkou') } });
    expect(retried.body.data.registerSystem.userErrors).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT' })]);
  });

  it('a decision retried with its key is not refused as already decided: the retry gets the first answer', async () => {
    const registered = await send('shimin-manager', undefined, REGISTER, input('再送テスト7'));
    const drafted = await api.data(
      'shimin-manager',
      `mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) { consultation { id version } } }`,
      { input: { systemId: registered.body.data.registerSystem.system.id, action: 'DECIDE', title: '再送', details: '再送の確認', submit: true } },
    );
    const c = drafted.draftConsultation.consultation;
    const key = randomUUID();
    const decide = `mutation($input: DecideConsultationInput!) { decideConsultation(input: $input) { consultation { status version } userErrors { code } } }`;
    const vars = { input: { consultationId: c.id, expectedVersion: c.version, outcome: 'APPROVED' } };
    const first = await send('soumu-director', key, decide, vars);
    const again = await send('soumu-director', key, decide, vars);
    expect(first.body.data.decideConsultation).toEqual({ consultation: { status: 'APPROVED', version: 2 }, userErrors: [] });
    expect(again.body.data).toEqual(first.body.data);
    const withoutKey = await send('soumu-director', undefined, decide, vars);
    expect(withoutKey.body.data.decideConsultation.userErrors).toEqual([{ code: 'ALREADY_DECIDED' }]);
  });

  it('two mutations in one request under one key: each has one effect, and the retry answers both as before', async () => {
    const key = randomUUID();
    const both = `mutation($a: RegisterSystemInput!, $b: RegisterSystemInput!) {
      first: registerSystem(input: $a) { system { id name } userErrors { code } }
      second: registerSystem(input: $b) { system { id name } userErrors { code } }
    }`;
    const vars = { a: input('再送テスト9a').input, b: input('再送テスト9b').input };
    const sent = await send('shimin-manager', key, both, vars);
    const again = await send('shimin-manager', key, both, vars);
    expect(sent.body.data.first.system.name).toBe('再送テスト9a');
    expect(sent.body.data.second.system.name).toBe('再送テスト9b');
    expect(again.body.data).toEqual(sent.body.data);
    expect(await systemsNamed('再送テスト9a')).toHaveLength(1);
    expect(await systemsNamed('再送テスト9b')).toHaveLength(1);
  });

  it('a malformed key is a 400 and writes nothing', async () => {
    const before = await api.snapshot();
    const res = await send('shimin-manager', 'short', REGISTER, input('再送テスト8'));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(await api.snapshot()).toEqual(before);
  });
});
