/** 通知: the notices the reminders job records for the people who must act. */
import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Notice as NoticeRecord, assertMayReadNoticesOf, notice, noticeActions } from '../domain/reminders';
import { listNoticesOf } from '../store/reminders';
import { getPerson } from '../store/people';
import { Node } from '../../graphql/common';
import { NODE_TYPES, NodeType } from '../../graphql/globalId';
import { MarkNoticeReadInput, Notice, NoticeConnection, NoticeListArgs, NoticePayload, NoticesOfArgs } from '../../graphql/reminders';
import { Person } from '../../graphql/people';
import { Context } from './context';
import { computed } from './fields';
import { actionsOf, globalId, keyOf, read, INPUT, connection } from './support';
import { loadNode } from './node';
import { change } from './write';

@Resolver(() => Notice)
export class NoticeResolver {
  @Query(() => NoticeConnection, { description: '自分宛ての通知(新しい順)。 / The viewer’s notices, newest first; `unreadOnly` for those not read yet.' })
  myNotices(@Args() { unreadOnly, ...paging }: NoticeListArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listNoticesOf(ctx.store, ctx.viewer.person.id, paging, unreadOnly ?? false)));
  }

  @Query(() => NoticeConnection, { description: 'ある職員宛ての通知(新しい順、本人又は情報システム管理者)。 / A person’s notices, newest first (the person or the system administrator).' })
  noticesOf(@Args() { personId, unreadOnly, ...paging }: NoticesOfArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const key = keyOf(personId, 'Person', 'personId');
      assertMayReadNoticesOf(ctx.viewer, key, ctx.clock());
      return connection(await listNoticesOf(ctx.store, key, paging, unreadOnly ?? false));
    });
  }

  @Mutation(() => NoticePayload, { description: '通知を既読にする(宛先の本人)。 / Mark a notice read (its addressee only).' })
  markNoticeRead(@Arg('input', { description: INPUT }) { noticeId, expectedVersion }: MarkNoticeReadInput, @Ctx() ctx: Context) {
    return change(ctx, { kind: 'Notice', id: noticeId, field: 'noticeId', expectedVersion }, (n, now) => notice.markRead(ctx.viewer, n, now), (n: NoticeRecord) => ({ notice: n }));
  }
}

/** What a notice is about, where its subject is an object the API can load. */
const subjectOf = (ctx: Context, n: NoticeRecord) =>
  (NODE_TYPES as readonly string[]).includes(n.subjectType) ? loadNode(ctx, globalId(n.subjectType as NodeType, n.subjectId)) : undefined;

const NoticeFields = computed<NoticeRecord>(Notice, {
  subject: [() => Node, (n, ctx) => subjectOf(ctx, n), { nullable: true, description: '通知の対象(現在の状態)。 / What the notice is about, as it is now.' }],
  addressee: [() => Person, (n, ctx) => getPerson(ctx.store, n.addresseeId), { nullable: true, description: '宛先。 / Who it is addressed to.' }],
  viewerCanMarkRead: [() => Boolean, (n, ctx) => actionsOf(ctx, n, noticeActions).markRead, { description: '既読にできるか(宛先の本人、未読)。 / Whether the viewer may mark it read.' }],
});

export const reminderResolvers: Function[] = [NoticeResolver, NoticeFields];
