/** 管理運営委員会 (第30条–第34条): meetings, attendance, motions, minutes and working groups. */
import { Arg, Args, ClassType, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Composition,
  MATTER_ARTICLE,
  Meeting,
  MotionRecord,
  WorkingGroup as WorkingGroupRecord,
  closeMeeting,
  convene,
  establishWorkingGroup,
  presiding,
  putMotion,
  quorum,
  recordPresence,
} from '../domain/committee';
import { Person as PersonRecord } from '../domain/people';
import { assertVersion } from '../domain/workflow';
import { getPerson } from '../store/people';
import { committeeChange, currentComposition, getMeeting, getWorkingGroup, listAllMotions, listMeetings, listMotions, listWorkingGroups } from '../store/committee';
import { listAuditOfObject } from '../store/audit';
import { connection, PageArgs } from '../../graphql/common';
import {
  AgendaItem,
  CastVote,
  CloseCommitteeMeetingInput,
  Committee,
  CommitteeComposition,
  CommitteeMeeting,
  CommitteeMeetingConnection,
  CommitteeMeetingPayload,
  ConveneCommitteeMeetingInput,
  DecideCommitteeMotionInput,
  EstablishWorkingGroupInput,
  Motion,
  MotionConnection,
  MotionResult,
  Presiding,
  Quorum,
  RecordMeetingAttendanceInput,
  WorkingGroup,
  WorkingGroupConnection,
  WorkingGroupPayload,
} from '../../graphql/committee';
import { Person } from '../../graphql/people';
import { AuditEventConnection } from '../../graphql/audit';
import { Context } from './context';
import { auditEvent, found, keyOf, mutate, newId, outcome, read } from './support';


export const COMMITTEE_NAME = '白石市行政情報ネットワークシステム管理運営委員会';

async function people(ctx: Context, ids: string[]): Promise<PersonRecord[]> {
  return (await Promise.all(ids.map((id) => getPerson(ctx.store, id)))).filter((p): p is PersonRecord => p !== undefined);
}

/** Person global ids of an input, as keys; a person who does not exist is NOT_FOUND. */
async function personKeys(ctx: Context, ids: string[], field: string): Promise<string[]> {
  const keys = ids.map((id) => keyOf(id, 'Person', field));
  const loaded = await Promise.all(keys.map((k) => getPerson(ctx.store, k)));
  if (loaded.some((p) => p === undefined)) found(undefined, 'person', field);
  return keys;
}

async function loadMeeting(ctx: Context, id: string, expectedVersion: number): Promise<Meeting> {
  const m = found(await getMeeting(ctx.store, keyOf(id, 'CommitteeMeeting', 'meetingId')), 'committee meeting', 'meetingId');
  assertVersion(m.version, expectedVersion);
  return m;
}

/** The chair or vice-chair of the meeting's composition, while its record is open (第33条第2項). */
const mayRecord = (ctx: Context, m: Meeting) =>
  m.status === 'CONVENED' && (ctx.viewer.person.id === m.composition.chairId || ctx.viewer.person.id === m.composition.viceChairId);

/** chair, viceChair and members, for the committee as it is and for a meeting's snapshot of it. */
function CompositionFields<T extends object>(objectType: ClassType<T>) {
  @Resolver(() => objectType)
  abstract class CompositionFieldsResolver {
    @FieldResolver(() => Person, { nullable: true, description: '委員長(総括管理責任者、第32条第2項)。 / The chair: the general manager.' })
    chair(@Root() c: Composition, @Ctx() ctx: Context) {
      return c.chairId ? getPerson(ctx.store, c.chairId) : undefined;
    }

    @FieldResolver(() => Person, { nullable: true, description: '副委員長(情報システム管理者、第32条第3項)。 / The vice-chair: the system administrator.' })
    viceChair(@Root() c: Composition, @Ctx() ctx: Context) {
      return c.viceChairId ? getPerson(ctx.store, c.viceChairId) : undefined;
    }

    @FieldResolver(() => [Person], { description: '委員(情報管理責任者、第32条第4項)。 / The members: the information managers.' })
    members(@Root() c: Composition, @Ctx() ctx: Context) {
      return people(ctx, c.memberIds);
    }

    @FieldResolver(() => Int, { description: '委員(情報管理責任者)の数。 / How many members (information managers).' })
    memberCount(@Root() c: Composition) {
      return c.memberIds.length;
    }

    @FieldResolver(() => Int, { description: '定足数: 委員の半数以上(第33条第4項)。 / The quorum: at least half of the members.' })
    quorumRequired(@Root() c: Composition) {
      return quorum(c, []).required;
    }
  }
  return CompositionFieldsResolver;
}

@Resolver(() => CommitteeComposition)
export class CommitteeCompositionResolver extends CompositionFields(CommitteeComposition) {}

@Resolver(() => Committee)
export class CommitteeResolver extends CompositionFields(Committee) {
  @Query(() => Committee, { description: '管理運営委員会(現在の役割の割当てによる構成、第30条・第32条)。 / The committee as the role assignments in force make it up.' })
  committee(@Ctx() ctx: Context) {
    return read(async () => ({ ...(await currentComposition(ctx.store, ctx.clock())), name: COMMITTEE_NAME }));
  }

  @FieldResolver(() => Boolean, { description: '会議を招集できるか(委員長、又は副委員長が代理)。 / Whether the viewer may convene a meeting (the chair, or the vice-chair acting).' })
  viewerCanConvene(@Root() c: Composition, @Ctx() ctx: Context) {
    const me = ctx.viewer.person.id;
    return me === c.chairId || me === c.viceChairId;
  }

  @FieldResolver(() => String, { description: '庶務(第34条)。 / The secretariat (第34条).' })
  secretariat() {
    return 'デジタル推進課長(第34条) / The head of the Digital Promotion Section';
  }
}

@Resolver(() => Motion)
export class MotionResolver {
  @FieldResolver(() => AgendaItem, { nullable: true, description: '議題。 / The agenda item.' })
  agendaItem(@Root() m: MotionRecord & { agenda: Meeting['agenda'] }) {
    const a = m.agenda.find((x) => x.id === m.agendaItemId);
    return a && { ...a, agendaItemId: a.id, article: MATTER_ARTICLE[a.matter] };
  }

  @FieldResolver(() => [CastVote], { description: '委員の表決。 / The members’ votes.' })
  votes(@Root() m: MotionRecord) {
    return m.votes;
  }

  @FieldResolver(() => MotionResult)
  result(@Root() m: MotionRecord) {
    return m;
  }

  @FieldResolver(() => Person, { nullable: true, description: '議長。 / The presiding chair.' })
  presiding(@Root() m: MotionRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, m.presidingId);
  }
}

@Resolver(() => CastVote)
export class CastVoteResolver {
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() v: { personId: string }, @Ctx() ctx: Context) {
    return getPerson(ctx.store, v.personId);
  }
}

@Resolver(() => Presiding)
export class PresidingResolver {
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() p: { personId: string }, @Ctx() ctx: Context) {
    return getPerson(ctx.store, p.personId);
  }
}

const SEAT = { CHAIR: '委員長', VICE_CHAIR: '副委員長' } as const;
const MATTER_JA = { PLANNING: '計画', SECURITY: '保安', DATA_PROTECTION: 'データ等の保護', EFFICIENT_OPERATION: '適正かつ効率的な運営' } as const;

/** An instant as a person in the city reads it: `2026-04-01 10:30 (JST)`. */
const tokyoTime = (instant: string) => `${new Date(Date.parse(instant) + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} (JST)`;

/** The minutes (会議録): everything the meeting recorded, as one readable text. */
async function minutes(ctx: Context, m: Meeting): Promise<string> {
  // The minutes are the whole record: every motion, read from the meeting's partition.
  const motions = (m.motionCount ?? 0) > 0 ? await listAllMotions(ctx.store, m.id) : [];
  const c = m.composition;
  const present = m.present ?? [];
  const everyone = [...new Set([c.chairId, c.viceChairId, ...c.memberIds, m.convenedBy, ...motions.map((x) => x.presidingId)].filter((x): x is string => !!x))];
  const names = new Map((await people(ctx, everyone)).map((p) => [p.id, p.name]));
  const name = (id?: string) => (id ? (names.get(id) ?? id) : '(欠員)');
  const q = quorum(c, present);
  const chair = presiding(c, present);
  const lines = [
    `${COMMITTEE_NAME} 会議録`,
    `件名: ${m.title}`,
    `開催日: ${m.heldOn}${m.place ? `  場所: ${m.place}` : ''}`,
    `招集者: ${name(m.convenedBy)}${m.chairPrevented ? '(委員長に事故があるため副委員長が代理、第33条第3項)' : '(第33条第2項)'}`,
    `構成: 委員長 ${name(c.chairId)}、副委員長 ${name(c.viceChairId)}、委員 ${c.memberIds.length}名`,
  ];
  if (m.present) {
    const seated = (id: string) => (id === c.chairId ? '委員長' : id === c.viceChairId ? '副委員長' : '委員');
    const rank = (id: string) => (id === c.chairId ? 0 : id === c.viceChairId ? 1 : 2);
    const ordered = [...present].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    lines.push(`出席者: ${ordered.length ? ordered.map((id) => `${seated(id)} ${name(id)}`).join('、') : 'なし'}`);
    lines.push(`定足数: 委員${q.members}名中${q.membersPresent}名出席、必要${q.required}名 — ${q.met ? '成立' : '不成立(会議を開くことができない、第33条第4項)'}`);
    lines.push(`議長: ${chair ? `${name(chair.personId)}(${SEAT[chair.seat]})` : 'なし'}`);
  } else {
    lines.push('出席者: 未記録');
  }
  lines.push('議題:');
  m.agenda.forEach((a, n) => lines.push(`  ${n + 1}. ${a.title}(${MATTER_ARTICLE[a.matter]} ${MATTER_JA[a.matter]})`));
  lines.push('議事:');
  if (!motions.length) lines.push('  なし');
  for (const x of motions) {
    const n = m.agenda.findIndex((a) => a.id === x.agendaItemId) + 1;
    const how =
      x.decidedBy === 'CASTING_VOTE'
        ? `可否同数のため議長(${name(x.presidingId)})が${x.castingVote === 'FOR' ? '可' : '否'}と決した(第33条第5項後段)`
        : '出席委員の過半数による(第33条第5項)';
    lines.push(`  議題${n}: ${x.text}`);
    lines.push(`    可${x.votesFor} 否${x.votesAgainst} 表決せず${x.notVoting}(出席委員${x.membersPresent}名) — ${x.outcome === 'CARRIED' ? '可決' : '否決'}。${how}`);
  }
  lines.push(m.status === 'CLOSED' && m.closedAt ? `閉会: ${tokyoTime(m.closedAt)}` : '状態: 会議中(議事録未確定)');
  lines.push('庶務: デジタル推進課長(第34条)');
  return lines.join('\n');
}

@Resolver(() => CommitteeMeeting)
export class CommitteeMeetingResolver {
  @Query(() => CommitteeMeetingConnection, { description: '委員会の会議(開催日の新しい順)。 / The committee’s meetings, newest first.' })
  committeeMeetings(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listMeetings(ctx.store, first, after)));
  }


  @FieldResolver(() => Person, { nullable: true, description: '招集した者。 / Who convened it.' })
  convenedBy(@Root() m: Meeting, @Ctx() ctx: Context) {
    return getPerson(ctx.store, m.convenedBy);
  }

  @FieldResolver(() => CommitteeComposition, { description: '招集時の構成(第32条)。 / The seats on the day it was convened.' })
  composition(@Root() m: Meeting) {
    return m.composition;
  }

  @FieldResolver(() => [Person], { nullable: true, description: '出席者(未記録なら null)。 / Those present; null until recorded.' })
  attendance(@Root() m: Meeting, @Ctx() ctx: Context) {
    return m.present ? people(ctx, m.present) : undefined;
  }

  @FieldResolver(() => Quorum, { description: '定足数(第33条第4項)。 / The quorum.' })
  quorum(@Root() m: Meeting) {
    return quorum(m.composition, m.present ?? []);
  }

  @FieldResolver(() => Presiding, { nullable: true, description: '議長(委員長、不在なら副委員長、第33条第2項・第3項)。 / Who presides.' })
  presiding(@Root() m: Meeting) {
    return presiding(m.composition, m.present ?? []);
  }

  @FieldResolver(() => [AgendaItem])
  agenda(@Root() m: Meeting) {
    return m.agenda.map((a) => ({ ...a, agendaItemId: a.id, article: MATTER_ARTICLE[a.matter] }));
  }

  @FieldResolver(() => MotionConnection, { description: '議案と議決(記録順)。 / Motions, in the order decided.' })
  motions(@Root() m: Meeting, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => {
      const page = await listMotions(ctx.store, m.id, first, after);
      return connection({ nodes: page.nodes.map((x) => ({ ...x, motionId: x.id, agenda: m.agenda })), endCursor: page.endCursor });
    });
  }

  @FieldResolver(() => String, { description: '会議録: 構成・出席・定足数・議長・議題・議決の全体。 / The minutes: seats, attendance, quorum, presiding chair, agenda and motions, as one text.' })
  minutes(@Root() m: Meeting, @Ctx() ctx: Context) {
    return minutes(ctx, m);
  }

  @FieldResolver(() => Boolean, { description: '出席者を記録できるか(委員長・副委員長、議決前)。 / Whether the viewer may record attendance.' })
  viewerCanRecordAttendance(@Root() m: Meeting, @Ctx() ctx: Context) {
    return mayRecord(ctx, m) && (m.motionCount ?? 0) === 0;
  }

  @FieldResolver(() => Boolean, { description: '議決を記録できるか(定足数を満たし議長がいる)。 / Whether the viewer may record a motion: quorum met and someone presiding.' })
  viewerCanDecideMotion(@Root() m: Meeting, @Ctx() ctx: Context) {
    const present = m.present ?? [];
    return mayRecord(ctx, m) && quorum(m.composition, present).met && presiding(m.composition, present) !== undefined;
  }

  @FieldResolver(() => Boolean, { description: '閉会できるか(出席者の記録後)。 / Whether the viewer may close it.' })
  viewerCanClose(@Root() m: Meeting, @Ctx() ctx: Context) {
    return mayRecord(ctx, m) && m.present !== undefined;
  }


  @Mutation(() => CommitteeMeetingPayload, {
    description:
      '委員会の招集(委員長、委員長に事故があるときは副委員長、第33条第2項・第3項)。招集時の構成を記録する。 / Convene a meeting (the chair, or the vice-chair acting); the seats of the day are kept with it.',
  })
  conveneCommitteeMeeting(@Arg('input') input: ConveneCommitteeMeetingInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const composition = await currentComposition(ctx.store, now);
      const m = convene(composition, ctx.viewer.person.id, input, { meeting: newId(now), agenda: input.agenda.map(() => newId(now)) }, now);
      return outcome({ meeting: m }, [committeeChange.meeting(m)], [
        auditEvent(ctx, now, 'CommitteeMeeting', m.id, 'committeeMeeting.convened', undefined, m, { article: m.chairPrevented ? '第33条第3項' : '第33条第2項' }),
      ]);
    });
  }

  @Mutation(() => CommitteeMeetingPayload, { description: '出席者の記録(委員長・副委員長)。 / Record who is present (the chair or vice-chair).' })
  recordMeetingAttendance(@Arg('input') input: RecordMeetingAttendanceInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = await loadMeeting(ctx, input.meetingId, input.expectedVersion);
      const present = input.present.map((id) => keyOf(id, 'Person', 'present'));
      const after: Meeting = { ...before, ...recordPresence(before, ctx.viewer.person.id, present), version: before.version + 1, updatedAt: now };
      return outcome({ meeting: after }, [committeeChange.meeting(after, before.version)], [
        auditEvent(ctx, now, 'CommitteeMeeting', after.id, 'committeeMeeting.attendanceRecorded', before, after, { article: '第33条第4項' }),
      ]);
    });
  }

  @Mutation(() => CommitteeMeetingPayload, {
    description:
      '議決の記録: 定足数(第33条第4項)を満たすときに限り、出席委員の過半数で決し、可否同数は議長が決する(第33条第5項)。 / Record a motion: only with a quorum; a majority of the members present decides, the presiding chair a tie.',
  })
  decideCommitteeMotion(@Arg('input') input: DecideCommitteeMotionInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = await loadMeeting(ctx, input.meetingId, input.expectedVersion);
      const votes = input.votes.map((v) => ({ personId: keyOf(v.personId, 'Person', 'votes'), vote: v.vote }));
      const { child, patch } = putMotion(before, ctx.viewer.person.id, { agendaItemId: input.agendaItemId, text: input.text, votes, castingVote: input.castingVote ?? undefined }, newId(now), now);
      const after: Meeting = { ...before, ...patch, version: before.version + 1, updatedAt: now };
      // The motion (new), the meeting at the version read, and one audit event that records the motion only.
      return outcome({ meeting: after }, [committeeChange.motion(child), committeeChange.meeting(after, before.version)], [
        auditEvent(ctx, now, 'CommitteeMeeting', after.id, 'committeeMeeting.motionDecided', undefined, { motion: child }, { article: '第33条第5項' }),
      ]);
    });
  }

  @Mutation(() => CommitteeMeetingPayload, { description: '閉会(議事録の確定、委員長・副委員長)。 / Close the meeting; its minutes then stand.' })
  closeCommitteeMeeting(@Arg('input') input: CloseCommitteeMeetingInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = await loadMeeting(ctx, input.meetingId, input.expectedVersion);
      const after: Meeting = { ...before, ...closeMeeting(before, ctx.viewer.person.id, now), version: before.version + 1, updatedAt: now };
      return outcome({ meeting: after }, [committeeChange.meeting(after, before.version)], [
        auditEvent(ctx, now, 'CommitteeMeeting', after.id, 'committeeMeeting.closed', before, after, { article: '第33条第2項' }),
      ]);
    });
  }
}

@Resolver(() => WorkingGroup)
export class WorkingGroupResolver {
  @Query(() => WorkingGroupConnection, { description: '部会(新しい順、第33条第6項)。 / The working groups, newest first.' })
  workingGroups(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listWorkingGroups(ctx.store, first, after)));
  }


  @FieldResolver(() => [Person], { description: '構成する関係職員。 / The staff concerned.' })
  members(@Root() g: WorkingGroupRecord, @Ctx() ctx: Context) {
    return people(ctx, g.memberIds);
  }

  @FieldResolver(() => Person, { nullable: true, description: '設置した者。 / Who established it.' })
  establishedBy(@Root() g: WorkingGroupRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, g.establishedBy);
  }


  @Mutation(() => WorkingGroupPayload, {
    description: '部会の設置: 専門的事項の調査研究のため関係職員で構成(委員長、第33条第6項)。 / Establish a working group of the staff concerned (the chair).',
  })
  establishWorkingGroup(@Arg('input') input: EstablishWorkingGroupInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const composition = await currentComposition(ctx.store, now);
      const draft = { name: input.name, purpose: input.purpose, memberIds: input.memberIds.map((id) => keyOf(id, 'Person', 'memberIds')), establishedOn: input.establishedOn };
      const g = establishWorkingGroup(composition, ctx.viewer.person.id, draft, newId(now), now);
      await personKeys(ctx, input.memberIds, 'memberIds');
      return outcome({ workingGroup: g }, [committeeChange.workingGroup(g)], [
        auditEvent(ctx, now, 'WorkingGroup', g.id, 'workingGroup.established', undefined, g, { article: '第33条第6項' }),
      ]);
    });
  }
}

export const committeeResolvers: Function[] = [
  CommitteeCompositionResolver,
  CommitteeResolver,
  MotionResolver,
  CastVoteResolver,
  PresidingResolver,
  CommitteeMeetingResolver,
  WorkingGroupResolver,
];
