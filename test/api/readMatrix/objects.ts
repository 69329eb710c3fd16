/**
 * The objects the read matrix reads: the demo city's (functions/local/seed.ts, functions/local/demo/*.ts) by their
 * ids, and fresh ones through the API for the kinds the demo city lacks. Each is made once and shared by every cell.
 */
import { gid } from '../../support/api';
import { dataUseOfShiminData, make, provisionOfShiminData, shiminConsultation, shiminContract, unique, api, day } from '../../support/matrix';
import { firstEventOf, once } from '../../support/readMatrix';
import { runReminders } from '../../../functions/reminders/run';
import { DEMO_REPORT_ID } from '../../../functions/local/demo/operators';

const fixed = (id: string) => async () => id;

export const department = fixed(gid('Department', 'shimin'));
export const person = fixed(gid('Person', 'kenkou-staff'));
export const system = fixed(gid('System', 'demo-juumin'));
export const dataset = fixed(gid('Dataset', 'demo-ds-juumin'));
export const category = fixed(gid('HomepageCategory', 'demo-cat-kurashi'));
export const page = fixed(gid('HomepagePage', 'demo-page-juuminhyou'));
export const mailAddress = fixed(gid('MailAddress', 'shimin@city.shiroishi.miyagi.jp'));
export const operatorReport = fixed(gid('OperatorReport', DEMO_REPORT_ID));
export const operatorDesignation = fixed(gid('OperatorDesignation', 'demo-operator-juumin-shimin-staff'));
export const calendar = fixed(gid('WorkingCalendar', 'city'));
export const interruption = fixed(gid('ServiceInterruption', 'demo-failure-juumin'));
export const serverRoom = fixed(gid('ServerRoom', 'demo-server-room'));
export const roomAuthorization = fixed(gid('ServerRoomAuthorization', 'demo-roomauth-digital-manager'));
export const roomEntry = fixed(gid('ServerRoomEntry', 'demo-roomentry-copier'));
export const equipment = fixed(gid('Equipment', 'demo-equipment-juumin-server'));
export const receivedMail = fixed(gid('ReceivedMail', 'demo-recvmail-shimin'));
export const investigation = fixed(gid('Investigation', 'demo-investigation-juumin'));
export const guidance = fixed(gid('Guidance', 'demo-guidance-kenkou'));
export const training = fixed(gid('TrainingSession', 'demo-training-security'));
export const meeting = fixed(gid('CommitteeMeeting', 'demo-meeting-1'));

// The restricted kinds of the demo city.
/** 第24条: 健康推進課の加藤さん's password on the 保健福祉システム (his department: 健康推進課). */
export const kenkouPassword = fixed(gid('PasswordRecord', 'kenkou-staff.demo-hoken'));
/** 第24条: 市民課の小林さん's password on the 住民情報システム (overdue). */
export const shiminPassword = fixed(gid('PasswordRecord', 'shimin-staff.demo-juumin'));
/** 第25条: 市民課の小林さん asks to install software (awaiting the system administrator). */
export const installException = fixed(gid('ProhibitedActException', 'demo-exception-install'));
/** 第25条: 健康推進課の加藤さん took a tablet out, not back after its period. */
export const takeoutException = fixed(gid('ProhibitedActException', 'demo-exception-takeout'));
/** 第25条第1号: a wireless router found on the groupware LAN. */
export const finding = fixed(gid('DeviceFinding', 'demo-finding-router'));
/** 第27条第3項: the demo city's security check of the homepage system. */
export const homepageSecurityCheck = fixed(gid('HomepageSecurityCheck', 'demo-hpsec-1'));
/** 第26条: the open incident of the 保健福祉システム. */
export const virusIncident = fixed(gid('VirusIncident', 'demo-virus-open'));
/** An attachment of that incident (第26条: read as the incident is), and one of 市民課's system (read by everyone). */
const attachmentTo = (objectId: () => Promise<string>, personId: string, kind: string) =>
  once(async () => (await make(personId, 'requestAttachmentUpload', { objectId: await objectId(), kind, fileName: `${unique('添付')}.pdf`, contentType: 'application/pdf', size: 100 })).id);
export const virusAttachment = attachmentTo(virusIncident, 'kenkou-manager', 'OTHER');

/** A notice the reminders job addressed to 市民課の小林さん (her overdue password, 第24条第3項). */
export const notice = once(async () => {
  const summary = await runReminders(api.store(), new Date().toISOString());
  const n = summary.notices.find((x) => x.addresseeId === 'shimin-staff');
  if (!n) throw new Error('the demo city gives 市民課の小林さん a notice (her password is overdue)');
  return gid('Notice', n.id);
});

// Kinds the demo city has none of (or none by a known id): made through the API, by whom the regulation lets.
export const consultation = once(async () => (await shiminConsultation(true)).id);
export const dataUse = once(async () => (await dataUseOfShiminData(true)).id);
export const provision = once(async () => (await provisionOfShiminData('submitted')).id);
export const contract = once(async () => (await shiminContract()).id);
export const mailApplication = once(
  async () =>
    (await make('shimin-manager', 'applyForMailAddress', {
      kind: 'NEW',
      departmentId: gid('Department', 'shimin'),
      newAddress: `${unique('read-matrix-')}@city.shiroishi.miyagi.jp`,
      purpose: '閲覧権限表の確認用。',
    })).id,
);
/** 第24条第1項: 健康推進課の加藤さん's password on the 保健福祉システム told to 市民課の小林さん, with the system administrator's leave. */
export const passwordDisclosure = once(
  async () =>
    (await make('soumu-director', 'permitPasswordDisclosure', {
      personId: gid('Person', 'kenkou-staff'),
      systemId: gid('System', 'demo-hoken'),
      toldToId: gid('Person', 'shimin-staff'),
      reason: '閲覧権限表の確認用。',
      disclosedOn: day(0),
    })).id,
);
export const workingGroup = once(
  async () => (await make('fuku-shichou', 'establishWorkingGroup', { name: unique('閲覧表部会'), purpose: '閲覧権限の調査研究', memberIds: [gid('Person', 'digital-manager')], establishedOn: day(0) })).id,
);
/** 第35条: a rule the general manager set. */
export const supplementaryRule = once(
  async () => (await make('fuku-shichou', 'establishSupplementaryRule', { title: unique('閲覧表の定め'), body: '閲覧権限表を毎年度見直す。', effectiveFrom: day(0) })).id,
);
/** How that rule is cited (its number depends on the rules set before it in the table). */
export const citationOfRule = once(async () => {
  const data = await api.data('shimin-staff', 'query($id: ID!) { node(id: $id) { ... on SupplementaryRule { citation } } }', { id: await supplementaryRule() });
  return data.node.citation as string;
});
/** 第29条: a version of the security guideline, drafted by the system administrator and approved by the general manager. */
export const securityGuideline = once(async () => {
  const draft = await make('soumu-director', 'draftSecurityGuideline', { title: unique('セキュリティ指針'), content: '画面ロックは5分。' });
  return (await make('fuku-shichou', 'approveSecurityGuideline', { guidelineId: draft.id, expectedVersion: draft.version })).id;
});
/** 第29条: 市民課の小林さん acknowledges the version in force. */
export const guidelineAcknowledgement = once(async () => (await make('shimin-staff', 'acknowledgeSecurityGuideline', { guidelineId: await securityGuideline() })).id);

/** The demo top-page link (マイナンバーカードの申請) and the 様式第10号 that set it. */
const linkOfMyNumber = once(async () => {
  const data = await api.data(
    'soumu-director',
    'query($id: ID!) { node(id: $id) { ... on HomepagePage { topPageLink { id } topPageLinkRequests(first: 5) { nodes { id } } } } }',
    { id: gid('HomepagePage', 'demo-page-mynumber') },
  );
  return { link: data.node.topPageLink.id as string, request: data.node.topPageLinkRequests.nodes[0].id as string };
});
export const topPageLink = async () => (await linkOfMyNumber()).link;
export const topPageLinkRequest = async () => (await linkOfMyNumber()).request;

// Audit events: one of an object of the open register, and one of each restricted kind.
export const eventOfSystem = once(async () => firstEventOf(await system()));
export const eventOfVirusIncident = once(async () => firstEventOf(await virusIncident()));
export const eventOfKenkouPassword = once(async () => firstEventOf(await kenkouPassword()));
export const eventOfTakeout = once(async () => firstEventOf(await takeoutException()));
export const eventOfFinding = once(async () => firstEventOf(await finding()));
export const eventOfPasswordDisclosure = once(async () => firstEventOf(await passwordDisclosure()));
export const eventOfNotice = once(async () => firstEventOf(await notice()));
export const eventOfVirusAttachment = once(async () => firstEventOf(await virusAttachment()));
export const eventOfAcknowledgement = once(async () => firstEventOf(await guidelineAcknowledgement()));
export const eventOfReceivedMail = once(async () => firstEventOf(await receivedMail()));
export const eventOfHomepageSecurityCheck = once(async () => firstEventOf(await homepageSecurityCheck()));
