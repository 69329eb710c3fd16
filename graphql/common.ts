/**
 * What every area shares: the `Node` interface with opaque global ids, Relay connections, and `UserError`,
 * the refusal of a rule with the article it cites.
 */
import { ArgsType, ClassType, Field, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO, GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';

/** A scalar of graphql-scalars with its description in Japanese first. */
const described = (scalar: GraphQLScalarType, description: string) => new GraphQLScalarType({ ...scalar.toConfig(), description });

export const DateTime = described(
  GraphQLDateTimeISO,
  '日時(ISO 8601、UTC、例: 2026-12-02T05:00:00.000Z)。画面では和暦・日本時間で示す。 / An instant, ISO 8601 in UTC (e.g. 2026-12-02T05:00:00.000Z).',
);
export const LocalDate = described(GraphQLLocalDate, '日付(YYYY-MM-DD、日本時間の暦日)。 / A calendar date, YYYY-MM-DD, as the city’s calendar reads it.');
export const JSONObject = described(GraphQLJSONObject, '値の組(JSON オブジェクト、変更前後の値など)。 / A JSON object (the values before and after a change, say).');

/** Longest free text accepted in any input (a form's body). */
export const MAX_TEXT = 4000;
/** Longest name, title or reference. */
export const MAX_NAME = 200;
/** Most items in any list input. */
export const MAX_LIST = 50;
/** Largest page. */
export const MAX_PAGE = 100;

@InterfaceType({
  description: 'グローバルIDで取得できるオブジェクト。 / An object with an opaque global id, fetchable by `node(id)`.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'グローバルID(不透明)。 / Opaque global id.' })
  id!: string;
}

@ObjectType({ description: 'ページ情報。 / Where a page of a connection stands.' })
export class PageInfo {
  @Field({ description: '次のページがあるか。 / Whether more items follow.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: '次のページの開始位置(`after` に渡す)。 / Pass as `after` to read on.' })
  endCursor?: string;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

/** A Relay connection of `T` (`edges { cursor node }`, `nodes`, `pageInfo`). */
export function Connection<T extends object>(nodeClass: ClassType<T> | (abstract new () => T), name: string, japanese: string) {
  @ObjectType(`${name}Edge`, { description: `${japanese}の辺。 / An edge to a ${name}.` })
  class Edge {
    @Field({ description: 'この項目の位置。 / Where this item stands.' })
    cursor!: string;

    @Field(() => nodeClass, { description: `${japanese}。 / The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `${japanese}の一覧(ページ単位)。 / A page of ${name} items.` })
  class ConnectionClass {
    @Field(() => [Edge], { description: 'このページの項目と位置(cursor)。 / The items of this page, each with its cursor.' })
    edges!: Edge[];

    @Field(() => [nodeClass], { description: 'このページの項目。 / The items of this page.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: '次のページの有無と続きの位置。 / Whether another page follows, and where.' })
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

/** Builds a connection from a page read from the store. Item cursors are only needed at the page's end. */
export function connection<T>(page: { nodes: T[]; endCursor?: string }): ConnectionShape<T> {
  const last = page.endCursor ?? '';
  return {
    nodes: page.nodes,
    edges: page.nodes.map((node, i) => ({ node, cursor: i === page.nodes.length - 1 ? last : '' })),
    pageInfo: { hasNextPage: page.endCursor !== undefined, endCursor: page.endCursor },
  };
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { description: `取得件数(1〜${MAX_PAGE}、必須)。 / How many to read (1–${MAX_PAGE}, required).` })
  @Min(1)
  @Max(MAX_PAGE)
  first!: number;

  @Field(() => String, { nullable: true, description: '前のページの `endCursor`。 / The `endCursor` of the page before.' })
  @IsOptional()
  @MaxLength(1000)
  after?: string;
}

export enum UserErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  WRONG_DEPARTMENT = 'WRONG_DEPARTMENT',
  SELF_DECISION = 'SELF_DECISION',
  INVALID_STATE = 'INVALID_STATE',
  ALREADY_DECIDED = 'ALREADY_DECIDED',
  STALE_VERSION = 'STALE_VERSION',
  MISSING_PURPOSE = 'MISSING_PURPOSE',
  INVALID_VALUE = 'INVALID_VALUE',
  NOT_EXEMPT = 'NOT_EXEMPT',
  INVALID_CONNECTION = 'INVALID_CONNECTION',
  OVERRIDE_AGREEMENT_REQUIRED = 'OVERRIDE_AGREEMENT_REQUIRED',
  DUPLICATE = 'DUPLICATE',
  OWN_DEPARTMENT = 'OWN_DEPARTMENT',
  AGREEMENT_INCOMPLETE = 'AGREEMENT_INCOMPLETE',
  CONTRACT_INCOMPLETE = 'CONTRACT_INCOMPLETE',
  NOT_IN_ADVANCE = 'NOT_IN_ADVANCE',
  NOT_ON_TOP_PAGE = 'NOT_ON_TOP_PAGE',
  QUORUM_NOT_MET = 'QUORUM_NOT_MET',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: '規程等により操作が拒否された理由。 / Why a rule refused the action.',
  valuesConfig: {
    NOT_FOUND: { description: '対象が見つからない。 / The object does not exist.' },
    FORBIDDEN: { description: 'この役割では行えない。 / The viewer does not hold the role the regulation names.' },
    WRONG_DEPARTMENT: { description: '他の主管課の事務。 / The action belongs to another department.' },
    SELF_DECISION: { description: '自らの申請は決裁できない。 / No one decides their own application.' },
    INVALID_STATE: { description: '現在の状態では行えない。 / Not possible in the current state.' },
    ALREADY_DECIDED: { description: '既に決裁済み。 / Already decided.' },
    STALE_VERSION: { description: '他の操作で更新済み。再読込が必要。 / Changed since read; reload.' },
    MISSING_PURPOSE: { description: '第6条の目的がない。 / No purpose of 第6条.' },
    INVALID_VALUE: { description: '入力値が不正。 / A value is not acceptable.' },
    NOT_EXEMPT: { description: '第8条ただし書の対象外。 / Not exempt under 第8条.' },
    INVALID_CONNECTION: { description: '第9条の接続に当たらない。 / Not a connection under 第9条.' },
    OVERRIDE_AGREEMENT_REQUIRED: { description: '第10条第3項・第23条第3項の協議の記録が必要。 / The override needs its recorded agreement.' },
    DUPLICATE: { description: '既に存在する。 / Already exists.' },
    OWN_DEPARTMENT: { description: '自課のデータには申請不要(第14条)。 / A department does not apply for its own data.' },
    AGREEMENT_INCOMPLETE: { description: '協定書等に第15条第4項の条件が欠けている。 / The agreement lacks a condition of 第15条第4項.' },
    CONTRACT_INCOMPLETE: { description: '契約書に個人情報保護の事項がない(第22条)。 / The contract lacks its personal-information clause.' },
    NOT_IN_ADVANCE: { description: 'あらかじめ行うべき手続が間に合っていない(第11条第1項第1号、第12条第2項、第27条第4項第4号、第28条)。 / What the regulation requires in advance (あらかじめ) came too late.' },
    NOT_ON_TOP_PAGE: { description: 'トップページにそのリンクはない(第27条第4項第4号)。 / The top page has no such link to release.' },
    QUORUM_NOT_MET: { description: '委員の半数以上が出席していない(第33条第4項)。 / Fewer than half of the committee members are present.' },
  },
});

@ObjectType({
  description:
    '業務ルールによる拒否。`article` は根拠条文。 / A business rule refused the mutation; `article` cites the regulation. Nothing was written.',
})
export class UserError {
  @Field(() => [String], { nullable: true, description: '原因となった入力項目。 / The input field at fault.' })
  field?: string[];

  @Field(() => UserErrorCode, { description: '拒否の理由の種類。 / Why it was refused, as a code.' })
  code!: UserErrorCode;

  @Field({ description: '説明。 / What went wrong, for a person.' })
  message!: string;

  @Field(() => String, { nullable: true, description: '根拠条文(例: 第15条第4項)。 / The article of the regulation.' })
  article?: string;
}

