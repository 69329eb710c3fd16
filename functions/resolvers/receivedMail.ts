/** 電子メールにより受領したもの (第28条第2項): the receiving department's register of mail received as documents. */
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ReceivedMail as ReceivedMailRecord, assertMayReadReceivedMailOf, receivedMail } from '../domain/receivedMail';
import { listReceivedMail } from '../store/receivedMail';
import { getDepartment, getPerson } from '../store/people';
import { PageArgs } from '../../graphql/common';
import { ReceivedMail, ReceivedMailConnection, ReceivedMailPayload, RecordReceivedMailInput } from '../../graphql/receivedMail';
import { Department, Person } from '../../graphql/people';
import { computed, departmentOrOwn } from './fields';
import { Context } from './context';
import { iso, read, INPUT, connection } from './support';
import { create, load } from './write';

@Resolver(() => ReceivedMail)
export class ReceivedMailResolver {
  @Query(() => ReceivedMailConnection, {
    description: '主管課が電子メールにより受領した文書(新しい順、その課の職員及び情報システム管理者、第28条第2項)。既定は自分の課。 / A department’s mail received, newest first (its staff and the system administrator).',
  })
  receivedMail(@Args() paging: PageArgs, @Arg('departmentId', () => ID, { nullable: true, description: '主管課(既定は自分の課)。 / The department (the viewer’s own by default).' }) departmentId: string | undefined, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const department = departmentOrOwn(ctx, departmentId);
      assertMayReadReceivedMailOf(ctx.viewer, department, ctx.clock());
      return connection(await listReceivedMail(ctx.store, department, paging));
    });
  }

  @Mutation(() => ReceivedMailPayload, { description: '電子メールにより受領した文書の収受の記録(受領した主管課の職員、第28条第2項)。 / Record mail received as a document (the receiving department’s staff).' })
  recordReceivedMail(@Arg('input', { description: INPUT }) input: RecordReceivedMailInput, @Ctx() ctx: Context) {
    const { sender, subject, receiptNumber } = input;
    return create(ctx, async (now, id) => {
      const departmentId = (await load(ctx, 'Department', input.departmentId, 'departmentId')).id;
      const stated = { documentNumber: input.documentNumber ?? undefined, note: input.note ?? undefined };
      return receivedMail.record(ctx.viewer, { departmentId, sender, subject, receiptNumber, receivedAt: input.receivedAt ? iso(input.receivedAt) : now, ...stated }, id, now);
    }, (m: ReceivedMailRecord) => ({ receivedMail: m }));
  }
}

const ReceivedMailFields = computed<ReceivedMailRecord>(ReceivedMail, {
  department: [() => Department, (m, ctx) => getDepartment(ctx.store, m.departmentId), { description: '受領した主管課。 / The receiving department.' }],
  handledBy: [() => Person, (m, ctx) => getPerson(ctx.store, m.handledBy), { nullable: true, description: '収受した者(処理者)。 / Who received and handled it.' }],
});

export const receivedMailResolvers: Function[] = [ReceivedMailResolver, ReceivedMailFields];
