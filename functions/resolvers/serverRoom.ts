/** サーバ室 (第16条): who may enter, and the entries recorded. */
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Entrant, ServerRoom as RoomRecord, ServerRoomAuthorization as AuthorizationRecord, ServerRoomEntry as EntryRecord } from '../domain/serverRoom';
import { authorizationActions, entryActions, isValidAt, roomActions, serverRoom } from '../domain/serverRoom';
import { tokyoDate } from '../domain/people';
import { getPerson } from '../store/people';
import { getAuthorization, getGrantee, getRoom, listEntriesOfRoom, listRooms, listRunningAuthorizations, listUnapprovedEntries } from '../store/serverRoom';
import { PageArgs, PeriodArgs } from '../../graphql/common';
import { ServerRoom, ServerRoomAuthorization, ServerRoomEntrant, ServerRoomEntry, ServerRoomConnection, ServerRoomAuthorizationConnection, ServerRoomEntryConnection } from '../../graphql/serverRoom';
import { ServerRoomPayload, ServerRoomAuthorizationPayload, ServerRoomEntryPayload, RegisterServerRoomInput, RevokeServerRoomAccessInput } from '../../graphql/serverRoom';
import { ApproveServerRoomEntryInput, AuthorizeServerRoomAccessInput, RecordServerRoomEntryInput, RecordServerRoomExitInput } from '../../graphql/serverRoom';
import { Person } from '../../graphql/people';
import { equipmentField } from './equipment';
import { computed, related } from './fields';
import { Context } from './context';
import { actionsOf, iso, read, INPUT, connection } from './support';
import { askedPeriod } from '../domain/period';
import { change, create, load, loadOptional } from './write';
import { filterPage } from '../store/table';

const roomPayload = (room: RoomRecord) => ({ room });
const authorizationPayload = (authorization: AuthorizationRecord) => ({ authorization });
const entryPayload = (entry: EntryRecord) => ({ entry });
const entry = (input: { entryId: string; expectedVersion: number }) => ({ kind: 'ServerRoomEntry' as const, id: input.entryId, field: 'entryId', expectedVersion: input.expectedVersion });

@Resolver(() => ServerRoom)
export class ServerRoomResolver {
  @Query(() => ServerRoomConnection, { description: 'サーバ室の一覧(第16条)。 / The server rooms.' })
  serverRooms(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listRooms(ctx.store, paging)));
  }

  @FieldResolver(() => ServerRoomAuthorizationConnection, { description: '現在立ち入ることができる者(指定した職員・委託事業者の職員・必要と認めた者)。 / Who may enter now.' })
  currentAuthorizations(@Root() r: RoomRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    // Those running from today on, less those not yet started or revoked.
    const now = ctx.clock();
    return read(ctx, async () => {
      const page = await listRunningAuthorizations(ctx.store, r.id, tokyoDate(now), paging);
      return connection(filterPage(page, (a) => isValidAt(a, now)));
    });
  }

  @FieldResolver(() => ServerRoomEntryConnection, { description: '入室の記録(新しい順、入室の日で絞込み可)。 / The log of entries, newest first, within a period of days when asked.' })
  entries(@Root() r: RoomRecord, @Args() paging: PageArgs, @Args() period: PeriodArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listEntriesOfRoom(ctx.store, r.id, paging, askedPeriod(period))));
  }

  @Query(() => ServerRoomEntryConnection, {
    description: '未承認の入室(許可なし、情報システム管理者の確認待ち、古い順、第16条)。 / Entries that matched no authorization and await the administrator, oldest first.',
  })
  unapprovedServerRoomEntries(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listUnapprovedEntries(ctx.store, paging)));
  }

  @Mutation(() => ServerRoomPayload, { description: 'サーバ室の登録(情報システム管理者、第16条)。 / Register a server room (the system administrator).' })
  registerServerRoom(@Arg('input', { description: INPUT }) input: RegisterServerRoomInput, @Ctx() ctx: Context) {
    return create(ctx, (now, id) => serverRoom.register(ctx.viewer, input, id, now), roomPayload);
  }

  @Mutation(() => ServerRoomAuthorizationPayload, {
    description:
      'サーバ室への立入りの許可: 指定した職員、委託事業者の職員、又は必要と認めた者(情報システム管理者、第16条)。 / Authorize entry (the system administrator).',
  })
  authorizeServerRoomAccess(@Arg('input', { description: INPUT }) input: AuthorizeServerRoomAccessInput, @Ctx() ctx: Context) {
    const { kind, validFrom } = input;
    const optional = { name: input.name ?? undefined, organization: input.organization ?? undefined, reason: input.reason ?? undefined, validUntil: input.validUntil ?? undefined };
    return create(ctx, async (now, id) => {
      const room = await load(ctx, 'ServerRoom', input.roomId, 'roomId');
      const personId = (await loadOptional(ctx, 'Person', input.personId, 'personId'))?.id;
      const grantee = personId ? await getGrantee(ctx.store, room.id, personId) : undefined;
      const existing = await related(ctx, getAuthorization, grantee?.authorizationId);
      return serverRoom.authorize(ctx.viewer, room, { kind, personId, validFrom, ...optional }, { grantee, existing }, id, now);
    }, authorizationPayload);
  }

  @Mutation(() => ServerRoomAuthorizationPayload, { description: '立入りの許可の取消し(情報システム管理者)。 / Revoke an authorization.' })
  revokeServerRoomAccess(@Arg('input', { description: INPUT }) input: RevokeServerRoomAccessInput, @Ctx() ctx: Context) {
    const target = { kind: 'ServerRoomAuthorization' as const, id: input.authorizationId, field: 'authorizationId', expectedVersion: input.expectedVersion };
    return change(ctx, target, async (a, now) =>
      serverRoom.revoke(ctx.viewer, a, input.reason ?? undefined, a.personId ? await getGrantee(ctx.store, a.roomId, a.personId) : undefined, now), authorizationPayload);
  }

  @Mutation(() => ServerRoomEntryPayload, {
    description:
      '入室の記録(誰でも記録でき、拒否されない。許可に該当しなければ未承認、第16条)。 / Log an entry: never refused; unapproved when no authorization matches.',
  })
  recordServerRoomEntry(@Arg('input', { description: INPUT }) input: RecordServerRoomEntryInput, @Ctx() ctx: Context) {
    const { entrant: e, purpose } = input;
    return create(ctx, async (now, id) => {
      const room = await load(ctx, 'ServerRoom', input.roomId, 'roomId');
      const person = await loadOptional(ctx, 'Person', e.personId, 'entrant.personId');
      const named = await loadOptional(ctx, 'ServerRoomAuthorization', e.authorizationId, 'entrant.authorizationId');
      const enteredAt = input.enteredAt ? iso(input.enteredAt) : now;
      const candidates = named ? [named] : (await listRunningAuthorizations(ctx.store, room.id, tokyoDate(enteredAt), { first: 100 })).nodes;
      const entrant = { personId: person?.id, authorizationId: named?.id, name: e.name ?? undefined, organization: e.organization ?? undefined };
      const worked = await loadOptional(ctx, 'Equipment', input.equipmentId, 'equipmentId');
      return serverRoom.recordEntry(ctx.viewer, room, { enteredAt, purpose, entrant }, candidates, id, now, worked);
    }, entryPayload);
  }

  @Mutation(() => ServerRoomEntryPayload, { description: '退室の記録。 / Log the exit.' })
  recordServerRoomExit(@Arg('input', { description: INPUT }) input: RecordServerRoomExitInput, @Ctx() ctx: Context) {
    return change(ctx, entry(input), (e, now) => serverRoom.recordExit(ctx.viewer, e, input.leftAt ? iso(input.leftAt) : now, now), entryPayload);
  }

  @Mutation(() => ServerRoomEntryPayload, {
    description: '未承認の入室を事後に必要と認める(情報システム管理者、第16条ただし書)。 / Approve an unapproved entry after the fact (the system administrator).',
  })
  approveServerRoomEntry(@Arg('input', { description: INPUT }) input: ApproveServerRoomEntryInput, @Ctx() ctx: Context) {
    return change(ctx, entry(input), (e, now) => serverRoom.approveEntry(ctx.viewer, e, input.reason, now), entryPayload);
  }
}

const RoomFields = computed<RoomRecord>(ServerRoom, {
  registeredBy: [() => Person, (r, ctx) => getPerson(ctx.store, r.registeredBy), { nullable: true, description: '登録した情報システム管理者。 / Who registered it.' }],
  viewerCanAuthorize: [() => Boolean, (r, ctx) => actionsOf(ctx, r, roomActions).authorize, { description: '立入りを許可できるか(情報システム管理者)。 / Whether the viewer may authorize entry.' }],
});

const AuthorizationFields = computed<AuthorizationRecord>(ServerRoomAuthorization, {
  room: [() => ServerRoom, (a, ctx) => getRoom(ctx.store, a.roomId), { description: '立ち入ることができるサーバ室。 / The room it lets one into.' }],
  person: [() => Person, (a, ctx) => related(ctx, getPerson, a.personId), { nullable: true, description: '市の職員。 / The person of the city, if one.' }],
  grantedBy: [() => Person, (a, ctx) => getPerson(ctx.store, a.grantedBy), { nullable: true, description: '許可した情報システム管理者。 / Who granted it.' }],
  revokedBy: [() => Person, (a, ctx) => related(ctx, getPerson, a.revokedBy), { nullable: true, description: '取り消した情報システム管理者。 / Who revoked it.' }],
  current: [() => Boolean, (a, ctx) => isValidAt(a, ctx.clock()), { description: '現在有効か。 / Whether it lets its holder in now.' }],
  viewerCanRevoke: [() => Boolean, (a, ctx) => actionsOf(ctx, a, authorizationActions).revoke, { description: '取り消せるか(情報システム管理者)。 / Whether the viewer may revoke it.' }],
});

const EntrantFields = computed<Entrant>(ServerRoomEntrant, {
  person: [() => Person, (e, ctx) => related(ctx, getPerson, e.personId), { nullable: true, description: '市の職員(記録にある場合)。 / The person of the city, if logged as one.' }],
});

const EntryFields = computed<EntryRecord>(ServerRoomEntry, {
  equipment: equipmentField('作業した電子計算機器。 / The equipment worked on.'),
  room: [() => ServerRoom, (e, ctx) => getRoom(ctx.store, e.roomId), { description: '入室したサーバ室。 / The room entered.' }],
  authorization: [() => ServerRoomAuthorization, (e, ctx) => related(ctx, getAuthorization, e.authorizationId), { nullable: true, description: '入室時に該当した許可。 / The authorization the entry matched.' }],
  recordedBy: [() => Person, (e, ctx) => getPerson(ctx.store, e.recordedBy), { nullable: true, description: '記録した者。 / Who logged it.' }],
  approvedBy: [() => Person, (e, ctx) => related(ctx, getPerson, e.approvedBy), { nullable: true, description: '事後に認めた情報システム管理者。 / Who approved it after the fact.' }],
  viewerCanApprove: [() => Boolean, (e, ctx) => actionsOf(ctx, e, entryActions).approve, { description: '事後に必要と認められるか(情報システム管理者、未承認)。 / Whether the viewer may approve it after the fact.' }],
  viewerCanRecordExit: [() => Boolean, (e, ctx) => actionsOf(ctx, e, entryActions).recordExit, { description: '退室を記録できるか(在室中)。 / Whether the viewer may log the exit.' }],
});

export const serverRoomResolvers: Function[] = [ServerRoomResolver, RoomFields, AuthorizationFields, EntrantFields, EntryFields];
