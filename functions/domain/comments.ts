/**
 * コメント — the applicant and the deciders of an application discuss it before it is decided ("please add …"), on
 * every form of the shared workflow (forms.ts). A comment is an item of its own beside its application (a discussion
 * grows without bound), written with the application's next version and one audit event of the application that
 * records the comment; the other side is told by a notice in the same transaction (the outbox).
 *
 * Who may comment, and why:
 * - the applicant: the person the workflow lets edit, submit and withdraw the application (workflow.ts: only the
 *   applicant; no one else acts for the department on an application, so no one else answers for it);
 * - whoever may decide it now (the form's `assertMayDecide`: the holder of the deciding role, and an acting person
 *   designated for that role, 職務代理), but never the applicant in that capacity;
 * - the system administrator only where the form makes them the decider (様式第1号–第3号, 第5号, 第11号). 第4条 gives
 *   the administrator the designation of acting persons, not a voice in another role's decision (様式第6号, 第8号,
 *   第10号); they read the discussion like every member of staff who may read the application.
 * Everyone else is refused, citing the article of the form (the article that names its decider).
 *
 * An application is open to comment while it awaits a decision (submitted) or its revision (returned). A draft has
 * not yet been put before anyone; a decided or withdrawn application is closed.
 */
import { Transition, advance, alongWith, changeOf } from './change';
import { ApplicationRecord, Form, Step, named } from './forms';
import { tell } from './notices';
import { ROLE_LABELS, actingForIn, decidersOf } from './people';
import { allows, refuse } from './refusal';

/** The longest comment, in characters after trimming. */
export const MAX_COMMENT = 2000;

/** In which capacity a person commented: as the applicant, or as one who may decide. */
export type CommentRole = 'APPLICANT' | 'DECIDER';

/** A comment: an item of its own in its application's partition, in the order written. */
export interface ApplicationComment {
  id: string;
  /** The application's kind (Consultation, DataUseApplication, …) and id. */
  applicationType: string;
  applicationId: string;
  authorId: string;
  role: CommentRole;
  /** 職務代理: the holder of the deciding role in whose place a decider commented. */
  actingFor?: string;
  body: string;
  createdAt: string;
  version: number;
}

/** An application as comments change it: the count of its comments is kept beside it. */
export type Commented = ApplicationRecord & { commentCount?: number };

/** In which capacity the actor may comment on `r`, or a refusal citing the form's article. */
export function commentRoleOf(form: Form<ApplicationRecord, unknown>, step: Pick<Step, 'actor' | 'now'>, r: ApplicationRecord): CommentRole {
  const article = form.article(r);
  const role: CommentRole | undefined =
    r.applicantId === step.actor.person.id ? 'APPLICANT' : allows(() => form.assertMayDecide(step.actor, r, step.now)) ? 'DECIDER' : undefined;
  if (!role) {
    const decider = ROLE_LABELS[form.decider(r).role];
    refuse('FORBIDDEN', [`この申請にコメントできるのは、申請者と決裁者(${decider}及びその職務代理者)のみです。`, 'Only the applicant and those who decide the application (the deciding role and its acting persons) comment on it.'], article);
  }
  if (r.status === 'DRAFT') refuse('INVALID_STATE', ['下書きの申請にはコメントできません。提出してからコメントしてください。', 'A draft takes no comments; submit it first.'], article);
  if (r.status === 'WITHDRAWN') refuse('INVALID_STATE', ['取り下げられた申請にはコメントできません。', 'A withdrawn application takes no comments.'], article);
  if (r.status === 'APPROVED' || r.status === 'REJECTED') refuse('ALREADY_DECIDED', ['決裁済みの申請にはコメントできません。', 'A decided application takes no comments.'], article);
  return role;
}

/** The body as kept: trimmed, 1 to MAX_COMMENT characters. */
export function commentBody(body: string, article: string): string {
  const text = body.trim();
  if (!text) refuse('INVALID_VALUE', ['コメントを入力してください。', 'Write the comment.'], article, ['body']);
  const length = [...text].length;
  if (length > MAX_COMMENT) refuse('INVALID_VALUE', [`コメントは${MAX_COMMENT}文字以内で入力してください(${length}文字)。`, `A comment is at most ${MAX_COMMENT} characters (this one is ${length}).`], article, ['body']);
  return text;
}

/** A one-line excerpt of a comment for a notice's title and the quoted body for its message. */
const excerpt = (body: string) => {
  const line = body.replace(/\s+/g, ' ');
  return [...line].length > 30 ? `${[...line].slice(0, 30).join('')}…` : line;
};

/**
 * A comment on `before` by the actor: the comment (new), the application at its next version with its count, one
 * audit event of the application recording the comment, and the notices to the other side — the applicant's comment
 * to whoever may decide it now (holders and acting persons, from `step.roleHolders`), a decider's to the applicant.
 */
export function commented<R extends ApplicationRecord>(form: Form<R, unknown>, step: Step, before: R, body: string, id: string): Transition<R> & { comment: ApplicationComment } {
  const f = form as unknown as Form<ApplicationRecord, unknown>;
  const article = f.article(before);
  const role = commentRoleOf(f, step, before);
  const text = commentBody(body, article);
  const inbox = f.decider(before);
  const actingFor = role === 'DECIDER' ? actingForIn(step.actor, inbox.role, step.now, inbox.departmentId) : undefined;
  const comment: ApplicationComment = {
    id,
    applicationType: f.kind,
    applicationId: before.id,
    authorId: step.actor.person.id,
    role,
    ...(actingFor ? { actingFor } : {}),
    body: text,
    createdAt: step.now,
    version: 1,
  };
  const after = advance(before as Commented, { commentCount: ((before as Commented).commentCount ?? 0) + 1 }, step.now) as R;
  const { version: _v, ...recorded } = comment;
  const own = changeOf(f.kind, before, after, `${f.action}.commented`, article, { recorded: { after: { comment: recorded } } });
  if (actingFor) own.changes[0] = { ...own.changes[0], actingFor };
  const to =
    role === 'APPLICANT' ? decidersOf(step.roleHolders ?? [], inbox.role, before.applicantId, step.now, inbox.departmentId).deciders : [before.applicantId];
  const who = role === 'APPLICANT' ? '申請者' : `決裁者(${ROLE_LABELS[inbox.role]}${actingFor ? '・職務代理者' : ''})`;
  const told = tell(
    to,
    {
      kind: 'APPLICATION_COMMENTED',
      subjectType: f.kind,
      subjectId: before.id,
      stage: `commented-${id}`,
      article,
      title: `${named(before)}へのコメント: ${excerpt(text)}`,
      message: [`${named(before)}に${who}の${step.actor.person.name}さんがコメントしました。`, '', text].join('\n'),
    },
    step.now,
    step.actor.person.id,
  );
  return { ...alongWith(own, { changes: told, parts: [{ part: 'ApplicationComment', value: comment }] }), comment };
}
