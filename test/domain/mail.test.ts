/** 通知のメール: what a person receives for a notice, and the rules that send it at least once and never twice. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import {
  CLAIM_STALE_AFTER_MS,
  Delivery,
  MY_UNREAD_NOTICES_QUERY,
  claim,
  isMailedAlone,
  nextStep,
  noticeLink,
  released,
  renderNoticeMail,
  sent,
  subjectQuery,
  undeliverable,
} from '../../functions/domain/mail';
import { NOTICE_KINDS, Notice, REMINDER_KINDS, dailyDigest } from '../../functions/domain/reminders';
import { toGlobalId } from '../../graphql/globalId';

const NOW = '2026-06-15T00:30:00Z'; // 09:30 in Shiroishi
const BASE = 'http://localhost:4000/graphql';
const ito = { name: '伊藤 大輔', email: 'shimin-manager@city.shiroishi.example' };

const decided: Notice = {
  id: 'n-decided',
  key: 'APPLICATION_DECIDED#Consultation#c-1#APPROVED#shimin-manager',
  addresseeId: 'shimin-manager',
  kind: 'APPLICATION_DECIDED',
  article: '第7条',
  subjectType: 'Consultation',
  subjectId: 'c-1',
  dueOn: '2026-06-15',
  stage: 'APPROVED',
  title: '様式第1号「窓口予約の導入」が承認されました',
  message: '様式第1号「窓口予約の導入」は、令和8年6月15日に情報システム管理者 佐藤 健一 が承認しました。',
  createdAt: NOW,
  updatedAt: NOW,
  version: 1,
};
const consultationId = toGlobalId('Consultation', 'c-1');
const mailOf = (n: Notice = decided) => renderNoticeMail(n, ito, { baseUrl: BASE, subjectGlobalId: consultationId });

/** The query a mail's link carries. */
const queryOf = (url: string) => new URL(url).searchParams.get('query') as string;
const linkIn = (text: string) => text.split('\n').find((l) => l.startsWith('http')) as string;

describe('the mail of a notice', () => {
  it('goes to the addressee’s address; its subject is 【白石市】 and the notice’s title', () => {
    expect(mailOf()).toMatchObject({ to: 'shimin-manager@city.shiroishi.example', subject: '【白石市】様式第1号「窓口予約の導入」が承認されました' });
  });

  it('a notice without a title is named by what its kind says', () => {
    expect(mailOf({ ...decided, title: undefined }).subject).toBe('【白石市】申請が決裁されました');
    expect(mailOf({ ...decided, kind: 'VIRUS_INCIDENT_REPORTED', title: undefined }).subject).toBe('【白石市】コンピュータウイルス等の感染が報告されました');
  });

  it('a subject is one line, whatever the title holds', () => {
    expect(mailOf({ ...decided, title: '一行目\r\n二行目' }).subject).toBe('【白石市】一行目 二行目');
  });

  it('the body: 宛名 (<name> 様), the message, 根拠, the date of the notice 和暦, a link to what it is about, and the footer', () => {
    const { text } = mailOf();
    const lines = text.split('\n');
    expect(lines[0]).toBe('伊藤 大輔 様');
    expect(text).toContain(decided.message);
    expect(lines).toContain('根拠: 第7条');
    expect(lines).toContain('通知日: 令和8年6月15日');
    expect(lines).toContain('詳しくは次のリンクから確認できます(サインインが必要です)。');
    expect(lines).toContain(`対象: 協議(様式第1号〜第3号)(ID: ${consultationId})`);
    expect(text.endsWith('白石市 行政情報ネットワークシステム\nこのメールは自動送信です。このメールに返信されても回答できません。\n')).toBe(true);
    // A change is not a reminder: it has no date to meet.
    expect(text).not.toContain('期限:');
  });

  it('the date of the notice is the day in Shiroishi (Asia/Tokyo), 和暦', () => {
    expect(mailOf({ ...decided, createdAt: '2026-06-14T15:30:00Z' }).text.split('\n')).toContain('通知日: 令和8年6月15日');
    expect(mailOf({ ...decided, createdAt: '2019-05-01T03:00:00Z' }).text.split('\n')).toContain('通知日: 令和元年5月1日');
  });

  it('a notice without an article has no 根拠 line', () => {
    expect(mailOf({ ...decided, article: '' }).text).not.toContain('根拠');
  });

  it('the link opens the API’s page with node(id) of the object prefilled; the query is valid against the schema', () => {
    const url = linkIn(mailOf().text);
    expect(url.startsWith(`${BASE}?query=`)).toBe(true);
    const query = queryOf(url);
    expect(query).toBe(subjectQuery(consultationId));
    expect(query).toContain(`node(id: "${consultationId}")`);
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'graphql', 'schema.graphql'), 'utf8'));
    expect(validate(schema, parse(query))).toEqual([]);
    expect(validate(schema, parse(MY_UNREAD_NOTICES_QUERY))).toEqual([]);
  });

  it('a base URL with a query of its own keeps it', () => {
    expect(noticeLink(decided, { baseUrl: 'https://portal.city.shiroishi.example/open?from=mail', subjectGlobalId: consultationId })).toMatch(
      /^https:\/\/portal\.city\.shiroishi\.example\/open\?from=mail&query=/,
    );
  });

  it('what the API cannot show is linked to the addressee’s unread notices instead', () => {
    const url = noticeLink(decided, { baseUrl: BASE });
    expect(queryOf(url)).toBe(MY_UNREAD_NOTICES_QUERY);
  });
});

describe('the day’s digest as a mail', () => {
  const reminder: Notice = {
    ...decided,
    id: 'n-pw',
    kind: 'PASSWORD_OVERDUE',
    article: '第24条第3項',
    subjectType: 'PasswordRecord',
    subjectId: 'shimin-manager.demo-juumin',
    dueOn: '2026-06-01',
    stage: 'overdue',
    title: undefined,
    message: '住民情報システムのパスワードの変更期限(令和8年6月1日)を過ぎています。変更してください。',
  };
  const digest = dailyDigest('shimin-manager', [reminder], NOW);

  it('its subject names the day and how many notices it holds; its body lists them', () => {
    const mail = renderNoticeMail(digest, ito, { baseUrl: BASE, subjectGlobalId: toGlobalId('Person', 'shimin-manager') });
    expect(mail.subject).toBe('【白石市】令和8年6月15日の通知(1件)');
    expect(mail.text).toContain('■ パスワードの変更期限を過ぎています(第24条第3項)\n住民情報システムのパスワードの変更期限(令和8年6月1日)を過ぎています。変更してください。');
    expect(mail.text.split('\n')).toContain('根拠: 第24条第3項');
    expect(mail.text.split('\n')).toContain('未読の通知は次のリンクから確認できます(サインインが必要です)。');
    expect(queryOf(linkIn(mail.text))).toBe(MY_UNREAD_NOTICES_QUERY);
    expect(mail.text).not.toContain('対象:');
  });

  it('a reminder alone (were it mailed) would say the date it falls due, 和暦', () => {
    expect(renderNoticeMail(reminder, ito, { baseUrl: BASE }).text.split('\n')).toContain('期限: 令和8年6月1日');
  });
});

describe('what is mailed', () => {
  it('every notice written with a change, and each person’s daily digest, goes as a mail of its own', () => {
    expect(NOTICE_KINDS.filter(isMailedAlone)).toEqual([
      'APPLICATION_SUBMITTED',
      'APPLICATION_DECIDED',
      'APPLICATION_COMMENTED',
      'DECIDER_NEEDED',
      'ACTING_DESIGNATED',
      'VIRUS_INCIDENT_REPORTED',
      'SYSTEM_STOP_ANNOUNCED',
      'COMMITTEE_MEETING_CONVENED',
      'DAILY_DIGEST',
    ]);
  });

  it('a reminder the daily job finds is mailed only within the day’s digest', () => {
    for (const kind of REMINDER_KINDS) expect(isMailedAlone(kind)).toBe(false);
  });
});

describe('delivery: at least once, never twice', () => {
  const first = claim(undefined, decided, ito.email, NOW);
  const later = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

  it('a notice never sent is claimed (SENDING), with the address and the time, as attempt 1', () => {
    expect(nextStep(undefined, NOW)).toBe('SEND');
    expect(first).toEqual({ noticeId: 'n-decided', addresseeId: 'shimin-manager', state: 'SENDING', to: ito.email, attempts: 1, claimedAt: NOW, error: undefined, version: 1, updatedAt: NOW });
  });

  it('once sent, with its message id, a redelivered record sends nothing', () => {
    const done = sent(first, '<m-1@city.shiroishi.example>', later(1000));
    expect(done).toMatchObject({ state: 'SENT', messageId: '<m-1@city.shiroishi.example>', sentAt: later(1000), attempts: 1, version: 2 });
    expect(nextStep(done, later(2000))).toBe('DONE');
    expect(nextStep(done, later(CLAIM_STALE_AFTER_MS * 10))).toBe('DONE');
  });

  it('a claim a moment old belongs to a sender at work: wait, do not send a second mail', () => {
    expect(nextStep(first, later(30_000))).toBe('BUSY');
  });

  it('a claim older than a few minutes was left by a sender that stopped: it is taken over, as attempt 2', () => {
    expect(CLAIM_STALE_AFTER_MS).toBeGreaterThanOrEqual(3 * 60_000);
    expect(nextStep(first, later(CLAIM_STALE_AFTER_MS))).toBe('SEND');
    expect(claim(first, decided, ito.email, later(CLAIM_STALE_AFTER_MS))).toMatchObject({ state: 'SENDING', attempts: 2, version: 2 });
  });

  it('a send that fails releases the claim with its reason; the next attempt claims it again', () => {
    const failed = released(first, 'connect ECONNREFUSED 127.0.0.1:25', later(1000));
    expect(failed).toMatchObject({ state: 'FAILED', error: 'connect ECONNREFUSED 127.0.0.1:25', attempts: 1, version: 2 });
    expect(nextStep(failed, later(1001))).toBe('SEND');
    expect(claim(failed, decided, ito.email, later(2000))).toMatchObject({ state: 'SENDING', attempts: 2, error: undefined, version: 3 });
  });

  it('a person without a mail address: recorded as undeliverable once, never sent, and no error', () => {
    const none: Delivery = undeliverable(undefined, decided, 'NO_ADDRESS', NOW);
    expect(none).toMatchObject({ state: 'UNDELIVERABLE', error: 'NO_ADDRESS', attempts: 0, version: 1 });
    expect(nextStep(none, later(1000))).toBe('DONE');
  });
});
