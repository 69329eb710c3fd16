/**
 * Every kind of object (functions/domain/kinds.ts) as the store keeps it: how one is read by its key and how its item
 * is laid out. The parts written beside an object (a finding, a motion, a claim) are laid out here too. The one write
 * path turns a domain transition into the writes of one transaction with `changesOf`.
 */
import { Changed, Part, PartKind, Transition } from '../domain/change';
import { Kind } from '../domain/kinds';
import { CALENDAR_ID } from '../domain/operatingHours';
import { Change, Put, Store } from './store';
import { IndexEntry, entryChanges } from './registerIndex';
import { applicationEntries } from './applications';
import { Item } from './table';
import { commentItem } from './comments';
import { getMeeting, motionItem, getWorkingGroup, meetingItem, workingGroupItem } from './committee';
import { consultationItem, getConsultation } from './consultations';
import { contractItem, dataUseItem, datasetItem, getContract, getDataUse, getDataset, getProvision, inspectionItem, provisionIncidentItem, provisionItem } from './data';
import { getMailAddress, getMailApplication, mailAddressItem, mailApplicationItem } from './email';
import { categoryItem, claimItem, getCategory, getLinkRequest, getPage, getTopPageLink, linkRequestItem, pageItem, topPageLinkItem } from './homepage';
import { calendarItem, getInterruption, interruptionItem, loadCalendar } from './operatingHours';
import { designationItem, getDesignation, getReport, reportItem, slotItem } from './operators';
import { attendanceItem, findingItem, getGuidance, getInvestigation, getTraining, guidanceItem, investigationItem, proposalItem, trainingItem } from './oversight';
import { disclosureItem, getDisclosure, getPasswordRecord, passwordItem } from './passwords';
import { departmentItem, getDepartment, getPersonRecord, personItem, roleItem, roleSlotItem } from './people';
import { exceptionItem, findingItem as deviceFindingItem, getException, getFinding as getDeviceFinding } from './prohibitedActs';
import { getNotice, noticeItem } from './reminders';
import { authorizationItem, entryItem, getAuthorization, getEntry, getRoom, granteeItem, roomItem } from './serverRoom';
import { getSystem, systemEntries, systemItem } from './systems';
import { equipmentItem, getEquipment } from './equipment';
import { getReceivedMail, receivedMailItem } from './receivedMail';
import { getIncident, incidentItem } from './virusIncidents';
import { attachmentItem, getAttachment } from './attachments';
import { getSupplementaryRule, ruleVersionsItem, supplementaryRuleItem } from './supplementaryRules';
import { acknowledgementItem, getAcknowledgement, getGuideline, guidelineItem } from './securityGuideline';
import { getSecurityCheck, securityCheckItem } from './homepageSystem';

interface Stored<R> {
  get(store: Store, key: string): Promise<R | undefined>;
  item(record: R): Item;
}

const stored = <R>(get: Stored<R>['get'], item: Stored<R>['item']): Stored<R> => ({ get, item });

export const STORED = {
  Department: stored(getDepartment, departmentItem),
  // A person's item carries a copy of their role assignments (people.ts): read with the person, written back as
  // the transition leaves them (none yet for a new person).
  Person: stored(getPersonRecord, (p) => personItem(p, p.roleAssignments ?? [])),
  System: stored(getSystem, systemItem),
  Consultation: stored(getConsultation, consultationItem),
  Dataset: stored(getDataset, datasetItem),
  DataUseApplication: stored(getDataUse, dataUseItem),
  ExternalProvision: stored(getProvision, provisionItem),
  OutsourcingContract: stored(getContract, contractItem),
  HomepageCategory: stored(getCategory, categoryItem),
  HomepagePage: stored(getPage, pageItem),
  TopPageLinkRequest: stored(getLinkRequest, linkRequestItem),
  TopPageLink: stored(getTopPageLink, topPageLinkItem),
  MailAddress: stored(getMailAddress, mailAddressItem),
  MailAddressApplication: stored(getMailApplication, mailApplicationItem),
  OperatorReport: stored(getReport, reportItem),
  OperatorDesignation: stored(getDesignation, designationItem),
  // One calendar for the city; until it is first changed, the default of the domain stands.
  WorkingCalendar: stored(async (store, key) => (key === CALENDAR_ID ? loadCalendar(store) : undefined), calendarItem),
  ServiceInterruption: stored(getInterruption, interruptionItem),
  ServerRoom: stored(getRoom, roomItem),
  ServerRoomAuthorization: stored(getAuthorization, authorizationItem),
  ServerRoomEntry: stored(getEntry, entryItem),
  Equipment: stored(getEquipment, equipmentItem),
  PasswordRecord: stored(getPasswordRecord, passwordItem),
  PasswordDisclosure: stored(getDisclosure, disclosureItem),
  ProhibitedActException: stored(getException, exceptionItem),
  DeviceFinding: stored(getDeviceFinding, deviceFindingItem),
  VirusIncident: stored(getIncident, incidentItem),
  ReceivedMail: stored(getReceivedMail, receivedMailItem),
  Investigation: stored(getInvestigation, investigationItem),
  Guidance: stored(getGuidance, guidanceItem),
  TrainingSession: stored(getTraining, trainingItem),
  CommitteeMeeting: stored(getMeeting, meetingItem),
  WorkingGroup: stored(getWorkingGroup, workingGroupItem),
  SupplementaryRule: stored(getSupplementaryRule, supplementaryRuleItem),
  SecurityGuideline: stored(getGuideline, guidelineItem),
  SecurityGuidelineAcknowledgement: stored(getAcknowledgement, acknowledgementItem),
  HomepageSecurityCheck: stored(getSecurityCheck, securityCheckItem),
  Notice: stored(getNotice, noticeItem),
  Attachment: stored(getAttachment, attachmentItem),
} satisfies { [K in Kind]: Stored<any> };

/** The record of a kind, as stored. */
export type RecordOf<K extends Kind> = NonNullable<Awaited<ReturnType<(typeof STORED)[K]['get']>>>;

/** An object of a kind by its key, as stored. */
export function getObject<K extends Kind>(store: Store, kind: K, key: string): Promise<RecordOf<K> | undefined> {
  return (STORED[kind] as unknown as Stored<RecordOf<K>>).get(store, key);
}

/** How each part is laid out (the domain names the part; its value is the part as the domain knows it). */
const PARTS: Record<PartKind, (value: never) => Item> = {
  InvestigationFinding: findingItem,
  ImprovementProposal: proposalItem,
  TrainingAttendance: ({ training, personId }: { training: Parameters<typeof attendanceItem>[0]; personId: string }) => attendanceItem(training, personId),
  CommitteeMotion: motionItem,
  ProvisionInspection: inspectionItem,
  ProvisionIncident: provisionIncidentItem,
  RoleAssignment: roleItem,
  RoleSlot: roleSlotItem,
  ServerRoomGrantee: granteeItem,
  OperatorSlot: slotItem,
  HomepageClaim: claimItem,
  ApplicationComment: commentItem,
  SupplementaryRuleVersions: ruleVersionsItem,
};

function changeOfRecord(c: Changed): Put {
  return { item: (STORED[c.kind] as Stored<object>).item(c.after), expectedVersion: c.before?.version };
}

function changeOfPart(p: Part): Put {
  return { item: (PARTS[p.part] as (value: object) => Item)(p.value), expectedVersion: p.expectedVersion };
}

/** The kinds read through index entries (registerIndex.ts), and each one's entries. */
const ENTRIES: Partial<Record<Kind, (record: never) => IndexEntry[]>> = {
  System: systemEntries,
  // The forms on the workflow (functions/resolvers/applications.ts FORMS): the register of applications.
  Consultation: applicationEntries,
  OperatorReport: applicationEntries,
  DataUseApplication: applicationEntries,
  ExternalProvision: applicationEntries,
  TopPageLinkRequest: applicationEntries,
  MailAddressApplication: applicationEntries,
};

/** The kinds read through index entries; each is on byKind (`kindPk` = the kind), where `npm run reindex` reads them. */
export const INDEXED_KINDS = Object.keys(ENTRIES) as Kind[];

/** The entries of one object of an indexed kind, as its record is. */
export function entriesOf(kind: Kind, record: object): IndexEntry[] {
  return (ENTRIES[kind] as ((record: object) => IndexEntry[]) | undefined)?.(record) ?? [];
}

/** The entries a changed object gains and loses (none for a kind without entries). */
function entriesOfChange(c: Changed): Change[] {
  const entries = ENTRIES[c.kind] as ((record: object) => IndexEntry[]) | undefined;
  return entries ? entryChanges(c.kind, c.after.id, c.before ? entries(c.before) : [], entries(c.after)) : [];
}

/**
 * The writes of a transition: each changed object at the version it was read, each part, and the index entries the
 * changed objects gain or lose.
 */
export function changesOf(t: Transition): Change[] {
  const changed = t.changes.filter((c) => !c.recordOnly);
  return [...changed.map(changeOfRecord), ...(t.parts ?? []).map(changeOfPart), ...changed.flatMap(entriesOfChange)];
}
