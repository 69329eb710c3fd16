/**
 * 添付ファイル: asking to upload (a signed PUT URL back), completing the upload (the file checked in storage), and
 * the attachments of each record that takes them, with a signed download URL for whoever reads them.
 */
import { Arg, Args, ClassType, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ATTACHABLE_KINDS, AttachableKind, Attachment as AttachmentRecord, assertMayAttach, attachableKind, attachment } from '../domain/attachments';
import { allows, exists } from '../domain/refusal';
import { listAttachmentsOf } from '../store/attachments';
import { filesFromEnv } from '../store/files';
import { getObject } from '../store/kinds';
import {
  Attachment,
  AttachmentConnection,
  AttachmentDownload,
  AttachmentPayload,
  AttachmentUpload,
  CompleteAttachmentUploadInput,
  RequestAttachmentUploadInput,
  RequestAttachmentUploadPayload,
} from '../../graphql/attachments';
import { Node, PageArgs } from '../../graphql/common';
import { Consultation } from '../../graphql/consultations';
import { DataUseApplication } from '../../graphql/dataUse';
import { ExternalProvision } from '../../graphql/externalProvision';
import { fromGlobalId } from '../../graphql/globalId';
import { OutsourcingContract } from '../../graphql/outsourcing';
import { System } from '../../graphql/systems';
import { VirusIncident } from '../../graphql/virusIncidents';
import { Context } from './context';
import { computed, personField } from './fields';
import { readable } from './reading';
import { INPUT, nameOf, read, connection } from './support';
import { given } from './systems';
import { change, create, load } from './write';

const payload = (a: AttachmentRecord) => ({ attachment: a });

/**
 * The record an input names to attach to: one of a kind that takes attachments, which the viewer may read (one they
 * may not read does not exist for them).
 */
async function recordAttachedTo(ctx: Context, objectId: string): Promise<{ type: AttachableKind; object: { id: string } }> {
  const type = attachableKind(fromGlobalId(objectId)?.type, 'objectId');
  const object = await load(ctx, type, objectId, 'objectId');
  return { type, object: exists((await readable(ctx, type, object)) ? object : undefined, nameOf(type), ['objectId']) };
}

async function recordOf(ctx: Context, a: AttachmentRecord): Promise<object> {
  const object = await getObject(ctx.store, a.objectType, a.objectId);
  if (!object) throw new Error(`the ${a.objectType} ${a.objectId} of attachment ${a.id} is missing`);
  return object;
}

@Resolver(() => Attachment)
export class AttachmentResolver {
  @Mutation(() => RequestAttachmentUploadPayload, {
    description:
      '添付ファイルのアップロードの申出。添付先の記録を扱う者(その条文による)が、20MBまでの PDF・画像・Office・CSV・テキストを添付できる。返される署名付きURLに5分以内に PUT し、completeAttachmentUpload で完了する。 / Ask to attach a file to a record (by whoever acts on it under its article); PUT the file to the URL returned within five minutes, then complete.',
  })
  requestAttachmentUpload(@Arg('input', { description: INPUT }) input: RequestAttachmentUploadInput, @Ctx() ctx: Context) {
    const { objectId: _objectId, ...file } = given(input);
    return create(ctx, async (now, id) => {
      const { type, object } = await recordAttachedTo(ctx, input.objectId);
      return attachment.request(ctx.viewer, type, object, file, id, now);
    }, payload);
  }

  @Mutation(() => AttachmentPayload, {
    description: 'アップロードの完了。保存されたファイルが申告どおり(大きさ・種類)であれば利用可能になる。 / Complete an upload: available once the file stored is the one declared.',
  })
  completeAttachmentUpload(@Arg('input', { description: INPUT }) input: CompleteAttachmentUploadInput, @Ctx() ctx: Context) {
    const target = { kind: 'Attachment' as const, id: input.attachmentId, field: 'attachmentId' };
    return change(ctx, target, async (a, now) => {
      // One the viewer may not read does not exist for them.
      exists((await readable(ctx, 'Attachment', a)) ? a : undefined, nameOf('Attachment'), ['attachmentId']);
      return attachment.complete(ctx.viewer, a, await recordOf(ctx, a), await filesFromEnv().head(a.id), now);
    }, payload);
  }
}

@Resolver(() => RequestAttachmentUploadPayload)
export class AttachmentUploadResolver {
  @FieldResolver(() => AttachmentUpload, { nullable: true, description: 'ファイルを送る署名付きURL(拒否されたときは null)。 / Where to PUT the file; null when refused.' })
  async upload(@Root() p: { attachment?: AttachmentRecord }, @Ctx() ctx: Context) {
    const a = p.attachment;
    if (!a || a.status !== 'PENDING') return null;
    const signed = await filesFromEnv().presignUpload(a.id, a, ctx.clock());
    return { url: signed.url, contentType: a.contentType, contentLength: a.size, expiresAt: signed.expiresAt };
  }
}

const AttachmentFields = computed<AttachmentRecord>(Attachment, {
  object: [() => Node, (a, ctx) => getObject(ctx.store, a.objectType, a.objectId).then((o) => o && { ...o, __typename: a.objectType }), { description: '添付先の記録。 / The record it is attached to.' }],
  downloadUrl: [
    () => AttachmentDownload,
    async (a, ctx) => (a.status === 'AVAILABLE' ? filesFromEnv().presignDownload(a.id, a, ctx.clock()) : null),
    { nullable: true, description: 'ダウンロード用の署名付きURL(5分間有効、アップロード完了前は null)。 / A signed URL to download the file (five minutes); null until uploaded.' },
  ],
});

const uploadedBy = personField<AttachmentRecord>(Attachment, 'uploadedBy', (a) => a.uploadedBy, 'アップロードした職員。 / Who uploaded it.');

/** `attachments` of a record of `type`: the field resolver of its GraphQL class. */
function attachmentsOf(type: AttachableKind, of: ClassType): Function {
  @Resolver(() => of)
  class Attachments {
    @FieldResolver(() => AttachmentConnection, { description: '添付ファイル(設計書・協定書・契約書など)。 / Its attachments.' })
    attachments(@Root() record: { id: string }, @Args() paging: PageArgs, @Ctx() ctx: Context) {
      return read(ctx, async () => connection(await listAttachmentsOf(ctx.store, type, record.id, paging)));
    }

    @FieldResolver(() => Boolean, { description: '閲覧者がこの記録にファイルを添付できるか(その他の添付ファイルとして)。 / Whether the viewer may attach a file to this record.' })
    viewerCanAttach(@Root() record: object, @Ctx() ctx: Context) {
      return allows(() => assertMayAttach(ctx.viewer, type, record, 'OTHER', ctx.clock()));
    }
  }
  Object.defineProperty(Attachments, 'name', { value: `${type}Attachments` });
  return Attachments;
}

const CLASSES: Record<AttachableKind, ClassType> = { System, Consultation, DataUseApplication, ExternalProvision, OutsourcingContract, VirusIncident };

export const attachmentResolvers: Function[] = [
  AttachmentResolver,
  AttachmentUploadResolver,
  AttachmentFields,
  uploadedBy,
  ...ATTACHABLE_KINDS.map((k) => attachmentsOf(k, CLASSES[k])),
];
