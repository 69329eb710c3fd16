/** 通知: the notices the reminders job records for the people who must act. */
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { Notice as NoticeRecord, markRead, mayMarkRead, mayReadNoticesOf } from '../domain/reminders';
import { refuse } from '../domain/refusal';
import { assertVersion } from '../domain/workflow';
import { getNotice, listNoticesOf, noticeChange } from '../store/reminders';
import { listAuditOfObject } from '../store/audit';
import { getPerson } from '../store/people';
import { connection, Node, PageArgs } from '../../graphql/common';
import { NODE_TYPES, NodeType } from '../../graphql/globalId';
import { MarkNoticeReadInput, Notice, NoticeConnection, NoticePayload } from '../../graphql/reminders';
import { Person } from '../../graphql/people';
import { AuditEventConnection } from '../../graphql/audit';
import { Context } from './context';
import { auditEvent, found, globalId, keyOf, mutate, outcome, read } from './support';
import { loadNode } from './node';


@ArgsType()
class NoticeListArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: '未読のみ。 / Only the notices not read yet.' })
  @IsOptional()
  unreadOnly?: boolean;
}

@ArgsType()
class NoticesOfArgs extends NoticeListArgs {
  @Field(() => ID, { description: '職員。 / The person.' })
  @MaxLength(500)
  personId!: string;
}

@Resolver(() => Notice)
export class NoticeResolver {
  @Query(() => NoticeConnection, {
    description: '自分宛ての通知(新しい順)。 / The viewer’s notices, newest first; `unreadOnly` for those not read yet.',
  })
  myNotices(@Args() { first, after, unreadOnly }: NoticeListArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listNoticesOf(ctx.store, ctx.viewer.person.id, first, after, unreadOnly ?? false)));
  }

  @Query(() => NoticeConnection, {
    description: 'ある職員宛ての通知(新しい順、本人又は情報システム管理者)。 / A person’s notices, newest first (the person or the system administrator).',
  })
  noticesOf(@Args() { personId, first, after, unreadOnly }: NoticesOfArgs, @Ctx() ctx: Context) {
    return read(async () => {
      const key = keyOf(personId, 'Person', 'personId');
      // 第4条: the system administrator oversees the network's management, and so what falls due in it.
      if (!mayReadNoticesOf(ctx.viewer, key, ctx.clock())) refuse('FORBIDDEN', 'Only the person or the system administrator reads a person’s notices.', '第4条', ['personId']);
      return connection(await listNoticesOf(ctx.store, key, first, after, unreadOnly ?? false));
    });
  }


  @FieldResolver(() => Node, { nullable: true, description: '通知の対象(現在の状態)。 / What the notice is about, as it is now.' })
  subject(@Root() n: NoticeRecord, @Ctx() ctx: Context) {
    return (NODE_TYPES as readonly string[]).includes(n.subjectType) ? loadNode(ctx, globalId(n.subjectType as NodeType, n.subjectId)) : undefined;
  }

  @FieldResolver(() => Person, { nullable: true, description: '宛先。 / Who it is addressed to.' })
  addressee(@Root() n: NoticeRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, n.addresseeId);
  }

  @FieldResolver(() => Boolean, { description: '既読にできるか(宛先の本人、未読)。 / Whether the viewer may mark it read.' })
  viewerCanMarkRead(@Root() n: NoticeRecord, @Ctx() ctx: Context) {
    return mayMarkRead(ctx.viewer, n);
  }


  @Mutation(() => NoticePayload, { description: '通知を既読にする(宛先の本人)。 / Mark a notice read (its addressee only).' })
  markNoticeRead(@Arg('input') input: MarkNoticeReadInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = found(await getNotice(ctx.store, keyOf(input.noticeId, 'Notice', 'noticeId')), 'notice', 'noticeId');
      const after = markRead(ctx.viewer, before, now);
      assertVersion(before.version, input.expectedVersion);
      return outcome({ notice: after }, [noticeChange(after, before.version)], [
        auditEvent(ctx, now, 'Notice', after.id, 'notice.read', before, after, { article: after.article || undefined }),
      ]);
    });
  }
}

export const reminderResolvers: Function[] = [NoticeResolver];
