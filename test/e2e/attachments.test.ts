/**
 * 添付ファイル on `npm start`, over real HTTP: the server starts a local S3 beside DynamoDB Local (data in the data
 * folder), a file is uploaded through the signed URL the API hands out, completed, and downloaded by a reader — the
 * same bytes, after a restart too; someone who may not read the record never finds it; GraphiQL's page may PUT to the
 * local S3 (CORS). Runs the compiled server (npm run build first).
 */
import { LocalServer } from '../support/localServer';

const server = new LocalServer();

const gql = (person: string, query: string, variables?: object) => server.gql(person, query, variables);

const REQUEST = `mutation($input: RequestAttachmentUploadInput!) {
  requestAttachmentUpload(input: $input) { attachment { id status } upload { url contentType contentLength } userErrors { code message article } }
}`;
const COMPLETE = `mutation($input: CompleteAttachmentUploadInput!) { completeAttachmentUpload(input: $input) { attachment { id status } userErrors { code message } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Attachment { fileName status downloadUrl { url } } } }`;
const id = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64url');

/** Asks, PUTs the bytes, completes: the attachment's id. */
async function attach(person: string, objectId: string, fileName: string, body: Buffer, kind = 'OTHER'): Promise<string> {
  const asked = (await gql(person, REQUEST, { input: { objectId, kind, fileName, contentType: 'application/pdf', size: body.length } })).requestAttachmentUpload;
  expect(asked.userErrors).toEqual([]);
  expect(asked.upload.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/attachments-local\/attachments\//);
  const put = await fetch(asked.upload.url, { method: 'PUT', body, headers: { 'content-type': asked.upload.contentType } });
  expect(put.status).toBe(200);
  const done = (await gql(person, COMPLETE, { input: { attachmentId: asked.attachment.id } })).completeAttachmentUpload;
  expect(done).toEqual({ attachment: { id: asked.attachment.id, status: 'AVAILABLE' }, userErrors: [] });
  return asked.attachment.id;
}

beforeAll(() => server.start(), 180_000);
afterAll(() => server.remove());

describe('npm start: attachments', () => {
  const design = Buffer.from('%PDF-1.4\n住民情報システム 設計書\n%%EOF\n');
  let designId = '';

  it('prints where the local S3 listens and keeps its data', () => {
    expect(server.output).toMatch(/添付ファイル \/ Attachments \(local S3, data in .*\/s3\): http:\/\/127\.0\.0\.1:\d+\/attachments-local/);
  });

  it('upload through the signed URL, download by a reader: the same bytes', async () => {
    designId = await attach('shimin-manager', id('System', 'demo-juumin'), '住民情報システム設計書.pdf', design, 'DESIGN_DOCUMENT');
    const node = (await gql('shimin-staff', NODE, { id: designId })).node;
    expect(node).toMatchObject({ fileName: '住民情報システム設計書.pdf', status: 'AVAILABLE' });
    const res = await fetch(node.downloadUrl.url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(design);
    // Without its signature the same address is refused.
    expect((await fetch(node.downloadUrl.url.split('?')[0])).status).toBe(403);
  });

  it('refused to a non-reader: an attachment of a virus incident (第26条) does not exist for staff', async () => {
    const evidence = await attach('kenkou-manager', id('VirusIncident', 'demo-virus-open'), '不審メール.pdf', Buffer.from('%PDF-1.4 mail'));
    expect((await gql('soumu-director', NODE, { id: evidence })).node.downloadUrl.url).toEqual(expect.any(String));
    expect((await gql('shimin-staff', NODE, { id: evidence })).node).toBeNull();
  });

  it('GraphiQL’s page may PUT to the local S3 (CORS preflight)', async () => {
    const asked = (await gql('shimin-manager', REQUEST, { input: { objectId: id('System', 'demo-juumin'), kind: 'OTHER', fileName: 'memo.txt', contentType: 'text/plain', size: 3 } })).requestAttachmentUpload;
    const origin = `http://localhost:${new URL(server.base).port}`;
    const preflight = await fetch(asked.upload.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('keeps the files across a restart (data in the data folder)', async () => {
    await server.stop();
    await server.start();
    const node = (await gql('shimin-staff', NODE, { id: designId })).node;
    const res = await fetch(node.downloadUrl.url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(design);
  });
});
