/** Opaque global ids: the type and the key of an object, encoded so clients treat them as opaque. */
export const NODE_TYPES = [
  'Department',
  'Person',
  'System',
  'Consultation',
  'AuditEvent',
  'Dataset',
  'DataUseApplication',
  'ExternalProvision',
  'OutsourcingContract',
  'HomepageCategory',
  'HomepagePage',
  'TopPageLinkRequest',
  'TopPageLink',
  'MailAddress',
  'MailAddressApplication',
  'OperatorReport',
  'OperatorDesignation',
  'WorkingCalendar',
  'ServiceInterruption',
  'ServerRoom',
  'ServerRoomAuthorization',
  'ServerRoomEntry',
  'PasswordRecord',
  'ProhibitedActException',
  'DeviceFinding',
  'VirusIncident',
  'Investigation',
  'Guidance',
  'TrainingSession',
  'CommitteeMeeting',
  'WorkingGroup',
  'Notice',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export function toGlobalId(type: NodeType, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** The type and key of a global id, or undefined when it is not one of ours. */
export function fromGlobalId(id: string): { type: NodeType; key: string } | undefined {
  if (id.length > 500 || !/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const type = text.slice(0, colon) as NodeType;
  const key = text.slice(colon + 1);
  if (!NODE_TYPES.includes(type) || !key) return undefined;
  return { type, key };
}
