/**
 * 第35条に基づく定め (委任): この訓令の施行に関し必要な事項は、総括管理責任者が定める. A register of what the general
 * manager sets: each rule has a number (第N号), and each version of it (第M版) is an object of its own, written once and
 * never changed; a new version supersedes the one before from its effective date. A rule is cited by its citation,
 * `第35条に基づく定め第N号(第M版)`, or by its number alone for the version in force.
 */
import { Versioned, alongWith, changeOf } from './change';
import { Actor, holds, tokyoDate } from './people';
import { isDate, wareki } from './period';
import { refuse } from './refusal';

export const ARTICLE = '第35条';

export interface SupplementaryRule extends Versioned {
  /** `<number>.<revision>`: one object per version, so two versions racing for the same place cannot both land. */
  id: string;
  /** 第N号: the rule's number, given in order as rules are set. */
  number: number;
  /** 第M版: the version of the rule; 1 when first set. */
  revision: number;
  title: string;
  body: string;
  /** The day it takes effect (YYYY-MM-DD, Asia/Tokyo); a later version supersedes it from its own. */
  effectiveFrom: string;
  establishedBy: string;
  createdAt: string;
}

export const supplementaryRuleId = (number: number, revision: number) => `${number}.${revision}`;

/**
 * The versions of one rule, kept beside them (a part, written with every version at the version read, so two
 * revisions racing cannot both land): which versions there are and from when each is in effect, for every field that
 * asks which one is in force without reading them all. A rule has a few versions.
 */
export interface RuleVersions {
  number: number;
  revisions: { revision: number; effectiveFrom: string }[];
  version: number;
}

/** How another object, a notice or a person cites a version: `第35条に基づく定め第3号(第2版)`. */
export const citationOf = (r: Pick<SupplementaryRule, 'number' | 'revision'>) => `第35条に基づく定め第${r.number}号(第${r.revision}版)`;

const HALF_WIDTH = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * A citation as a person writes it: the full form, `第3号(第2版)`, `第3号`, `3-2` or `3.2`, full-width digits or not.
 * Without a version it names the rule, whose version in force the reader is given. Undefined when it names none.
 */
export function parseCitation(text: string): { number: number; revision?: number } | undefined {
  const t = HALF_WIDTH(text).replace(/\s/g, '').replace(/^第35条に基づく定め/, '');
  const m = /^第?(\d{1,6})号?(?:[(（]?第(\d{1,4})版[)）]?|[.\-](\d{1,4}))?$/.exec(t);
  if (!m) return undefined;
  const number = Number(m[1]);
  const revision = m[2] ?? m[3];
  if (number < 1 || (revision !== undefined && Number(revision) < 1)) return undefined;
  return { number, revision: revision === undefined ? undefined : Number(revision) };
}

/**
 * The rule a citation names, or INVALID_VALUE saying how to cite one: the `citation` asked for, or (`entry`) one entry
 * of the citations a record gives as its basis, quoted, naming that entry.
 */
export function citedRule(text: string, entry?: [field: string, index: number]): { number: number; revision?: number } {
  const cited = parseCitation(text.slice(0, 200));
  if (!cited) {
    if (entry) refuse('INVALID_VALUE', [`「${text.slice(0, 50)}」は第35条に基づく定めの引用の形ではありません(例: 第35条に基づく定め第3号(第2版)、第3号)。`, 'Cite a rule by its number and version (3.2: rule 3, version 2), or by its number alone.'], ARTICLE, [entry[0], String(entry[1])]);
    refuse('INVALID_VALUE', ['引用は「第35条に基づく定め第3号(第2版)」又は「第3号」の形で指定してください。', 'Cite a rule by its number and version (3.2: rule 3, version 2), or by its number alone.'], ARTICLE, ['citation']);
  }
  return cited;
}

export type RuleStatus = 'PENDING' | 'IN_FORCE' | 'SUPERSEDED';

/** The version in force on a day among the versions of one rule: the latest that has taken effect. */
export function inForceOn<R extends Pick<SupplementaryRule, 'revision' | 'effectiveFrom'>>(versions: R[], day: string): R | undefined {
  return versions.filter((v) => v.effectiveFrom <= day).sort((a, b) => b.revision - a.revision)[0];
}

/** A version another record cites, with the versions of its rule: what a citation resolves to. */
export interface CitedRule {
  rule: SupplementaryRule;
  history: RuleVersions;
}

/**
 * 第35条: a record (a decision) rests on the rules in force on its day: a version not yet in effect, or superseded, is
 * refused naming the version in force. Returns the ids of the versions cited, each once, in the order given.
 */
export function citedInForce(cited: CitedRule[], now: string, field: string): string[] {
  cited.forEach(({ rule, history }, i) => {
    const status = statusOf(rule, history, now);
    if (status === 'PENDING') {
      refuse('INVALID_VALUE', [`${citationOf(rule)}は${wareki(rule.effectiveFrom)}から効力を生じます。まだ根拠にはできません。`, `${citationOf(rule)} takes effect on ${rule.effectiveFrom}; it cannot be relied on yet.`], ARTICLE, [field, String(i)]);
    }
    if (status === 'SUPERSEDED') {
      const current = inForceOn(history.revisions, tokyoDate(now))!;
      refuse('INVALID_VALUE', [`${citationOf(rule)}は改正されています。効力を有する${citationOf({ number: rule.number, revision: current.revision })}を引用してください。`, `${citationOf(rule)} has been superseded: cite the version in force.`], ARTICLE, [field, String(i)]);
    }
  });
  return [...new Set(cited.map(({ rule }) => rule.id))];
}

/** Where a version stands today: not yet in effect, in force, or superseded by a later version in effect. */
export function statusOf(version: Pick<SupplementaryRule, 'revision' | 'effectiveFrom'>, history: RuleVersions, now: string): RuleStatus {
  const today = tokyoDate(now);
  if (version.effectiveFrom > today) return 'PENDING';
  return inForceOn(history.revisions, today)?.revision === version.revision ? 'IN_FORCE' : 'SUPERSEDED';
}

/** 第35条: the general manager sets what enforcing the regulation needs; no one else. */
function assertGeneralManager(actor: Actor, now: string): void {
  if (!holds(actor, 'GENERAL_MANAGER', now)) {
    refuse('FORBIDDEN', ['この訓令の施行に関し必要な事項は、総括管理責任者が定めます。', 'The general manager sets what enforcing the regulation needs.'], ARTICLE);
  }
}

export interface RuleInput {
  title: string;
  body: string;
  effectiveFrom: string;
}

function validate(input: RuleInput): RuleInput {
  const title = input.title.trim();
  const body = input.body.trim();
  if (!title) refuse('INVALID_VALUE', ['定めの件名を入力してください。', 'Give the rule a title.'], ARTICLE, ['title']);
  if (!body) refuse('INVALID_VALUE', ['定めの本文を入力してください。', 'Give the rule its text.'], ARTICLE, ['body']);
  if (!isDate(input.effectiveFrom)) refuse('INVALID_VALUE', ['effectiveFrom (施行日) は日付 (YYYY-MM-DD) で入力してください。', 'effectiveFrom is a date (YYYY-MM-DD).'], ARTICLE, ['effectiveFrom']);
  return { title, body, effectiveFrom: input.effectiveFrom };
}

function version(actor: Actor, number: number, revision: number, input: RuleInput, now: string): SupplementaryRule {
  return { id: supplementaryRuleId(number, revision), number, revision, ...input, establishedBy: actor.person.id, version: 1, createdAt: now, updatedAt: now };
}

/** The new version and its place in the rule's versions, written together. */
function set(rule: SupplementaryRule, history: RuleVersions | undefined, action: string) {
  const revisions = [...(history?.revisions ?? []), { revision: rule.revision, effectiveFrom: rule.effectiveFrom }];
  const next: RuleVersions = { number: rule.number, revisions, version: (history?.version ?? 0) + 1 };
  return alongWith(changeOf('SupplementaryRule', undefined, rule, action, ARTICLE), { parts: [{ part: 'SupplementaryRuleVersions', value: next, expectedVersion: history?.version }] });
}

export const supplementaryRules = {
  /** 第35条: a new rule, numbered after the last one set (`lastNumber`: 0 when none has been). */
  establish(actor: Actor, lastNumber: number, input: RuleInput, now: string) {
    assertGeneralManager(actor, now);
    return set(version(actor, lastNumber + 1, 1, validate(input), now), undefined, 'supplementaryRule.established');
  },

  /**
   * 第35条: a new version of a rule. `revised` is the version the general manager revised, which must be the rule's
   * latest (of `history`): a revision of an older one would pass over a version someone else set meanwhile. The new
   * version takes effect no earlier than the one it supersedes; the versions before it stand as they were.
   */
  revise(actor: Actor, revised: SupplementaryRule, history: RuleVersions, input: { title?: string; body: string; effectiveFrom: string }, now: string) {
    assertGeneralManager(actor, now);
    const latest = history.revisions[history.revisions.length - 1];
    if (revised.revision !== latest.revision) {
      refuse('STALE_VERSION', [`第${revised.number}号には既に第${latest.revision}版があります。最新の版を確認してから改めてください。`, `Rule ${revised.number} has a version ${latest.revision} already: revise the latest.`], ARTICLE, ['ruleId']);
    }
    const checked = validate({ title: input.title ?? revised.title, body: input.body, effectiveFrom: input.effectiveFrom });
    if (checked.effectiveFrom < latest.effectiveFrom) {
      refuse('INVALID_VALUE', [`新しい版の施行日は、前の版の施行日 (${latest.effectiveFrom}) 以後としてください。`, `A new version takes effect no earlier than the one before (${latest.effectiveFrom}).`], ARTICLE, ['effectiveFrom']);
    }
    return set(version(actor, revised.number, latest.revision + 1, checked, now), history, 'supplementaryRule.revised');
  },
};

/** What the viewer may do with a version now (`viewerCan*`): the general manager revises the latest. */
export function ruleActions(actor: Actor, r: SupplementaryRule, now: string, history: RuleVersions | undefined) {
  return { revise: holds(actor, 'GENERAL_MANAGER', now) && r.revision === history?.revisions.at(-1)?.revision };
}
