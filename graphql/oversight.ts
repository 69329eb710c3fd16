/** 調査・指導・研修 (第19条–第21条): investigations with their findings and improvement proposals, guidance, training. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_LIST, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';

export enum Perspective {
  RELIABILITY = 'RELIABILITY',
  EFFECTIVENESS = 'EFFECTIVENESS',
  ECONOMY = 'ECONOMY',
  SAFETY = 'SAFETY',
  OTHER = 'OTHER',
}
registerEnumType(Perspective, {
  name: 'Perspective',
  description: '調査の見地(第19条)。 / The standpoint of a finding (第19条).',
  valuesConfig: {
    RELIABILITY: { description: '信頼性。 / Reliability.' },
    EFFECTIVENESS: { description: '有効性。 / Effectiveness.' },
    ECONOMY: { description: '経済性。 / Economy.' },
    SAFETY: { description: '安全性。 / Safety.' },
    OTHER: { description: 'その他(第19条「等」)。 / Another standpoint (the article’s 「等」).' },
  },
});

export enum InvestigationStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(InvestigationStatus, {
  name: 'InvestigationStatus',
  description: '調査の状態。 / Whether an investigation is open.',
  valuesConfig: {
    OPEN: { description: '調査中(改善策の実施を確認中を含む)。 / Open, improvements being followed.' },
    CLOSED: { description: '終了(改善策はすべて完了)。 / Closed; every proposal completed.' },
  },
});

export enum ProposalStatus {
  OPEN = 'OPEN',
  REPORTED_DONE = 'REPORTED_DONE',
  COMPLETED = 'COMPLETED',
}
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: '改善策の状態。 / Where an improvement proposal stands.',
  valuesConfig: {
    OPEN: { description: '未実施。 / To be carried out.' },
    REPORTED_DONE: { description: '主管課が実施を報告(情報システム管理者の確認待ち)。 / Reported done; awaits the system administrator.' },
    COMPLETED: { description: '完了(情報システム管理者が確認)。 / Accepted as completed.' },
  },
});

export enum GuidanceKind {
  GUIDANCE = 'GUIDANCE',
  ADVICE = 'ADVICE',
}
registerEnumType(GuidanceKind, {
  name: 'GuidanceKind',
  description: '指導又は助言(第20条)。 / Guidance or advice (第20条).',
  valuesConfig: { GUIDANCE: { description: '指導。 / Guidance.' }, ADVICE: { description: '助言。 / Advice.' } },
});

@ObjectType({ description: '調査の所見(第19条)。 / A finding of an investigation.' })
export class InvestigationFinding {
  @Field(() => ID, { description: '所見ID(この調査の中で一意)。 / The finding’s id within its investigation.' })
  findingId!: string;

  @Field(() => Perspective, { description: '調査の見地(信頼性・有効性・経済性・安全性等、第19条)。 / The standpoint (第19条).' })
  perspective!: Perspective;

  @Field({ description: '所見の内容。 / What was found.' })
  text!: string;

  @Field(() => DateTime, { nullable: true, description: '記録した日時。 / When it was recorded.' })
  recordedAt?: string;
}

@ObjectType({ description: '改善策の提示(第19条)。主管課が実施を報告し、情報システム管理者が確認して完了。 / An improvement proposal: the department reports it done, the system administrator accepts it.' })
export class ImprovementProposal {
  @Field({ description: '改善策の内容。 / What is to be improved.' })
  text!: string;

  @Field(() => LocalDate, { nullable: true, description: '期限。 / Due date.' })
  dueOn?: string;

  @Field(() => ProposalStatus, { description: '状態(未実施・実施報告済・完了)。 / Open, reported done, or completed.' })
  status!: ProposalStatus;

  @Field(() => LocalDate, { nullable: true, description: '実施報告日。 / When it was reported done.' })
  reportedOn?: string;

  @Field(() => String, { nullable: true, description: '実施内容の報告。 / What the department did.' })
  reportNote?: string;

  @Field(() => LocalDate, { nullable: true, description: '完了確認日。 / When it was accepted as completed.' })
  completedOn?: string;
}

@ObjectType({ implements: [Node, Audited], description: '行政システムの調査(第19条: 信頼性・有効性・経済性・安全性等の見地から)。 / An investigation of a system (第19条).' })
export class Investigation extends Node {
  @Field({ description: '調査の目的。 / What it looks into.' })
  purpose!: string;

  @Field(() => LocalDate, { description: '調査の開始日。 / The day it began.' })
  startedOn!: string;

  @Field(() => InvestigationStatus, { description: '状態(調査中・終了)。 / Open or closed.' })
  status!: InvestigationStatus;

  @Field(() => DateTime, { nullable: true, description: '終了日時(調査中は null)。 / When it was closed; null while open.' })
  closedAt?: string;

  @Field(() => Int, { description: '所見の件数。 / How many findings it has.' })
  findingCount!: number;

  @Field(() => Int, { description: '改善策の件数。 / How many improvement proposals it has.' })
  proposalCount!: number;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;
}

@ObjectType({ implements: [Node, Audited], description: '情報管理責任者への指導及び助言(第20条)。 / Guidance or advice to a department’s information manager (第20条).' })
export class Guidance extends Node {
  @Field(() => GuidanceKind, { description: '指導又は助言(第20条)。 / Guidance or advice.' })
  kind!: GuidanceKind;

  @Field({ description: '件名。 / Subject.' })
  subject!: string;

  @Field({ description: '内容。 / Content.' })
  content!: string;

  @Field(() => LocalDate, { description: '実施日。 / The day it was given.' })
  givenOn!: string;

  @Field(() => DateTime, { nullable: true, description: '情報管理責任者が受領を確認した日時。 / When the information manager acknowledged it.' })
  acknowledgedAt?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;
}

@ObjectType({ implements: [Node, Audited], description: '職員の研修(第21条)。 / A training session for the staff (第21条).' })
export class TrainingSession extends Node {
  @Field({ description: '研修の名称。 / The session’s title.' })
  title!: string;

  @Field({ description: '研修の内容(行政システムの利用に関し、第21条)。 / What it covers: the use of the systems.' })
  content!: string;

  @Field(() => LocalDate, { description: '実施日。 / The day it is held.' })
  heldOn!: string;

  @Field(() => Int, { description: '受講者数。 / How many attended.' })
  attendeeCount!: number;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;
}

export const InvestigationConnection = Connection(Investigation, 'Investigation', '調査');
export const InvestigationFindingConnection = Connection(
  InvestigationFinding,
  'InvestigationFinding',
  '所見',
  '所見の総数(調査の findingCount。所見と同じトランザクションで数える)。 / How many findings the investigation has: its findingCount, counted in the same transaction as each finding.',
);
export const ImprovementProposalConnection = Connection(ImprovementProposal, 'ImprovementProposal', '改善策');
export const GuidanceConnection = Connection(Guidance, 'Guidance', '指導・助言');
export const TrainingSessionConnection = Connection(TrainingSession, 'TrainingSession', '研修');

// ─── Inputs ─────────────────────────────────────────────────────────────────────────────────────────────────────

@InputType({ description: '調査の開始(情報システム管理者、第19条)。 / Start an investigation of a system.' })
export class StartInvestigationInput {
  @Field(() => ID, { description: '調査する行政システムのID。 / The id of the system to investigate.' })
  @MaxLength(500)
  systemId!: string;

  @Field({ description: '調査の目的。 / What it looks into.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  purpose!: string;

  @Field(() => LocalDate, { description: '調査の開始日。 / The day it begins.' })
  startedOn!: string;
}

@InputType({ description: '所見の記録(第19条)。 / Record a finding.' })
export class AddInvestigationFindingInput {
  @Field(() => ID, { description: '調査のID。 / The investigation’s id.' })
  @MaxLength(500)
  investigationId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => Perspective, { description: '調査の見地(第19条)。 / The standpoint (第19条).' })
  perspective!: Perspective;

  @Field({ description: '所見の内容。 / What was found.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  text!: string;
}

@InputType({ description: '改善策の提示(第19条)。 / Propose an improvement to a department.' })
export class AddImprovementProposalInput {
  @Field(() => ID, { description: '調査のID。 / The investigation’s id.' })
  @MaxLength(500)
  investigationId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field({ description: '改善策の内容。 / What is to be improved.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  text!: string;

  @Field(() => ID, { description: '改善策を実施する主管課。 / The department that is to act.' })
  @MaxLength(500)
  departmentId!: string;

  @Field(() => ID, { nullable: true, description: '対応する所見。 / The finding it answers.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  findingId?: string;

  @Field(() => LocalDate, { nullable: true, description: '期限(本日以降)。 / Due date, from today on.' })
  @IsOptional()
  dueOn?: string;
}

@InputType({ description: '改善策の実施報告(宛先の主管課の情報管理責任者)。 / Report a proposal carried out (the addressed department’s information manager).' })
export class ReportImprovementDoneInput {
  @Field(() => ID, { description: '調査のID。 / The investigation’s id.' })
  @MaxLength(500)
  investigationId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => ID, { description: '改善策ID(この調査の中で一意)。 / The proposal’s id within the investigation.' })
  @MaxLength(MAX_NAME)
  proposalId!: string;

  @Field({ description: '実施した内容。 / What was done.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  note!: string;
}

@InputType({ description: '実施報告の確認: 完了とするか、差し戻すか(情報システム管理者)。 / Accept a reported proposal as completed, or reopen it.' })
export class ReviewImprovementInput {
  @Field(() => ID, { description: '調査のID。 / The investigation’s id.' })
  @MaxLength(500)
  investigationId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => ID, { description: '改善策ID(この調査の中で一意)。 / The proposal’s id within the investigation.' })
  @MaxLength(MAX_NAME)
  proposalId!: string;

  @Field({ description: '完了とするか(true: 完了、false: 差戻し)。 / Accept it (true) or reopen it (false).' })
  @IsBoolean()
  accept!: boolean;
}

@InputType({ description: '調査の終了(改善策がすべて完了していること)。 / Close an investigation (every proposal completed).' })
export class CloseInvestigationInput {
  @Field(() => ID, { description: '調査のID。 / The investigation’s id.' })
  @MaxLength(500)
  investigationId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;
}

@InputType({ description: '指導及び助言(情報システム管理者、第20条)。 / Give guidance or advice to a department’s information manager.' })
export class GiveGuidanceInput {
  @Field(() => ID, { description: '相手方の主管課。 / The department guided.' })
  @MaxLength(500)
  departmentId!: string;

  @Field(() => GuidanceKind, { description: '指導又は助言(第20条)。 / Guidance or advice.' })
  kind!: GuidanceKind;

  @Field({ description: '件名。 / Subject.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  subject!: string;

  @Field({ description: '内容。 / Content.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  content!: string;

  @Field(() => LocalDate, { description: '実施日(本日以前)。 / The day given, not in the future.' })
  givenOn!: string;
}

@InputType({ description: '指導・助言の受領確認(当該主管課の情報管理責任者)。 / Acknowledge guidance received.' })
export class AcknowledgeGuidanceInput {
  @Field(() => ID, { description: '指導・助言のID。 / The guidance’s id.' })
  @MaxLength(500)
  guidanceId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;
}

@InputType({ description: '研修の実施予定(情報システム管理者、第21条)。 / Schedule a training session.' })
export class ScheduleTrainingInput {
  @Field({ description: '研修の名称。 / The session’s title.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  title!: string;

  @Field({ description: '研修の内容(行政システムの利用に関し、第21条)。 / What it covers: the use of the systems.' })
  @MaxLength(MAX_TEXT)
  content!: string;

  @Field(() => LocalDate, { description: '実施日。 / The day it is held.' })
  heldOn!: string;
}

@InputType({ description: '研修の受講者の記録(実施後、情報システム管理者)。 / Record who attended a training, once held.' })
export class RecordTrainingAttendanceInput {
  @Field(() => ID, { description: '研修のID。 / The training session’s id.' })
  @MaxLength(500)
  trainingId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => [ID], { description: '受講した職員(追加)。 / People who attended (added to those recorded).' })
  @ArrayMaxSize(MAX_LIST)
  @MaxLength(500, { each: true })
  attendeeIds!: string[];
}

// ─── Payloads ───────────────────────────────────────────────────────────────────────────────────────────────────

@ObjectType({ description: '調査の変更結果。 / The result of an investigation mutation.' })
export class InvestigationPayload {
  @Field(() => Investigation, { nullable: true, description: '変更後の調査(拒否されたときは null)。 / The investigation after the change; null when refused.' })
  investigation?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: '指導・助言の変更結果。 / The result of a guidance mutation.' })
export class GuidancePayload {
  @Field(() => Guidance, { nullable: true, description: '変更後の指導・助言(拒否されたときは null)。 / The guidance after the change; null when refused.' })
  guidance?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: '研修の変更結果。 / The result of a training mutation.' })
export class TrainingSessionPayload {
  @Field(() => TrainingSession, { nullable: true, description: '変更後の研修(拒否されたときは null)。 / The training session after the change; null when refused.' })
  training?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
