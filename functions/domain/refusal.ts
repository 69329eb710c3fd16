/**
 * A rule of the regulation (or of the API's own integrity) refused an action.
 * Domain functions throw it; resolvers turn it into a `UserError` that cites `article`.
 */
export type RefusalCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'WRONG_DEPARTMENT'
  | 'SELF_DECISION'
  | 'INVALID_STATE'
  | 'ALREADY_DECIDED'
  | 'STALE_VERSION'
  | 'MISSING_PURPOSE'
  | 'INVALID_VALUE'
  | 'NOT_EXEMPT'
  | 'INVALID_CONNECTION'
  | 'OVERRIDE_AGREEMENT_REQUIRED'
  | 'DUPLICATE'
  | 'OWN_DEPARTMENT'
  | 'AGREEMENT_INCOMPLETE'
  | 'CONTRACT_INCOMPLETE'
  | 'NOT_IN_ADVANCE'
  | 'NOT_ON_TOP_PAGE'
  | 'QUORUM_NOT_MET';

/**
 * What a refusal says: Japanese first (the users' language), then English for a client that asks for it
 * (`Accept-Language: en`). Both, always: test/api/messages.test.ts checks every refusal says them as literals.
 */
export type Message = readonly [ja: string, en: string];

export class Refusal extends Error {
  /** The message in Japanese. */
  readonly ja: string;
  /** The message in English. */
  readonly en: string;
  constructor(
    readonly code: RefusalCode,
    message: Message,
    readonly article?: string,
    readonly field?: string[],
  ) {
    const [ja, en] = message;
    super(ja);
    this.ja = ja;
    this.en = en;
    this.name = 'Refusal';
  }
}

export function refuse(code: RefusalCode, message: Message, article?: string, field?: string[]): never {
  throw new Refusal(code, message, article, field);
}

/** Whether a rule allows what it checks: false where it would refuse (for `viewerCan*`, by the same rule). */
export function allows(rule: () => unknown): boolean {
  try {
    rule();
    return true;
  } catch (e) {
    if (e instanceof Refusal) return false;
    throw e;
  }
}

/** What an object is called in a message: its name in Japanese, then in English. */
export type Name = readonly [ja: string, en: string];

/** The object the rule needs, or NOT_FOUND naming the input field it came from. */
export function exists<T>(value: T | undefined, what: Name, field: string[]): T {
  if (value === undefined) refuse('NOT_FOUND', [`指定されたIDの${what[0]}は見つかりません。`, `No ${what[1]} has that id.`], undefined, field);
  return value;
}

/** An id the client sent that is not the id of the kind the field takes (or not one of ours at all). */
export function notAnIdOf(kind: Name, field: string[]): never {
  const article = /^[aeiou]/i.test(kind[1]) ? 'an' : 'a';
  refuse('NOT_FOUND', [`${field[0]} は${kind[0]}のIDではありません。`, `${field[0]} is not the id of ${article} ${kind[1]}.`], undefined, field);
}

/**
 * The rule's refusal with its field read under `prefix`: a rule applied to one part of an input (a responsibility
 * carried in a system's record, say) names that part, so the one who sent it finds the field.
 */
export function under<T>(prefix: string[], rule: () => T): T {
  try {
    return rule();
  } catch (e) {
    throw prefixed(e, prefix);
  }
}

/** `under`, for a rule that reads before it decides (a resolver loading what an input names). */
export async function underAsync<T>(prefix: string[], rule: () => Promise<T>): Promise<T> {
  try {
    return await rule();
  } catch (e) {
    throw prefixed(e, prefix);
  }
}

function prefixed(e: unknown, prefix: string[]): unknown {
  if (!(e instanceof Refusal)) return e;
  const message: Message = [e.ja, e.en];
  return new Refusal(e.code, message, e.article, [...prefix, ...(e.field ?? [])]);
}
