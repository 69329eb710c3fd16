/** サーバ室 (第16条): who may enter, and the entries recorded. */
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Entrant,
  ServerRoom as RoomRecord,
  ServerRoomAuthorization as AuthorizationRecord,
  ServerRoomEntry as EntryRecord,
  approveEntry,
  assertNotAuthorizedAlready,
  authorize,
  entryActions,
  isValidAt,
  matchAuthorization,
  mayAdministerServerRooms,
  recordEntry,
  recordExit,
  registerRoom,
  revoke,
} from '../domain/serverRoom';
import { tokyoDate } from '../domain/people';
import { assertVersion } from '../domain/workflow';
import { getPerson } from '../store/people';
import {
  getAuthorization,
  getEntry,
  getGrantee,
  getRoom,
  listEntriesOfRoom,
  listRooms,
  listRunningAuthorizations,
  listUnapprovedEntries,
  serverRoomChange,
} from '../store/serverRoom';
import { listAuditOfObject } from '../store/audit';
import { Change } from '../store/store';
import { connection, PageArgs } from '../../graphql/common';
import {
  ApproveServerRoomEntryInput,
  AuthorizeServerRoomAccessInput,
  RecordServerRoomEntryInput,
  RecordServerRoomExitInput,
  RegisterServerRoomInput,
  RevokeServerRoomAccessInput,
  ServerRoom,
  ServerRoomAuthorization,
  ServerRoomAuthorizationConnection,
  ServerRoomAuthorizationPayload,
  ServerRoomConnection,
  ServerRoomEntrant,
  ServerRoomEntry,
  ServerRoomEntryConnection,
  ServerRoomEntryPayload,
  ServerRoomPayload,
} from '../../graphql/serverRoom';
import { Person } from '../../graphql/people';
import { AuditEventConnection } from '../../graphql/audit';
import { Context } from './context';
import { auditEvent, found, keyOf, mutate, newId, outcome, read } from './support';

const ARTICLE = '第16条';
const iso = (d: Date | string) => new Date(d).toISOString();


async function loadRoom(ctx: Context, id: string, field: string): Promise<RoomRecord> {
  return found(await getRoom(ctx.store, keyOf(id, 'ServerRoom', field)), 'server room', field);
}

async function personKey(ctx: Context, id: string, field: string): Promise<string> {
  const key = keyOf(id, 'Person', field);
  found(await getPerson(ctx.store, key), 'person', field);
  return key;
}

/** A room's authorizations in force now: those running from today on, less those not yet started or revoked. */
async function currentAuthorizations(ctx: Context, roomId: string, first: number, after?: string) {
  const now = ctx.clock();
  const page = await listRunningAuthorizations(ctx.store, roomId, tokyoDate(now), first, after);
  return { ...page, nodes: page.nodes.filter((a) => isValidAt(a, now)) };
}

@Resolver(() => ServerRoom)
export class ServerRoomResolver {
  @Query(() => ServerRoomConnection, { description: 'サーバ室の一覧(第16条)。 / The server rooms.' })
  serverRooms(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listRooms(ctx.store, first, after)));
  }


  @FieldResolver(() => ServerRoomAuthorizationConnection, {
    description: '現在立ち入ることができる者(指定した職員・委託事業者の職員・必要と認めた者)。 / Who may enter now.',
  })
  currentAuthorizations(@Root() r: RoomRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await currentAuthorizations(ctx, r.id, first, after)));
  }

  @FieldResolver(() => ServerRoomEntryConnection, { description: '入室の記録(新しい順)。 / The log of entries, newest first.' })
  entries(@Root() r: RoomRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listEntriesOfRoom(ctx.store, r.id, first, after)));
  }

  @FieldResolver(() => Person, { nullable: true })
  registeredBy(@Root() r: RoomRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, r.registeredBy);
  }

  @FieldResolver(() => Boolean, { description: '立入りを許可できるか(情報システム管理者)。 / Whether the viewer may authorize entry.' })
  viewerCanAuthorize(@Ctx() ctx: Context) {
    return mayAdministerServerRooms(ctx.viewer, ctx.clock());
  }


  @Mutation(() => ServerRoomPayload, { description: 'サーバ室の登録(情報システム管理者、第16条)。 / Register a server room (the system administrator).' })
  registerServerRoom(@Arg('input') input: RegisterServerRoomInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const room = registerRoom(ctx.viewer, input, newId(now), now);
      return outcome({ room }, [serverRoomChange.room(room)], [auditEvent(ctx, now, 'ServerRoom', room.id, 'serverRoom.registered', undefined, room, { article: ARTICLE })]);
    });
  }
}

@Resolver(() => ServerRoomAuthorization)
export class ServerRoomAuthorizationResolver {

  @FieldResolver(() => ServerRoom)
  room(@Root() a: AuthorizationRecord, @Ctx() ctx: Context) {
    return getRoom(ctx.store, a.roomId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '市の職員。 / The person of the city, if one.' })
  person(@Root() a: AuthorizationRecord, @Ctx() ctx: Context) {
    return a.personId ? getPerson(ctx.store, a.personId) : undefined;
  }

  @FieldResolver(() => Person, { nullable: true, description: '許可した情報システム管理者。 / Who granted it.' })
  grantedBy(@Root() a: AuthorizationRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, a.grantedBy);
  }

  @FieldResolver(() => Person, { nullable: true })
  revokedBy(@Root() a: AuthorizationRecord, @Ctx() ctx: Context) {
    return a.revokedBy ? getPerson(ctx.store, a.revokedBy) : undefined;
  }

  @FieldResolver(() => Boolean, { description: '現在有効か。 / Whether it lets its holder in now.' })
  current(@Root() a: AuthorizationRecord, @Ctx() ctx: Context) {
    return isValidAt(a, ctx.clock());
  }

  @FieldResolver(() => Boolean)
  viewerCanRevoke(@Root() a: AuthorizationRecord, @Ctx() ctx: Context) {
    return !a.revoked && mayAdministerServerRooms(ctx.viewer, ctx.clock());
  }


  @Mutation(() => ServerRoomAuthorizationPayload, {
    description:
      'サーバ室への立入りの許可: 指定した職員、委託事業者の職員、又は必要と認めた者(情報システム管理者、第16条)。 / Authorize entry (the system administrator).',
  })
  authorizeServerRoomAccess(@Arg('input') input: AuthorizeServerRoomAccessInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const room = await loadRoom(ctx, input.roomId, 'roomId');
      const personId = input.personId ? await personKey(ctx, input.personId, 'personId') : undefined;
      const a = authorize(ctx.viewer, room, { ...input, personId }, newId(now), now);
      const changes: Change[] = [serverRoomChange.authorization(a)];
      if (personId) {
        // One authorization per person and room at a time: the register is written with the version read.
        const grantee = await getGrantee(ctx.store, room.id, personId);
        const existing = grantee?.authorizationId ? await getAuthorization(ctx.store, grantee.authorizationId) : undefined;
        assertNotAuthorizedAlready(existing, now);
        changes.push(serverRoomChange.grantee({ roomId: room.id, personId, authorizationId: a.id, version: (grantee?.version ?? 0) + 1 }, grantee?.version));
      }
      return outcome({ authorization: a }, changes, [
        auditEvent(ctx, now, 'ServerRoomAuthorization', a.id, 'serverRoomAccess.authorized', undefined, a, { article: ARTICLE }),
      ]);
    });
  }

  @Mutation(() => ServerRoomAuthorizationPayload, { description: '立入りの許可の取消し(情報システム管理者)。 / Revoke an authorization.' })
  revokeServerRoomAccess(@Arg('input') input: RevokeServerRoomAccessInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = found(await getAuthorization(ctx.store, keyOf(input.authorizationId, 'ServerRoomAuthorization', 'authorizationId')), 'authorization', 'authorizationId');
      assertVersion(before.version, input.expectedVersion);
      const after = revoke(ctx.viewer, before, input.reason, now);
      const changes: Change[] = [serverRoomChange.authorization(after, before.version)];
      if (before.personId) {
        const grantee = await getGrantee(ctx.store, before.roomId, before.personId);
        if (grantee?.authorizationId === before.id) {
          changes.push(serverRoomChange.grantee({ ...grantee, authorizationId: undefined, version: grantee.version + 1 }, grantee.version));
        }
      }
      return outcome({ authorization: after }, changes, [
        auditEvent(ctx, now, 'ServerRoomAuthorization', after.id, 'serverRoomAccess.revoked', before, after, { article: ARTICLE }),
      ]);
    });
  }
}

@Resolver(() => ServerRoomEntrant)
export class ServerRoomEntrantResolver {
  @FieldResolver(() => Person, { nullable: true, description: '市の職員(記録にある場合)。 / The person of the city, if logged as one.' })
  person(@Root() e: Entrant, @Ctx() ctx: Context) {
    return e.personId ? getPerson(ctx.store, e.personId) : undefined;
  }
}

@Resolver(() => ServerRoomEntry)
export class ServerRoomEntryResolver {
  @Query(() => ServerRoomEntryConnection, {
    description: '未承認の入室(許可なし、情報システム管理者の確認待ち、古い順、第16条)。 / Entries that matched no authorization and await the administrator, oldest first.',
  })
  unapprovedServerRoomEntries(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listUnapprovedEntries(ctx.store, first, after)));
  }


  @FieldResolver(() => ServerRoom)
  room(@Root() e: EntryRecord, @Ctx() ctx: Context) {
    return getRoom(ctx.store, e.roomId);
  }

  @FieldResolver(() => ServerRoomEntrant)
  entrant(@Root() e: EntryRecord) {
    return e.entrant;
  }

  @FieldResolver(() => ServerRoomAuthorization, { nullable: true, description: '入室時に該当した許可。 / The authorization the entry matched.' })
  authorization(@Root() e: EntryRecord, @Ctx() ctx: Context) {
    return e.authorizationId ? getAuthorization(ctx.store, e.authorizationId) : undefined;
  }

  @FieldResolver(() => Person, { nullable: true, description: '記録した者。 / Who logged it.' })
  recordedBy(@Root() e: EntryRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, e.recordedBy);
  }

  @FieldResolver(() => Person, { nullable: true, description: '事後に認めた情報システム管理者。 / Who approved it after the fact.' })
  approvedBy(@Root() e: EntryRecord, @Ctx() ctx: Context) {
    return e.approvedBy ? getPerson(ctx.store, e.approvedBy) : undefined;
  }

  @FieldResolver(() => Boolean)
  viewerCanApprove(@Root() e: EntryRecord, @Ctx() ctx: Context) {
    return entryActions(ctx.viewer, e, ctx.clock()).approve;
  }

  @FieldResolver(() => Boolean)
  viewerCanRecordExit(@Root() e: EntryRecord, @Ctx() ctx: Context) {
    return entryActions(ctx.viewer, e, ctx.clock()).recordExit;
  }


  @Mutation(() => ServerRoomEntryPayload, {
    description:
      '入室の記録(誰でも記録でき、拒否されない。許可に該当しなければ未承認、第16条)。 / Log an entry: never refused; unapproved when no authorization matches.',
  })
  recordServerRoomEntry(@Arg('input') input: RecordServerRoomEntryInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const room = await loadRoom(ctx, input.roomId, 'roomId');
      const e = input.entrant;
      const entrant: Entrant = {
        personId: e.personId ? await personKey(ctx, e.personId, 'entrant.personId') : undefined,
        authorizationId: e.authorizationId ? keyOf(e.authorizationId, 'ServerRoomAuthorization', 'entrant.authorizationId') : undefined,
        name: e.name ?? undefined,
        organization: e.organization ?? undefined,
      };
      const enteredAt = input.enteredAt ? iso(input.enteredAt) : now;
      const candidates = entrant.authorizationId
        ? [found(await getAuthorization(ctx.store, entrant.authorizationId), 'authorization', 'entrant.authorizationId')]
        : (await listRunningAuthorizations(ctx.store, room.id, tokyoDate(enteredAt), 100)).nodes;
      const matched = matchAuthorization(room.id, entrant, enteredAt, candidates);
      const entry = recordEntry(ctx.viewer, room, { enteredAt, purpose: input.purpose, entrant }, matched, newId(now), now);
      return outcome({ entry }, [serverRoomChange.entry(entry)], [
        auditEvent(ctx, now, 'ServerRoomEntry', entry.id, entry.status === 'AUTHORIZED' ? 'serverRoomEntry.recorded' : 'serverRoomEntry.recordedUnapproved', undefined, entry, { article: ARTICLE }),
      ]);
    });
  }

  @Mutation(() => ServerRoomEntryPayload, { description: '退室の記録。 / Log the exit.' })
  recordServerRoomExit(@Arg('input') input: RecordServerRoomExitInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = found(await getEntry(ctx.store, keyOf(input.entryId, 'ServerRoomEntry', 'entryId')), 'entry', 'entryId');
      assertVersion(before.version, input.expectedVersion);
      const after = recordExit(ctx.viewer, before, input.leftAt ? iso(input.leftAt) : now, now);
      return outcome({ entry: after }, [serverRoomChange.entry(after, before.version)], [
        auditEvent(ctx, now, 'ServerRoomEntry', after.id, 'serverRoomEntry.exited', before, after, { article: ARTICLE }),
      ]);
    });
  }

  @Mutation(() => ServerRoomEntryPayload, {
    description: '未承認の入室を事後に必要と認める(情報システム管理者、第16条ただし書)。 / Approve an unapproved entry after the fact (the system administrator).',
  })
  approveServerRoomEntry(@Arg('input') input: ApproveServerRoomEntryInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = found(await getEntry(ctx.store, keyOf(input.entryId, 'ServerRoomEntry', 'entryId')), 'entry', 'entryId');
      assertVersion(before.version, input.expectedVersion);
      const after = approveEntry(ctx.viewer, before, input.reason, now);
      return outcome({ entry: after }, [serverRoomChange.entry(after, before.version)], [
        auditEvent(ctx, now, 'ServerRoomEntry', after.id, 'serverRoomEntry.approved', before, after, { article: '第16条' }),
      ]);
    });
  }
}

export const serverRoomResolvers: Function[] = [ServerRoomResolver, ServerRoomAuthorizationResolver, ServerRoomEntrantResolver, ServerRoomEntryResolver];
