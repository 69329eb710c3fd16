/**
 * The query rows of the read matrix: every field of the schema's Query type × the seven people. Most read the
 * city's shared register and answer everyone; the lists the regulation keeps to named people refuse the rest
 * wholesale (FORBIDDEN, citing the article); a field that reaches one object answers nothing (EMPTY) to those who
 * may not read it, as for no object.
 */
import { gid } from '../../support/api';
import { day } from '../../support/matrix';
import { EMPTY, QueryRow, SEES } from '../../support/readMatrix';
import * as o from './objects';

const S = SEES;
const E = EMPTY;
const ALL: QueryRow['cells'] = [S, S, S, S, S, S, S];
const OPEN = 'the open register';
const F4 = 'FORBIDDEN 第4条';
const F243 = 'FORBIDDEN 第24条第3項';
const F25 = 'FORBIDDEN 第25条';
const F251 = 'FORBIDDEN 第25条第1号';
const F253 = 'FORBIDDEN 第25条第3号';
const F26 = 'FORBIDDEN 第26条';
const F282 = 'FORBIDDEN 第28条第2項';
const F273 = 'FORBIDDEN 第27条第3項';
const SHIMIN = { departmentId: gid('Department', 'shimin') };
const self = (actor: string) => gid('Person', actor);

// prettier-ignore
export const queries: QueryRow[] = [
  //                                                                                   fuku-shichou soumu-director shimin-manager kenkou-manager soumu-manager digital-manager shimin-staff
  // Any object by its id: as for no object when the viewer may not read it (functions/domain/reading.ts).
  { query: 'node', variant: 'of a system', rule: OPEN, cells: ALL, variables: async () => ({ id: await o.system() }), shows: o.system },
  { query: 'node', variant: 'of a virus incident', rule: '第26条',
                                     cells: [S,           S,             S,             S,             S,            S,              E],
    variables: async () => ({ id: await o.virusIncident() }), shows: o.virusIncident },
  { query: 'nodes', variant: 'of a system', rule: OPEN, cells: ALL, variables: async () => ({ ids: [await o.system()] }), shows: o.system },
  { query: 'nodes', variant: 'of another person’s password record', rule: '第24条',
                                     cells: [E,           S,             E,             S,             E,            E,              E],
    variables: async () => ({ ids: [await o.kenkouPassword()] }), shows: o.kenkouPassword },
  // The audit trail of one object: empty, as for no object, when the viewer may not read the object.
  { query: 'auditTrail', variant: 'of a system', rule: OPEN, cells: ALL, variables: async () => ({ objectId: await o.system() }), shows: o.eventOfSystem },
  { query: 'auditTrail', variant: 'of a virus incident', rule: '第26条',
                                     cells: [S,           S,             S,             S,             S,            S,              E],
    variables: async () => ({ objectId: await o.virusIncident() }), shows: o.eventOfVirusIncident },
  { query: 'auditTrail', variant: 'of another person’s password record', rule: '第24条',
                                     cells: [E,           S,             E,             S,             E,            E,              E],
    variables: async () => ({ objectId: await o.kenkouPassword() }), shows: o.eventOfKenkouPassword },
  { query: 'auditTrail', variant: 'of a notice to 市民課の小林さん', rule: '第4条',
                                     cells: [E,           S,             E,             E,             E,            E,              S],
    variables: async () => ({ objectId: await o.notice() }), shows: o.eventOfNotice },
  // What a person did: the person, the system administrator and the general manager (第4条).
  { query: 'auditTrailByPerson', variant: 'of another person, 健康推進課の加藤さん', rule: '第4条',
                                     cells: [S,           S,             F4,            F4,            F4,           F4,             F4],
    variables: () => ({ personId: self('kenkou-staff') }) },
  { query: 'auditTrailByPerson', variant: 'of oneself', rule: '第4条', cells: ALL, variables: (actor) => ({ personId: self(actor) }) },
  // A person's notices: the person and the system administrator (第4条).
  { query: 'noticesOf', variant: 'of another person, 市民課の小林さん', rule: '第4条',
                                     cells: [F4,          S,             F4,            F4,            F4,           F4,             S],
    variables: () => ({ personId: self('shimin-staff') }), shows: o.notice },
  { query: 'noticesOf', variant: 'of oneself', rule: '第4条', cells: ALL, variables: (actor) => ({ personId: self(actor) }) },
  { query: 'myNotices', rule: 'one’s own', cells: ALL },
  // 第24条第3項: the passwords falling due are the system administrator's list.
  { query: 'overduePasswords',       rule: '第24条第3項',
                                     cells: [F243,        S,             F243,          F243,          F243,         F243,           F243], shows: o.shiminPassword },
  { query: 'passwordsDueBy',         rule: '第24条第3項',
                                     cells: [F243,        S,             F243,          F243,          F243,         F243,           F243],
    variables: () => ({ date: day(60) }), shows: o.kenkouPassword },
  // 第25条: the requests awaiting the system administrator, and the devices not back after their period, are his.
  { query: 'pendingProhibitedActExceptions', rule: '第25条',
                                     cells: [F25,         S,             F25,           F25,           F25,          F25,            F25], shows: o.installException },
  { query: 'overdueEquipmentReturns', rule: '第25条第3号',
                                     cells: [F253,        S,             F253,          F253,          F253,         F253,           F253], shows: o.takeoutException },
  { query: 'myProhibitedActExceptions', rule: 'one’s own', cells: ALL },
  // 第25条第1号: devices found connected: the system administrator and the information managers.
  { query: 'deviceFindings',         rule: '第25条第1号',
                                     cells: [F251,        S,             S,             S,             S,            S,              F251], shows: o.finding },
  // 第26条: open virus incidents: the system administrator, the general manager, the information managers.
  { query: 'openVirusIncidents',     rule: '第26条',
                                     cells: [S,           S,             S,             S,             S,            S,              F26], shows: o.virusIncident },
  // 第27条第3項: the homepage system's security checks and status: the homepage managers, the system administrator, the general manager.
  { query: 'homepageSecurityChecks', rule: '第27条第3項',
                                     cells: [S,           S,             F273,          F273,          S,            S,              F273], shows: o.homepageSecurityCheck },
  { query: 'homepageSecurityStatus', rule: '第27条第3項',
                                     cells: [S,           S,             F273,          F273,          S,            S,              F273] },
  // The city's shared register.
  { query: 'viewer',                 rule: OPEN, cells: ALL },
  { query: 'departments',            rule: OPEN, cells: ALL, shows: o.department },
  { query: 'people',                 rule: OPEN, cells: ALL, variables: () => SHIMIN, shows: async () => gid('Person', 'shimin-staff') },
  { query: 'systems',                rule: OPEN, cells: ALL, variables: () => SHIMIN, shows: o.system },
  { query: 'systemServiceStatus',    rule: OPEN, cells: ALL, variables: async () => ({ systemId: await o.system() }) },
  { query: 'systemsWithoutRecoveryProcedure', rule: OPEN, cells: ALL },
  { query: 'systemsLackingVirusMeasures', rule: OPEN, cells: ALL, shows: o.system },
  { query: 'datasetsLackingProtection', rule: OPEN, cells: ALL, shows: o.dataset },
  { query: 'exportLink',             rule: 'a link for oneself; the read rules asked on opening', cells: ALL, variables: () => ({ register: 'systems', format: 'csv' }) },
  { query: 'applications',           rule: OPEN, cells: ALL, variables: () => ({ filter: { form: ['FORM_5'] } }), shows: o.operatorReport },
  { query: 'myApplications',         rule: 'one’s own', cells: ALL },
  { query: 'myInbox',                rule: 'what awaits one’s decision', cells: ALL },
  { query: 'dataUseGrants',          rule: OPEN, cells: ALL, variables: () => ({ departmentId: gid('Department', 'kenkou') }) },
  { query: 'externalProvisions',     rule: OPEN, cells: ALL, variables: () => SHIMIN, shows: o.provision },
  { query: 'provisionsPastPeriod',   rule: OPEN, cells: ALL },
  { query: 'homepageCategories',     rule: OPEN, cells: ALL, shows: o.category },
  { query: 'homepagePages',          rule: OPEN, cells: ALL, variables: () => SHIMIN, shows: o.page },
  { query: 'homepagePagesDueForCheck', rule: OPEN, cells: ALL },
  { query: 'topPageLinks',           rule: OPEN, cells: ALL, shows: o.topPageLink },
  { query: 'mailAddress',            rule: OPEN, cells: ALL, variables: () => ({ address: 'shimin@city.shiroishi.miyagi.jp' }), shows: o.mailAddress },
  { query: 'mailAddresses',          rule: OPEN, cells: ALL, variables: () => SHIMIN, shows: o.mailAddress },
  { query: 'mailAddressApplications', rule: OPEN, cells: ALL, variables: () => SHIMIN, shows: o.mailApplication },
  { query: 'workingCalendar',        rule: OPEN, cells: ALL, shows: o.calendar },
  { query: 'serverRooms',            rule: OPEN, cells: ALL, shows: o.serverRoom },
  { query: 'unapprovedServerRoomEntries', rule: OPEN, cells: ALL, shows: o.roomEntry },
  { query: 'equipmentRegister',      rule: OPEN, cells: ALL, shows: o.equipment },
  { query: 'receivedMail',           rule: '第28条第2項',
                                     cells: [F282,        S,             S,             F282,          F282,         F282,           S], variables: () => SHIMIN, shows: o.receivedMail },
  { query: 'openInvestigations',     rule: OPEN, cells: ALL, shows: o.investigation },
  { query: 'overdueImprovementProposals', rule: OPEN, cells: ALL },
  { query: 'trainingSessions',       rule: OPEN, cells: ALL, shows: o.training },
  { query: 'committee',              rule: OPEN, cells: ALL },
  { query: 'committeeMeetings',      rule: OPEN, cells: ALL, shows: o.meeting },
  { query: 'workingGroups',          rule: OPEN, cells: ALL, shows: o.workingGroup },
  { query: 'supplementaryRules',     rule: OPEN, cells: ALL, shows: o.supplementaryRule },
  { query: 'supplementaryRule',      rule: OPEN, cells: ALL, variables: async () => ({ citation: await o.citationOfRule() }), shows: o.supplementaryRule },
  { query: 'securityGuidelines',     rule: OPEN, cells: ALL, shows: o.securityGuideline },
  { query: 'currentSecurityGuideline', rule: OPEN, cells: ALL, shows: o.securityGuideline },
];
