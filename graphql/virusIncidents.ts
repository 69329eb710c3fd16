/** コンピュータウィルス対策 (第26条): an infected or suspect device, and the duty that follows, step by step. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Connection, DateTime, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { EquipmentIdField } from './equipment';
import { Audited } from './audit';

export enum VirusIncidentStep {
  DISCONNECTED = 'DISCONNECTED',
  REPORTED = 'REPORTED',
  RECOVERY_REQUESTED = 'RECOVERY_REQUESTED',
  VIRUS_REMOVED = 'VIRUS_REMOVED',
  OTHERS_NOTIFIED = 'OTHERS_NOTIFIED',
}
registerEnumType(VirusIncidentStep, {
  name: 'VirusIncidentStep',
  description: '第26条の手順(この順に行う)。 / The steps of 第26条, in their order.',
  valuesConfig: {
    DISCONNECTED: { description: 'ネットワークからの切離し(第26条第3項)。 / Disconnected from the network.' },
    REPORTED: { description: '情報システム管理者への報告(第26条第3項)。 / Reported to the system administrator.' },
    RECOVERY_REQUESTED: { description: '復旧の依頼(第26条第3項)。 / Recovery requested.' },
    VIRUS_REMOVED: { description: 'ウィルスの駆除(第26条第4項、指定された情報管理責任者)。 / Virus removed (the designated manager).' },
    OTHERS_NOTIFIED: { description: '他の情報管理責任者への周知(第26条第4項、必要がある場合)。 / Other managers told, where needed.' },
  },
});

export enum PersonalInformationImpact {
  AFFECTED = 'AFFECTED',
  NOT_AFFECTED = 'NOT_AFFECTED',
  UNDER_INVESTIGATION = 'UNDER_INVESTIGATION',
}
registerEnumType(PersonalInformationImpact, {
  name: 'PersonalInformationImpact',
  description: '個人情報への影響。 / Whether personal information was affected.',
  valuesConfig: {
    AFFECTED: { description: '影響あり。 / Affected.' },
    NOT_AFFECTED: { description: '影響なし。 / Not affected.' },
    UNDER_INVESTIGATION: { description: '調査中。 / Not yet known.' },
  },
});

export enum VirusIncidentStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(VirusIncidentStatus, {
  name: 'VirusIncidentStatus',
  description: '事案の状態。 / Whether the incident is open.',
  valuesConfig: {
    OPEN: { description: '対応中。 / Open.' },
    CLOSED: { description: '終結(全手順完了)。 / Closed, every step done.' },
  },
});

@ObjectType({ description: '記録された手順。 / A step as recorded.' })
export class VirusIncidentStepRecord {
  @Field(() => VirusIncidentStep, { description: '手順(第26条第3項・第4項)。 / The step.' })
  step!: VirusIncidentStep;

  @Field(() => DateTime, { description: '行った日時。 / When it was done.' })
  at!: string;

  @Field(() => String, { nullable: true, description: '備考(周知が不要ならその理由)。 / Note (why no notice is needed, if so).' })
  note?: string;

  @Field(() => Boolean, { description: '周知は不要と判断した(OTHERS_NOTIFIED のみ)。 / Notice found not needed (OTHERS_NOTIFIED only).' })
  notNeeded!: boolean;
}

@ObjectType({ description: '外部への報告の判断。 / The decision on reporting outside the city.' })
export class OutsideReportDecision {
  @Field({ description: '報告するか。 / Whether to report.' })
  report!: boolean;

  @Field({ description: '判断の理由。 / The reason for the decision.' })
  reason!: string;

  @Field(() => DateTime, { description: '判断した日時。 / When it was decided.' })
  decidedAt!: string;
}

@ObjectType({
  implements: [Node, Audited],
  description:
    'コンピュータウィルスの感染又はその疑いの事案(第26条)。 / A device infected, or suspected to be, by a computer virus, and the duty of 第26条.',
})
export class VirusIncident extends Node {
  @Field({ description: '電子計算機器。 / The device.' })
  device!: string;

  @Field(() => DateTime, { description: '発見日時。 / When it was detected.' })
  detectedAt!: string;

  @Field({ description: '疑いにとどまるか。 / Suspected, not confirmed.' })
  suspected!: boolean;

  @Field({ description: '状況。 / What happened.' })
  description!: string;

  @Field(() => PersonalInformationImpact, { description: '個人情報への影響(判断前は調査中)。 / Whether personal information was affected (UNDER_INVESTIGATION until assessed).' })
  personalInformation!: PersonalInformationImpact;

  @Field(() => OutsideReportDecision, { nullable: true, description: '外部への報告の判断(影響ありの場合、判断前は空)。 / The decision on reporting outside, once made (when affected).' })
  outsideReport?: OutsideReportDecision;

  @Field(() => VirusIncidentStatus, { description: '事案の状態。 / Whether it is open.' })
  status!: VirusIncidentStatus;

  @Field(() => DateTime, { nullable: true, description: '終結日時。 / When it was closed.' })
  closedAt?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;
}

export const VirusIncidentConnection = Connection(VirusIncident, 'VirusIncident', 'ウィルス事案');

// ─── Inputs ─────────────────────────────────────────────────────────────────────────────────────────────────────

@InputType({ description: '感染(疑い)の記録(業務を所管する情報管理責任者、第26条第3項)。 / Report an infection or suspicion (the information manager in charge).' })
export class ReportVirusIncidentInput {
  @Field(() => ID, { description: '感染(疑い)のある行政システム。 / The system affected.' })
  @MaxLength(500)
  systemId!: string;

  @Field({ description: '電子計算機器。 / The device.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  device!: string;

  @EquipmentIdField('電子計算機器の台帳にある機器(このシステムのもの、第2条第8号)。 / The device in the register of equipment (of this system).')
  equipmentId?: string;

  @Field(() => DateTime, { nullable: true, description: '発見日時(既定は現在)。 / When detected (default now).' })
  @IsOptional()
  detectedAt?: Date;

  @Field({ description: '疑いにとどまるか。 / Suspected, not confirmed.' })
  suspected!: boolean;

  @Field({ description: '状況。 / What happened.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  description!: string;
}

@InputType({ description: '駆除を行う情報管理責任者の指定(情報システム管理者、第26条第4項)。 / Designate who removes the virus (the system administrator).' })
export class DesignateVirusRemovalManagerInput {
  @Field(() => ID, { description: 'ウィルス事案。 / The incident.' })
  @MaxLength(500)
  incidentId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => ID, { description: '情報管理責任者。 / An information manager.' })
  @MaxLength(500)
  managerId!: string;
}

@InputType({ description: '次の手順の記録。 / Record the next step.' })
export class RecordVirusIncidentStepInput {
  @Field(() => ID, { description: 'ウィルス事案。 / The incident.' })
  @MaxLength(500)
  incidentId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => VirusIncidentStep, { description: '記録する手順(次に行う手順に限る)。 / The step, which must be the one due next.' })
  step!: VirusIncidentStep;

  @Field(() => DateTime, { nullable: true, description: '行った日時(既定は現在)。 / When it was done (default now).' })
  @IsOptional()
  at?: Date;

  @Field(() => String, { nullable: true, description: '備考(周知が不要ならその理由)。 / Note (why no notice is needed, if so).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  note?: string;

  @Field(() => Boolean, { nullable: true, description: '周知が不要(OTHERS_NOTIFIED のみ、理由を note に)。 / No notice needed (OTHERS_NOTIFIED only; say why in note).' })
  @IsOptional()
  notNeeded?: boolean;
}

@InputType({ description: '個人情報への影響の判断。 / Assess whether personal information was affected.' })
export class AssessVirusIncidentPersonalInformationInput {
  @Field(() => ID, { description: 'ウィルス事案。 / The incident.' })
  @MaxLength(500)
  incidentId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => PersonalInformationImpact, { description: '個人情報への影響。 / Whether personal information was affected.' })
  impact!: PersonalInformationImpact;

  @Field(() => Boolean, { nullable: true, description: '外部に報告するか(AFFECTED の場合)。 / Whether to report outside (when affected).' })
  @IsOptional()
  reportOutside?: boolean;

  @Field(() => String, { nullable: true, description: '判断の理由。 / The reason for the decision.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  reason?: string;
}

@InputType({ description: '事案の終結(情報システム管理者、全手順の完了後)。 / Close the incident (the system administrator, every step done).' })
export class CloseVirusIncidentInput {
  @Field(() => ID, { description: '終結するウィルス事案。 / The incident to close.' })
  @MaxLength(500)
  incidentId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;
}

@ObjectType({ description: 'ウィルス事案の変更結果。 / The result of a mutation on a virus incident.' })
export class VirusIncidentPayload {
  @Field(() => VirusIncident, { nullable: true, description: '変更後のウィルス事案(拒否されたときは空)。 / The incident as changed; empty when refused.' })
  incident?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
