/**
 * Lists read within a period of days (`from`, `until`, Japan's calendar, both days included), each a key condition on
 * the time its items are ordered by: an object's audit trail, what a person did, a server room's entries; and the
 * same periods on their exports. Around midnight in Japan, which is 15:00 UTC the day before.
 */
import { PassThrough } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { Api, gid, setupApi } from '../support/api';
import { changeOf } from '../../functions/domain/change';
import { SystemRecord } from '../../functions/domain/systems';
import { ServerRoomEntry } from '../../functions/domain/serverRoom';
import { seedOf, seeded } from '../../functions/local/demo/seedBatch';
import { DEMO_ROOM_ID } from '../../functions/local/demo/serverRoom';
import { createContext } from '../../functions/api/server';
import { configFromEnv } from '../../functions/store/client';
import { ExportFilters } from '../../functions/export/columns';
import { exportRegister } from '../../functions/export/export';

let api: Api;

/** Instants around 2026-04-01 in Japan (UTC+9): its first minute, its last second, the next day's first instant. */
const AT = {
  before: '2026-03-31T14:59:59.999Z', // 2026-03-31 23:59:59.999 JST
  first: '2026-03-31T15:00:00.000Z', // 2026-04-01 00:00 JST
  last: '2026-04-01T14:59:59.999Z', // 2026-04-01 23:59:59.999 JST
  next: '2026-04-01T15:00:00.000Z', // 2026-04-02 00:00 JST
  later: '2026-05-10T01:00:00.000Z', // 2026-05-10 10:00 JST
};

const system: SystemRecord = {
  id: 'period-system',
  name: '期間確認システム',
  category: 'INFORMATION',
  network: 'INTERNAL',
  purposes: ['EFFICIENCY'],
  status: 'REGISTERED',
  owningDepartmentId: 'shimin',
  processingDepartmentIds: [],
  documents: [],
  educationOrResearchOnly: false,
  connectedSystemIds: [],
  version: 1,
  createdAt: AT.before,
  updatedAt: AT.before,
};

const entry = (id: string, enteredAt: string): ServerRoomEntry => ({
  id,
  roomId: DEMO_ROOM_ID,
  enteredAt,
  purpose: '期間の確認',
  entrant: { name: '期間 確認', organization: '試験' },
  status: 'UNAPPROVED',
  recordedBy: 'digital-contractor',
  version: 1,
  createdAt: enteredAt,
  updatedAt: enteredAt,
});

beforeAll(async () => {
  api = await setupApi();
  const store = api.store();
  // The system registered just before the day, then changed at each instant: one audit event at each, by the seed's actor.
  const first = seeded(seedOf('System', system), AT.before, 'period-event-0');
  await store.commit(first.changes, first.events);
  let before = system;
  for (const [n, at] of [AT.first, AT.last, AT.next, AT.later].entries()) {
    const after = { ...before, description: `変更${n + 1}`, version: before.version + 1, updatedAt: at };
    const b = seeded(changeOf('System', before, after, 'system.updated'), at, `period-event-${n + 1}`);
    await store.commit(b.changes, b.events);
    before = after;
  }
  for (const [n, at] of Object.values(AT).entries()) {
    const b = seeded(seedOf('ServerRoomEntry', entry(`period-entry-${n}`, at)), at, `period-entry-event-${n}`);
    await store.commit(b.changes, b.events);
  }
});

const TRAIL = `query($id: ID!, $from: LocalDate, $until: LocalDate, $first: Int, $after: String) {
  auditTrail(objectId: $id, from: $from, until: $until, first: $first, after: $after) { nodes { at } pageInfo { hasNextPage endCursor } }
}`;
const BY_PERSON = `query($from: LocalDate, $until: LocalDate) {
  auditTrailByPerson(personId: "${gid('Person', 'soumu-director')}", from: $from, until: $until, first: 100) { nodes { at } }
}`;
const ENTRIES = `query($from: LocalDate, $until: LocalDate) {
  serverRooms(first: 5) { nodes { entries(first: 100, from: $from, until: $until) { nodes { enteredAt } } } }
}`;

describe('an object’s audit trail within a period', () => {
  const trail = async (period: Record<string, string>) =>
    (await api.data('soumu-director', TRAIL, { id: gid('System', 'period-system'), first: 100, ...period })).auditTrail.nodes.map((n: { at: string }) => n.at);

  it('one day: from its first instant in Japan to its last, the next day’s first left out', async () => {
    expect(await trail({ from: '2026-04-01', until: '2026-04-01' })).toEqual([AT.first, AT.last]);
  });

  it('open at either end', async () => {
    expect(await trail({ from: '2026-04-02' })).toEqual([AT.next, AT.later]);
    expect(await trail({ until: '2026-03-31' })).toEqual([AT.before]);
    expect(await trail({})).toEqual([AT.before, AT.first, AT.last, AT.next, AT.later]);
  });

  it('pages within the period: the cursor reads on inside it', async () => {
    const page1 = (await api.data('soumu-director', TRAIL, { id: gid('System', 'period-system'), first: 1, from: '2026-04-01', until: '2026-05-31' })).auditTrail;
    const page2 = (await api.data('soumu-director', TRAIL, { id: gid('System', 'period-system'), first: 5, from: '2026-04-01', until: '2026-05-31', after: page1.pageInfo.endCursor })).auditTrail;
    expect([...page1.nodes, ...page2.nodes].map((n: { at: string }) => n.at)).toEqual([AT.first, AT.last, AT.next, AT.later]);
  });
});

describe('what a person did, and a room’s entries, within a period', () => {
  it('auditTrailByPerson: the day’s events of the seed’s actor (the system’s changes, the entries recorded), newest first', async () => {
    const events = (await api.data('soumu-director', BY_PERSON, { from: '2026-04-01', until: '2026-04-01' })).auditTrailByPerson.nodes;
    expect(events.map((e: { at: string }) => e.at)).toEqual([AT.last, AT.last, AT.first, AT.first]);
  });

  it('auditTrailByPerson open at the start: up to a day', async () => {
    const events = (await api.data('soumu-director', BY_PERSON, { until: '2026-03-31' })).auditTrailByPerson.nodes;
    expect(events.map((e: { at: string }) => e.at)).toEqual([AT.before, AT.before]);
  });

  it('ServerRoom.entries: the entries of the days asked, newest first', async () => {
    const rooms = (await api.data('digital-manager', ENTRIES, { from: '2026-04-01', until: '2026-04-02' })).serverRooms.nodes;
    expect(rooms.flatMap((r: { entries: { nodes: { enteredAt: string }[] } }) => r.entries.nodes.map((e) => e.enteredAt))).toEqual([AT.next, AT.last, AT.first]);
  });
});

describe('refused, naming the argument', () => {
  it('a period that ends before it starts', async () => {
    const res = await api.gql('soumu-director', TRAIL, { id: gid('System', 'period-system'), first: 10, from: '2026-04-02', until: '2026-04-01' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'until' } });
    expect(res.body.errors[0].message).toMatch(/期間の終わり/);
  });

  it('a day that is not one', async () => {
    const res = await api.gql('soumu-director', TRAIL, { id: gid('System', 'period-system'), first: 10, from: '2026-02-30' });
    expect(res.status).toBe(400);
  });
});

describe('the same periods on the exports', () => {
  async function csv(personId: string, register: 'auditTrail' | 'serverRoomEntries', filters: ExportFilters): Promise<string[][]> {
    const ctx = await createContext({ personId }, configFromEnv(), randomUUID(), 'ja');
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportRegister(ctx, register, { format: 'csv', dates: 'ISO', filters }, out);
    return (parse(Buffer.concat(chunks), { bom: true }) as string[][]).slice(1);
  }

  it('監査証跡 and サーバ室入室記録 of one day', async () => {
    const trail = await csv('soumu-director', 'auditTrail', { objectId: gid('System', 'period-system'), from: '2026-04-01', until: '2026-04-01' });
    expect(trail).toHaveLength(2);
    const entries = await csv('digital-manager', 'serverRoomEntries', { from: '2026-04-01', until: '2026-04-01' });
    expect(entries).toHaveLength(2);
  });

  it('a bad day or a period ending before it starts is refused', async () => {
    await expect(csv('digital-manager', 'serverRoomEntries', { from: '2026-04-31' })).rejects.toMatchObject({ code: 'INVALID_VALUE', field: ['from'] });
    await expect(csv('digital-manager', 'serverRoomEntries', { from: '2026-04-02', until: '2026-04-01' })).rejects.toMatchObject({ code: 'INVALID_VALUE', field: ['until'] });
  });
});
