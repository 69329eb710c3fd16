/** Rows of the authorization matrix for コンピュータウィルス対策 (第26条): incidents and the duty that follows them, step by step. */
import { gid } from '../../support/api';
import { Made, OK, Row, make, shiminSystem, unique } from '../../support/matrix';

const F3 = 'FORBIDDEN 第26条第3項';
const W3 = 'WRONG_DEPARTMENT 第26条第3項';
const F4 = 'FORBIDDEN 第26条第4項';

const reportInput = async () => ({ systemId: (await shiminSystem()).id, device: unique('窓口端末 '), suspected: true, description: '警告画面が表示された。' });
const reported = async () => make('shimin-manager', 'reportVirusIncident', await reportInput());

/** An incident of 市民課 with the first three steps done and the removal designated to デジタル推進課長. */
async function awaitingRemoval(): Promise<Made> {
  let v = await reported();
  for (const step of ['DISCONNECTED', 'REPORTED', 'RECOVERY_REQUESTED']) v = await make('shimin-manager', 'recordVirusIncidentStep', { incidentId: v.id, expectedVersion: v.version, step });
  return make('soumu-director', 'designateVirusRemovalManager', { incidentId: v.id, expectedVersion: v.version, managerId: gid('Person', 'digital-manager') });
}

/** An incident with every step done and personal information assessed: ready to close. */
async function readyToClose(): Promise<Made> {
  let v = await awaitingRemoval();
  for (const step of ['VIRUS_REMOVED', 'OTHERS_NOTIFIED']) v = await make('digital-manager', 'recordVirusIncidentStep', { incidentId: v.id, expectedVersion: v.version, step });
  return make('shimin-manager', 'assessVirusIncidentPersonalInformation', { incidentId: v.id, expectedVersion: v.version, impact: 'NOT_AFFECTED' });
}

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第26条第3項: the information manager in charge of the work records the incident, disconnects, reports, requests recovery.
  { mutation: 'reportVirusIncident', cells: [F3, F3, OK, W3, W3, W3, F3], input: reportInput },
  { mutation: 'recordVirusIncidentStep', variant: 'DISCONNECTED (第3項)', cells: [F3, F3, OK, W3, W3, W3, F3],
    input: async () => { const v = await reported(); return { incidentId: v.id, expectedVersion: v.version, step: 'DISCONNECTED' }; } },
  // 第26条第4項: the system administrator designates the information manager who removes the virus; only that one removes it.
  { mutation: 'designateVirusRemovalManager', cells: [F4, OK, F4, F4, F4, F4, F4],
    input: async () => { const v = await reported(); return { incidentId: v.id, expectedVersion: v.version, managerId: gid('Person', 'digital-manager') }; } },
  { mutation: 'recordVirusIncidentStep', variant: 'VIRUS_REMOVED (第4項, デジタル推進課長 designated)', cells: [F4, F4, F4, F4, F4, OK, F4],
    input: async () => { const v = await awaitingRemoval(); return { incidentId: v.id, expectedVersion: v.version, step: 'VIRUS_REMOVED' }; } },
  // 第13条: whether personal information was affected: the information manager in charge, or the system administrator.
  { mutation: 'assessVirusIncidentPersonalInformation', cells: ['FORBIDDEN 第13条', OK, OK, 'WRONG_DEPARTMENT 第13条', 'WRONG_DEPARTMENT 第13条', 'WRONG_DEPARTMENT 第13条', 'FORBIDDEN 第13条'],
    input: async () => { const v = await reported(); return { incidentId: v.id, expectedVersion: v.version, impact: 'NOT_AFFECTED' }; } },
  // 第26条第3項: the system administrator, to whom it was reported, closes it.
  { mutation: 'closeVirusIncident', cells: [F3, OK, F3, F3, F3, F3, F3],
    input: async () => { const v = await readyToClose(); return { incidentId: v.id, expectedVersion: v.version }; } },
];
