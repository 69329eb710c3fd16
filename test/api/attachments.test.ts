/**
 * 添付ファイル through the real Lambda handler and a local S3 (s3rver behind a Signature Version 4 check,
 * test/support/globalSetup.ts): the upload is asked for by whoever acts on the record, the bytes go to the signed URL,
 * the completion checks what arrived, and the file is downloaded by whoever reads the record — and by nobody else,
 * who never learns the attachment exists.
 */
import { createHash } from 'node:crypto';
import { Api, gid, ok, refused, setupApi } from '../support/api';
import { Files, filesConfigFromEnv } from '../../functions/store/files';
import { fromGlobalId } from '../../graphql/globalId';

/** The key of an attachment's global id: the name of its file in storage (`attachments/<key>`). */
const keyOf = (id: string) => fromGlobalId(id)?.key as string;

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const JUUMIN = gid('System', 'demo-juumin'); // 市民課's system
const VIRUS = gid('VirusIncident', 'demo-virus-open'); // 健康推進課's open incident (第26条: staff do not read it)

const FIELDS = 'id kind fileName contentType size sha256 status version uploadedAt uploadedBy { personId } object { id }';
const REQUEST = `mutation($input: RequestAttachmentUploadInput!) {
  requestAttachmentUpload(input: $input) { attachment { ${FIELDS} } upload { url contentType contentLength expiresAt } userErrors { code message article field } }
}`;
const COMPLETE = `mutation($input: CompleteAttachmentUploadInput!) {
  completeAttachmentUpload(input: $input) { attachment { ${FIELDS} } userErrors { code message article field } }
}`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Attachment { ${FIELDS} downloadUrl { url expiresAt } } } }`;
const TRAIL = `query($id: ID!) { auditTrail(objectId: $id, first: 10) { nodes { action article actor { personId } } } }`;
const LIST = (type: string) => `query($id: ID!) { node(id: $id) { ... on ${type} { attachments(first: 20) { nodes { id fileName status } } } } }`;

const PDF = Buffer.from('%PDF-1.4\n住民情報システム 設計書\n%%EOF\n');
const put = (upload: { url: string; contentType: string }, body: Buffer, headers: Record<string, string> = {}) =>
  fetch(upload.url, { method: 'PUT', body, headers: { 'content-type': upload.contentType, ...headers } });

async function request(personId: string, input: Record<string, unknown>) {
  const data = await api.data(personId, REQUEST, { input });
  expect(data.requestAttachmentUpload.userErrors).toEqual([]);
  return data.requestAttachmentUpload as { attachment: { id: string; status: string; version: number }; upload: { url: string; contentType: string; contentLength: number; expiresAt: string } };
}

/** An attachment uploaded and completed: its id. */
async function attached(personId: string, objectId: string, fileName: string, body: Buffer, kind = 'OTHER'): Promise<string> {
  const { attachment, upload } = await request(personId, { objectId, kind, fileName, contentType: 'application/pdf', size: body.length });
  expect((await put(upload, body)).status).toBe(200);
  expect(await ok(api, personId, COMPLETE, { attachmentId: attachment.id })).toMatchObject({ status: 'AVAILABLE' });
  return attachment.id;
}

describe('添付ファイル: upload through the signed URL, download by a reader', () => {
  it('第8条: the owning information manager attaches a design document; every member of staff downloads the same bytes', async () => {
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    const { attachment, upload } = await request('shimin-manager', { objectId: JUUMIN, kind: 'DESIGN_DOCUMENT', fileName: '住民情報システム 設計書(第2版).pdf', contentType: 'application/pdf', size: PDF.length, sha256 });
    expect(attachment).toMatchObject({ status: 'PENDING', size: PDF.length, sha256, uploadedBy: { personId: 'shimin-manager' }, object: { id: JUUMIN }, uploadedAt: null });
    expect(upload).toMatchObject({ contentType: 'application/pdf', contentLength: PDF.length });
    expect(Date.parse(upload.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect(upload.url).toContain(`attachments/`);

    // Before the file arrives: nothing to complete, nothing to download.
    const early = await refused(api, 'shimin-manager', COMPLETE, { attachmentId: attachment.id });
    expect(early).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第8条', field: ['attachmentId'] })]);
    expect((await api.data('shimin-staff', NODE, { id: attachment.id })).node.downloadUrl).toBeNull();

    expect((await put(upload, PDF)).status).toBe(200);
    const done = await ok(api, 'shimin-manager', COMPLETE, { attachmentId: attachment.id });
    expect(done).toMatchObject({ status: 'AVAILABLE', version: 2 });
    expect(done.uploadedAt).toEqual(expect.any(String));

    for (const reader of ['shimin-staff', 'kenkou-manager', 'fuku-shichou']) {
      const node = (await api.data(reader, NODE, { id: attachment.id })).node;
      expect(node).toMatchObject({ fileName: '住民情報システム 設計書(第2版).pdf', status: 'AVAILABLE' });
      const res = await fetch(node.downloadUrl.url);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(PDF);
      // RFC 6266 / 5987: the Japanese name survives the download.
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; /);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '')).toBe('住民情報システム 設計書(第2版).pdf');
    }
    expect((await api.data('shimin-staff', LIST('System'), { id: JUUMIN })).node.attachments.nodes).toContainEqual({ id: attachment.id, fileName: '住民情報システム 設計書(第2版).pdf', status: 'AVAILABLE' });
    const trail = (await api.data('soumu-director', TRAIL, { id: attachment.id })).auditTrail.nodes;
    expect(trail.map((e: { action: string }) => e.action).sort()).toEqual(['attachment.requested', 'attachment.uploaded']);
    expect(trail).toContainEqual({ action: 'attachment.uploaded', article: '第8条', actor: { personId: 'shimin-manager' } });

    // Completed once: not twice.
    expect(await refused(api, 'shimin-manager', COMPLETE, { attachmentId: attachment.id })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('第26条: an attachment of a virus incident is read by those who read the incident; staff never find it', async () => {
    const id = await attached('kenkou-manager', VIRUS, '不審メール.pdf', PDF);
    const seen = (await api.data('soumu-director', NODE, { id })).node;
    expect((await fetch(seen.downloadUrl.url)).status).toBe(200);
    // Staff: not by node, not in the incident's list (the incident itself is hidden), not in the audit trail.
    expect((await api.data('shimin-staff', NODE, { id })).node).toBeNull();
    expect((await api.data('shimin-staff', `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [id] })).nodes).toEqual([null]);
    expect((await api.data('shimin-staff', LIST('VirusIncident'), { id: VIRUS })).node).toBeNull();
    expect((await api.data('shimin-staff', TRAIL, { id })).auditTrail.nodes).toEqual([]);
    // Nor may they attach to it: to them it does not exist.
    const errors = await refused(api, 'shimin-staff', REQUEST, { objectId: VIRUS, kind: 'OTHER', fileName: 'a.pdf', contentType: 'application/pdf', size: 10 });
    expect(errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['objectId'] })]);
    // Nor complete someone's upload they cannot see.
    expect(await refused(api, 'shimin-staff', COMPLETE, { attachmentId: id })).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['attachmentId'] })]);
  });

  it('each record says whether the viewer may attach to it, by the same rule', async () => {
    const can = async (who: string, type: string, id: string) => (await api.data(who, `query($id: ID!) { node(id: $id) { ... on ${type} { viewerCanAttach } } }`, { id })).node.viewerCanAttach;
    expect(await can('shimin-manager', 'System', JUUMIN)).toBe(true);
    expect(await can('kenkou-manager', 'System', JUUMIN)).toBe(false);
    expect(await can('shimin-staff', 'System', JUUMIN)).toBe(false);
    expect(await can('kenkou-manager', 'VirusIncident', VIRUS)).toBe(true);
    expect(await can('soumu-director', 'VirusIncident', VIRUS)).toBe(true);
  });

  it('whoever may not act on the record may not attach to it, citing its article', async () => {
    const input = { objectId: JUUMIN, kind: 'DESIGN_DOCUMENT', fileName: '設計書.pdf', contentType: 'application/pdf', size: 100 };
    expect(await refused(api, 'kenkou-manager', REQUEST, input)).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第8条' })]);
    expect(await refused(api, 'shimin-staff', REQUEST, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第8条' })]);
    // A kind the record does not take.
    expect(await refused(api, 'shimin-manager', REQUEST, { ...input, kind: 'AGREEMENT' })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['kind'] })]);
    // Not a record that takes attachments.
    expect(await refused(api, 'shimin-manager', REQUEST, { ...input, objectId: gid('Department', 'shimin') })).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['objectId'] })]);
  });

  it('size and type limits: 20 MB, PDF/PNG/JPEG/xlsx/docx/CSV/text, the name ending as its type', async () => {
    const input = { objectId: JUUMIN, kind: 'OTHER', fileName: '設計書.pdf', contentType: 'application/pdf', size: 100 };
    const cases: [Record<string, unknown>, string][] = [
      [{ size: 20 * 1024 * 1024 + 1 }, 'size'],
      [{ size: 0 }, 'size'],
      [{ contentType: 'application/x-msdownload', fileName: 'setup.exe' }, 'contentType'],
      [{ contentType: 'text/html', fileName: 'a.html' }, 'contentType'],
      [{ fileName: '設計書.exe' }, 'fileName'],
      [{ fileName: '../設計書.pdf' }, 'fileName'],
    ];
    for (const [change, field] of cases) {
      const errors = await refused(api, 'shimin-manager', REQUEST, { ...input, ...change });
      expect([change, errors]).toEqual([change, [expect.objectContaining({ code: 'INVALID_VALUE', field: [field], article: '第8条' })]]);
      expect(errors[0].message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    // 20 MB exactly is accepted, as are the other types.
    await request('shimin-manager', { ...input, size: 20 * 1024 * 1024 });
    await request('shimin-manager', { ...input, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: '台帳.XLSX' });
    await request('shimin-manager', { ...input, contentType: 'text/csv', fileName: '一覧.csv' });
  });

  it('the signed URL takes only the file declared: another length or type, no signature, a forged one, an expired one all fail', async () => {
    const { attachment, upload } = await request('shimin-manager', { objectId: JUUMIN, kind: 'OTHER', fileName: 'メモ.txt', contentType: 'text/plain', size: 5 });
    expect((await put(upload, Buffer.from('123456'))).status).toBe(403); // another length
    expect((await put({ ...upload, contentType: 'text/csv' }, Buffer.from('12345'))).status).toBe(403); // another type
    expect((await put({ ...upload, url: upload.url.split('?')[0] }, Buffer.from('12345'))).status).toBe(403); // unsigned
    expect((await put({ ...upload, url: upload.url.replace(/(X-Amz-Signature=)[0-9a-f]{8}/, '$100000000') }, Buffer.from('12345'))).status).toBe(403);
    // Nothing arrived: the upload cannot be completed.
    expect(await refused(api, 'shimin-manager', COMPLETE, { attachmentId: attachment.id })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);

    // A URL signed six minutes ago has expired (five minutes).
    const files = new Files(filesConfigFromEnv());
    const old = await files.presignUpload(keyOf(attachment.id), { contentType: 'text/plain', size: 5 }, new Date(Date.now() - 6 * 60_000).toISOString());
    const expired = await fetch(old.url, { method: 'PUT', body: Buffer.from('12345'), headers: { 'content-type': 'text/plain' } });
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('expired');

    // The file as declared, then the upload completes.
    expect((await put(upload, Buffer.from('12345'))).status).toBe(200);
    expect(await ok(api, 'shimin-manager', COMPLETE, { attachmentId: attachment.id })).toMatchObject({ status: 'AVAILABLE' });
    const download = (await api.data('shimin-staff', NODE, { id: attachment.id })).node.downloadUrl.url as string;
    expect((await fetch(download.split('?')[0])).status).toBe(403);
  });

  it('a file that differs from the one declared is not made available', async () => {
    // Someone with the bucket's keys (not the signed URL) put another file under the key: completion refuses it.
    const { attachment } = await request('shimin-manager', { objectId: JUUMIN, kind: 'OTHER', fileName: '差替.pdf', contentType: 'application/pdf', size: 10 });
    const files = new Files(filesConfigFromEnv());
    const other = await files.presignUpload(keyOf(attachment.id), { contentType: 'application/pdf', size: 11 }, new Date().toISOString());
    expect((await fetch(other.url, { method: 'PUT', body: Buffer.alloc(11, 1), headers: { 'content-type': 'application/pdf' } })).status).toBe(200);
    expect(await refused(api, 'shimin-manager', COMPLETE, { attachmentId: attachment.id })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['attachmentId'] })]);
  });
});
