/**
 * A change of state as a value. A domain transition takes the state it needs and returns what changes: each object's
 * next version (advanced by `advance`), the audit action and the article it is made under, and the parts written
 * beside it. The one write path (functions/resolvers/write.ts) carries it out: every change and its audit event,
 * and every part, in one transaction, each conditioned on the version read.
 */
import type { Kind } from './kinds';
import { assertVersion } from './workflow';

/** What every object of the register carries: its id, its version (for `expectedVersion`) and its last change. */
export interface Versioned {
  id: string;
  version: number;
  updatedAt: string;
}

/** The next version of a record: the patch applied, the version advanced by one, `updatedAt` the moment of the change. */
export function advance<R extends Versioned>(before: R, patch: Partial<R>, now: string): R {
  return { ...before, ...patch, version: before.version + 1, updatedAt: now };
}

/** One audited change: an object of `kind` from `before` (absent when new) to `after`, recorded as `action`. */
export interface Changed<R extends Versioned = Versioned> {
  kind: Kind;
  before?: R;
  after: R;
  /** The audit action, e.g. `virusIncident.closed`. */
  action: string;
  /** The article the change is made under. */
  article?: string;
  note?: string;
  /** 職務代理: the holder in whose place the actor acted. */
  actingFor?: string;
  /** What the audit event records when not the fields that differ: the part added or changed, say. */
  recorded?: { before?: object; after: object };
  /** An audit event only: a step the object went through within the transition, written by another change of it. */
  recordOnly?: true;
}

/**
 * A part of an object written beside it without an audit event of its own (the object's event records it): a finding
 * of an investigation, a motion of a meeting, a claim on a unique name. `part` names its item layout in the store.
 */
export interface Part {
  part: PartKind;
  value: object;
  /** The version read; absent when the part is new (it must not exist yet). */
  expectedVersion?: number;
}

/** The kinds of part (functions/store/kinds.ts lays out each). */
export type PartKind =
  | 'InvestigationFinding'
  | 'ImprovementProposal'
  | 'TrainingAttendance'
  | 'CommitteeMotion'
  | 'ProvisionInspection'
  | 'ProvisionIncident'
  | 'RoleAssignment'
  | 'RoleSlot'
  | 'ServerRoomGrantee'
  | 'OperatorSlot'
  | 'HomepageClaim'
  | 'ApplicationComment'
  | 'SupplementaryRuleVersions';

/** What a transition returns: the object it is about (for the payload) and every change it makes. */
export interface Transition<R extends Versioned = Versioned> {
  /** The object the transition is about, as it will be. */
  record: R;
  /** The changes of state, each with its audit event; the object's own change first. */
  changes: Changed[];
  /** Parts written beside them. */
  parts?: Part[];
}

/** The transition of one object: its new version (or its first, when `before` is absent) recorded as `action`. */
export function changeOf<R extends Versioned>(
  kind: Kind,
  before: R | undefined,
  after: R,
  action: string,
  article?: string,
  extra: Pick<Changed, 'note' | 'recorded'> = {},
): Transition<R> {
  return { record: after, changes: [{ kind, before, after, action, article, ...extra }] };
}

/** `t` with further changes and parts made in the same transaction. */
export function alongWith<R extends Versioned>(t: Transition<R>, more: { changes?: Changed[]; parts?: Part[] }): Transition<R> {
  return { record: t.record, changes: [...t.changes, ...(more.changes ?? [])], parts: [...(t.parts ?? []), ...(more.parts ?? [])] };
}

/**
 * A transition of the record at the version the client read (`expectedVersion`): STALE_VERSION when someone changed
 * it meanwhile, before the rule is asked. Without an expected version, the transition alone.
 */
export function atVersion<T>(record: Versioned, expectedVersion: number | undefined, transition: () => T): T {
  if (expectedVersion !== undefined) assertVersion(record.version, expectedVersion);
  return transition();
}
