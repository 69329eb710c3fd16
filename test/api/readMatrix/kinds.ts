/**
 * The kind rows of the read matrix: one demo object (or fixture) of every kind of NODE_TYPES × the seven people.
 * A kind the regulation keeps to named people (READ_RULES, functions/domain/reading.ts) is HIDDEN from everyone
 * else, citing its article; every other kind is the city's shared register, which every member of staff reads.
 */
import { api } from '../../support/matrix';
import { KindRow, SEES } from '../../support/readMatrix';
import * as o from './objects';

const S = SEES;
const ALL: KindRow['cells'] = [S, S, S, S, S, S, S];
const H24 = 'HIDDEN 第24条';
const H241 = 'HIDDEN 第24条第1項';
const H25 = 'HIDDEN 第25条';
const H251 = 'HIDDEN 第25条第1号';
const H26 = 'HIDDEN 第26条';
const H4 = 'HIDDEN 第4条';
const H29 = 'HIDDEN 第29条';
const H282 = 'HIDDEN 第28条第2項';
const H273 = 'HIDDEN 第27条第3項';

/** A text of the object, read as the system administrator: what an answer of its audit event must not carry. */
const textOf = (id: () => Promise<string>, type: string, field: string) => async () => {
  const data = await api.data('soumu-director', `query($id: ID!) { node(id: $id) { ... on ${type} { ${field} } } }`, { id: await id() });
  return String(data.node[field]);
};

// prettier-ignore
export const kinds: KindRow[] = [
  //                                                                                   fuku-shichou soumu-director shimin-manager kenkou-manager soumu-manager digital-manager shimin-staff
  // The city's shared register: every signed-in member of staff (職員等) reads it.
  { kind: 'Department',              what: 'a department (市民課)',                      cells: ALL, id: o.department, field: 'name' },
  { kind: 'Person',                  what: 'a person of another department (加藤さん)',  cells: ALL, id: o.person, field: 'name' },
  { kind: 'System',                  what: 'a system (住民情報システム)',                 cells: ALL, id: o.system, field: 'name' },
  { kind: 'Consultation',            what: 'a 様式第1号 consultation of 市民課',          cells: ALL, id: o.consultation, field: 'title' },
  { kind: 'Dataset',                 what: 'a dataset (住民基本台帳データ)',              cells: ALL, id: o.dataset, field: 'name' },
  { kind: 'DataUseApplication',      what: 'a 様式第6号 data-use application',           cells: ALL, id: o.dataUse, field: 'purpose' },
  { kind: 'ExternalProvision',       what: 'a 様式第8号 external provision of 市民課',    cells: ALL, id: o.provision, field: 'recipient' },
  { kind: 'OutsourcingContract',     what: 'an outsourcing contract (第22条)',           cells: ALL, id: o.contract, field: 'contractor' },
  { kind: 'HomepageCategory',        what: 'a homepage category',                        cells: ALL, id: o.category, field: 'name' },
  { kind: 'HomepagePage',            what: 'a homepage page of 市民課',                   cells: ALL, id: o.page, field: 'title' },
  { kind: 'TopPageLinkRequest',      what: 'a 様式第10号 top-page link request',          cells: ALL, id: o.topPageLinkRequest },
  { kind: 'TopPageLink',             what: 'a top-page link',                            cells: ALL, id: o.topPageLink },
  { kind: 'MailAddress',             what: 'a mail address of 市民課',                    cells: ALL, id: o.mailAddress, field: 'purpose' },
  { kind: 'MailAddressApplication',  what: 'a 様式第11号 mail-address application',       cells: ALL, id: o.mailApplication },
  { kind: 'OperatorReport',          what: 'an operator report of 市民課',                cells: ALL, id: o.operatorReport },
  { kind: 'OperatorDesignation',     what: 'an operator designation (小林さん)',          cells: ALL, id: o.operatorDesignation },
  { kind: 'WorkingCalendar',         what: 'the working calendar',                       cells: ALL, id: o.calendar },
  { kind: 'ServiceInterruption',     what: 'a service interruption (住民情報システム)',    cells: ALL, id: o.interruption, field: 'description' },
  { kind: 'ServerRoom',              what: 'the server room',                            cells: ALL, id: o.serverRoom, field: 'name' },
  { kind: 'ServerRoomAuthorization', what: 'a server-room authorization',                cells: ALL, id: o.roomAuthorization, field: 'validFrom' },
  { kind: 'ServerRoomEntry',         what: 'a server-room entry',                        cells: ALL, id: o.roomEntry },
  { kind: 'Equipment',               what: 'a server of 住民情報システム',                  cells: ALL, id: o.equipment, field: 'identifier' },
  // 第28条第2項: mail received is a document of the receiving department: its staff and the system administrator.
  { kind: 'ReceivedMail',            what: 'mail received by 市民課',
                                     cells: [H282,        S,             S,             H282,          H282,         H282,           S],
    id: o.receivedMail, field: 'subject' },
  { kind: 'Investigation',           what: 'an investigation (第19条)',                  cells: ALL, id: o.investigation },
  { kind: 'Guidance',                what: 'a guidance (第20条)',                        cells: ALL, id: o.guidance },
  { kind: 'TrainingSession',         what: 'a training session (第21条)',                cells: ALL, id: o.training },
  { kind: 'CommitteeMeeting',        what: 'a committee meeting',                        cells: ALL, id: o.meeting, field: 'title' },
  { kind: 'WorkingGroup',            what: 'a working group (第33条第6項)',              cells: ALL, id: o.workingGroup, field: 'name' },
  { kind: 'SupplementaryRule',       what: 'a rule set under 第35条',                    cells: ALL, id: o.supplementaryRule, field: 'title' },
  { kind: 'SecurityGuideline',       what: 'a version of the security guideline (第29条)', cells: ALL, id: o.securityGuideline, field: 'title' },
  // 第29条: an acknowledgement of the security guideline: the person, the system administrator and the general manager.
  { kind: 'SecurityGuidelineAcknowledgement', what: '市民課の小林さん’s acknowledgement of the security guideline',
                                     cells: [S,           S,             H29,           H29,           H29,          H29,            S],
    id: o.guidelineAcknowledgement, field: 'acknowledgedAt' },
  // 第24条: the person, the system administrator, and the information manager of the person's department.
  { kind: 'PasswordRecord', variant: '健康推進課の加藤さん', what: 'a password record of 健康推進課の加藤さん',
                                     cells: [H24,         S,             H24,           S,             H24,          H24,            H24],
    id: o.kenkouPassword, field: 'dueOn' },
  { kind: 'PasswordRecord', variant: '市民課の小林さん', what: 'a password record of 市民課の小林さん',
                                     cells: [H24,         S,             S,             H24,           H24,          H24,            S],
    id: o.shiminPassword, field: 'dueOn' },
  // 第24条第1項: a password told with leave: the person told, and whoever reads the teller's password records.
  { kind: 'PasswordDisclosure', what: '加藤さん’s password told to 市民課の小林さん',
                                     cells: [H241,        S,             H241,          S,             H241,         H241,           S],
    id: o.passwordDisclosure, field: 'reason' },
  // 第25条: a request for an exception: the one who asked, the system administrator, the asker's information manager.
  { kind: 'ProhibitedActException', variant: '市民課の小林さん asks to install software', what: 'a software-installation request of 市民課の小林さん',
                                     cells: [H25,         S,             S,             H25,           H25,          H25,            S],
    id: o.installException, field: 'reason' },
  { kind: 'ProhibitedActException', variant: '健康推進課の加藤さん took a tablet out', what: 'an equipment take-out of 健康推進課の加藤さん',
                                     cells: [H25,         S,             H25,           S,             H25,          H25,            H25],
    id: o.takeoutException, field: 'reason' },
  // 第25条第1号: devices found connected: the system administrator and the information managers who record them.
  { kind: 'DeviceFinding',           what: 'a device found connected',
                                     cells: [H251,        S,             S,             S,             S,            S,              H251],
    id: o.finding, field: 'device' },
  // 第26条: virus incidents: the system administrator, the information managers, the general manager.
  { kind: 'VirusIncident',           what: 'a virus incident',
                                     cells: [S,           S,             S,             S,             S,            S,              H26],
    id: o.virusIncident, field: 'device' },
  // 第27条第3項: the homepage system's security checks: the homepage system manager and operations manager, the
  // system administrator, the general manager.
  { kind: 'HomepageSecurityCheck',   what: 'a security check of the homepage system',
                                     cells: [S,           S,             H273,          H273,          S,            S,              H273],
    id: o.homepageSecurityCheck, field: 'checkedOn' },
  // A notice: the one it is addressed to and the system administrator who runs the reminders (第4条).
  { kind: 'Notice',                  what: 'a notice addressed to 市民課の小林さん',
                                     cells: [H4,          S,             H4,            H4,            H4,           H4,             S],
    id: o.notice, field: 'message' },
  // An attachment: whoever reads the record it belongs to — a virus incident's, those who read the incident (第26条).
  { kind: 'Attachment', variant: 'of a virus incident (第26条)', what: 'an attachment of a virus incident',
                                     cells: [S,           S,             S,             S,             S,            S,              H26],
    id: o.virusAttachment, field: 'fileName' },
  // An audit event is readable exactly when its object is.
  { kind: 'AuditEvent', variant: 'of a system', of: 'System', what: 'an audit event of a system', cells: ALL,
    id: o.eventOfSystem, field: 'after', secret: textOf(o.system, 'System', 'name') },
  { kind: 'AuditEvent', variant: 'of a password record (第24条)', of: 'PasswordRecord', what: 'an audit event of 加藤さん’s password record',
                                     cells: [H24,         S,             H24,           S,             H24,          H24,            H24],
    id: o.eventOfKenkouPassword, field: 'after', secret: async () => 'kenkou-staff.demo-hoken' },
  { kind: 'AuditEvent', variant: 'of a password disclosure (第24条第1項)', of: 'PasswordDisclosure', what: 'an audit event of 加藤さん’s password told to 小林さん',
                                     cells: [H241,        S,             H241,          S,             H241,         H241,           S],
    id: o.eventOfPasswordDisclosure, field: 'after', secret: textOf(o.passwordDisclosure, 'PasswordDisclosure', 'reason') },
  { kind: 'AuditEvent', variant: 'of an equipment take-out (第25条)', of: 'ProhibitedActException', what: 'an audit event of 加藤さん’s equipment take-out',
                                     cells: [H25,         S,             H25,           S,             H25,          H25,            H25],
    id: o.eventOfTakeout, field: 'after', secret: textOf(o.takeoutException, 'ProhibitedActException', 'reason') },
  { kind: 'AuditEvent', variant: 'of a device finding (第25条第1号)', of: 'DeviceFinding', what: 'an audit event of a device found connected',
                                     cells: [H251,        S,             S,             S,             S,            S,              H251],
    id: o.eventOfFinding, field: 'after', secret: textOf(o.finding, 'DeviceFinding', 'device') },
  { kind: 'AuditEvent', variant: 'of a virus incident (第26条)', of: 'VirusIncident', what: 'an audit event of a virus incident',
                                     cells: [S,           S,             S,             S,             S,            S,              H26],
    id: o.eventOfVirusIncident, field: 'after', secret: textOf(o.virusIncident, 'VirusIncident', 'device') },
  { kind: 'AuditEvent', variant: 'of an acknowledgement of the security guideline (第29条)', of: 'SecurityGuidelineAcknowledgement', what: 'an audit event of 小林さん’s acknowledgement',
                                     cells: [S,           S,             H29,           H29,           H29,          H29,            S],
    id: o.eventOfAcknowledgement, field: 'after', secret: textOf(o.guidelineAcknowledgement, 'SecurityGuidelineAcknowledgement', 'acknowledgedAt') },
  { kind: 'AuditEvent', variant: 'of a security check of the homepage system (第27条第3項)', of: 'HomepageSecurityCheck', what: 'an audit event of a homepage security check',
                                     cells: [S,           S,             H273,          H273,          S,            S,              H273],
    id: o.eventOfHomepageSecurityCheck, field: 'after', secret: textOf(o.homepageSecurityCheck, 'HomepageSecurityCheck', 'measuresTaken') },
  { kind: 'AuditEvent', variant: 'of a notice (第4条)', of: 'Notice', what: 'an audit event of a notice to 小林さん',
                                     cells: [H4,          S,             H4,            H4,            H4,           H4,             S],
    id: o.eventOfNotice, field: 'after', secret: textOf(o.notice, 'Notice', 'message') },
  { kind: 'AuditEvent', variant: 'of an attachment of a virus incident (第26条)', of: 'Attachment', what: 'an audit event of an attachment of a virus incident',
                                     cells: [S,           S,             S,             S,             S,            S,              H26],
    id: o.eventOfVirusAttachment, field: 'after', secret: textOf(o.virusAttachment, 'Attachment', 'fileName') },
  { kind: 'AuditEvent', variant: 'of mail received (第28条第2項)', of: 'ReceivedMail', what: 'an audit event of mail received by 市民課',
                                     cells: [H282,        S,             S,             H282,          H282,         H282,           S],
    id: o.eventOfReceivedMail, field: 'after', secret: textOf(o.receivedMail, 'ReceivedMail', 'subject') },
];
