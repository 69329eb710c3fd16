/**
 * 白石市行政情報ネットワークシステム管理運営委員会 (第30条–第34条): its seats, meetings (attendance, quorum, motions and
 * the minutes) and working groups (部会). The secretariat (庶務, 第34条) is the head of Digital Promotion.
 */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_LIST, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';

export enum AgendaMatter {
  PLANNING = 'PLANNING',
  SECURITY = 'SECURITY',
  DATA_PROTECTION = 'DATA_PROTECTION',
  EFFICIENT_OPERATION = 'EFFICIENT_OPERATION',
}
registerEnumType(AgendaMatter, {
  name: 'AgendaMatter',
  description: '委員会の調査審議事項(第31条)。 / What the committee deliberates on (第31条).',
  valuesConfig: {
    PLANNING: { description: '行政システムの計画に関すること(第1号)。 / Planning of the systems.' },
    SECURITY: { description: '行政システムの保安に関すること(第2号)。 / Security of the systems.' },
    DATA_PROTECTION: { description: 'データ等の保護に関すること(第3号)。 / Protection of data.' },
    EFFICIENT_OPERATION: { description: 'その他適正かつ効率的な運営に必要と認められること(第4号)。 / Other matters of proper and efficient operation.' },
  },
});

export enum MeetingStatus {
  CONVENED = 'CONVENED',
  CLOSED = 'CLOSED',
}
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: '会議の状態。 / Whether a meeting’s record is still open.',
  valuesConfig: {
    CONVENED: { description: '招集済(出席・議事を記録中)。 / Convened; attendance and motions being recorded.' },
    CLOSED: { description: '閉会(議事録確定)。 / Closed; the minutes stand.' },
  },
});

export enum Seat {
  CHAIR = 'CHAIR',
  VICE_CHAIR = 'VICE_CHAIR',
}
registerEnumType(Seat, {
  name: 'Seat',
  description: '議長を務める者の席(第33条第2項・第3項)。 / The seat of whoever presides.',
  valuesConfig: {
    CHAIR: { description: '委員長(総括管理責任者)。 / The chair (the general manager).' },
    VICE_CHAIR: { description: '副委員長(情報システム管理者、委員長の職務を代理)。 / The vice-chair (the system administrator), acting for the chair.' },
  },
});

export enum Vote {
  FOR = 'FOR',
  AGAINST = 'AGAINST',
}
registerEnumType(Vote, {
  name: 'Vote',
  description: '表決(第33条第5項)。 / A vote.',
  valuesConfig: { FOR: { description: '可。 / For.' }, AGAINST: { description: '否。 / Against.' } },
});

export enum MotionOutcome {
  CARRIED = 'CARRIED',
  REJECTED = 'REJECTED',
}
registerEnumType(MotionOutcome, {
  name: 'MotionOutcome',
  description: '議決の結果。 / What the committee decided.',
  valuesConfig: { CARRIED: { description: '可決。 / Carried.' }, REJECTED: { description: '否決。 / Rejected.' } },
});

export enum DecidedBy {
  MAJORITY = 'MAJORITY',
  CASTING_VOTE = 'CASTING_VOTE',
}
registerEnumType(DecidedBy, {
  name: 'DecidedBy',
  description: '議決の方法(第33条第5項)。 / How the motion was decided (第33条第5項).',
  valuesConfig: {
    MAJORITY: { description: '出席委員の過半数(前段)。 / By a majority of the members present.' },
    CASTING_VOTE: { description: '可否同数のため議長が決した(後段)。 / A tie, decided by the presiding chair.' },
  },
});

@ObjectType({
  description:
    '委員会の構成(第32条): 委員長=総括管理責任者、副委員長=情報システム管理者、委員=情報管理責任者。 / The committee’s seats (第32条): chair, vice-chair and members.',
})
export class CommitteeComposition {
  @Field(() => Int, { description: '委員(情報管理責任者)の数。 / How many members (information managers).' })
  memberCount!: number;

  @Field(() => Int, { description: '定足数: 委員の半数以上(第33条第4項)。 / The quorum: at least half of the members.' })
  quorumRequired!: number;
}

@ObjectType({
  description:
    '白石市行政情報ネットワークシステム管理運営委員会(第30条)。現在の役割の割当てによる構成。庶務はデジタル推進課長(第34条)。 / The committee (第30条), as the role assignments in force make it up; its secretariat is the head of Digital Promotion (第34条).',
})
export class Committee extends CommitteeComposition {
  @Field({ description: '名称。 / Name.' })
  name!: string;

  @Field(() => String, { description: '庶務(第34条)。 / The secretariat (第34条).' })
  secretariat!: string;
}

@ObjectType({ description: '定足数(第33条第4項)。 / The quorum (第33条第4項).' })
export class Quorum {
  @Field(() => Int, { description: '出席した委員の数。 / Members present.' })
  membersPresent!: number;

  @Field(() => Int, { description: '委員の数。 / All members.' })
  members!: number;

  @Field(() => Int, { description: '会議を開くのに必要な出席委員の数(半数以上)。 / The fewest present that make a quorum.' })
  required!: number;

  @Field({ description: '定足数を満たすか。 / Whether the committee may meet.' })
  met!: boolean;
}

@ObjectType({ description: '議長(第33条第2項・第3項)。 / Who presides.' })
export class Presiding {
  @Field(() => Seat, { description: '議長の席(委員長、不在なら副委員長)。 / The seat: the chair, or the vice-chair in the chair’s absence.' })
  seat!: Seat;
}

@ObjectType({ description: '議題(第31条の事項)。 / An agenda item under 第31条.' })
export class AgendaItem {
  @Field(() => ID, { description: '議題ID(この会議の中で一意)。 / The item’s id within its meeting.' })
  agendaItemId!: string;

  @Field(() => AgendaMatter, { description: '調査審議事項(第31条各号)。 / The matter under 第31条.' })
  matter!: AgendaMatter;

  @Field({ description: '根拠(第31条第N号)。 / The article of the matter.' })
  article!: string;

  @Field({ description: '件名。 / The item’s title.' })
  title!: string;
}

@ObjectType({ description: '委員の表決。 / A member’s vote.' })
export class CastVote {
  @Field(() => Vote, { description: '表決(可・否)。 / The vote: for or against.' })
  vote!: Vote;
}

@ObjectType({ description: '議決の結果(第33条第5項)。 / The result of a motion.' })
export class MotionResult {
  @Field(() => Int, { description: '可とした委員の数。 / Members who voted for.' })
  votesFor!: number;

  @Field(() => Int, { description: '否とした委員の数。 / Members who voted against.' })
  votesAgainst!: number;

  @Field(() => Int, { description: '出席して表決しなかった委員。 / Members present who voted neither way.' })
  notVoting!: number;

  @Field(() => Int, { description: '出席委員の数(過半数の基準、第33条第5項)。 / Members present: the base of the majority.' })
  membersPresent!: number;

  @Field(() => MotionOutcome, { description: '可決又は否決。 / Carried or rejected.' })
  outcome!: MotionOutcome;

  @Field(() => DecidedBy, { description: '議決の方法(過半数又は議長の決、第33条第5項)。 / How it was decided: a majority, or the presiding chair on a tie.' })
  decidedBy!: DecidedBy;

  @Field(() => Vote, { nullable: true, description: '可否同数のときの議長の決(第33条第5項後段)。 / The presiding chair’s casting vote on a tie.' })
  castingVote?: Vote;
}

@ObjectType({ description: '議案と議決。 / A motion and how it was decided.' })
export class Motion {
  @Field(() => ID, { description: '議案ID(この会議の中で一意)。 / The motion’s id within its meeting.' })
  motionId!: string;

  @Field({ description: '議案の本文。 / The text of the motion.' })
  text!: string;

  @Field(() => AgendaItem, { nullable: true, description: '議題。 / The agenda item.' })
  agendaItem?: unknown;

  @Field(() => [CastVote], { description: '委員の表決。 / The members’ votes.' })
  votes!: unknown[];

  @Field(() => MotionResult, { description: '議決の結果(第33条第5項)。 / The result (第33条第5項).' })
  result!: unknown;

  @Field(() => DateTime, { description: '議決日時。 / When it was decided.' })
  decidedAt!: string;
}

@ObjectType({ implements: [Node, Audited], description: '委員会の会議(第33条)。議事録は `minutes`。 / A meeting of the committee; `minutes` is its record.' })
export class CommitteeMeeting extends Node {
  @Field({ description: '会議の名称。 / The meeting’s title.' })
  title!: string;

  @Field(() => LocalDate, { description: '開催日。 / The day it is held.' })
  heldOn!: string;

  @Field(() => String, { nullable: true, description: '場所。 / Where.' })
  place?: string;

  @Field({ description: '委員長に事故があり副委員長が招集した(第33条第3項)。 / Convened by the vice-chair, the chair being prevented.' })
  chairPrevented!: boolean;

  @Field(() => CommitteeComposition, { description: '招集時の構成(第32条)。 / The seats on the day it was convened.' })
  composition!: unknown;

  @Field(() => MeetingStatus, { description: '状態(招集済・閉会)。 / Convened or closed.' })
  status!: MeetingStatus;

  @Field(() => Int, { description: '議決した議案の件数。 / How many motions were decided.' })
  motionCount!: number;

  @Field(() => DateTime, { nullable: true, description: '閉会日時(議事録確定、開会中は null)。 / When it was closed and the minutes stood; null while open.' })
  closedAt?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;
}

@ObjectType({ implements: [Node, Audited], description: '部会(第33条第6項): 専門的事項の調査研究のため関係職員で構成。 / A working group of the staff concerned, for specialist study.' })
export class WorkingGroup extends Node {
  @Field({ description: '部会の名称。 / The working group’s name.' })
  name!: string;

  @Field({ description: '調査研究する専門的事項。 / The specialist matter it studies.' })
  purpose!: string;

  @Field(() => LocalDate, { description: '設置日。 / The day it was established.' })
  establishedOn!: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;
}

export const CommitteeMeetingConnection = Connection(CommitteeMeeting, 'CommitteeMeeting', '委員会の会議');
export const MotionConnection = Connection(
  Motion,
  'Motion',
  '議案',
  '議案の総数(会議の motionCount。議案と同じトランザクションで数える)。 / How many motions the meeting decided: its motionCount, counted in the same transaction as each motion.',
);
export const WorkingGroupConnection = Connection(WorkingGroup, 'WorkingGroup', '部会');

// ─── Inputs ─────────────────────────────────────────────────────────────────────────────────────────────────────

@InputType({ description: '議題(第31条の事項)。 / An agenda item.' })
export class AgendaItemInput {
  @Field(() => AgendaMatter, { description: '調査審議事項(第31条各号)。 / The matter under 第31条.' })
  matter!: AgendaMatter;

  @Field({ description: '件名。 / The item’s title.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  title!: string;
}

@InputType({ description: '委員会の招集(委員長、又は委員長に事故があるときは副委員長、第33条第2項・第3項)。 / Convene a meeting (the chair, or the vice-chair acting).' })
export class ConveneCommitteeMeetingInput {
  @Field({ description: '会議の名称。 / The meeting’s title.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  title!: string;

  @Field(() => LocalDate, { description: '開催日。 / The day it is held.' })
  heldOn!: string;

  @Field(() => String, { nullable: true, description: '場所。 / Where.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  place?: string;

  @Field({ defaultValue: false, description: '委員長に事故がある(副委員長が代理で招集する)。 / The chair is prevented; the vice-chair convenes.' })
  @IsBoolean()
  chairPrevented!: boolean;

  @Field(() => [AgendaItemInput], { description: '議題(一つ以上)。 / The agenda: at least one item.' })
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  agenda!: AgendaItemInput[];
}

@InputType({ description: '出席者の記録(委員長・副委員長・委員)。 / Record who is present.' })
export class RecordMeetingAttendanceInput {
  @Field(() => ID, { description: '会議のID。 / The meeting’s id.' })
  @MaxLength(500)
  meetingId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => [ID], { description: '出席者(委員長・副委員長・委員)。 / Those present: chair, vice-chair, members.' })
  @ArrayMaxSize(MAX_LIST)
  @MaxLength(500, { each: true })
  present!: string[];
}

@InputType({ description: '委員の表決。 / A member’s vote.' })
export class VoteInput {
  @Field(() => ID, { description: '表決した委員(出席者)のID。 / The id of the member voting, one of those present.' })
  @MaxLength(500)
  personId!: string;

  @Field(() => Vote, { description: '表決(可・否)。 / For or against.' })
  vote!: Vote;
}

@InputType({ description: '議決(第33条第5項: 出席委員の過半数、可否同数は議長が決する)。 / Decide a motion (a majority of members present; the presiding chair decides a tie).' })
export class DecideCommitteeMotionInput {
  @Field(() => ID, { description: '会議のID。 / The meeting’s id.' })
  @MaxLength(500)
  meetingId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => ID, { description: '議題ID(この会議の議題から)。 / The agenda item, from this meeting’s agenda.' })
  @MaxLength(MAX_NAME)
  agendaItemId!: string;

  @Field({ description: '議案。 / The motion.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  text!: string;

  @Field(() => [VoteInput], { description: '出席委員の表決。 / The votes of the members present.' })
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  votes!: VoteInput[];

  @Field(() => Vote, { nullable: true, description: '可否同数のときの議長の決。 / The presiding chair’s decision on a tie.' })
  @IsOptional()
  castingVote?: Vote;
}

@InputType({ description: '閉会(議事録の確定)。 / Close the meeting; its minutes then stand.' })
export class CloseCommitteeMeetingInput {
  @Field(() => ID, { description: '会議のID。 / The meeting’s id.' })
  @MaxLength(500)
  meetingId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;
}

@InputType({ description: '部会の設置(第33条第6項)。 / Establish a working group.' })
export class EstablishWorkingGroupInput {
  @Field({ description: '部会の名称。 / The working group’s name.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  name!: string;

  @Field({ description: '調査研究する専門的事項(第33条第6項)。 / The specialist matter it studies.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  purpose!: string;

  @Field(() => [ID], { description: '関係職員(一人以上)。 / The staff concerned: at least one.' })
  @ArrayMaxSize(MAX_LIST)
  @MaxLength(500, { each: true })
  memberIds!: string[];

  @Field(() => LocalDate, { description: '設置日。 / The day it is established.' })
  establishedOn!: string;
}

// ─── Payloads ───────────────────────────────────────────────────────────────────────────────────────────────────

@ObjectType({ description: '委員会の会議の変更結果。 / The result of a meeting mutation.' })
export class CommitteeMeetingPayload {
  @Field(() => CommitteeMeeting, { nullable: true, description: '変更後の会議(拒否されたときは null)。 / The meeting after the change; null when refused.' })
  meeting?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: '部会の変更結果。 / The result of a working-group mutation.' })
export class WorkingGroupPayload {
  @Field(() => WorkingGroup, { nullable: true, description: '変更後の部会(拒否されたときは null)。 / The working group after the change; null when refused.' })
  workingGroup?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
