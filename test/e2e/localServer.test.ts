/**
 * `npm start` as a new user meets it, over real HTTP: the server starts DynamoDB Local with its data in the data
 * folder, seeds the demo city, serves GraphiQL at /graphql, accepts tokens from `npm run token`, and keeps what
 * it acknowledged across a restart. Runs the compiled server (npm test builds first).
 */
import { request } from 'node:http';
import { LocalServer } from '../support/localServer';

const server = new LocalServer();

const gql = (person: string, query: string, variables?: object) => server.gql(person, query, variables);

beforeAll(() => server.start(), 180_000);
afterAll(() => server.remove());

describe('npm start', () => {
  it('serves GraphiQL to a browser at /graphql', async () => {
    const res = await fetch(`${server.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('GraphiQL');
  });

  it('refuses a request without a token with 401', async () => {
    const res = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ viewer { name } }' }) });
    expect(res.status).toBe(401);
  });

  it('answers a body over 64 KiB with 413 PAYLOAD_TOO_LARGE, as the Lambda does, and keeps answering', async () => {
    const query = `{ viewer { name } } # ${'x'.repeat(100 * 1024)}`;
    const res = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token('shimin-manager')}` },
      body: JSON.stringify({ query }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('connection')).toBe('close');
    // The same body as functions/api/request.ts gives the Lambda.
    expect(await res.json()).toEqual({
      errors: [{ message: 'リクエストの本文が 65536 バイトを超えています。', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
      extensions: { cost: expect.objectContaining({}) },
    });
    expect(await gql('shimin-manager', '{ viewer { name } }')).toEqual({ viewer: { name: expect.any(String) } });
  });

  it('answers a body too large to read through (over 1 MiB) with 413 too, then closes that connection and keeps answering', async () => {
    const body = Buffer.alloc(2 * 1024 * 1024, 'x');
    const reply = await new Promise<{ status?: number; text: string; error?: string }>((resolve) => {
      const req = request(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode, text }));
        res.on('error', (e) => resolve({ status: res.statusCode, text, error: e.message }));
      });
      // The server may cut the connection while the rest of the body is on its way: that is the point.
      req.on('error', (e) => resolve({ text: '', error: e.message }));
      req.end(body);
    });
    if (reply.status !== undefined) {
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect(await gql('shimin-manager', '{ viewer { name } }')).toEqual({ viewer: { name: expect.any(String) } });
  });

  it('takes a system from registration to decision, as the README walks through, and keeps it across a restart', async () => {
    const registered = await gql(
      'shimin-manager',
      `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id status } userErrors { code } } }`,
      { input: { name: '窓口予約システム', category: 'BUSINESS', network: 'EXTERNAL', purposes: ['CITIZEN_WELFARE'], owningDepartmentId: 'RGVwYXJ0bWVudDpzaGltaW4' } },
    );
    const systemId = registered.registerSystem.system.id;
    const drafted = await gql(
      'shimin-manager',
      `mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) { consultation { id version status } userErrors { code } } }`,
      { input: { systemId, action: 'DECIDE', title: '窓口予約の導入', details: '待ち時間を減らす。', submit: true } },
    );
    const c = drafted.draftConsultation.consultation;
    expect(c.status).toBe('SUBMITTED');
    const decided = await gql(
      'soumu-director',
      `mutation($input: DecideConsultationInput!) { decideConsultation(input: $input) { consultation { status system { status } } userErrors { code message } } }`,
      { input: { consultationId: c.id, expectedVersion: c.version, outcome: 'APPROVED' } },
    );
    expect(decided.decideConsultation).toEqual({ consultation: { status: 'APPROVED', system: { status: 'DECIDED' } }, userErrors: [] });

    await server.stop();
    await server.start();
    const after = await gql('shimin-manager', `query($id: ID!) { node(id: $id) { ... on System { status auditTrail(first: 10) { nodes { action } } } } }`, { id: systemId });
    expect(after.node).toEqual({ status: 'DECIDED', auditTrail: { nodes: [{ action: 'system.registered' }, { action: 'system.decideApproved' }] } });
    const departments = await gql('shimin-manager', `{ departments(first: 100) { nodes { code } } }`);
    expect(departments.departments.nodes.filter((d: { code: string }) => d.code === 'shimin')).toHaveLength(1);
  }, 240_000);

  it('takes a data-use application from 市民課 to 健康推進課 through approval (様式第6号), as the README walks through', async () => {
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const applied = await gql(
      'shimin-manager',
      `mutation($input: ApplyForDataUseInput!) { applyForDataUse(input: $input) { application { id version status } userErrors { code } } }`,
      {
        input: {
          datasetId: 'RGF0YXNldDpkZW1vLWRzLWtlbnNoaW4',
          requestingDepartmentId: 'RGVwYXJ0bWVudDpzaGltaW4',
          purpose: '転入者の健診案内の送付',
          items: ['氏名', '受診年月日'],
          legalBasis: '健康増進法第19条の2',
          period: { from: today, until: today },
          submit: true,
        },
      },
    );
    const a = applied.applyForDataUse.application;
    expect(a.status).toBe('SUBMITTED');
    const decided = await gql(
      'kenkou-manager',
      `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { application { status } userErrors { code } } }`,
      { input: { applicationId: a.id, expectedVersion: a.version, outcome: 'APPROVED', conditions: ['目的外利用の禁止'] } },
    );
    expect(decided.decideApplication).toEqual({ application: { status: 'APPROVED' }, userErrors: [] });
    const grants = await gql('shimin-manager', `{ dataUseGrants(first: 10) { nodes { id dataset { name } } } }`);
    expect(grants.dataUseGrants.nodes).toContainEqual({ id: a.id, dataset: { name: '健診結果データ' } });
  }, 120_000);
  it('the homepage, e-mail and operations walk of the README: a top-page link, a mail address, an operator on 様式第5号, and a 業務系 system on a Sunday', async () => {
    const day = (offset: number) => new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const decide = `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { application { status } userErrors { code message } } }`;

    // 様式第10号: 市民課's information manager asks; the homepage operations manager approves from the inbox; the top page shows it.
    const requested = await gql(
      'shimin-manager',
      `mutation($input: RequestTopPageLinkInput!) { requestTopPageLink(input: $input) { request { id version status } userErrors { code message } } }`,
      { input: { pageId: 'SG9tZXBhZ2VQYWdlOmRlbW8tcGFnZS1qdXVtaW5oeW91', action: 'SET', linkTitle: '住民票の写し(コンビニ交付も)', submit: true } },
    );
    const request = requested.requestTopPageLink.request;
    const inbox = await gql('soumu-manager', `{ myInbox(first: 20) { nodes { id version form } } }`);
    expect(inbox.myInbox.nodes).toContainEqual({ id: request.id, version: request.version, form: 'FORM_10' });
    expect((await gql('soumu-manager', decide, { input: { applicationId: request.id, expectedVersion: request.version, outcome: 'APPROVED' } })).decideApplication).toEqual({ application: { status: 'APPROVED' }, userErrors: [] });
    const top = await gql('shimin-staff', `{ topPageLinks(first: 20) { nodes { title page { title } } } }`);
    expect(top.topPageLinks.nodes).toContainEqual({ title: '住民票の写し(コンビニ交付も)', page: { title: '住民票の写しの請求' } });

    // 様式第11号: an e-mail address, approved by the system administrator, is in the register.
    const applied = await gql(
      'shimin-manager',
      `mutation($input: ApplyForMailAddressInput!) { applyForMailAddress(input: $input) { application { id version } userErrors { code message } } }`,
      { input: { kind: 'NEW', departmentId: 'RGVwYXJ0bWVudDpzaGltaW4', newAddress: 'koseki@city.shiroishi.miyagi.jp', purpose: '戸籍に関する問合せ窓口', submit: true } },
    );
    const mail = applied.applyForMailAddress.application;
    expect((await gql('soumu-director', decide, { input: { applicationId: mail.id, expectedVersion: mail.version, outcome: 'APPROVED' } })).decideApplication.application).toEqual({ status: 'APPROVED' });
    const addresses = await gql('shimin-manager', `{ mailAddresses(first: 50) { nodes { address } } }`);
    expect(addresses.mailAddresses.nodes).toContainEqual({ address: 'koseki@city.shiroishi.miyagi.jp' });

    // 様式第5号: an operator of 住民情報システム from tomorrow, not today.
    const reported = await gql(
      'shimin-manager',
      `mutation($input: ReportOperatorsInput!) { reportOperators(input: $input) { report { status } userErrors { code message } } }`,
      { input: { systemId: 'U3lzdGVtOmRlbW8tanV1bWlu', entries: [{ action: 'DESIGNATE', personId: 'UGVyc29uOmRpZ2l0YWwtY29udHJhY3Rvcg', effectiveOn: day(1) }], submit: true } },
    );
    expect(reported.reportOperators).toEqual({ report: { status: 'SUBMITTED' }, userErrors: [] });
    const operators = await gql(
      'shimin-staff',
      `query($at: DateTimeISO) { node(id: "U3lzdGVtOmRlbW8tanV1bWlu") { ... on System { today: operators(first: 20) { nodes { person { personId } } } then: operators(first: 20, at: $at) { nodes { person { personId } } } } } }`,
      { at: `${day(1)}T09:00:00+09:00` },
    );
    expect(operators.node.today.nodes).not.toContainEqual({ person: { personId: 'digital-contractor' } });
    expect(operators.node.then.nodes).toContainEqual({ person: { personId: 'digital-contractor' } });

    // 第11条第2項: a 業務系 system on a Sunday is not in service, and says why.
    const sunday = day((7 - new Date(`${day(0)}T00:00:00Z`).getUTCDay()) % 7 || 7);
    const status = await gql('shimin-staff', `query($at: DateTimeISO) { systemServiceStatus(systemId: "U3lzdGVtOmRlbW8tanV1bWlu", at: $at) { inService reason article } }`, {
      at: `${sunday}T10:00:00+09:00`,
    });
    expect(status.systemServiceStatus).toEqual({ inService: false, reason: 'CLOSED_DAY', article: '第11条第2項' });
  }, 120_000);

  it('様式第1号 submitted as 市民課長: a Japanese mail for 総務部長 in the catcher within seconds; approved: one for 市民課長', async () => {
    const waitFor = (to: string, subject: string) => server.caughtMail(to, subject);
    const registered = await gql('shimin-manager', `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id } userErrors { code message } } }`, {
      input: { name: '窓口予約システム', category: 'BUSINESS', network: 'INTERNAL', purposes: ['EFFICIENCY'], owningDepartmentId: 'RGVwYXJ0bWVudDpzaGltaW4' },
    });
    const filed = await gql('shimin-manager', `mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) { consultation { id version } userErrors { code message } } }`, {
      input: { systemId: registered.registerSystem.system.id, action: 'DECIDE', title: '窓口予約システムの導入', details: '窓口の待ち時間を減らす。', submit: true },
    });
    const c = filed.draftConsultation.consultation;
    const toDecider = await waitFor('soumu-director@city.shiroishi.example', '【白石市】様式第1号「窓口予約システムの導入」の決裁依頼');
    expect(toDecider.text).toMatch(/^佐藤 健一 様\n/);
    expect(toDecider.text).toMatch(/様式第1号「窓口予約システムの導入」が令和\d+年\d+月\d+日に提出されました。決裁してください。/);
    expect(toDecider.text).toContain('第7条');

    await gql('soumu-director', `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { application { status } userErrors { code message } } }`, {
      input: { applicationId: c.id, expectedVersion: c.version, outcome: 'APPROVED' },
    });
    const toApplicant = await waitFor('shimin-manager@city.shiroishi.example', '【白石市】様式第1号「窓口予約システムの導入」: 承認');
    expect(toApplicant.text).toMatch(/^伊藤 大輔 様\n/);
    expect(toApplicant.text).toMatch(/結果: 承認\(令和\d+年\d+月\d+日\)/);
  }, 60_000);

  it('mails what it records into the local catcher it prints: `npm run reminders` while it runs, and each person’s digest arrives within seconds', async () => {
    const catcher = server.mailPage();
    const run = server.script('reminders');
    expect(run).toContain('Using the DynamoDB Local of the running server');
    const digests = [...run.matchAll(/^\+ {2}DAILY_DIGEST to (\S+): (.+)$/gm)].map((m) => ({ to: `${m[1]}@city.shiroishi.example`, subject: `【白石市】${m[2]}` }));
    // The demo city has something due for someone on any day: a password, a page to check (README).
    expect(digests.length).toBeGreaterThan(0);
    type Caught = { subject: string; text: string; to: { address: string }[] };
    let mails: Caught[] = [];
    const deadline = Date.now() + 15_000;
    const arrived = () => digests.every((d) => mails.some((m) => m.subject === d.subject && m.to[0].address === d.to));
    while (!arrived() && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      mails = (await (await fetch(`${catcher}/api/email`)).json()) as Caught[];
    }
    expect(mails.filter((m) => digests.some((d) => d.subject === m.subject && d.to === m.to[0].address))).toHaveLength(digests.length);
    const [first] = digests;
    const mail = mails.find((m) => m.subject === first.subject && m.to[0].address === first.to) as Caught;
    expect(mail.text).toMatch(/^.+ 様\n/);
    expect(mail.text).toContain(`${server.base.replace('127.0.0.1', 'localhost')}/graphql?query=`);
    // The catcher's page, for a person.
    expect((await fetch(`${catcher}/`, { headers: { accept: 'text/html' } })).status).toBe(200);
  }, 60_000);
});
