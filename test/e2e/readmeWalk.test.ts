/**
 * The README's walk, run as written: `npm start`'s server on a fresh data folder with the demo city it seeds, and
 * every ```graphql block of README.md in order, each operation as the person the README names, over HTTP POST
 * /graphql with the token `npm run token -- <person>` prints.
 *
 * Each block says whom it runs as in an HTML comment on the line before its fence (invisible on GitHub), and the
 * prose beside it says the same to the reader. A block without one fails this test, so the README cannot drift:
 *
 *   <!-- walk: as=<person id> [expect=<code>] [check=<name>] [<variable>=<source> …] -->
 *
 * - `expect=<code>`: the example is meant to be refused with that code (a userError's, or a top-level error's);
 *   without it, a response with any error or userError fails.
 * - `check=<name>`: what the prose says the answer shows, checked by `checks[<name>]` below.
 * - `<variable>=<source>` binds an operation's `$variable`, as the README's Variables notes tell the reader:
 *   `<Operation>.<path>` is a value from the last answer to that earlier operation (`Report.reportVirusIncident.incident.id`);
 *   `latest` (for `$version`) is the version last answered for the object in `$id` ("the version the last answer
 *   returned"); `today`, `today+7` are Tokyo dates; JSON or a bare word is itself; `A|B|C` runs the operation once
 *   with each. Every variable an operation declares must be bound, and every binding used.
 * - A comment with `run=<Operation>` and no block after it runs an operation of an earlier block again, as the prose
 *   beside it says ("run `Submit` as kenkou-manager"); `npm=reminders` runs `npm run reminders`.
 *
 * Examples whose dates matter use no date (an argument that defaults to now), a date the README explains as far
 * enough ahead, or today's date as a variable the README explains: the local server has no clock of its own to fake,
 * so this walk checks the README on the day it runs, and its examples hold no date that turns into the past.
 * The README's reference sections hold no GraphQL blocks; test/api/readme.test.ts validates every block against the
 * schema without a server.
 */
import { Kind, OperationDefinitionNode, parse, print } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokyoDate } from '../../functions/domain/people';
import { addDays } from '../../functions/domain/period';
import { LocalServer } from '../support/localServer';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

interface Step {
  /** The README's line of the marker (1-based). */
  line: number;
  as?: string;
  expect?: string;
  check?: string;
  run?: string;
  npm?: string;
  vars: Record<string, string>;
  /** The ```graphql block after the marker. */
  operations: OperationDefinitionNode[];
}

const MARKER = /^<!-- walk: (.*) -->$/;

function readWalk(markdown: string): { steps: Step[]; unmarked: number[] } {
  const lines = markdown.split('\n');
  const steps: Step[] = [];
  const unmarked: number[] = [];
  lines.forEach((text, i) => {
    if (text.startsWith('```graphql') && !MARKER.test(lines[i - 1] ?? '')) unmarked.push(i + 1);
    const marker = MARKER.exec(text);
    if (!marker) return;
    const step: Step = { line: i + 1, vars: {}, operations: [] };
    for (const pair of marker[1].trim().split(/\s+/)) {
      const [key, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (!key || !value) throw new Error(`README.md:${i + 1}: "${pair}" is not key=value`);
      if (key === 'as' || key === 'expect' || key === 'check' || key === 'run' || key === 'npm') step[key] = value;
      else step.vars[key] = value;
    }
    if (lines[i + 1]?.startsWith('```graphql')) {
      const end = lines.indexOf('```', i + 2);
      const document = parse(lines.slice(i + 2, end).join('\n'));
      step.operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    }
    steps.push(step);
  });
  return { steps, unmarked };
}

const { steps, unmarked } = readWalk(README);

type Data = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Answer = { status: number; body: { data?: Data; errors?: { message: string; extensions?: { code?: string } }[] } };

interface Walked {
  /** The last data answered to each operation, by name. */
  data: Map<string, Data>;
  /** The version last answered for each object, by id. */
  versions: Map<string, number>;
  /** What the last `npm=` step printed. */
  printed: string;
}

const nodesOf = (connection: { nodes: Data[] }) => connection.nodes;

/** What the README's prose says an answer shows, by the `check=` name of its marker. */
const checks: Record<string, (last: Data, walked: Walked) => void> = {
  /** "find it in the inbox and approve it"; "The system is now DECIDED". */
  approvedFromInbox: (approved, { data }) => {
    const submitted = data.get('Submit').draftConsultation.consultation;
    expect(nodesOf(data.get('Inbox').myInbox)).toContainEqual(expect.objectContaining({ id: submitted.id, title: 'コンビニ交付の導入' }));
    expect(approved.decideConsultation.consultation).toMatchObject({ status: 'APPROVED', decision: { decidedBy: { name: '佐藤 健一' } }, system: { status: 'DECIDED' } });
  },
  /** "its audit trail shows both steps". */
  trail: (trail) => {
    expect(trail.node.status).toBe('DECIDED');
    expect(nodesOf(trail.node.auditTrail).map((e: Data) => e.action)).toEqual(['system.registered', 'system.decideApproved']);
    expect(nodesOf(trail.node.consultations)).toEqual([expect.objectContaining({ form: 'FORM_1', status: 'APPROVED' })]);
  },
  /** "dataUseGrants(first: 10) as 市民課 lists it". */
  grants: (grants, { data }) => {
    const applied = data.get('Apply').applyForDataUse.application;
    expect(data.get('Decide').decideApplication.application).toMatchObject({ status: 'APPROVED', decision: { decidedBy: { name: '渡辺 由美' }, conditions: ['目的外利用の禁止'] } });
    expect(nodesOf(grants.dataUseGrants)).toContainEqual(expect.objectContaining({ id: applied.id, dataset: { name: '健診結果データ' } }));
  },
  /** "then anyone sees it on the top page". */
  topPage: (top) => {
    expect(nodesOf(top.topPageLinks)).toContainEqual(expect.objectContaining({ title: '住民票の写し(コンビニ交付も)', page: { title: '住民票の写しの請求', department: { name: '市民課' } } }));
  },
  /** "mailAddresses(…, departmentId: 市民課) then lists it". */
  mailAddresses: (addresses) => {
    expect(nodesOf(addresses.mailAddresses)).toContainEqual(expect.objectContaining({ address: 'koseki@city.shiroishi.miyagi.jp' }));
  },
  /** The contractor is not an operator today, and is on the day the report takes effect. */
  operators: (operators) => {
    const names = (c: { nodes: { person: { name: string } }[] }) => c.nodes.map((n) => n.person.name);
    expect(names(operators.node.today)).not.toContain('吉田 拓也');
    expect(names(operators.node.then)).toContain('吉田 拓也');
  },
  /** 住民情報システム (業務系) is closed on a Sunday, the groupware (情報系) is in service. */
  sunday: (status) => {
    expect(status.juumin).toMatchObject({ inService: false, reason: 'CLOSED_DAY', article: '第11条第2項' });
    expect(status.groupware).toMatchObject({ inService: true });
  },
  /** During the demo's announced stop the groupware answers MAINTENANCE_STOP. */
  maintenanceStop: (status) => {
    expect(status.systemServiceStatus).toMatchObject({ inService: false, reason: 'MAINTENANCE_STOP', interruption: { kind: 'MAINTENANCE' } });
  },
  /** "then Close succeeds and the incident's auditTrail has every step with its article". */
  closed: (closed) => {
    const incident = closed.closeVirusIncident.incident;
    expect(incident.status).toBe('CLOSED');
    const steps = nodesOf(incident.auditTrail).filter((e: Data) => e.action.startsWith('virusIncident.step.'));
    expect(steps.map((e: Data) => [e.action.slice('virusIncident.step.'.length), e.article, e.actor.name])).toEqual([
      ['DISCONNECTED', '第26条第3項', '伊藤 大輔'],
      ['REPORTED', '第26条第3項', '伊藤 大輔'],
      ['RECOVERY_REQUESTED', '第26条第3項', '伊藤 大輔'],
      ['VIRUS_REMOVED', '第26条第4項', '高橋 誠'],
      ['OTHERS_NOTIFIED', '第26条第4項', '高橋 誠'],
    ]);
  },
  /** "overduePasswords lists 小林 さくら's password on 住民情報システム". */
  overdue: (overdue) => {
    expect(nodesOf(overdue.overduePasswords)).toContainEqual(expect.objectContaining({ person: { name: '小林 さくら' }, system: { name: '住民情報システム' } }));
  },
  /** "shows the same" to 小林 さくら herself. */
  myPasswords: (mine) => {
    expect(nodesOf(mine.viewer.passwords)).toContainEqual(expect.objectContaining({ system: { name: '住民情報システム' }, status: { state: 'OVERDUE' } }));
  },
  /** "the seats and the quorum (7 information managers, 4 needed)". */
  committee: (c) => {
    expect(c.committee).toMatchObject({ chair: { name: '白石 一郎' }, viceChair: { name: '佐藤 健一' }, memberCount: 7, quorumRequired: 4 });
  },
  /** Three of seven members: no quorum. */
  noQuorum: (attended) => {
    expect(attended.recordMeetingAttendance.meeting.quorum).toEqual({ membersPresent: 3, members: 7, required: 4, met: false });
  },
  /** Four: the quorum. */
  quorum: (attended) => {
    expect(attended.recordMeetingAttendance.meeting.quorum).toEqual({ membersPresent: 4, members: 7, required: 4, met: true });
  },
  /** Two for, two against: the presiding chair decides. */
  castingVote: (voted) => {
    const [motion] = nodesOf(voted.decideCommitteeMotion.meeting.motions);
    expect(motion).toMatchObject({ result: { votesFor: 2, votesAgainst: 2, castingVote: 'FOR' }, presiding: { name: '白石 一郎' } });
    expect(voted.decideCommitteeMotion.meeting.minutes).toContain('全職員にパスワードの年1回以上の更新を周知する。');
  },
  /** The reminders job found 小林 さくら's overdue password; "the three digests". */
  reminders: (_none, { printed }) => {
    expect(printed.match(/^\+ {2}DAILY_DIGEST to /gm)).toHaveLength(3);
    expect(printed).toMatch(/^\+ {2}PASSWORD_OVERDUE +shimin-staff .+ 第24条第3項$/m);
    expect(printed).toMatch(/^\+ {2}DAILY_DIGEST to shimin-staff: 令和\d+年\d+月\d+日の通知\(1件\)$/m);
  },
  /** "Each person then reads theirs". */
  myNotices: (notices) => {
    expect(nodesOf(notices.myNotices)).toContainEqual(expect.objectContaining({ kind: 'PASSWORD_OVERDUE', article: '第24条第3項' }));
  },
  /** "deciders is empty and designationNeeded says why and who must act". */
  noDecider: (asked) => {
    const request = asked.requestTopPageLink.request;
    expect(request).toMatchObject({ viewerCanDecide: false, deciders: [] });
    const quoted = /`designationNeeded` says why and who must act: 「([^」]+)」/.exec(README)?.[1].replace(/\n/g, '');
    expect(request.designationNeeded).toBe(quoted);
  },
  /** "the request is in myInbox with viewerCanDecide: true". */
  actingInbox: (inbox, { data }) => {
    const request = data.get('AskForOwnPage').requestTopPageLink.request;
    expect(nodesOf(inbox.myInbox)).toContainEqual(expect.objectContaining({ id: request.id, viewerCanDecide: true }));
  },
  /** "阿部 恵 deciding for 鈴木 花子". */
  actingDecision: (decided) => {
    expect(decided.decideApplication.application).toMatchObject({ status: 'APPROVED', decision: { decidedBy: { name: '阿部 恵' }, actingFor: { name: '鈴木 花子' } } });
  },
};

const server = new LocalServer();
const walked: Walked = { data: new Map(), versions: new Map(), printed: '' };
const tokens = new Map<string, string>();
let failedAt: number | undefined;

/** Every object in an answer with an id and a version: the version the reader would take next. */
function noteVersions(value: Data): void {
  if (Array.isArray(value)) value.forEach(noteVersions);
  else if (value && typeof value === 'object') {
    if (typeof value.id === 'string' && typeof value.version === 'number') walked.versions.set(value.id, value.version);
    Object.values(value).forEach(noteVersions);
  }
}

function valueOf(source: string, bound: Record<string, unknown>, line: number): unknown {
  const day = /^today(?:\+(\d+))?$/.exec(source);
  if (day) return addDays(tokyoDate(new Date().toISOString()), Number(day[1] ?? 0));
  if (source === 'latest') {
    const version = walked.versions.get(bound.id as string);
    if (version === undefined) throw new Error(`README.md:${line}: no version has been answered for ${String(bound.id)}`);
    return version;
  }
  const [operation, ...path] = source.split('.');
  if (path.length > 0 && /^[A-Z]/.test(operation)) {
    if (!walked.data.has(operation)) throw new Error(`README.md:${line}: ${operation} has not run before this example`);
    return path.reduce((v: Data, key) => {
      if (v?.[key] === undefined) throw new Error(`README.md:${line}: ${source} is not in ${operation}'s answer: ${JSON.stringify(walked.data.get(operation))}`);
      return v[key];
    }, walked.data.get(operation));
  }
  return /^[[{"\d]/.test(source) ? JSON.parse(source) : source;
}

async function post(person: string, operation: OperationDefinitionNode, variables: Record<string, unknown>): Promise<Answer> {
  if (!tokens.has(person)) tokens.set(person, server.token(person));
  const res = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(person)}` },
    body: JSON.stringify({ query: print(operation), operationName: operation.name?.value, variables }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

/** The codes of every userError in an answer, and of its top-level errors. */
function codesOf(answer: Answer): string[] {
  const codes: string[] = (answer.body.errors ?? []).map((e) => e.extensions?.code ?? e.message);
  const visit = (value: Data): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'userErrors') codes.push(...(v as { code: string }[]).map((e) => e.code));
        else visit(v);
      }
    }
  };
  visit(answer.body.data);
  return codes;
}

const defined = new Map<string, { operation: OperationDefinitionNode; line: number }>();
for (const step of steps) {
  for (const operation of step.operations) {
    const name = operation.name?.value ?? '';
    if (!defined.has(name)) defined.set(name, { operation, line: step.line });
  }
}

async function walk(step: Step): Promise<void> {
  if (step.npm) {
    walked.printed = server.script(step.npm);
    if (step.check) checks[step.check](undefined, walked);
    return;
  }
  if (!step.as) throw new Error(`README.md:${step.line}: the example names no person (as=…)`);
  const operations = step.run ? [defined.get(step.run)?.operation] : step.operations;
  if (operations.length === 0 || operations.some((o) => !o)) throw new Error(`README.md:${step.line}: nothing to run (no block, or run=${step.run} names no operation above)`);
  const used = new Set<string>();
  let last: Data;
  for (const operation of operations as OperationDefinitionNode[]) {
    const names = (operation.variableDefinitions ?? []).map((d) => d.variable.name.value);
    const unbound = names.filter((n) => !(n in step.vars));
    if (unbound.length > 0) throw new Error(`README.md:${step.line}: $${unbound.join(', $')} of ${operation.name?.value} is not bound in the walk comment`);
    names.forEach((n) => used.add(n));
    const repeated = names.find((n) => step.vars[n].includes('|'));
    for (const each of repeated ? step.vars[repeated].split('|') : [undefined]) {
      const variables: Record<string, unknown> = {};
      // `latest` reads the id bound beside it, so it is resolved last.
      const order = [...names.filter((n) => step.vars[n] !== 'latest'), ...names.filter((n) => step.vars[n] === 'latest')];
      for (const n of order) variables[n] = n === repeated ? each : valueOf(step.vars[n], variables, step.line);
      const answer = await post(step.as, operation, variables);
      const codes = codesOf(answer);
      const what = `README.md:${step.line}: ${operation.name?.value} as ${step.as} ${JSON.stringify(variables)} answered ${answer.status} ${JSON.stringify(answer.body)}`;
      if (step.expect) {
        if (codes.length === 0 || codes.some((c) => c !== step.expect)) throw new Error(`${what}; the README says it is refused with ${step.expect}`);
      } else if (answer.status !== 200 || codes.length > 0) {
        throw new Error(what);
      }
      last = answer.body.data;
      walked.data.set(operation.name?.value ?? '', last);
      noteVersions(last);
    }
  }
  const unused = Object.keys(step.vars).filter((v) => !used.has(v));
  if (unused.length > 0) throw new Error(`README.md:${step.line}: ${unused.join(', ')} bound in the walk comment but declared by no operation`);
  if (step.check) checks[step.check](last, walked);
}

beforeAll(() => server.start(), 180_000);
afterAll(() => server.remove());

describe("README.md's walk, run against npm start", () => {
  it('marks every ```graphql block with whom it runs as', () => {
    expect(unmarked.map((line) => `README.md:${line}`)).toEqual([]);
    expect(steps.length).toBeGreaterThan(20);
  });

  it('names each operation once, and every check a marker names exists', () => {
    const names = steps.flatMap((s) => s.operations.map((o) => o.name?.value));
    expect(names.filter((n, i) => !n || names.indexOf(n) !== i)).toEqual([]);
    expect(steps.filter((s) => s.check && !checks[s.check]).map((s) => `README.md:${s.line}: check=${s.check}`)).toEqual([]);
    expect(Object.keys(checks).filter((c) => !steps.some((s) => s.check === c))).toEqual([]);
  });

  it.each(steps.map((s) => [`README.md:${s.line} ${s.npm ? `npm run ${s.npm}` : `${s.run ?? s.operations.map((o) => o.name?.value).join(', ')} as ${s.as}`}${s.expect ? ` (refused: ${s.expect})` : ''}`, s] as const))(
    '%s',
    async (_name, step) => {
      if (failedAt !== undefined) throw new Error(`the walk stopped at README.md:${failedAt}`);
      try {
        await walk(step);
      } catch (e) {
        failedAt = step.line;
        throw e;
      }
    },
    60_000,
  );
});
