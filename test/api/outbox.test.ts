/**
 * 通知 written with the change they tell of (the outbox), through the real Lambda handler: a submission tells the
 * deciders, a decision the applicant, a virus incident the system administrator (第26条第3項), a stop of a system its
 * operators and department (第11条, 周知). Each notice is in Japanese, names the form and the article, and is written
 * in the same transaction as the change: a refused change writes none.
 */
import { Api, gid, ok, refused, setupApi, writesNothing } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const ERRORS = 'userErrors { code message article field }';
const NOTICES = `{ myNotices(first: 50) { nodes { kind title message article subject { id } } } }`;
const DRAFT = `mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) { consultation { id status version } ${ERRORS} } }`;
const DECIDE = `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { application { id status } ${ERRORS} } }`;
const REPORT = `mutation($input: ReportVirusIncidentInput!) { reportVirusIncident(input: $input) { incident { id } ${ERRORS} } }`;
const ANNOUNCE = `mutation($input: AnnounceMaintenanceStopInput!) { announceMaintenanceStop(input: $input) { interruption { id } ${ERRORS} } }`;

type Notice = { kind: string; title: string; message: string; article: string; subject: { id: string } | null };
const noticesAbout = async (who: string, id: string): Promise<Notice[]> =>
  (await api.data(who, NOTICES)).myNotices.nodes.filter((n: Notice) => n.subject?.id === id);
const REGISTER = `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id } ${ERRORS} } }`;
let serial = 0;
/** A new system of 市民課, with nothing pending on it. */
const registered = async () =>
  (await ok(api, 'shimin-manager', REGISTER, { name: `通知確認システム${++serial}`, category: 'BUSINESS', network: 'INTERNAL', purposes: ['EFFICIENCY'], owningDepartmentId: gid('Department', 'shimin') })).id;
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe('様式第1号: the decider hears of the submission, the applicant of the decision', () => {
  it('submitted as 市民課長: a notice to 総務部長 (the system administrator), none to anyone else; approved: one to 市民課長', async () => {
    const c = await ok(api, 'shimin-manager', DRAFT, { systemId: await registered(), action: 'DECIDE', title: '窓口予約機能の追加', details: '窓口予約を受け付ける。', submit: true });
    expect(await noticesAbout('soumu-director', c.id)).toEqual([
      {
        kind: 'APPLICATION_SUBMITTED',
        title: '様式第1号「窓口予約機能の追加」の決裁依頼',
        message: expect.stringMatching(/^様式第1号「窓口予約機能の追加」が令和\d+年\d+月\d+日に提出されました。決裁してください。$/),
        article: '第7条',
        subject: { id: c.id },
      },
    ]);
    for (const who of ['shimin-manager', 'fuku-shichou', 'soumu-manager']) expect(await noticesAbout(who, c.id)).toEqual([]);

    await ok(api, 'soumu-director', DECIDE, { applicationId: c.id, expectedVersion: c.version, outcome: 'APPROVED', conditions: ['運用開始前に職員研修を行うこと'] });
    expect(await noticesAbout('shimin-manager', c.id)).toEqual([
      {
        kind: 'APPLICATION_DECIDED',
        title: '様式第1号「窓口予約機能の追加」: 承認',
        message: expect.stringMatching(/^様式第1号「窓口予約機能の追加」の決裁結果をお知らせします。\n結果: 承認\(令和\d+年\d+月\d+日\)\n条件: 運用開始前に職員研修を行うこと$/),
        article: '第7条',
        subject: { id: c.id },
      },
    ]);
  });

  it('a refused decision writes no notice (the notice is in the change’s transaction)', async () => {
    const c = await ok(api, 'shimin-manager', DRAFT, { systemId: await registered(), action: 'DECIDE', title: '拒否の確認', details: 'x', submit: true });
    const res = await writesNothing(api, () => api.gql('kenkou-manager', DECIDE, { input: { applicationId: c.id, expectedVersion: c.version, outcome: 'APPROVED' } }));
    expect(res.body.data.decideApplication.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(await noticesAbout('shimin-manager', c.id)).toEqual([]);
  });
});

describe('第26条第3項: a virus incident reaches the system administrator', () => {
  it('reported by 市民課長: 総務部長 is told, with the system, the device and the time in 和暦', async () => {
    const v = await ok(api, 'shimin-manager', REPORT, { systemId: gid('System', 'demo-juumin'), device: '窓口端末 SM-07', suspected: true, description: '警告画面が表示された。' });
    const [n, ...more] = await noticesAbout('soumu-director', v.id);
    expect(more).toEqual([]);
    expect(n).toMatchObject({ kind: 'VIRUS_INCIDENT_REPORTED', article: '第26条第3項', title: expect.stringContaining('コンピュータウイルス感染の疑いの報告') });
    expect(n.message).toContain('窓口端末 SM-07');
    expect(n.message).toMatch(/令和\d+年/);
  });
});

describe('第11条: a stop of a system is told to its department (周知)', () => {
  it('健康推進課 announces a maintenance stop of its system: its staff hears of it, with the period in 和暦; other departments do not', async () => {
    const m = await ok(api, 'kenkou-manager', ANNOUNCE, { systemId: gid('System', 'demo-hoken'), scope: '予防接種記録機能', startsAt: hoursFromNow(20), endsAt: hoursFromNow(23), description: 'サーバの更新。' });
    const [n, ...more] = await noticesAbout('kenkou-staff', m.id);
    expect(more).toEqual([]);
    expect(n).toMatchObject({ kind: 'SYSTEM_STOP_ANNOUNCED', title: expect.stringContaining('保守によるサービス停止のお知らせ') });
    expect(n.message).toMatch(/期間: 令和\d+年.+〜令和\d+年/);
    expect(n.message).toContain('範囲: 予防接種記録機能');
    expect(await noticesAbout('kenkou-manager', m.id)).toEqual([]); // the one who announced it
    expect(await noticesAbout('shimin-staff', m.id)).toEqual([]);
  });

  it('a refused announcement writes no notice', async () => {
    expect(
      await refused(api, 'shimin-manager', ANNOUNCE, { systemId: gid('System', 'demo-hoken'), scope: '全体', startsAt: hoursFromNow(20), endsAt: hoursFromNow(23), description: 'x' }),
    ).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT' })]);
  });
});
