/**
 * Races through the real Lambda handler against DynamoDB Local. Every state change and its audit event are written
 * in one TransactWriteItems conditioned on the version read, and a mutation that loses a race runs again from fresh
 * reads: so of many concurrent writers exactly one wins, the others meet the rule that now refuses them
 * (STALE_VERSION, ALREADY_DECIDED, INVALID_STATE for deciding a withdrawn application) as a userError, and no
 * acknowledged write is lost.
 */
import { Api, Response, gid, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const DIRECTOR = 'soumu-director'; // 情報システム管理者
const MANAGER = 'shimin-manager'; // 市民課の情報管理責任者

const REGISTER = `mutation($input: RegisterSystemInput!) {
  registerSystem(input: $input) { system { id name status version } userErrors { code message } }
}`;
const UPDATE = `mutation($input: UpdateSystemInput!) {
  updateSystem(input: $input) { system { id version description } userErrors { code message } }
}`;
const DRAFT = `mutation($input: DraftConsultationInput!) {
  draftConsultation(input: $input) { consultation { id status version } userErrors { code message } }
}`;
const DECIDE = `mutation($input: DecideConsultationInput!) {
  decideConsultation(input: $input) { consultation { id status version } userErrors { code message } }
}`;
const WITHDRAW = `mutation($input: ConsultationTransitionInput!) {
  withdrawConsultation(input: $input) { consultation { id status version } userErrors { code message } }
}`;
const CONSULTATION = `query($id: ID!) {
  node(id: $id) { ... on Consultation { status version auditTrail(first: 100) { nodes { action } } } }
}`;
const SYSTEM = `query($id: ID!) {
  node(id: $id) { ... on System { status version description auditTrail(first: 100) { nodes { action } } } }
}`;

type Outcome = 'APPROVED' | 'REJECTED' | 'RETURNED';
const DECISION_ACTIONS = ['consultation.approved', 'consultation.rejected', 'consultation.returned'];

let serial = 0;
async function registeredSystem(): Promise<{ id: string; version: number }> {
  const d = await api.data(MANAGER, REGISTER, {
    input: {
      name: `競合試験システム${++serial}`,
      category: 'BUSINESS',
      network: 'INTERNAL',
      purposes: ['EFFICIENCY'],
      owningDepartmentId: gid('Department', 'shimin'),
    },
  });
  expect(d.registerSystem.userErrors).toEqual([]);
  return d.registerSystem.system;
}

async function submittedConsultation(systemId: string): Promise<{ id: string; version: number }> {
  const d = await api.data(MANAGER, DRAFT, {
    input: { systemId, action: 'DECIDE', title: '新システムの決定', details: '様式第1号による協議。', submit: true },
  });
  expect(d.draftConsultation.userErrors).toEqual([]);
  expect(d.draftConsultation.consultation.status).toBe('SUBMITTED');
  return d.draftConsultation.consultation;
}

const actions = (node: { auditTrail: { nodes: { action: string }[] } }) => node.auditTrail.nodes.map((n) => n.action);

/** Every response is a 200 without top-level errors; returns each payload (the mutation's single field). */
function payloads(responses: Response[], field: string): { userErrors: { code: string; message: string }[]; [k: string]: any }[] {
  for (const r of responses) {
    expect({ status: r.status, errors: r.body?.errors }).toEqual({ status: 200, errors: undefined });
  }
  return responses.map((r) => r.body.data[field]);
}

/** Exactly one payload without userErrors; every other carries exactly one of the refusals allowed. */
function oneWinner<P extends { userErrors: { code: string; message: string }[] }>(results: P[], allowed: string[]): { winner: P; index: number } {
  const winners = results.map((p, index) => ({ p, index })).filter(({ p }) => p.userErrors.length === 0);
  expect(winners).toHaveLength(1);
  for (const p of results) {
    if (p.userErrors.length === 0) continue;
    expect(p.userErrors).toHaveLength(1);
    expect(allowed).toContain(p.userErrors[0].code);
    expect(typeof p.userErrors[0].message).toBe('string');
    expect(p.userErrors[0].message.length).toBeGreaterThan(0);
  }
  return { winner: winners[0].p, index: winners[0].index };
}

describe('第7条: one decision per consultation, however many race for it', () => {
  it('50 concurrent decisions on one consultation: exactly one succeeds, the others are told STALE_VERSION or ALREADY_DECIDED', async () => {
    const system = await registeredSystem();
    const consultation = await submittedConsultation(system.id);
    const outcomes: Outcome[] = Array.from({ length: 50 }, (_, i) => (['APPROVED', 'REJECTED', 'RETURNED'] as const)[i % 3]);

    const responses = await Promise.all(
      outcomes.map((outcome, i) =>
        api.gql(DIRECTOR, DECIDE, {
          input: {
            consultationId: consultation.id,
            expectedVersion: consultation.version,
            outcome,
            ...(outcome === 'APPROVED' ? {} : { reason: `理由 ${i}` }),
          },
        }),
      ),
    );
    const results = payloads(responses, 'decideConsultation');
    // Every loser is told what a consistent view says, never a refusal read from half of the winner's transaction
    // (INVALID_STATE: "the system has already been decided" beside a consultation still seen SUBMITTED).
    const loserCodes = results.filter((p) => p.userErrors.length > 0).map((p) => p.userErrors[0].code);
    expect(loserCodes).toHaveLength(49);
    expect(loserCodes.filter((code) => code !== 'ALREADY_DECIDED' && code !== 'STALE_VERSION')).toEqual([]);
    const { winner, index } = oneWinner(results, ['STALE_VERSION', 'ALREADY_DECIDED']);
    const outcome = outcomes[index];
    expect(winner.consultation).toMatchObject({ id: consultation.id, status: outcome, version: consultation.version + 1 });

    const after = (await api.data(DIRECTOR, CONSULTATION, { id: consultation.id })).node;
    expect(after.status).toBe(outcome);
    expect(after.version).toBe(consultation.version + 1);
    const decisions = actions(after).filter((a) => DECISION_ACTIONS.includes(a));
    expect(decisions).toEqual([`consultation.${outcome.toLowerCase()}`]);
    expect(actions(after)).toEqual(['consultation.drafted', 'consultation.submitted', `consultation.${outcome.toLowerCase()}`]);

    const sys = (await api.data(MANAGER, SYSTEM, { id: system.id })).node;
    const approvals = actions(sys).filter((a) => a === 'system.decideApproved');
    if (outcome === 'APPROVED') {
      expect(sys).toMatchObject({ status: 'DECIDED', version: 2 });
      expect(approvals).toHaveLength(1);
    } else {
      expect(sys).toMatchObject({ status: 'REGISTERED', version: 1 });
      expect(approvals).toHaveLength(0);
    }
    expect(actions(sys).filter((a) => a !== 'system.registered')).toEqual(approvals);
  });

  it('an approval racing the applicant’s withdrawal: exactly one wins (a losing approval is INVALID_STATE, a losing withdrawal ALREADY_DECIDED or STALE_VERSION), the state and the audit trail say which, and the system is decided only if the approval won', async () => {
    const wins = { approve: 0, withdraw: 0 };
    for (let round = 0; round < 10; round++) {
      const system = await registeredSystem();
      const consultation = await submittedConsultation(system.id);
      const input = { consultationId: consultation.id, expectedVersion: consultation.version };
      // Alternate who is sent first, so each side gets its chance to win.
      const send = [
        () => api.gql(DIRECTOR, DECIDE, { input: { ...input, outcome: 'APPROVED' } }),
        () => api.gql(MANAGER, WITHDRAW, { input }),
      ];
      const [approveRes, withdrawRes] = round % 2 === 0
        ? await Promise.all([send[0](), send[1]()])
        : await Promise.all([send[1](), send[0]()]).then(([w, a]) => [a, w]);
      const [approve] = payloads([approveRes], 'decideConsultation');
      const [withdrawn] = payloads([withdrawRes], 'withdrawConsultation');
      const { index } = oneWinner([approve, withdrawn], ['STALE_VERSION', 'ALREADY_DECIDED', 'INVALID_STATE']);
      const approved = index === 0;
      wins[approved ? 'approve' : 'withdraw']++;
      if (approved) {
        // The approval won: the applicant's withdrawal meets a decided application.
        expect(['ALREADY_DECIDED', 'STALE_VERSION']).toContain(withdrawn.userErrors[0].code);
      } else {
        // The withdrawal won: there is nothing left to decide.
        expect(approve.userErrors[0].code).toBe('INVALID_STATE');
      }

      const after = (await api.data(DIRECTOR, CONSULTATION, { id: consultation.id })).node;
      expect(after.status).toBe(approved ? 'APPROVED' : 'WITHDRAWN');
      expect(after.version).toBe(consultation.version + 1);
      expect(actions(after)).toEqual(['consultation.drafted', 'consultation.submitted', approved ? 'consultation.approved' : 'consultation.withdrawn']);

      const sys = (await api.data(MANAGER, SYSTEM, { id: system.id })).node;
      if (approved) {
        expect(sys).toMatchObject({ status: 'DECIDED', version: 2 });
        expect(actions(sys)).toEqual(['system.registered', 'system.decideApproved']);
      } else {
        expect(sys).toMatchObject({ status: 'REGISTERED', version: 1 });
        expect(actions(sys)).toEqual(['system.registered']);
      }
    }
    expect(wins.approve + wins.withdraw).toBe(10);
  });
});

describe('第8条: the register of systems under concurrent edits', () => {
  it('concurrent updates of one system with the same expectedVersion: exactly one applies, the version moves once, one system.updated event', async () => {
    const system = await registeredSystem();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.gql(MANAGER, UPDATE, { input: { systemId: system.id, expectedVersion: system.version, changes: { description: `説明 ${i}` } } }),
      ),
    );
    const results = payloads(responses, 'updateSystem');
    const { winner, index } = oneWinner(results, ['STALE_VERSION']);
    expect(winner.system).toMatchObject({ version: system.version + 1, description: `説明 ${index}` });

    const after = (await api.data(MANAGER, SYSTEM, { id: system.id })).node;
    expect(after).toMatchObject({ status: 'REGISTERED', version: system.version + 1, description: `説明 ${index}` });
    expect(actions(after).filter((a) => a === 'system.updated')).toHaveLength(1);
    expect(actions(after)).toEqual(['system.registered', 'system.updated']);
  });

  it('第7条: no acknowledged registration is lost: 30 concurrent registrations all succeed, all are listed and each has its audit event', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `同時登録システム${String(i).padStart(2, '0')}`);
    const responses = await Promise.all(
      names.map((name) =>
        api.gql(MANAGER, REGISTER, {
          input: { name, category: 'INFORMATION', network: 'INTERNAL', purposes: ['EFFICIENCY'], owningDepartmentId: gid('Department', 'shimin') },
        }),
      ),
    );
    const results = payloads(responses, 'registerSystem');
    for (const r of results) expect(r.userErrors).toEqual([]);
    const registered = results.map((r) => r.system as { id: string; name: string });
    expect(registered.map((s) => s.name).sort()).toEqual(names);
    expect(new Set(registered.map((s) => s.id)).size).toBe(30);

    const listed = await api.data(MANAGER, `query($dept: ID!) { systems(first: 100, departmentId: $dept) { nodes { id name } } }`, {
      dept: gid('Department', 'shimin'),
    });
    const listedIds = new Set(listed.systems.nodes.map((n: { id: string }) => n.id));
    for (const s of registered) expect(listedIds).toContain(s.id);

    const trails = await Promise.all(registered.map((s) => api.data(MANAGER, SYSTEM, { id: s.id })));
    for (const t of trails) {
      expect(t.node.status).toBe('REGISTERED');
      expect(actions(t.node)).toEqual(['system.registered']);
    }
  });
});
