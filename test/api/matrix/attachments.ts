/**
 * Rows of the authorization matrix for 添付ファイル: whoever acts on the record attaches to it, under the record's
 * article — a system's design documents (第8条), an external provision's 協定書 (第15条第3項) and evidence of return or
 * disposal (第15条第4項第4号), an outsourcing contract (第22条).
 */
import { OK, Row, api, provisionOfShiminData, shiminContract, shiminSystem } from '../../support/matrix';

const F8 = 'FORBIDDEN 第8条';
const W8 = 'WRONG_DEPARTMENT 第8条';
const F153 = 'FORBIDDEN 第15条第3項';
const W153 = 'WRONG_DEPARTMENT 第15条第3項';
const F22 = 'FORBIDDEN 第22条';
const W22 = 'WRONG_DEPARTMENT 第22条';

const BODY = Buffer.from('%PDF-1.4 権限表\n');
const file = { fileName: '設計書.pdf', contentType: 'application/pdf', size: BODY.length };

/** An attachment to a fresh system of 市民課 whose file was PUT to its signed URL: ready to complete. */
async function uploaded(): Promise<{ attachmentId: string }> {
  const system = await shiminSystem();
  const data = await api.data('shimin-manager', `mutation($input: RequestAttachmentUploadInput!) {
    requestAttachmentUpload(input: $input) { attachment { id } upload { url contentType } userErrors { code message } } }`, { input: { objectId: system.id, kind: 'DESIGN_DOCUMENT', ...file } });
  const { attachment, upload, userErrors } = data.requestAttachmentUpload;
  if (userErrors.length) throw new Error(`fixture requestAttachmentUpload refused: ${JSON.stringify(userErrors)}`);
  const put = await fetch(upload.url, { method: 'PUT', body: BODY, headers: { 'content-type': upload.contentType } });
  if (put.status !== 200) throw new Error(`the file was not stored: ${put.status} ${await put.text()}`);
  return { attachmentId: attachment.id };
}

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第8条: the information manager of the owning department keeps the system's record, its design documents with it.
  { mutation: 'requestAttachmentUpload', variant: 'a design document of a system (第8条)', cells: [F8, F8, OK, W8, W8, W8, F8],
    input: async () => ({ objectId: (await shiminSystem()).id, kind: 'DESIGN_DOCUMENT', ...file }) },
  // 第15条第3項: the providing department's information manager, or the general manager who decided the provision.
  { mutation: 'requestAttachmentUpload', variant: 'the agreement of an external provision (第15条第3項)', cells: [OK, F153, OK, W153, W153, W153, F153],
    input: async () => ({ objectId: (await provisionOfShiminData('approved')).id, kind: 'AGREEMENT', ...file }) },
  // 第22条: whoever records the contract — the system administrator, or the system's information manager.
  { mutation: 'requestAttachmentUpload', variant: 'an outsourcing contract (第22条)', cells: [F22, OK, OK, W22, W22, W22, F22],
    input: async () => ({ objectId: (await shiminContract()).id, kind: 'CONTRACT', ...file }) },
  { mutation: 'completeAttachmentUpload', cells: [F8, F8, OK, W8, W8, W8, F8], input: uploaded },
];
