/**
 * What each field of the API can cost in DynamoDB calls, declared in one place so the estimate made before a request
 * runs (estimate.ts) is an upper bound of the calls it makes. Keyed `Type.field` (an interface's key, e.g.
 * `Node.id`, serves every type that implements it).
 *
 * - A field without a resolver of ours reads its parent object: no call, and no entry here.
 * - A field with a resolver must have an entry; one that has none (a new field) is estimated at UNDECLARED, a
 *   deliberately high figure, and test/api/cost.test.ts fails until it is declared.
 * - `loads`: waves of item reads through the Store's DataLoader (BatchGetItem, 100 keys a call). Every parent in the
 *   same page reads in the same wave, so a related object on each item of a page costs one call per 100 keys.
 * - `queries`: calls made for each parent object on its own (a Query per connection, a GetItem, a page of a
 *   queryAll): a nested connection under a list costs one call per item of the list.
 *
 * Assumptions (the only places the bound rests on the data rather than the code): a list stored on an object (ids of
 * related objects, members, attendees) holds at most LIST_BOUND entries; the few reads that page through a whole
 * key condition (noted beside them) stay within the pages declared; every parent of a list with a head has its head
 * (written with the parent, and by `npm run reindex` for one written before; store/heads.ts); BatchGetItem's retries of UnprocessedKeys
 * (throttling only) are not counted.
 */
import type { Context } from '../resolvers/context';
import { MAX_LIST, MAX_PAGE } from '../../graphql/common';
import { SystemSearch, systemPartitions } from '../store/systems';
import { applicationPartitions } from '../store/applications';
import { headServes } from '../store/heads';

export interface FieldCalls {
  /** Calls each parent object makes on its own (not batched): Queries, GetItems, pages. */
  queries?: number | ((args: Record<string, unknown>, ctx: Context) => number);
  /** Waves of DataLoader reads (each wave one BatchGetItem per 100 keys, shared by all parents of a page). */
  loads?: number;
  /** Keys each parent reads per wave: 1 (default), a stored list of ids ('list'), the `ids` argument, or `first`. */
  keys?: number | 'list' | 'ids' | 'first';
  /** Items of a list the field returns, per parent, when it is not a connection (default: LIST_BOUND). */
  items?: number;
}

/** Entries of a list stored on an object: inputs accept at most MAX_LIST. */
export const LIST_BOUND = MAX_LIST;
/** The largest page (`first`) and the most ids of `nodes(ids:)`. */
export const PAGE_BOUND = MAX_PAGE;
/**
 * How many times `mutate()` (functions/resolvers/support.ts, MAX_ATTEMPTS) runs a mutation that keeps losing a race:
 * each attempt reads afresh and tries its transaction again. A test checks that the two agree.
 */
export const MUTATION_ATTEMPTS = 3;
/**
 * Pages of a meeting's motions its minutes read (functions/store/committee.ts listAllMotions, pages of the store's
 * queryAll): an assumption — a meeting's record holds at most this many pages of motions.
 */
const MOTION_PAGES = 5;
/** Pages of interruptions `interruptionsEndingFrom` reads at most (functions/store/operatingHours.ts, MAX_PAGES). */
const INTERRUPTION_PAGES = 5;

/** No call: computed from the parent object or the viewer. */
const FREE: FieldCalls = {};
/** One related item through the DataLoader. */
const LOAD: FieldCalls = { loads: 1 };
/** A stored list of ids through the DataLoader, in one wave. */
const LOAD_LIST: FieldCalls = { loads: 1, keys: 'list' };
/** Any node by its global id: one item, and for a password record then its person (a second wave). */
const LOAD_NODE: FieldCalls = { loads: 2 };
/** One Query per parent object: a connection, or a list read for each parent. */
const QUERY: FieldCalls = { queries: 1 };
/**
 * A nested list with a head (functions/store/heads.ts): its first page is the heads of every parent of the page in
 * one wave, then their items in a second; a later page, or one larger than the head, one Query per parent.
 */
const HEAD_PAGE: FieldCalls = { loads: 2, keys: 'first', queries: (args) => (headServes(args) ? 0 : 1) };
/**
 * A signed link (functions/api/signedLinks.ts): its key is read once per container, and made on first use — a read
 * through the DataLoader, a conditional put, a read of the winner's key — whatever the number of links in a page.
 */
const SIGNED_LINK: FieldCalls = { loads: 3 };

/** A resolver nobody declared: counted as several calls per parent, so it can only over-estimate. */
export const UNDECLARED: FieldCalls = { queries: 5, loads: 2 };

export const FIELD_CALLS: Record<string, FieldCalls> = {
  'Audited.auditTrail': QUERY,
  'Application.applicant': LOAD,
  'Application.article': FREE,
  'Application.commentCount': FREE,
  // A page of the application's comments: one Query on its partition.
  'Application.comments': QUERY,
  // The assignments of the deciding role and of the system administrator (two Queries of one page each, read once a
  // request), then the people.
  'Application.deciders': { queries: 2, loads: 1, keys: 'list' },
  'Application.designationNeeded': { queries: 2 },
  'Application.viewerCanComment': FREE,
  'Application.viewerCanDecide': FREE,
  'Application.viewerCanSubmit': FREE,
  'Application.viewerCanWithdraw': FREE,
  'Application.printUrl': SIGNED_LINK,
  'Agreement.printUrl': SIGNED_LINK,
  'ApplicationComment.actingFor': LOAD,
  'ApplicationComment.author': LOAD,

  // Attachments: the file's URLs are signed without a call; the record it belongs to, and who uploaded it, one load each.
  'Attachment.downloadUrl': FREE,
  'Attachment.object': LOAD,
  'Attachment.uploadedBy': LOAD,

  'AuditEvent.actingFor': LOAD,
  'AuditEvent.actor': LOAD,
  'AuditEvent.id': FREE,
  'AuditEvent.object': LOAD_NODE,

  'CastVote.person': LOAD,

  'Committee.chair': LOAD,
  'Committee.memberCount': FREE,
  'Committee.members': LOAD_LIST,
  'Committee.quorumRequired': FREE,
  'Committee.secretariatHolder': LOAD,
  'Committee.viceChair': LOAD,
  'Committee.viewerCanConvene': FREE,

  'CommitteeComposition.chair': LOAD,
  'CommitteeComposition.memberCount': FREE,
  'CommitteeComposition.members': LOAD_LIST,
  'CommitteeComposition.quorumRequired': FREE,
  'CommitteeComposition.secretariatHolder': LOAD,
  'CommitteeComposition.viceChair': LOAD,

  'CommitteeMeeting.agenda': FREE,
  'CommitteeMeeting.attendance': LOAD_LIST,
  'CommitteeMeeting.convenedBy': LOAD,
  'CommitteeMeeting.minutes': { queries: MOTION_PAGES, loads: 1, keys: 'list' }, // every motion (pages of a queryAll), then the names in one batch
  'CommitteeMeeting.motions': QUERY,
  'CommitteeMeeting.presiding': FREE,
  'CommitteeMeeting.quorum': FREE,
  'CommitteeMeeting.viewerCanClose': FREE,
  'CommitteeMeeting.viewerCanDecideMotion': FREE,
  'CommitteeMeeting.viewerCanRecordAttendance': FREE,

  'Consultation.applicantDepartment': LOAD,
  'Consultation.connectSystem': LOAD,
  'Consultation.system': LOAD,
  'Consultation.viewerCanEdit': FREE,
  'Consultation.attachments': QUERY,
  'Consultation.viewerCanAttach': FREE,

  'Dataset.currentGrants': QUERY,
  'Dataset.department': LOAD,
  'Dataset.lacksProtection': FREE,
  'Dataset.protectionReviewDueOn': FREE,
  'Dataset.system': LOAD,
  'Dataset.viewerCanReviewProtection': FREE,

  'DataProtection.reviewedBy': LOAD,

  'DataUseApplication.applicantDepartment': LOAD,
  'DataUseApplication.current': FREE,
  'DataUseApplication.dataset': LOAD,
  'DataUseApplication.legalBases': FREE,
  'DataUseApplication.legalBasis': FREE,
  'DataUseApplication.owningDepartment': LOAD,
  'DataUseApplication.requestingDepartment': LOAD,
  'DataUseApplication.attachments': QUERY,
  'DataUseApplication.viewerCanAttach': FREE,

  'Decision.actingFor': LOAD,
  'Decision.citedRules': LOAD_LIST,
  'Decision.decidedBy': LOAD,

  'Department.code': FREE,
  'Department.guidance': QUERY,
  'Department.homepagePages': QUERY,
  'Department.openImprovementProposals': QUERY,
  'Department.people': QUERY,
  'Department.systems': QUERY,

  'DeviceFinding.article': FREE,
  'DeviceFinding.equipment': LOAD,
  'DeviceFinding.recordedBy': LOAD,
  'DeviceFinding.system': LOAD,

  'Equipment.department': LOAD,
  'Equipment.officeDepartment': LOAD,
  'Equipment.registeredBy': LOAD,
  'Equipment.removedBy': LOAD,
  'Equipment.room': LOAD,
  'Equipment.system': LOAD,
  'Equipment.viewerCanRemove': FREE,

  'ExternalProvision.agreement': FREE,
  'ExternalProvision.incidents': { queries: 1, items: PAGE_BOUND }, // deprecated: the first page of reportedIncidents
  'ExternalProvision.inspections': { queries: 1, items: PAGE_BOUND }, // deprecated: the first page of recordedInspections
  'ExternalProvision.items': FREE,
  'ExternalProvision.legalBases': FREE,
  'ExternalProvision.legalBasis': FREE,
  'ExternalProvision.recordedInspections': QUERY,
  'ExternalProvision.reportedIncidents': QUERY,
  'ExternalProvision.applicantDepartment': LOAD,
  'ExternalProvision.datasets': LOAD_LIST,
  'ExternalProvision.department': LOAD,
  'ExternalProvision.openObligations': FREE,
  'ExternalProvision.requiredItems': FREE,
  'ExternalProvision.stage': FREE,
  'ExternalProvision.attachments': QUERY,
  'ExternalProvision.viewerCanAttach': FREE,

  'Guidance.acknowledgedBy': LOAD,
  'Guidance.department': LOAD,
  'Guidance.givenBy': LOAD,
  'Guidance.viewerCanAcknowledge': FREE,

  'HomepageCategory.createdBy': LOAD,

  'HomepageCheck.checkedBy': LOAD,
  'HomepageCoordination.department': LOAD,
  'HomepageCoordination.recordedBy': LOAD,
  'HomepageCoordination.withPerson': LOAD,

  'HomepageSecurityCheck.actingFor': LOAD,
  'HomepageSecurityCheck.openIssues': FREE,
  'HomepageSecurityCheck.recordedBy': LOAD,
  'HomepageSecurityStatus.viewerCanRecordCheck': FREE,

  'HomepagePage.category': LOAD,
  'HomepagePage.checkDueOn': FREE,
  'HomepagePage.checkReasons': FREE,
  'HomepagePage.coordinations': FREE,
  'HomepagePage.department': LOAD,
  'HomepagePage.draftedBy': LOAD,
  'HomepagePage.relatedDepartments': LOAD_LIST,
  'HomepagePage.topPageLink': LOAD,
  'HomepagePage.topPageLinkRequests': QUERY,
  'HomepagePage.uncoordinatedDepartments': LOAD_LIST,
  'HomepagePage.viewerCanAbolish': FREE,
  'HomepagePage.viewerCanOpen': FREE,
  'HomepagePage.viewerCanRecordCheck': FREE,
  'HomepagePage.viewerCanRequestTopPageLink': FREE,
  'HomepagePage.viewerCanRequestTopPageLinkRelease': FREE,
  'HomepagePage.viewerCanStop': FREE,

  'ImprovementProposal.department': LOAD,
  'ImprovementProposal.finding': LOAD,
  'ImprovementProposal.investigation': LOAD,
  'ImprovementProposal.overdue': FREE,
  'ImprovementProposal.proposalId': FREE,
  'ImprovementProposal.viewerCanReportDone': FREE,
  'ImprovementProposal.viewerCanReview': FREE,

  'Investigation.findings': QUERY,
  'Investigation.investigator': LOAD,
  'Investigation.proposals': QUERY,
  'Investigation.system': LOAD,
  'Investigation.viewerCanAddFindings': FREE,
  'Investigation.viewerCanClose': FREE,

  'MailAddress.application': LOAD,
  'MailAddress.deletionApplication': LOAD,
  'MailAddress.department': LOAD,
  'MailAddress.replacedBy': LOAD,
  'MailAddress.viewerCanApplyForChange': FREE,

  'MailAddressApplication.applicantDepartment': LOAD,
  'MailAddressApplication.department': LOAD,
  'MailAddressApplication.mailAddress': LOAD,

  'Motion.presiding': LOAD,

  'Node.id': FREE,

  'Notice.addressee': LOAD,
  'Notice.subject': LOAD_NODE,
  'Notice.viewerCanMarkRead': FREE,

  'OperatorDesignation.article': FREE,
  'OperatorDesignation.current': FREE,
  'OperatorDesignation.designatedBy': LOAD,
  'OperatorDesignation.person': LOAD,
  'OperatorDesignation.releasedBy': LOAD,
  'OperatorDesignation.releaseReport': LOAD,
  'OperatorDesignation.report': LOAD,
  'OperatorDesignation.system': LOAD,
  'OperatorDesignation.viewerCanRelease': LOAD,

  'OperatorReport.applicantDepartment': LOAD,
  'OperatorReport.designations': { loads: 2, keys: 'list' }, // loadWorkspace: the slots, then their designations,
  'OperatorReport.system': LOAD,

  'OperatorReportEntry.person': LOAD,

  'OutsideReportDecision.decidedBy': LOAD,

  'OutsourcingContract.system': LOAD,
  'OutsourcingContract.attachments': QUERY,
  'OutsourcingContract.viewerCanAttach': FREE,

  'OverrideAgreement.consentedBy': LOAD,
  'OverrideAgreement.parties': FREE,
  'OverrideParty.person': LOAD,

  'PasswordDisclosure.passwordRecord': LOAD,
  'PasswordDisclosure.permittedBy': LOAD,
  'PasswordDisclosure.person': LOAD,
  'PasswordDisclosure.system': LOAD,
  'PasswordDisclosure.toldTo': LOAD,

  'PasswordRecord.disclosures': QUERY,
  'PasswordRecord.person': LOAD,
  'PasswordRecord.recordedBy': LOAD,
  'PasswordRecord.status': FREE,
  'PasswordRecord.system': LOAD,
  'PasswordRecord.viewerCanRecordChange': FREE,

  'Person.currentRoles': LOAD,
  'Person.department': LOAD,
  'Person.operatorDesignations': QUERY,
  'Person.passwords': QUERY,
  'Person.personId': FREE,
  'Person.roleAssignments': LOAD,
  'Person.securityGuidelineAcknowledgement': { queries: 1, loads: 1 }, // the version in force (once a request), then the acknowledgement by key
  'Person.trainingsAttended': { queries: 1, loads: 1, keys: 'first' }, // one Query, then the sessions in one batch,

  'Presiding.person': LOAD,

  'ProhibitedActException.article': FREE,
  'ProhibitedActException.decidedBy': LOAD,
  'ProhibitedActException.department': LOAD,
  'ProhibitedActException.equipment': LOAD,
  'ProhibitedActException.inForce': FREE,
  'ProhibitedActException.requestedBy': LOAD,
  'ProhibitedActException.returnOverdue': FREE,
  'ProhibitedActException.system': LOAD,
  'ProhibitedActException.viewerCanDecide': FREE,
  'ProhibitedActException.viewerCanRecordReturn': FREE,

  'Query.auditTrail': QUERY,
  'Query.auditTrailByPerson': QUERY,
  'Query.committee': { queries: 7 }, // currentComposition: queryAll of 3 roles, 200 a page (assumed at most 400 assignments of each role), and of the secretariat's (one page: at most 200)
  'Query.committeeMeetings': QUERY,
  'Query.currentSecurityGuideline': QUERY,
  'Query.datasetsLackingProtection': QUERY,
  'Query.dataUseGrants': QUERY,
  'Query.departments': QUERY,
  'Query.deviceFindings': { queries: 1, loads: 1 }, // the system it is filtered by, when given, then the page
  'Query.equipmentRegister': { queries: 1, loads: 1 }, // the system it is filtered by, when given, then the page
  'Query.externalProvisions': QUERY,
  'Query.homepageCategories': QUERY,
  'Query.homepagePages': QUERY,
  'Query.homepagePagesDueForCheck': QUERY,
  'Query.homepageSecurityChecks': QUERY,
  'Query.homepageSecurityStatus': QUERY, // the latest check: a Query of one item
  'Query.mailAddress': LOAD,
  'Query.mailAddressApplications': QUERY,
  'Query.mailAddresses': QUERY,
  'Query.receivedMail': QUERY,
  'Query.myApplications': QUERY,
  'Query.myInbox': { queries: (_args, ctx) => 3 + ctx.viewer.roles.filter((r) => r.role === 'INFORMATION_MANAGER').length }, // one Query per inbox partition the viewer decides in,
  'Query.myNotices': QUERY,
  'Query.myProhibitedActExceptions': QUERY,
  'Query.node': LOAD_NODE,
  'Query.nodes': { loads: 2, keys: 'ids' }, // every id in one batch (a password record then reads its person)
  'Query.noticesOf': QUERY,
  'Query.openInvestigations': QUERY,
  'Query.openVirusIncidents': QUERY,
  'Query.overdueEquipmentReturns': QUERY,
  'Query.overdueImprovementProposals': QUERY,
  'Query.overduePasswords': QUERY,
  'Query.passwordsDueBy': QUERY,
  'Query.pendingProhibitedActExceptions': QUERY,
  'Query.people': QUERY,
  'Query.provisionsPastPeriod': QUERY,
  'Query.serverRooms': QUERY,
  'Query.securityGuidelines': QUERY,
  'Query.supplementaryRule': { loads: 2 }, // a version by key, or the versions kept beside the rule cited, then the one in force
  'Query.supplementaryRules': QUERY,
  // A filtered or ordered page: one Query a partition of entries it reads (store/systems.ts systemPartitions), then
  // its systems in one BatchGetItem (a page holds at most MAX_PAGE, 100); else one Query of byKind or byDepartment.
  // One Query a partition of entries (store/applications.ts applicationPartitions: at most 8 forms × 6 statuses), then
  // the page's applications in one BatchGetItem.
  'Query.exportLink': SIGNED_LINK,
  'Query.applications': {
    queries: (args) => {
      const filter = (args.filter ?? {}) as { form?: string[]; status?: never[] };
      return applicationPartitions({ forms: filter.form ?? undefined, statuses: filter.status ?? undefined }).length + 1;
    },
  },
  'Query.systems': {
    queries: (args) => {
      const partitions = systemPartitions(systemSearchOf(args));
      return partitions ? partitions.length + 1 : 1;
    },
  },
  'Query.systemsLackingVirusMeasures': QUERY,
  'Query.systemServiceStatus': { queries: INTERRUPTION_PAGES, loads: 2 }, // the system, then the calendar and up to 5 pages of interruptions,
  'Query.systemsWithoutRecoveryProcedure': QUERY,
  'Query.topPageLinks': QUERY,
  'Query.trainingSessions': QUERY,
  'Query.unapprovedServerRoomEntries': QUERY,
  'Query.viewer': FREE,
  'Query.workingCalendar': LOAD,
  'Query.workingGroups': QUERY,
  'RequestAttachmentUploadPayload.upload': FREE, // signed without a call

  'Responsibility.assignedBy': LOAD,
  'Responsibility.department': LOAD,

  'RoleAssignment.actingFor': LOAD,
  'RoleAssignment.active': FREE,
  'RoleAssignment.assignmentId': FREE,
  'RoleAssignment.department': LOAD,
  'RoleAssignment.designatedBy': LOAD,

  'ReceivedMail.department': LOAD,
  'ReceivedMail.handledBy': LOAD,

  'ServerRoom.currentAuthorizations': QUERY,
  'ServerRoom.entries': QUERY,
  'ServerRoom.registeredBy': LOAD,
  'ServerRoom.viewerCanAuthorize': FREE,

  'SecurityGuideline.acknowledgementStatus': { queries: 2, loads: 2, keys: 400 }, // the department's staff (pages of 200, assumed at most 400), then the department and their acknowledgements by key
  'SecurityGuideline.approvedBy': LOAD,
  'SecurityGuideline.draftedBy': LOAD,
  'SecurityGuideline.viewerAcknowledgement': LOAD,
  'SecurityGuideline.viewerCanAcknowledge': LOAD,
  'SecurityGuideline.viewerCanApprove': FREE,

  'SecurityGuidelineAcknowledgement.guideline': LOAD,
  'SecurityGuidelineAcknowledgement.person': LOAD,

  'ServerRoomAuthorization.current': FREE,
  'ServerRoomAuthorization.grantedBy': LOAD,
  'ServerRoomAuthorization.person': LOAD,
  'ServerRoomAuthorization.revokedBy': LOAD,
  'ServerRoomAuthorization.room': LOAD,
  'ServerRoomAuthorization.viewerCanRevoke': FREE,

  'ServerRoomEntrant.person': LOAD,

  'ServerRoomEntry.approvedBy': LOAD,
  'ServerRoomEntry.authorization': LOAD,
  'ServerRoomEntry.equipment': LOAD,
  'ServerRoomEntry.recordedBy': LOAD,
  'ServerRoomEntry.room': LOAD,
  'ServerRoomEntry.viewerCanApprove': FREE,
  'ServerRoomEntry.viewerCanRecordExit': FREE,

  'ServiceInterruption.announcedBy': LOAD,
  'ServiceInterruption.article': LOAD,
  'ServiceInterruption.cancelledBy': LOAD,
  'ServiceInterruption.endedBy': LOAD,
  'ServiceInterruption.recordedBy': LOAD,
  'ServiceInterruption.state': FREE,
  'ServiceInterruption.system': LOAD,
  'ServiceInterruption.viewerCanCancel': LOAD,
  'ServiceInterruption.viewerCanEnd': LOAD,

  // The versions kept beside a rule (one item through the DataLoader), then for `versions` each of them.
  'SupplementaryRule.citation': FREE,
  'SupplementaryRule.establishedBy': LOAD,
  'SupplementaryRule.status': LOAD,
  'SupplementaryRule.versions': { loads: 2, keys: 'list' },
  'SupplementaryRule.viewerCanRevise': LOAD,

  'System.connectedSystems': LOAD_LIST,
  'System.consultations': HEAD_PAGE,
  'System.costBearing': FREE,
  'System.datasets': HEAD_PAGE,
  'System.investigations': QUERY,
  'System.lacksRecoveryProcedure': FREE,
  'System.lacksVirusMeasures': FREE,
  'System.maintenance': FREE,
  'System.operatingHours': FREE,
  'System.operatorReports': QUERY,
  'System.operators': QUERY,
  'System.outsourcingContracts': HEAD_PAGE,
  'System.owningDepartment': LOAD,
  'System.processingDepartments': LOAD_LIST,
  'System.serviceInterruptions': QUERY,
  'System.serviceStatus': { queries: INTERRUPTION_PAGES, loads: 1 }, // statusOf: the calendar and up to 5 pages of interruptions, per system,
  'System.unprotectedHazards': FREE,
  'System.viewerCanDesignateOperators': FREE,
  'System.viewerCanEdit': FREE,
  'System.viewerCanFileConsultation': FREE,
  'System.viewerCanManageInterruptions': FREE,
  'System.viewerCanRecordResilience': FREE,
  'System.viewerCanReportOperators': FREE,
  'System.viewerCanReviewVirusMeasures': FREE,
  'System.virusIncidents': QUERY,
  'SystemChanges.processingDepartments': LOAD_LIST,
  'System.attachments': QUERY,
  'System.viewerCanAttach': FREE,
  'System.virusMeasuresReviewDueOn': FREE,

  'SystemResilience.recordedBy': LOAD,

  'SystemVirusMeasures.reviewedBy': LOAD,

  'TopPageLink.category': LOAD,
  'TopPageLink.current': FREE,
  'TopPageLink.id': FREE,
  'TopPageLink.page': LOAD,
  'TopPageLink.releaseRequest': LOAD,
  'TopPageLink.request': LOAD,
  'TopPageLink.viewerCanRequestRelease': LOAD,

  'TopPageLinkRequest.applicantDepartment': LOAD,
  'TopPageLinkRequest.category': LOAD,
  'TopPageLinkRequest.page': LOAD,

  'TrainingSession.attendees': { queries: 1, loads: 1, keys: 'first' }, // a page of attendance items, then the people in one batch
  'TrainingSession.organizedBy': LOAD,
  'TrainingSession.viewerCanRecordAttendance': FREE,

  'VirusIncident.department': LOAD,
  'VirusIncident.equipment': LOAD,
  'VirusIncident.missingForClosure': FREE,
  'VirusIncident.nextStep': FREE,
  'VirusIncident.recordedBy': LOAD,
  'VirusIncident.removalManager': LOAD,
  'VirusIncident.steps': FREE,
  'VirusIncident.system': LOAD,
  'VirusIncident.viewerCanAssessPersonalInformation': FREE,
  'VirusIncident.viewerCanClose': FREE,
  'VirusIncident.viewerCanDesignateRemovalManager': FREE,
  'VirusIncident.viewerCanRecordStep': FREE,
  'VirusIncident.attachments': QUERY,
  'VirusIncident.viewerCanAttach': FREE,
  'VirusIncident.virusMeasures': LOAD,

  'VirusIncidentStepRecord.article': FREE,
  'VirusIncidentStepRecord.by': LOAD,
  'VirusIncidentStepRecord.notNeeded': FREE,

  'WorkingCalendar.timeZone': FREE,
  'WorkingCalendar.updatedBy': LOAD,
  'WorkingCalendar.viewerCanUpdate': FREE,

  'WorkingGroup.establishedBy': LOAD,
  'WorkingGroup.members': LOAD_LIST,
};

/**
 * Item reads (each a call: waves of DataLoader reads, Queries, GetItems) one attempt of a mutation makes before its
 * single TransactWriteItems. Not listed: DEFAULT_MUTATION_READS. Every attempt repeats the reads and the write.
 */
export const DEFAULT_MUTATION_READS = 8;
export const MUTATION_READS: Record<string, number> = {
  registerServerRoom: 0,
  recordHomepageSecurityCheck: 0,
  draftSecurityGuideline: 0,
  scheduleTraining: 0,
  acknowledgeGuidance: 1,
  approveServerRoomEntry: 1,
  assessVirusIncidentPersonalInformation: 1,
  closeCommitteeMeeting: 1,
  closeVirusIncident: 1,
  createDepartment: 1,
  decideCommitteeMotion: 1,
  establishSupplementaryRule: 1,
  decideProhibitedActException: 1,
  giveGuidance: 1,
  markNoticeRead: 1,
  recordDeviceFinding: 1,
  recordEquipmentReturn: 1,
  recordHomepageCheck: 1,
  recordMeetingAttendance: 1,
  recordOutsourcingContract: 1,
  recordServerRoomExit: 1,
  recordSystemResilience: 1,
  recordVirusIncidentStep: 1,
  registerDataset: 1,
  reviewDatasetProtection: 1,
  reviewSystemVirusMeasures: 1,
  requestProhibitedActException: 1,
  startInvestigation: 1,
  updateDepartment: 1,
  updatePerson: 1,
  updateWorkingCalendar: 1,
  acknowledgeSecurityGuideline: 2,
  approveSecurityGuideline: 2,
  reviseSupplementaryRule: 2,
  assignRole: 4,
  reportVirusIncident: 2,
  // The system, its operators, and its department's role assignments (a page or two) for the 周知 of 第11条.
  announceMaintenanceStop: 5,
  recordSystemFailure: 5,
  assignSystemResponsibility: 2,
  cancelMaintenanceStop: 2,
  concludeOutsourcingContract: 2,
  createPerson: 2,
  designateVirusRemovalManager: 2,
  endRoleAssignment: 2,
  endServiceInterruption: 2,
  recordExemptSystemChange: 2,
  registerSystem: 2,
  revokeServerRoomAccess: 2,
  updateSystem: 2,
  recordPasswordChange: 3,
  permitPasswordDisclosure: 4,
};

/** The register search as the arguments of `systems` ask for it, for counting its partitions (never refusing). */
function systemSearchOf(args: Record<string, unknown>): SystemSearch {
  const filter = (args.filter ?? {}) as { status?: SystemSearch['statuses']; category?: SystemSearch['category']; network?: SystemSearch['network']; text?: string };
  const order = args.orderBy as { field?: SystemSearch['order'] } | undefined;
  return { departmentId: args.departmentId ? 'any' : undefined, statuses: filter.status ?? undefined, category: filter.category ?? undefined, network: filter.network ?? undefined, text: filter.text ?? undefined, order: order?.field };
}
