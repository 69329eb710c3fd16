/** Who may read what (functions/domain/reading.ts): one rule per kind of object, each restriction citing its article. */
import { AUDITED_TYPES, AuditEvent } from '../../functions/domain/audit';
import { READ_RULES, mayReadAuditEvent, mayReadObject } from '../../functions/domain/reading';
import { NOW, actor, administrator, generalManager, kenkouManager, shiminManager, shiminStaff } from '../support/domain';

const kenkouStaff = actor('kenkou-staff', 'kenkou', ['STAFF', 'kenkou']);

describe('every kind has its rule', () => {
  it.each(AUDITED_TYPES.map((t) => [t]))('%s has a read rule', (type) => {
    expect(READ_RULES[type]).toBeDefined();
  });

  it('every restricted kind cites the article that restricts it', () => {
    const restricted = AUDITED_TYPES.filter((t) => READ_RULES[t].article);
    expect(restricted.sort()).toEqual(['Attachment', 'DeviceFinding', 'HomepageSecurityCheck', 'Notice', 'PasswordDisclosure', 'PasswordRecord', 'ProhibitedActException', 'ReceivedMail', 'SecurityGuidelineAcknowledgement', 'VirusIncident']);
  });

  it('the register is the city’s shared record: every member of staff reads a system', () => {
    expect(mayReadObject(shiminStaff, 'System', { id: 'demo-juumin' }, NOW)).toBe(true);
  });
});

describe('第24条: a person’s password dates', () => {
  const record = { id: 'kenkou-staff.demo-hoken', personId: 'kenkou-staff' };
  const owner = { id: 'kenkou-staff', departmentId: 'kenkou' };
  it.each([
    ['the person', kenkouStaff, true],
    ['the system administrator', administrator, true],
    ['the information manager of the person’s department', kenkouManager, true],
    ['the information manager of another department', shiminManager, false],
    ['the general manager', generalManager, false],
    ['another member of staff', shiminStaff, false],
  ])('%s: %s', (_who, viewer, sees) => {
    expect(mayReadObject(viewer, 'PasswordRecord', record, NOW, { owner })).toBe(sees);
  });

  it('without its owner known, no one reads it', () => {
    expect(mayReadObject(administrator, 'PasswordRecord', record, NOW)).toBe(false);
  });
});

describe('第26条: virus incidents', () => {
  it.each([
    ['the system administrator', administrator, true],
    ['the general manager', generalManager, true],
    ['an information manager', kenkouManager, true],
    ['staff', shiminStaff, false],
  ])('%s: %s', (_who, viewer, sees) => {
    expect(mayReadObject(viewer, 'VirusIncident', { id: 'v' }, NOW)).toBe(sees);
  });
});

describe('第25条: exceptions, and devices found connected', () => {
  const exception = { id: 'e', requestedBy: 'kenkou-staff', departmentId: 'kenkou' };
  it.each([
    ['the one who asked', kenkouStaff, true],
    ['the system administrator', administrator, true],
    ['the information manager of the asker’s department', kenkouManager, true],
    ['the information manager of another department', shiminManager, false],
    ['other staff', shiminStaff, false],
  ])('an exception: %s', (_who, viewer, sees) => {
    expect(mayReadObject(viewer, 'ProhibitedActException', exception, NOW)).toBe(sees);
  });

  it('a device found: the system administrator and the information managers, not staff', () => {
    expect([administrator, shiminManager, shiminStaff].map((v) => mayReadObject(v, 'DeviceFinding', { id: 'f' }, NOW))).toEqual([true, true, false]);
  });
});

describe('notices', () => {
  it('the addressee and the system administrator; no one else', () => {
    const notice = { id: 'n', addresseeId: 'kenkou-staff' };
    expect([kenkouStaff, administrator, kenkouManager, shiminStaff].map((v) => mayReadObject(v, 'Notice', notice, NOW))).toEqual([true, true, false, false]);
  });
});

describe('an audit event is readable exactly when its object is', () => {
  const event: AuditEvent = { id: 'a', objectType: 'VirusIncident', objectId: 'v', action: 'virusIncident.reported', actorId: 'shimin-manager', at: NOW, before: {}, after: {} };
  it('its object readable: the event is', () => {
    expect(mayReadAuditEvent(kenkouManager, event, { id: 'v' }, NOW)).toBe(true);
  });
  it('its object not readable: neither is the event, whoever acted', () => {
    expect(mayReadAuditEvent(shiminStaff, event, { id: 'v' }, NOW)).toBe(false);
  });
  it('its object gone: the event is not shown', () => {
    expect(mayReadAuditEvent(administrator, event, undefined, NOW)).toBe(false);
  });
});
