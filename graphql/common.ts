/**
 * What every area shares: the `Node` interface with opaque global ids, Relay connections, and `UserError`,
 * the refusal of a rule with the article it cites.
 */
import { ArgsType, ClassType, Field, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO, GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';

/** A scalar of graphql-scalars with its description in Japanese first. */
const described = (scalar: GraphQLScalarType, description: string, specifiedByURL?: string) =>
  new GraphQLScalarType({ ...scalar.toConfig(), description, ...(specifiedByURL ? { specifiedByURL } : {}) });

export const DateTime = described(
  GraphQLDateTimeISO,
  '日時(ISO 8601、UTC、例: 2026-12-02T05:00:00.000Z)。画面では和暦・日本時間で示す。 / An instant, ISO 8601 in UTC (e.g. 2026-12-02T05:00:00.000Z).',
  'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
);
export const LocalDate = described(
  GraphQLLocalDate,
  '日付(YYYY-MM-DD、日本時間の暦日)。 / A calendar date, YYYY-MM-DD, as the city’s calendar reads it.',
  'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
);
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

@ObjectType({
  description:
    'ページ情報(Relay の PageInfo)。 / Where a page of a connection stands, as the Relay cursor connections specification has it.',
})
export class PageInfo {
  @Field({
    description:
      '後ろに続く項目があるか。`first` で読んだときは上限まで読んで止まったとき true(続きが空のこともある)。`last` で読んだときは `before` を指定していれば true。 / Whether items follow. Reading `first`: true when the read stopped at the limit (the next page may turn out empty). Reading `last`: true when `before` was given (its item follows).',
  })
  hasNextPage!: boolean;

  @Field({
    description:
      '前にある項目があるか。`last` で読んだときは上限まで読んで止まったとき true(前のページが空のこともある)。`first` で読んだときは `after` を指定していれば true。 / Whether items precede. Reading `last`: true when the read stopped at the limit (the page before may turn out empty). Reading `first`: true when `after` was given (its item precedes).',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'このページの最初の位置(`before` に渡すと前のページ)。何も読まなかったときは null。 / Where this page starts (the first edge’s cursor, or of the first item read when a rule left it out): pass as `before` to read the page before. Null when nothing was read.' })
  startCursor?: string;

  @Field(() => String, { nullable: true, description: 'このページの最後の位置(`after` に渡すと次のページ)。何も読まなかったときは null。 / Where this page ends (the last edge’s cursor, or of the last item read when a rule left it out): pass as `after` to read on. Null when nothing was read.' })
  endCursor?: string;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount?: number;
}

/**
 * A Relay connection of `T` (`edges { cursor node }`, `nodes`, `pageInfo`). `totalCount`: how the count is had, when it
 * is had cheaply and exactly (a counter on the parent record, written in the same transaction as each item): the
 * connection then has `totalCount: Int!`, described with it. Lists counted no such way have no `totalCount`.
 */
export function Connection<T extends object>(nodeClass: ClassType<T> | (abstract new () => T), name: string, japanese: string, totalCount?: string) {
  @ObjectType(`${name}Edge`, { description: `${japanese}の辺。 / An edge to a ${name}.` })
  class Edge {
    @Field({ description: 'この項目の位置(不透明)。`after` に渡すとこの次から、`before` に渡すとこの前までを読む。 / This item’s opaque cursor: `after` it reads on from the next item, `before` it reads the items before it.' })
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

    @Field(() => PageInfo, { description: '前後のページの有無と位置。 / Whether pages precede and follow, and where this one starts and ends.' })
    pageInfo!: PageInfo;

    totalCount?: number;
  }
  if (totalCount) Field(() => Int, { description: totalCount })(ConnectionClass.prototype, 'totalCount');
  return ConnectionClass;
}

/** What is wrong with a page's arguments, Japanese then English; undefined when they make one page. */
export function pageArgumentsProblem(args: { first?: number; last?: number; after?: string; before?: string }): readonly [string, string] | undefined {
  const forward = args.first !== undefined && args.first !== null;
  const backward = args.last !== undefined && args.last !== null;
  if (forward && backward) return PAGE_ARGUMENT_PROBLEMS.both;
  if (!forward && !backward) return PAGE_ARGUMENT_PROBLEMS.neither;
  if (forward && args.before !== undefined && args.before !== null) return PAGE_ARGUMENT_PROBLEMS.beforeWithFirst;
  if (backward && args.after !== undefined && args.after !== null) return PAGE_ARGUMENT_PROBLEMS.afterWithLast;
  return undefined;
}

export const PAGE_ARGUMENT_PROBLEMS = {
  both: ['first と last はどちらか一方だけを指定してください。', 'Give first or last, not both.'],
  neither: ['first(先頭から読む件数)か last(末尾から読む件数)のどちらかを指定してください。', 'Give first (how many from the start) or last (how many from the end).'],
  beforeWithFirst: ['before は last と共に指定してください(first と共には after)。', 'before goes with last (after goes with first).'],
  afterWithLast: ['after は first と共に指定してください(last と共には before)。', 'after goes with first (before goes with last).'],
} as const satisfies Record<string, readonly [string, string]>;

/** class-validator's check of the page arguments together. */
@ValidatorConstraint({ name: 'pageArguments' })
class PageArguments implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    return pageArgumentsProblem(args.object as PageArgs) === undefined;
  }
  defaultMessage(args: ValidationArguments): string {
    return pageArgumentsProblem(args.object as PageArgs)?.[1] ?? '';
  }
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `先頭から読む件数(1〜${MAX_PAGE})。first か last のどちらか一方が必須。 / How many to read from the start or from \`after\` (1–${MAX_PAGE}); give exactly one of first and last.`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'この位置(辺の cursor)の次から読む。first と共に。 / Read on after this edge’s cursor; with `first`.' })
  @IsOptional()
  @MaxLength(1000)
  after?: string;

  @Field(() => Int, {
    nullable: true,
    description: `末尾から(before の前から)読む件数(1〜${MAX_PAGE})。項目は一覧の順に返る。 / How many to read from the end or before \`before\` (1–${MAX_PAGE}); returned in the list’s own order.`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE)
  last?: number;

  @Field(() => String, { nullable: true, description: 'この位置(辺の cursor)の前までを読む。last と共に。 / Read the items before this edge’s cursor; with `last`.' })
  @IsOptional()
  @MaxLength(1000)
  before?: string;

  /**
   * Not an argument: where class-validator checks the four together. type-graphql skips a property the client did
   * not send, so the check sits on one that is always there (and names `firstOrLast` in what the client is told).
   */
  @Validate(PageArguments)
  readonly firstOrLast = true;
}

@ArgsType()
export class PeriodArgs {
  @Field(() => LocalDate, { nullable: true, description: 'この日(日本時間)以降のものだけ。 / Only those on or after this day (Japan time).' })
  from?: string;

  @Field(() => LocalDate, { nullable: true, description: 'この日(日本時間)以前のものだけ(当日を含む)。 / Only those on or before this day (Japan time), the day included.' })
  until?: string;
}

/** Which way a list runs in the order asked for. */
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: '並び順の向き。 / Which way an order runs.',
  valuesConfig: {
    ASC: { description: '昇順(古い順・五十音順など)。 / Ascending: oldest or A first.' },
    DESC: { description: '降順(新しい順など)。 / Descending: newest or Z first.' },
  },
});

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

