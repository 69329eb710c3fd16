/** 監査証跡 — the audit trail: who changed what, when, with the values before and after. */
import { Field, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { KINDS, KIND_NAMES, Kind } from '../functions/domain/kinds';
import { Connection, DateTime, JSONObject, Node } from './common';

/** The kinds of object, as declared once (functions/domain/kinds.ts): each value its own name. */
export const AuditedType = Object.fromEntries(KIND_NAMES.map((k) => [k, k])) as { [K in Kind]: K };
export type AuditedType = Kind;
registerEnumType(AuditedType, {
  name: 'AuditedType',
  description: '記録対象の種類。 / The kind of object changed.',
  valuesConfig: Object.fromEntries(KIND_NAMES.map((k) => [k, { description: `${KINDS[k].label}。 / ${k}.` }])),
});

@ObjectType({ implements: Node, description: '監査記録。変更と同一トランザクションで書かれる。 / One recorded change, written in the same transaction as the change.' })
export class AuditEvent extends Node {
  @Field(() => AuditedType, { description: '変更されたオブジェクトの種類。 / The kind of object changed.' })
  objectType!: AuditedType;

  @Field({ description: '操作(例: consultation.decided)。 / What happened.' })
  action!: string;

  @Field(() => DateTime, { description: '変更日時。 / When it happened.' })
  at!: string;

  @Field(() => String, { nullable: true, description: '根拠条文。 / The article the change was made under.' })
  article?: string;

  @Field(() => String, { nullable: true, description: '記録に残された説明。 / A note recorded with the change.' })
  note?: string;

  @Field(() => JSONObject, { description: '変更前の値(変更項目のみ)。 / Changed fields before.' })
  before!: Record<string, unknown>;

  @Field(() => JSONObject, { description: '変更後の値(変更項目のみ)。 / Changed fields after.' })
  after!: Record<string, unknown>;
}

export const AuditEventConnection = Connection(AuditEvent, 'AuditEvent', '監査記録');

@InterfaceType({
  implements: Node,
  description:
    '変更がすべて監査証跡に記録される対象(全種類)。`auditTrail` は一か所で解決される。 / An object whose every change is recorded in its audit trail: every kind of the register.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Audited extends Node {}
