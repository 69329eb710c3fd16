/** 管理運営委員会 (第30条–第34条): meetings, attendance, motions, minutes and working groups. */
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  COMMITTEE_NAME, Composition, MATTER_ARTICLE, Meeting, MotionRecord, SECRETARIAT, WorkingGroup as WorkingGroupRecord, committee, committeeActions,
  meetingActions, minutesOf, namedInMinutes, presiding, quorum,
} from '../domain/committee';
import { Person as PersonRecord } from '../domain/people';
import { getPerson } from '../store/people';
import { currentComposition, listAllMotions, listMeetings, listMotions, listWorkingGroups } from '../store/committee';
import { PageArgs } from '../../graphql/common';
import {
  AgendaItem, CastVote, CloseCommitteeMeetingInput, Committee, CommitteeComposition, CommitteeMeeting, CommitteeMeetingConnection, CommitteeMeetingPayload,
  ConveneCommitteeMeetingInput, DecideCommitteeMotionInput, EstablishWorkingGroupInput, Motion, MotionConnection, Presiding, Quorum,
  RecordMeetingAttendanceInput, WorkingGroup, WorkingGroupConnection, WorkingGroupPayload,
} from '../../graphql/committee';
import { Person } from '../../graphql/people';
import { Context } from './context';
import { actionsOf, newId, read, INPUT, connection } from './support';
import { Computed, computed, personKey, related } from './fields';
import { change, create, load } from './write';
import { mapPage } from '../store/table';

async function people(ctx: Context, ids: string[]): Promise<PersonRecord[]> {
  return (await Promise.all(ids.map((id) => getPerson(ctx.store, id)))).filter((p): p is PersonRecord => p !== undefined);
}

const meetingPayload = (m: Meeting) => ({ meeting: m });
/** The meeting a mutation records, at the version the client saw. */
const meetingOf = (input: { meetingId: string; expectedVersion: number }) => ({ kind: 'CommitteeMeeting' as const, id: input.meetingId, field: 'meetingId', expectedVersion: input.expectedVersion });
/** An agenda item as the API shows it: its id within the meeting, and the article of its matter (第31条). */
const agendaItemNode = (a: Meeting['agenda'][number]) => ({ ...a, agendaItemId: a.id, article: MATTER_ARTICLE[a.matter] });
/** A motion as the API shows it: its id within the meeting, its agenda item and its result. */
function motionNode(m: Meeting, x: MotionRecord) {
  const a = m.agenda.find((item) => item.id === x.agendaItemId);
  return { ...x, motionId: x.id, agendaItem: a && agendaItemNode(a), result: x };
}

@Resolver(() => Committee)
export class CommitteeResolver {
  @Query(() => Committee, { description: '管理運営委員会(現在の役割の割当てによる構成、第30条・第32条)。 / The committee as the role assignments in force make it up.' })
  committee(@Ctx() ctx: Context) {
    return read(ctx, async () => ({ ...(await currentComposition(ctx.store, ctx.clock())), name: COMMITTEE_NAME, secretariat: SECRETARIAT }));
  }
}

@Resolver(() => CommitteeMeeting)
export class CommitteeMeetingResolver {
  @Query(() => CommitteeMeetingConnection, { description: '委員会の会議(開催日の新しい順)。 / The committee’s meetings, newest first.' })
  committeeMeetings(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listMeetings(ctx.store, paging)));
  }

  @FieldResolver(() => MotionConnection, { description: '議案と議決(記録順)。 / Motions, in the order decided.' })
  motions(@Root() m: Meeting, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const page = await listMotions(ctx.store, m.id, paging);
      return connection(mapPage(page, (x) => motionNode(m, x)), m.motionCount ?? 0);
    });
  }

  @Mutation(() => CommitteeMeetingPayload, { description: '委員会の招集(委員長、委員長に事故があるときは副委員長、第33条第2項・第3項)。招集時の構成を記録する。 / Convene a meeting (the chair, or the vice-chair acting); the seats of the day are kept with it.' })
  conveneCommitteeMeeting(@Arg('input', { description: INPUT }) input: ConveneCommitteeMeetingInput, @Ctx() ctx: Context) {
    return create(ctx, async (now, id) =>
      committee.convene(await currentComposition(ctx.store, now), ctx.viewer, input, { meeting: id, agenda: input.agenda.map(() => newId(now)) }, now), meetingPayload);
  }

  @Mutation(() => CommitteeMeetingPayload, { description: '出席者の記録(委員長・副委員長)。 / Record who is present (the chair or vice-chair).' })
  recordMeetingAttendance(@Arg('input', { description: INPUT }) input: RecordMeetingAttendanceInput, @Ctx() ctx: Context) {
    return change(ctx, meetingOf(input), (m, now) => committee.recordAttendance(m, ctx.viewer, input.present.map((id) => personKey(id, 'present')), now), meetingPayload);
  }

  @Mutation(() => CommitteeMeetingPayload, { description: '議決の記録: 定足数(第33条第4項)を満たすときに限り、出席委員の過半数で決し、可否同数は議長が決する(第33条第5項)。 / Record a motion: only with a quorum; a majority of the members present decides, the presiding chair a tie.' })
  decideCommitteeMotion(@Arg('input', { description: INPUT }) input: DecideCommitteeMotionInput, @Ctx() ctx: Context) {
    const { agendaItemId, text } = input;
    return change(ctx, meetingOf(input), (m, now, id) => {
      const votes = input.votes.map((v) => ({ personId: personKey(v.personId, 'votes'), vote: v.vote }));
      return committee.decideMotion(m, ctx.viewer, { agendaItemId, text, votes, castingVote: input.castingVote ?? undefined }, id, now);
    }, meetingPayload);
  }

  @Mutation(() => CommitteeMeetingPayload, { description: '閉会(議事録の確定、委員長・副委員長)。 / Close the meeting; its minutes then stand.' })
  closeCommitteeMeeting(@Arg('input', { description: INPUT }) input: CloseCommitteeMeetingInput, @Ctx() ctx: Context) {
    return change(ctx, meetingOf(input), (m, now) => committee.close(m, ctx.viewer, now), meetingPayload);
  }
}

@Resolver(() => WorkingGroup)
export class WorkingGroupResolver {
  @Query(() => WorkingGroupConnection, { description: '部会(新しい順、第33条第6項)。 / The working groups, newest first.' })
  workingGroups(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listWorkingGroups(ctx.store, paging)));
  }

  @Mutation(() => WorkingGroupPayload, { description: '部会の設置: 専門的事項の調査研究のため関係職員で構成(委員長、第33条第6項)。 / Establish a working group of the staff concerned (the chair).' })
  establishWorkingGroup(@Arg('input', { description: INPUT }) input: EstablishWorkingGroupInput, @Ctx() ctx: Context) {
    const { name, purpose, establishedOn } = input;
    return create(ctx, async (now, id) => {
      const memberIds = input.memberIds.map((m) => personKey(m, 'memberIds'));
      const established = committee.establishWorkingGroup(await currentComposition(ctx.store, now), ctx.viewer, { name, purpose, memberIds, establishedOn }, id, now);
      await Promise.all(input.memberIds.map((m) => load(ctx, 'Person', m, 'memberIds'))); // the staff named exist
      return established;
    }, (workingGroup: WorkingGroupRecord) => ({ workingGroup }));
  }
}

/** The seats, the members, their count and the quorum, for the committee as it is and for a meeting's snapshot of it. */
const compositionFields: Record<string, Computed<Composition>> = {
  chair: [() => Person, (c, ctx) => related(ctx, getPerson, c.chairId), { nullable: true, description: '委員長(総括管理責任者、第32条第2項)。 / The chair: the general manager.' }],
  viceChair: [() => Person, (c, ctx) => related(ctx, getPerson, c.viceChairId), { nullable: true, description: '副委員長(情報システム管理者、第32条第3項)。 / The vice-chair: the system administrator.' }],
  members: [() => [Person], (c, ctx) => people(ctx, c.memberIds), { description: '委員(情報管理責任者、第32条第4項)。 / The members: the information managers.' }],
  memberCount: [() => Int, (c) => c.memberIds.length, { description: '委員(情報管理責任者)の数。 / How many members (information managers).' }],
  quorumRequired: [() => Int, (c) => quorum(c, []).required, { description: '定足数: 委員の半数以上(第33条第4項)。 / The quorum: at least half of the members.' }],
  secretariatHolder: [
    () => Person,
    (c, ctx) => related(ctx, getPerson, c.secretariatId),
    { nullable: true, description: '庶務を処理する者: デジタル推進課長(第34条、ホームページシステム管理者の役割の保有者)。会議の記録を行う。 / The secretariat: the head of Digital Promotion (the holder of the homepage system manager’s role), who records meetings.' },
  ],
};

const CommitteeFields = computed<Composition>(Committee, {
  ...compositionFields,
  viewerCanConvene: [
    () => Boolean,
    (c, ctx) => actionsOf(ctx, c, committeeActions).convene,
    { description: '会議を招集できるか(委員長、又は副委員長が代理)。 / Whether the viewer may convene a meeting (the chair, or the vice-chair acting).' },
  ],
});

const MeetingFields = computed<Meeting>(CommitteeMeeting, {
  convenedBy: [() => Person, (m, ctx) => related(ctx, getPerson, m.convenedBy), { nullable: true, description: '招集した者。 / Who convened it.' }],
  attendance: [() => [Person], (m, ctx) => (m.present ? people(ctx, m.present) : undefined), { nullable: true, description: '出席者(未記録なら null)。 / Those present; null until recorded.' }],
  quorum: [() => Quorum, (m) => quorum(m.composition, m.present ?? []), { description: '定足数(第33条第4項)。 / The quorum.' }],
  presiding: [() => Presiding, (m) => presiding(m.composition, m.present ?? []), { nullable: true, description: '議長(委員長、不在なら副委員長、第33条第2項・第3項)。 / Who presides.' }],
  agenda: [() => [AgendaItem], (m) => m.agenda.map(agendaItemNode), { description: '議題(第31条の事項)。 / The agenda: items under 第31条.' }],
  minutes: [
    () => String,
    async (m, ctx) => {
      // The minutes are the whole record: every motion, read from the meeting's partition, and the names they give.
      const motions = (m.motionCount ?? 0) > 0 ? await listAllMotions(ctx.store, m.id) : [];
      const names = new Map((await people(ctx, namedInMinutes(m, motions))).map((p) => [p.id, p.name]));
      return minutesOf(m, motions, names);
    },
    { description: '会議録: 構成・出席・定足数・議長・議題・議決の全体。 / The minutes: seats, attendance, quorum, presiding chair, agenda and motions, as one text.' },
  ],
  viewerCanRecordAttendance: [() => Boolean, (m, ctx) => actionsOf(ctx, m, meetingActions).recordAttendance, { description: '出席者を記録できるか(委員長・副委員長、議決前)。 / Whether the viewer may record attendance.' }],
  viewerCanDecideMotion: [
    () => Boolean,
    (m, ctx) => actionsOf(ctx, m, meetingActions).decideMotion,
    { description: '議決を記録できるか(定足数を満たし議長がいる)。 / Whether the viewer may record a motion: quorum met and someone presiding.' },
  ],
  viewerCanClose: [() => Boolean, (m, ctx) => actionsOf(ctx, m, meetingActions).close, { description: '閉会できるか(出席者の記録後)。 / Whether the viewer may close it.' }],
});

const MotionFields = computed<MotionRecord>(Motion, {
  presiding: [() => Person, (x, ctx) => related(ctx, getPerson, x.presidingId), { nullable: true, description: '議長。 / The presiding chair.' }],
});

const WorkingGroupFields = computed<WorkingGroupRecord>(WorkingGroup, {
  establishedBy: [() => Person, (g, ctx) => related(ctx, getPerson, g.establishedBy), { nullable: true, description: '設置した者。 / Who established it.' }],
  members: [() => [Person], (g, ctx) => people(ctx, g.memberIds), { description: '構成する関係職員。 / The staff concerned.' }],
});

/** A vote cast and the one presiding: the person they name. */
const personFields: Record<string, Computed<{ personId: string }>> = {
  person: [() => Person, (r, ctx) => related(ctx, getPerson, r.personId), { nullable: true, description: '表決した委員又は議長。 / The member who voted, or the one presiding.' }],
};

export const committeeResolvers: Function[] = [
  CommitteeResolver, CommitteeMeetingResolver, WorkingGroupResolver,
  computed(CommitteeComposition, compositionFields), CommitteeFields, MeetingFields, MotionFields, WorkingGroupFields, computed(CastVote, personFields), computed(Presiding, personFields),
];
