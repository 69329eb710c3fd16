/**
 * Who may read what (functions/domain/reading.ts), through the real Lambda handler: an object the regulation keeps
 * to named people is, for anyone else, as if it did not exist — by `node`, `nodes`, nested fields and the audit
 * trail of the object and of a person — and no answer carries part of what the viewer may not read.
 */
import { Api, gid, setupApi, writesNothing } from '../support/api';
import { toGlobalId } from '../../graphql/globalId';
import { runReminders } from '../../functions/reminders/run';

let api: Api;
let kenkouNotice: string;
beforeAll(async () => {
  api = await setupApi();
  const summary = await runReminders(api.store(), new Date().toISOString());
  const notice = summary.notices.find((n) => n.addresseeId === 'kenkou-staff');
  if (!notice) throw new Error('the demo city gives 健康推進課の加藤さん a notice (password due soon)');
  kenkouNotice = gid('Notice', notice.id);
});

const NODE = `query($id: ID!) { node(id: $id) { id } }`;
const TRAIL = `query($id: ID!) { auditTrail(objectId: $id, first: 50) { nodes { id action before after } pageInfo { hasNextPage } } }`;

/** Each restricted object of the demo city, who reads it under its article, and a member of staff who does not. */
const RESTRICTED = () => [
  { what: '第26条: a virus incident', id: gid('VirusIncident', 'demo-virus-open'), reader: 'soumu-director' },
  { what: '第24条: another person’s password record', id: gid('PasswordRecord', 'kenkou-staff.demo-hoken'), reader: 'kenkou-staff' },
  { what: 'another person’s notice', id: kenkouNotice, reader: 'kenkou-staff' },
  { what: '第25条: another person’s equipment exception', id: gid('ProhibitedActException', 'demo-exception-takeout'), reader: 'kenkou-staff' },
];

describe('an object the viewer may not read does not exist for them', () => {
  it.each(['第26条: a virus incident', '第24条: another person’s password record', 'another person’s notice', '第25条: another person’s equipment exception'])(
    '%s: node, nodes and its audit trail answer as for no object to 市民課の職員, and in full to its reader',
    async (what) => {
      const { id, reader } = RESTRICTED().find((r) => r.what === what)!;
      // Its reader sees it and its trail: the test can fail.
      expect((await api.data(reader, NODE, { id })).node).toEqual({ id });
      const trail = (await api.data(reader, TRAIL, { id })).auditTrail;
      expect(trail.nodes.length).toBeGreaterThan(0);
      const eventId = trail.nodes[0].id;
      expect((await api.data(reader, NODE, { id: eventId })).node).toEqual({ id: eventId });

      // 市民課の職員 sees nothing, as for an id that names nothing.
      const nothing = toGlobalId('System', 'no-such-system');
      expect((await api.data('shimin-staff', NODE, { id })).node).toBeNull();
      expect((await api.data('shimin-staff', `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [id, eventId] })).nodes).toEqual([null, null]);
      expect((await api.data('shimin-staff', TRAIL, { id })).auditTrail).toEqual((await api.data('shimin-staff', TRAIL, { id: nothing })).auditTrail);
      expect((await api.data('shimin-staff', TRAIL, { id })).auditTrail).toEqual({ nodes: [], pageInfo: { hasNextPage: false } });
      expect((await api.data('shimin-staff', NODE, { id: eventId })).node).toBeNull();
      // Nor by the event's `object`, from an event of theirs elsewhere: the event itself is the object's.
    },
  );

  it('an audit event of a restricted object is hidden wherever it is listed: a person’s trail leaves out what the reader may not read', async () => {
    const BY = `query($id: ID!) { auditTrailByPerson(personId: $id, first: 100) { nodes { id object { id __typename } before after } } }`;
    const kato = gid('Person', 'kenkou-staff');
    const today = new Date().toISOString().slice(0, 10);
    await api.data(
      'kenkou-staff',
      `mutation($input: RecordPasswordChangeInput!) { recordPasswordChange(input: $input) { userErrors { code } } }`,
      { input: { systemId: gid('System', 'demo-hoken'), changedOn: today } },
    );
    const types = async (who: string) =>
      new Set((await api.data(who, BY, { id: kato })).auditTrailByPerson.nodes.map((n: { object: { __typename: string } | null }) => n.object?.__typename));
    // The system administrator reads everything 加藤さん did, password dates among it (第24条).
    expect(await types('soumu-director')).toContain('PasswordRecord');
    // The general manager reads a person's trail, but not their password dates.
    const gm = await types('fuku-shichou');
    expect(gm).not.toContain('PasswordRecord');
    expect(gm).not.toContain(undefined);
  });

  it('the nested audit trail of a person’s own objects shows only what the viewer may read', async () => {
    const Q = `query($id: ID!) { node(id: $id) { ... on System { auditTrail(first: 50) { nodes { action } } } } }`;
    const trail = (await api.data('shimin-staff', Q, { id: gid('System', 'demo-juumin') })).node.auditTrail.nodes;
    expect(trail.length).toBeGreaterThan(0);
  });
});

describe('no answer carries part of what the viewer may not read', () => {
  const PERSON = `query($id: ID!) { node(id: $id) { ... on Person { name passwords(first: 10) { nodes { id dueOn } } } } }`;

  it('第24条: another person’s password dates are null, without a refusal beside the name staff may read', async () => {
    const res = await api.gql('shimin-staff', PERSON, { id: gid('Person', 'kenkou-staff') });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.node.name).toBeTruthy();
    expect(res.body.data.node.passwords).toBeNull();
    expect(res.raw).not.toContain('demo-hoken');
  });

  it('第24条: the person reads their own', async () => {
    const own = (await api.data('kenkou-staff', PERSON, { id: gid('Person', 'kenkou-staff') })).node.passwords.nodes;
    expect(own).toHaveLength(1);
  });

  it('第26条: a system’s virus incidents are empty for staff, beside the system they may read', async () => {
    const Q = `query($id: ID!) { node(id: $id) { ... on System { name virusIncidents(first: 5) { nodes { id device } pageInfo { hasNextPage } } } } }`;
    const res = await api.gql('shimin-staff', Q, { id: gid('System', 'demo-groupware') });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.node).toMatchObject({ name: expect.any(String), virusIncidents: { nodes: [], pageInfo: { hasNextPage: false } } });
    const admin = (await api.data('soumu-director', Q, { id: gid('System', 'demo-groupware') })).node.virusIncidents.nodes;
    expect(admin).toHaveLength(1);
  });

  it('a refusal to read at the root carries no data', async () => {
    const res = await api.gql('shimin-staff', `{ openVirusIncidents(first: 5) { nodes { id description } } }`);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', article: '第26条' });
    expect(res.body.data ?? null).toBeNull();
  });
});

describe('a global id that is not one of ours never reaches the store', () => {
  const BAD = [
    ['a NUL byte', toGlobalId('System', '\u0000')],
    ['a NUL byte after a key', toGlobalId('System', 'demo-juumin\u0000x')],
    ['a control character', toGlobalId('Person', 'shimin\u0007staff')],
    ['a space', toGlobalId('Person', 'shimin staff')],
    ['text that is not UTF-8', Buffer.concat([Buffer.from('System:'), Buffer.from([0xff, 0xfe])]).toString('base64url')],
    ['an audit event key with a NUL byte', toGlobalId('AuditEvent', 'SYSTEM#demo-juumin|AUDIT#\u0000')],
    ['another spelling of an id', `${toGlobalId('System', 'demo-juumin')}=`],
    ['too long', toGlobalId('System', 'x'.repeat(1000))],
  ];

  it.each(BAD)('%s: node and nodes answer null, 200, no error', async (_what, id) => {
    for (const [query, variables] of [
      [NODE, { id }],
      [`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [id, gid('System', 'demo-juumin')] }],
    ] as const) {
      const res = await api.gql('shimin-staff', query, variables);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
    }
  });

  it.each(BAD.filter(([what]) => what !== 'too long'))('%s: a mutation’s id argument is NOT_FOUND, and nothing is written', async (_what, id) => {
    const res = await api.gql(
      'soumu-director',
      `mutation($input: DecideConsultationInput!) { decideConsultation(input: $input) { consultation { id } userErrors { code field } } }`,
      { input: { consultationId: id, expectedVersion: 1, outcome: 'APPROVED' } },
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.decideConsultation.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['consultationId'] }]);
  });

  it('too long: a mutation’s id argument is a clear 400 before anything runs', async () => {
    const id = BAD.find(([what]) => what === 'too long')![1];
    const res = await writesNothing(api, () =>
      api.gql('soumu-director', `mutation($input: DecideConsultationInput!) { decideConsultation(input: $input) { userErrors { code } } }`, {
        input: { consultationId: id, expectedVersion: 1, outcome: 'APPROVED' },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it.each(BAD)('%s: the audit trail of it is a clear 400, never an internal error', async (_what, id) => {
    const res = await api.gql('shimin-staff', TRAIL, { id });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
