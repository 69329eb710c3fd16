/** 添付ファイル: who attaches to what, the limits of a file, and completion only with the file declared. */
import { ATTACHABLE_KINDS, MAX_ATTACHMENT_BYTES, attachableKind, attachment, requestAttachment } from '../../functions/domain/attachments';
import { KINDS } from '../../functions/domain/kinds';
import { mayReadObject } from '../../functions/domain/reading';
import { NOW, administrator, generalManager, kenkouManager, refusal, shiminManager, shiminStaff, system } from '../support/domain';

const file = { kind: 'DESIGN_DOCUMENT' as const, fileName: '設計書.pdf', contentType: 'application/pdf', size: 1000 };

describe('添付ファイル', () => {
  it('an attachment is hidden only under the article of the one attachable kind the regulation restricts', () => {
    const restricted = ATTACHABLE_KINDS.map((k) => KINDS[k].read).filter((r) => 'article' in r && r.article !== undefined);
    expect(restricted.map((r) => (r as { article: string }).article)).toEqual([KINDS.Attachment.read.article]);
  });

  it('第8条: the owning information manager attaches to a system; another department, staff and the administrator do not', () => {
    expect(requestAttachment(shiminManager, 'System', system(), file, 'a1', NOW).attachment).toMatchObject({ status: 'PENDING', objectType: 'System', objectId: 'juumin', uploadedBy: 'shimin-manager' });
    expect(refusal(() => requestAttachment(kenkouManager, 'System', system(), file, 'a1', NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第8条' });
    for (const actor of [shiminStaff, administrator, generalManager]) expect(refusal(() => requestAttachment(actor, 'System', system(), file, 'a1', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第8条' });
  });

  it('only a record of a kind that takes attachments is named as where a file goes; another is not found, naming the field', () => {
    for (const kind of ATTACHABLE_KINDS) expect(attachableKind(kind, 'objectId')).toBe(kind);
    for (const kind of ['Person', 'Department', undefined]) {
      expect(refusal(() => attachableKind(kind, 'objectId'))).toMatchObject({ code: 'NOT_FOUND', field: ['objectId'], message: expect.stringContaining('添付先にできる記録') });
    }
  });

  it('limits: 20 MB, the types listed, the name ending as its type', () => {
    expect(refusal(() => requestAttachment(shiminManager, 'System', system(), { ...file, size: MAX_ATTACHMENT_BYTES + 1 }, 'a1', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['size'] });
    expect(refusal(() => requestAttachment(shiminManager, 'System', system(), { ...file, contentType: 'application/zip', fileName: 'a.zip' }, 'a1', NOW))).toMatchObject({ field: ['contentType'] });
    expect(refusal(() => requestAttachment(shiminManager, 'System', system(), { ...file, fileName: '設計書.png' }, 'a1', NOW))).toMatchObject({ field: ['fileName'] });
    expect(refusal(() => requestAttachment(shiminManager, 'System', system(), { ...file, kind: 'AGREEMENT' }, 'a1', NOW))).toMatchObject({ field: ['kind'] });
  });

  it('completes only when the file stored is the file declared, once', () => {
    const { attachment: a } = requestAttachment(shiminManager, 'System', system(), file, 'a1', NOW);
    expect(refusal(() => attachment.complete(shiminManager, a, system(), undefined, NOW))).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal(() => attachment.complete(shiminManager, a, system(), { size: 999, contentType: 'application/pdf' }, NOW))).toMatchObject({ code: 'INVALID_VALUE' });
    expect(refusal(() => attachment.complete(shiminManager, a, system(), { size: 1000, contentType: 'text/plain' }, NOW))).toMatchObject({ code: 'INVALID_VALUE' });
    const done = attachment.complete(shiminManager, a, system(), { size: 1000, contentType: 'application/pdf' }, NOW);
    expect(done.record).toMatchObject({ status: 'AVAILABLE', uploadedAt: NOW, version: 2 });
    expect(done.changes[0]).toMatchObject({ action: 'attachment.uploaded', article: '第8条' });
    expect(refusal(() => attachment.complete(shiminManager, done.record, system(), { size: 1000, contentType: 'application/pdf' }, NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('an attachment is read exactly as the record it belongs to', () => {
    const { attachment: a } = requestAttachment(shiminManager, 'System', system(), file, 'a1', NOW);
    const incident = { id: 'v1', departmentId: 'kenkou' };
    const of = (kind: string, object: object) => ({ parent: { kind, object, context: {} } });
    expect(mayReadObject(shiminStaff, 'Attachment', a, NOW, of('System', system()))).toBe(true);
    expect(mayReadObject(shiminStaff, 'Attachment', { ...a, objectType: 'VirusIncident' }, NOW, of('VirusIncident', incident))).toBe(false);
    expect(mayReadObject(kenkouManager, 'Attachment', { ...a, objectType: 'VirusIncident' }, NOW, of('VirusIncident', incident))).toBe(true);
    // Without the record it belongs to, nobody.
    expect(mayReadObject(administrator, 'Attachment', a, NOW, {})).toBe(false);
  });
});
