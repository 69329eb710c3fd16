/** 主管課・職員・役割 — departments, people and roles (第2条第1号, 第3条–第5条, 第12条, 第27条, 第32条). */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsEmail, IsOptional, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_NAME, Node, UserError } from './common';
import { Audited } from './audit';

/** The longest mail address (RFC 5321: 254 characters on the path). */
export const MAX_EMAIL = 254;

export enum Role {
  GENERAL_MANAGER = 'GENERAL_MANAGER',
  SYSTEM_ADMINISTRATOR = 'SYSTEM_ADMINISTRATOR',
  INFORMATION_MANAGER = 'INFORMATION_MANAGER',
  HOMEPAGE_OPERATIONS_MANAGER = 'HOMEPAGE_OPERATIONS_MANAGER',
  HOMEPAGE_SYSTEM_MANAGER = 'HOMEPAGE_SYSTEM_MANAGER',
  FINANCE_HEAD = 'FINANCE_HEAD',
  STAFF = 'STAFF',
}
registerEnumType(Role, {
  name: 'Role',
  description: '規程が定める役割。 / A role the regulation names.',
  valuesConfig: {
    GENERAL_MANAGER: { description: '総括管理責任者(副市長、第3条)。委員会の委員長。 / General manager (deputy mayor); chairs the committee.' },
    SYSTEM_ADMINISTRATOR: { description: '情報システム管理者(総務部長、第4条)。 / System administrator (director of General Affairs).' },
    INFORMATION_MANAGER: { description: '情報管理責任者(各主管課の長、第5条)。ホームページ情報管理者を兼ねる。 / Information manager of one department.' },
    HOMEPAGE_OPERATIONS_MANAGER: { description: 'ホームページ運用管理者(総務課長、第27条第2項)。 / Homepage operations manager.' },
    HOMEPAGE_SYSTEM_MANAGER: { description: 'ホームページシステム管理者(デジタル推進課長、第27条第3項)。第10条第3項・第23条第3項の協議ではデジタル推進課長として加わる。 / Homepage system manager (the head of Digital Promotion).' },
    FINANCE_HEAD: { description: '財政課長。第10条第3項・第23条第3項の協議に加わる。 / Head of the Finance Section; a party to an override agreement.' },
    STAFF: { description: '職員等(臨時職員・委託職員を含む、第12条)。 / Staff, including temporary and contract staff.' },
  },
});

@ObjectType({ implements: [Node, Audited], description: '主管課(第2条第1号)。 / A department in charge (section or office).' })
export class Department extends Node {
  @Field({ description: '課コード(例: shimin)。 / Short code, e.g. `shimin`.' })
  code!: string;

  @Field({ description: '名称(例: 市民課)。 / Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: '所属する部(例: 市民経済部)。 / The division it belongs to.' })
  division?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;

  @Field(() => DateTime, { description: '最終更新日時。 / When it last changed.' })
  updatedAt!: string;
}

@ObjectType({ description: '役割の割当て(有効期間付き)。 / A role held by a person over a period.' })
export class RoleAssignment {
  @Field(() => ID, { description: '割当てID。 / Assignment id.' })
  assignmentId!: string;

  @Field(() => Role, { description: '役割。 / The role.' })
  role!: Role;

  @Field(() => LocalDate, { description: '開始日(この日を含む)。 / First day (inclusive).' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: '終了日(この日を含む)。空欄は期限なし。 / Last day (inclusive); open-ended when null.' })
  validUntil?: string;

  @Field(() => String, { nullable: true, description: '職務代理の理由(職務代理のときのみ)。 / Why the person acts for the holder (acting designations only).' })
  reason?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;
}

@ObjectType({ implements: [Node, Audited], description: '職員。 / A person on the city staff.' })
export class Person extends Node {
  @Field({ description: 'サインイン名(トークンの username)。 / Sign-in name, the `username` of their token.' })
  personId!: string;

  @Field({ description: '氏名。 / Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: '職名(例: 市民課長)。 / Title, e.g. 市民課長.' })
  title?: string;

  @Field(() => String, {
    nullable: true,
    description: 'メールアドレス(通知をメールで送る宛先。未登録なら通知は API でのみ読める)。 / Mail address, where notices are mailed; without one, notices are read in the API only.',
  })
  email?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;
}

export const DepartmentConnection = Connection(Department, 'Department', '主管課');
export const PersonConnection = Connection(Person, 'Person', '職員');

@InputType({ description: '主管課の登録。 / A new department.' })
export class CreateDepartmentInput {
  @Field({ description: '課コード(英小文字・数字・ハイフン)。 / Code: lower-case letters, digits, hyphens.' })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/)
  code!: string;

  @Field({ description: '名称(例: 市民課)。 / Name.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  name!: string;

  @Field(() => String, { nullable: true, description: '所属する部(例: 市民経済部)。 / The division it belongs to.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  division?: string;
}

@InputType({ description: '主管課の名称変更等。 / Rename a department or move it to another division.' })
export class UpdateDepartmentInput {
  @Field(() => ID, { description: '対象の主管課。 / The department.' })
  @MaxLength(500)
  departmentId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '新しい名称(省略時は変更なし)。 / New name; unchanged when omitted.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_NAME)
  name?: string;

  @Field(() => String, { nullable: true, description: '所属する部(省略時は変更なし)。 / The division; unchanged when omitted.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  division?: string;
}

@InputType({ description: '職員の登録。 / A new person.' })
export class CreatePersonInput {
  @Field({ description: 'サインイン名(Cognito のユーザー名と同じ)。 / Sign-in name (the Cognito username).' })
  @Matches(/^[a-z][a-z0-9.-]{1,63}$/)
  personId!: string;

  @Field({ description: '氏名。 / Name.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  name!: string;

  @Field(() => String, { nullable: true, description: '職名(例: 市民課長)。 / Title, e.g. 市民課長.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  title?: string;

  @Field(() => ID, { description: '所属する主管課。 / Their department.' })
  @MaxLength(500)
  departmentId!: string;

  @Field(() => String, { nullable: true, description: 'メールアドレス(通知の宛先)。 / Mail address, where notices are mailed.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(MAX_EMAIL)
  email?: string;
}

@InputType({ description: '職員の氏名・職名・メールアドレスの変更。 / Change a person’s name, title or mail address.' })
export class UpdatePersonInput {
  @Field(() => ID, { description: '対象の職員。 / The person.' })
  @MaxLength(500)
  personId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '新しい氏名(省略時は変更なし)。 / New name; unchanged when omitted.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_NAME)
  name?: string;

  @Field(() => String, { nullable: true, description: '職名(省略時は変更なし、空文字で削除)。 / Title; unchanged when omitted, removed when empty.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  title?: string;

  @Field(() => String, {
    nullable: true,
    description: 'メールアドレス(省略時は変更なし、空文字で削除)。 / Mail address; unchanged when omitted, removed when empty.',
  })
  @ValidateIf((input: UpdatePersonInput) => input.email !== undefined && input.email !== null && input.email !== '')
  @IsEmail()
  @MaxLength(MAX_EMAIL)
  email?: string;
}

@InputType({ description: '役割の割当て。 / Give a person a role from a date.' })
export class AssignRoleInput {
  @Field(() => ID, { description: '役割を割り当てる職員。 / The person.' })
  @MaxLength(500)
  personId!: string;

  @Field(() => Role, { description: '割り当てる役割。 / The role.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: '情報管理責任者・職員等は主管課を指定。 / Required for department roles.' })
  @IsOptional()
  @MaxLength(500)
  departmentId?: string;

  @Field(() => LocalDate, { description: '開始日(この日を含む)。 / First day (inclusive).' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: '終了日(この日を含む)。省略時は期限なし。 / Last day (inclusive); open-ended when omitted.' })
  @IsOptional()
  validUntil?: string;
}

@InputType({
  description:
    '職務代理者の指定(職務代理・代決)。役割の保有者本人又は情報システム管理者が行う。 / Designate a person to act for the holder of a role over a period (by the holder, or the system administrator).',
})
export class DesignateActingPersonInput {
  @Field(() => ID, { description: '職務代理者となる職員。 / The person who will act.' })
  @MaxLength(500)
  personId!: string;

  @Field(() => Role, { description: '代理する役割(一人が充てられる役割)。 / The role (one that a single person holds).' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: '情報管理責任者の代理では、その主管課。 / For an information manager, the department.' })
  @IsOptional()
  @MaxLength(500)
  departmentId?: string;

  @Field(() => LocalDate, { description: '開始日(この日を含む)。 / First day (inclusive).' })
  validFrom!: string;

  @Field(() => LocalDate, { description: '終了日(この日を含む)。職務代理には必ず期限がある。 / Last day (inclusive); an acting designation always ends.' })
  validUntil!: string;

  @Field({ description: '理由(例: 申請者が決裁者本人のため、出張のため)。 / The reason, e.g. the holder is the applicant, or away.' })
  @MaxLength(MAX_NAME)
  reason!: string;
}

@InputType({ description: '役割の終了(期間の最終日を設定)。 / End a role assignment on a date.' })
export class EndRoleAssignmentInput {
  @Field(() => ID, { description: '役割を持つ職員。 / The person who holds the role.' })
  @MaxLength(500)
  personId!: string;

  @Field(() => ID, { description: '終了する割当て(RoleAssignment.assignmentId)。 / The assignment to end.' })
  @MaxLength(100)
  assignmentId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;

  @Field(() => LocalDate, { description: '最終日(この日を含む)。 / Last day (inclusive).' })
  validUntil!: string;
}

@ObjectType({ description: '主管課の変更結果。 / The result of a department mutation.' })
export class DepartmentPayload {
  @Field(() => Department, { nullable: true, description: '変更後の主管課(拒否されたときは空)。 / The department as changed; null when refused.' })
  department?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: '職員・役割の変更結果。 / The result of a person or role mutation.' })
export class PersonPayload {
  @Field(() => Person, { nullable: true, description: '変更後の職員(拒否されたときは空)。 / The person as changed; null when refused.' })
  person?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

