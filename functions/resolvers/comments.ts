/**
 * コメント on an application of any form (functions/domain/comments.ts): the mutation that writes one, with its audit
 * event and notices, through the workflow's write path; `Application.comments` lists them in the order written.
 */
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Resolver, Root } from 'type-graphql';
import { ApplicationComment as CommentRecord, Commented, commentRoleOf, commented } from '../domain/comments';
import { allows } from '../domain/refusal';
import { Kind } from '../domain/kinds';
import { listComments } from '../store/comments';
import { PageArgs } from '../../graphql/common';
import { Application } from '../../graphql/applications';
import { AddApplicationCommentInput, ApplicationComment, ApplicationCommentConnection, ApplicationCommentPayload } from '../../graphql/comments';
import { applicationKindOf, formOf, stepOf } from './applications';
import { Context } from './context';
import { personField } from './fields';
import { mutate, newId, read, INPUT, connection } from './support';
import { load, outcomeOf } from './write';
import { mapPage } from '../store/table';

/** A comment as the API shows it (its id within the application is `commentId`). */
const commentNode = (c: CommentRecord) => ({ ...c, commentId: c.id });

@Resolver(() => Application)
export class ApplicationCommentResolver {
  @FieldResolver(() => ApplicationCommentConnection, {
    description: 'コメント(書かれた順、申請を閲覧できる者が読む)。 / The comments on the application, in the order written; read by whoever may read the application.',
  })
  comments(@Root() a: Commented, @Args() paging: PageArgs, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const page = await listComments(ctx.store, info.parentType.name as Kind, a.id, paging);
      return connection(mapPage(page, commentNode));
    });
  }

  @FieldResolver(() => Int, { description: 'コメントの数。 / How many comments it has.' })
  commentCount(@Root() a: Commented) {
    return a.commentCount ?? 0;
  }

  @FieldResolver(() => Boolean, { description: '閲覧者がコメントできるか(申請者又は決裁者、提出済み又は差戻し中)。 / Whether the viewer may comment on it now.' })
  viewerCanComment(@Root() a: Commented, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return allows(() => commentRoleOf(formOf(info.parentType.name).form, { actor: ctx.viewer, now: ctx.clock() }, a));
  }

  @Mutation(() => ApplicationCommentPayload, {
    description:
      '申請・協議へのコメント(様式を問わない。申請者又は決裁者が、提出済み又は差戻し中に)。相手方に通知する。 / Comment on an application of any form (the applicant or a decider, while submitted or returned); the other side is told.',
  })
  addApplicationComment(@Arg('input', { description: INPUT }) input: AddApplicationCommentInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const kind = applicationKindOf(input.applicationId, 'applicationId');
      const w = formOf(kind);
      const record = await load(ctx, kind, input.applicationId, 'applicationId');
      // The applicant's comment goes to whoever may decide it now: read who holds the deciding role.
      const step = await stepOf(ctx, now, w, record as Commented, (record as Commented).applicantId === ctx.viewer.person.id);
      const t = commented(w.form, step, record as Commented, input.body, newId(now));
      const tagged = { ...t, record: { ...t.record, __typename: kind } as Commented };
      return outcomeOf(ctx, tagged, now, (a: Commented) => ({ application: a, comment: commentNode(t.comment) }));
    });
  }
}

const CommentPeople = [
  personField<CommentRecord>(ApplicationComment, 'author', (c) => c.authorId, 'コメントした職員。 / Who wrote it.'),
  personField<CommentRecord>(ApplicationComment, 'actingFor', (c) => c.actingFor, '職務代理: 決裁者がその職務を代理した役割の保有者。 / The role holder an acting person commented for.'),
];

export const commentResolvers: Function[] = [ApplicationCommentResolver, ...CommentPeople];
