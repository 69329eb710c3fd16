/** 台帳の書き出し — a register as an Excel or CSV file, downloaded by a browser from a signed link. */
import { ArgsType, Field, ID, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { LocalDate, MAX_NAME } from './common';
import { Network, SystemCategory, SystemOrderField, SystemStatus } from './systems';
import { OrderDirection } from './common';

export enum ExportRegister {
  systems = 'systems',
  datasets = 'datasets',
  dataUseGrants = 'dataUseGrants',
  externalProvisions = 'externalProvisions',
  mailAddresses = 'mailAddresses',
  operators = 'operators',
  serverRoomEntries = 'serverRoomEntries',
  virusIncidents = 'virusIncidents',
  auditTrail = 'auditTrail',
}
registerEnumType(ExportRegister, {
  name: 'ExportRegister',
  description: '書き出す台帳。 / The register to export.',
  valuesConfig: {
    systems: { description: '行政システム台帳。 / The register of systems.' },
    datasets: { description: 'データ及び利用承認(第13条・第14条)。 / Datasets with the grants in force.' },
    dataUseGrants: { description: 'データ利用承認一覧(第14条)。 / A department’s grants in force.' },
    externalProvisions: { description: 'データの外部提供及び協定(第15条)。 / External provisions with their agreements.' },
    mailAddresses: { description: '電子メールアドレス台帳(第28条)。 / Mail addresses.' },
    operators: { description: '操作職員等一覧(第12条)。 / Who operates each system.' },
    serverRoomEntries: { description: 'サーバ室入室記録(第16条)。 / Server-room entries.' },
    virusIncidents: { description: 'ウィルス事案一覧(第26条)。 / Virus incidents.' },
    auditTrail: { description: '監査証跡。 / The audit trail of an object or a person.' },
  },
});

export enum ExportFormat {
  xlsx = 'xlsx',
  csv = 'csv',
}
registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'ファイルの形式。 / The file format.',
  valuesConfig: {
    xlsx: { description: 'エクセルのブック(.xlsx)。 / An Excel workbook.' },
    csv: { description: 'カンマ区切りの文字データ(.csv、UTF-8、BOM 付きでエクセルが日本語のまま開く)。 / CSV in UTF-8 with a BOM, so Excel opens it in Japanese.' },
  },
});

export enum ExportDates {
  WAREKI = 'WAREKI',
  ISO = 'ISO',
}
registerEnumType(ExportDates, {
  name: 'ExportDates',
  description: '日付の書き方。 / How dates are written.',
  valuesConfig: {
    WAREKI: { description: '和暦(令和8年4月1日)。 / The Japanese era.' },
    ISO: { description: '西暦 ISO 8601(2026-04-01)。 / ISO 8601.' },
  },
});

@ArgsType()
export class ExportLinkArgs {
  @Field(() => ExportRegister, { description: '書き出す台帳。 / The register.' })
  register!: ExportRegister;

  @Field(() => ExportFormat, { description: 'ファイルの形式。 / The format.' })
  format!: ExportFormat;

  @Field(() => ExportDates, { defaultValue: ExportDates.WAREKI, description: '日付の書き方(既定は和暦)。 / How dates are written (the Japanese era unless asked).' })
  dates!: ExportDates;

  @Field(() => ID, { nullable: true, description: '主管課(その課の台帳)。 / The department, for a register of one.' })
  departmentId?: string;

  @Field(() => ID, { nullable: true, description: '監査証跡の対象のオブジェクト。 / The object, for an audit trail.' })
  objectId?: string;

  @Field(() => ID, { nullable: true, description: '監査証跡の操作した職員。 / The person who acted, for an audit trail.' })
  personId?: string;

  @Field(() => [SystemStatus], { nullable: true, description: '行政システム台帳: 段階(いずれか)。 / Systems: any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(4)
  status?: SystemStatus[];

  @Field(() => SystemCategory, { nullable: true, description: '行政システム台帳: 区分。 / Systems: the category.' })
  category?: SystemCategory;

  @Field(() => Network, { nullable: true, description: '行政システム台帳: ネットワーク。 / Systems: the network.' })
  network?: Network;

  @Field({ nullable: true, description: '行政システム台帳: 名称の一部。 / Systems: part of the name.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  text?: string;

  @Field(() => SystemOrderField, { nullable: true, description: '行政システム台帳: 並び順。 / Systems: the order.' })
  orderBy?: SystemOrderField;

  @Field(() => OrderDirection, { nullable: true, description: '行政システム台帳: 並びの向き。 / Systems: which way.' })
  direction?: OrderDirection;

  @Field(() => LocalDate, { nullable: true, description: '監査証跡・サーバ室入室記録: この日以降。 / Audit trail, server-room entries: on or after this day.' })
  from?: string;

  @Field(() => LocalDate, { nullable: true, description: '監査証跡・サーバ室入室記録: この日以前(当日を含む)。 / Audit trail, server-room entries: on or before this day.' })
  until?: string;
}
