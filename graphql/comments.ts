/** コメント: the applicant and the deciders discuss an application before it is decided (every form). */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Connection, DateTime, MAX_TEXT, UserError } from './common';
import { Application } from './applications';
import { Person } from './people';

export enum CommentRole {
  APPLICANT = 'APPLICANT',
  DECIDER = 'DECIDER',
}
registerEnumType(CommentRole, {
  name: 'CommentRole',
  description: 'コメントした者の立場。 / In which capacity a person commented.',
  valuesConfig: {
    APPLICANT: { description: '申請者。 / The applicant.' },
    DECIDER: { description: '決裁者(決裁権者又は職務代理者)。 / One who decides it (the role holder or an acting person).' },
  },
});

@ObjectType({ description: '申請・協議へのコメント(申請者と決裁者のやり取り)。 / A comment on an application: the applicant and the deciders discussing it.' })
export class ApplicationComment {
  @Field(() => ID, { description: 'コメントID(この申請の中で一意、書かれた順)。 / The comment’s id within its application, in the order written.' })
  commentId!: string;

  @Field({ description: '本文。 / What was said.' })
  body!: string;

  @Field(() => CommentRole, { description: 'コメントした者の立場(申請者・決裁者)。 / The applicant or a decider.' })
  role!: CommentRole;

  @Field(() => DateTime, { description: 'コメントした日時。 / When it was written.' })
  createdAt!: string;

  @Field(() => Person, { nullable: true, description: 'コメントした職員。 / Who wrote it.' })
  author?: unknown;

  @Field(() => Person, { nullable: true, description: '職務代理: 決裁者がその職務を代理した役割の保有者。 / The role holder an acting person commented for.' })
  actingFor?: unknown;
}

export const ApplicationCommentConnection = Connection(ApplicationComment, 'ApplicationComment', 'コメント');

@InputType({ description: '申請・協議へのコメント(申請者又は決裁者、提出済み又は差戻し中のとき)。 / Comment on an application (the applicant or a decider, while submitted or returned).' })
export class AddApplicationCommentInput {
  @Field(() => ID, { description: '対象の申請・協議(様式を問わない)。 / The application, of any form.' })
  @MaxLength(500)
  applicationId!: string;

  @Field({ description: '本文(前後の空白を除いて1〜2,000文字)。 / The comment: 1–2,000 characters once trimmed.' })
  @MaxLength(MAX_TEXT)
  body!: string;
}

@ObjectType({ description: 'コメントの結果。 / The result of a comment.' })
export class ApplicationCommentPayload {
  @Field(() => Application, { nullable: true, description: 'コメント後の申請・協議(拒否されたときは null)。 / The application after the comment; null when refused.' })
  application?: unknown;

  @Field(() => ApplicationComment, { nullable: true, description: '書かれたコメント(拒否されたときは null)。 / The comment written; null when refused.' })
  comment?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
