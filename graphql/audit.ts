/** 監査証跡 — the audit trail: who changed what, when, with the values before and after. */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, DateTime, JSONObject, Node } from './common';

export enum AuditedType {
  Department = 'Department',
  Person = 'Person',
  System = 'System',
  Consultation = 'Consultation',
  Dataset = 'Dataset',
  DataUseApplication = 'DataUseApplication',
  ExternalProvision = 'ExternalProvision',
  OutsourcingContract = 'OutsourcingContract',
  HomepageCategory = 'HomepageCategory',
  HomepagePage = 'HomepagePage',
  TopPageLinkRequest = 'TopPageLinkRequest',
  TopPageLink = 'TopPageLink',
  MailAddress = 'MailAddress',
  MailAddressApplication = 'MailAddressApplication',
  OperatorReport = 'OperatorReport',
  OperatorDesignation = 'OperatorDesignation',
  WorkingCalendar = 'WorkingCalendar',
  ServiceInterruption = 'ServiceInterruption',
  ServerRoom = 'ServerRoom',
  ServerRoomAuthorization = 'ServerRoomAuthorization',
  ServerRoomEntry = 'ServerRoomEntry',
  PasswordRecord = 'PasswordRecord',
  ProhibitedActException = 'ProhibitedActException',
  DeviceFinding = 'DeviceFinding',
  VirusIncident = 'VirusIncident',
  Investigation = 'Investigation',
  Guidance = 'Guidance',
  TrainingSession = 'TrainingSession',
  CommitteeMeeting = 'CommitteeMeeting',
  WorkingGroup = 'WorkingGroup',
  Notice = 'Notice',
}
registerEnumType(AuditedType, { name: 'AuditedType', description: '記録対象の種類。 / The kind of object changed.' });

@ObjectType({ implements: Node, description: '監査記録。変更と同一トランザクションで書かれる。 / One recorded change, written in the same transaction as the change.' })
export class AuditEvent extends Node {
  @Field(() => AuditedType)
  objectType!: AuditedType;

  @Field({ description: '操作(例: consultation.decided)。 / What happened.' })
  action!: string;

  @Field(() => DateTime)
  at!: string;

  @Field(() => String, { nullable: true, description: '根拠条文。 / The article the change was made under.' })
  article?: string;

  @Field(() => String, { nullable: true })
  note?: string;

  @Field(() => JSONObject, { description: '変更前の値(変更項目のみ)。 / Changed fields before.' })
  before!: Record<string, unknown>;

  @Field(() => JSONObject, { description: '変更後の値(変更項目のみ)。 / Changed fields after.' })
  after!: Record<string, unknown>;
}

export const AuditEventConnection = Connection(AuditEvent, 'AuditEvent', '監査記録');
