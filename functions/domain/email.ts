/**
 * 電子メール (第28条): 情報管理責任者は、新たに電子メールアドレスを必要とするとき又は既に付与されている電子メールアドレスを
 * 変更し、若しくは削除しようとするときは、あらかじめ電子メール利用等申請書(様式第11号)を情報システム管理者に提出しなければならない。
 *
 * The register of mail addresses (電子メールアドレス) assigned to departments changes only when the system
 * administrator approves a 様式第11号 of the department's information manager: that is what あらかじめ means here,
 * structurally — no address is added, changed or deleted before its application is approved. An application may
 * name the day the address is wanted from (利用開始希望日); a day already past when it is submitted is not in advance.
 *
 * An address is keyed by its normalized (lower-case) form, so one address is never registered twice: a new one is
 * written as "must not exist", a deleted one reactivated on the version read, and of two approvals racing for the
 * same address exactly one wins. Changing or deleting an address marks it DELETED (with what replaced it); nothing
 * is ever removed from the register.
 */
import { Actor, assertInformationManagerOf, holds, tokyoDate } from './people';
import { isDate } from './period';
import { Form, newApplication } from './forms';
import { allows, refuse } from './refusal';
import { ApplicationState, permittedActions } from './workflow';

export const ARTICLE = '第28条';

/** 新規 / 変更 / 削除 — what the application asks for. */
export const MAIL_REQUEST_KINDS = ['NEW', 'CHANGE', 'DELETE'] as const;
export type MailRequestKind = (typeof MAIL_REQUEST_KINDS)[number];

export const MAIL_ADDRESS_STATUSES = ['ACTIVE', 'DELETED'] as const;
export type MailAddressStatus = (typeof MAIL_ADDRESS_STATUSES)[number];

export interface MailAddress {
  /** The normalized address itself: the key that keeps it unique. */
  id: string;
  address: string;
  departmentId: string;
  /** 用途: what the address is for. */
  purpose: string;
  status: MailAddressStatus;
  /** The 様式第11号 that registered it (absent for addresses in use before the register). */
  applicationId?: string;
  registeredAt: string;
  deletedAt?: string;
  /** The 様式第11号 that changed or deleted it. */
  deletionApplicationId?: string;
  /** A changed address: the address that replaced it. */
  replacedBy?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MailAddressApplication extends ApplicationState {
  id: string;
  form: 'FORM_11';
  title: string;
  kind: MailRequestKind;
  /** The department the address is (or is to be) assigned to; its information manager applies. */
  departmentId: string;
  /** CHANGE, DELETE: the address now assigned to the department. */
  address?: string;
  /** NEW, CHANGE: the address wanted. */
  newAddress?: string;
  /** 用途 (NEW, CHANGE). */
  purpose?: string;
  /** 申請理由. */
  reason?: string;
  /** 利用開始希望日: the day the address is wanted from. */
  wantedFrom?: string;
  createdAt: string;
  updatedAt: string;
}

export interface MailApplicationInput {
  kind: MailRequestKind;
  address?: string;
  newAddress?: string;
  purpose?: string;
  reason?: string;
  wantedFrom?: string;
}

const ADDRESS = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** The register's form of an address: trimmed, lower case (addresses differing only in case are one address). */
export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

function validAddress(address: string | undefined, field: string): string {
  const a = normalizeAddress(address ?? '');
  if (!a) refuse('INVALID_VALUE', [`電子メールアドレスを入力してください (${field})。`, `State the e-mail address (${field}).`], ARTICLE, [field]);
  if (a.length > 254 || !ADDRESS.test(a)) refuse('INVALID_VALUE', [`${a} は電子メールアドレスの形式ではありません。`, `${a} is not an e-mail address.`], ARTICLE, [field]);
  return a;
}

/** The fields of an application as the register will read them: addresses normalized, what each kind needs present. */
export function applicationFields(input: MailApplicationInput): Omit<MailApplicationInput, 'kind'> & { kind: MailRequestKind } {
  const kind = input.kind;
  const address = kind === 'NEW' ? undefined : validAddress(input.address, 'address');
  const newAddress = kind === 'DELETE' ? undefined : validAddress(input.newAddress, 'newAddress');
  if (kind === 'NEW' && input.address?.trim()) refuse('INVALID_VALUE', ['新規の申請では、希望するアドレス (newAddress) のみを指定してください。', 'A new address names only the address wanted (newAddress).'], ARTICLE, ['address']);
  if (kind === 'DELETE' && input.newAddress?.trim()) refuse('INVALID_VALUE', ['削除の申請では、削除するアドレス (address) のみを指定してください。', 'A deletion names only the address to delete (address).'], ARTICLE, ['newAddress']);
  if (kind === 'CHANGE' && address === newAddress) refuse('INVALID_VALUE', ['新しいアドレスが、既に付与されているアドレスと同じです。', 'The new address is the address already assigned.'], ARTICLE, ['newAddress']);
  const purpose = input.purpose?.trim() || undefined;
  if (kind === 'NEW' && !purpose) refuse('INVALID_VALUE', ['アドレスの用途を入力してください。', 'State what the address is for.'], ARTICLE, ['purpose']);
  if (input.wantedFrom !== undefined && !isDate(input.wantedFrom)) refuse('INVALID_VALUE', ['wantedFrom (利用開始希望日) は日付 (YYYY-MM-DD) で入力してください。', 'wantedFrom is a date (YYYY-MM-DD).'], ARTICLE, ['wantedFrom']);
  return { kind, address, newAddress, purpose, reason: input.reason?.trim() || undefined, wantedFrom: input.wantedFrom };
}

export function titleOf(a: Pick<MailAddressApplication, 'kind' | 'address' | 'newAddress'>): string {
  switch (a.kind) {
    case 'NEW':
      return `電子メールアドレスの新規(${a.newAddress})`;
    case 'CHANGE':
      return `電子メールアドレスの変更(${a.address} → ${a.newAddress})`;
    case 'DELETE':
      return `電子メールアドレスの削除(${a.address})`;
  }
}

/** The department's information manager applies (情報管理責任者). */
export function assertMayApply(actor: Actor, departmentId: string, now: string): void {
  assertInformationManagerOf(actor, [departmentId], now, ARTICLE, ['departmentId'], ['主管課の電子メールアドレスを申請する (様式第11号)', "apply for the department's e-mail addresses (Form No. 11)"]);
}

/**
 * What the register must hold for the application to stand: checked when it is made, submitted and approved, since
 * the register may have moved on meanwhile. `current`: the register's entry for `address`; `wanted`: for `newAddress`.
 */
export function assertRegisterAllows(
  a: Pick<MailAddressApplication, 'kind' | 'departmentId' | 'address' | 'newAddress'>,
  current: MailAddress | undefined,
  wanted: MailAddress | undefined,
): void {
  if (a.kind !== 'NEW') {
    if (!current || current.status !== 'ACTIVE') {
      refuse('NOT_FOUND', [`${a.address} は既に付与されている電子メールアドレスではありません。`, `${a.address} is not an address in use.`], ARTICLE, ['address']);
    }
    if (current.departmentId !== a.departmentId) {
      refuse('WRONG_DEPARTMENT', [`${a.address} は他の主管課に付与されています。その主管課の情報管理責任者が申請してください。`, `${a.address} is assigned to another department; its own information manager applies.`], ARTICLE, ['address']);
    }
  }
  if (a.kind !== 'DELETE' && wanted?.status === 'ACTIVE') {
    refuse('DUPLICATE', [`${a.newAddress} は既に使用されています。`, `${a.newAddress} is already in use.`], ARTICLE, ['newAddress']);
  }
}

/** あらかじめ: an application that names the day the address is wanted from is submitted no later than that day. */
export function assertInAdvance(a: Pick<MailAddressApplication, 'wantedFrom'>, now: string): void {
  if (a.wantedFrom && a.wantedFrom < tokyoDate(now)) {
    refuse('NOT_IN_ADVANCE', [`利用開始希望日 ${a.wantedFrom} は既に過ぎています。様式第11号はあらかじめ提出してください。`, `The address was wanted from ${a.wantedFrom}, which has passed: Form No. 11 is submitted in advance.`], ARTICLE, ['wantedFrom']);
  }
}

/** The system administrator (情報システム管理者) decides. */
export function mayDecide(actor: Actor, now: string): boolean {
  return holds(actor, 'SYSTEM_ADMINISTRATOR', now);
}

export function assertMayDecide(actor: Actor, now: string): void {
  if (!mayDecide(actor, now)) {
    refuse('FORBIDDEN', ['様式第11号の申請は情報システム管理者のみが決裁できます。', 'Only the system administrator decides Form No. 11.'], ARTICLE, ['applicationId']);
  }
}

export function viewerActions(actor: Actor, a: MailAddressApplication, now: string) {
  return permittedActions(a, actor.person.id, mayDecide(actor, now));
}

/** What the viewer may do with an address of the register: apply to change or delete it, while it is in use (`viewerCan*`). */
export function mailAddressActions(actor: Actor, m: MailAddress, now: string) {
  return { applyForChange: m.status === 'ACTIVE' && allows(() => assertMayApply(actor, m.departmentId, now)) };
}

/** Whether the viewer may apply to change or delete this address: its department's information manager, while it is in use. */
export function mayApplyFor(actor: Actor, m: MailAddress, now: string): boolean {
  return mailAddressActions(actor, m, now).applyForChange;
}

/** What approval does to the register: each changed entry with the version it was read at (none: a new entry). */
export function approvalChanges(
  a: MailAddressApplication,
  current: MailAddress | undefined,
  wanted: MailAddress | undefined,
  now: string,
): { address: MailAddress; expectedVersion?: number; before?: MailAddress }[] {
  assertRegisterAllows(a, current, wanted);
  const out: { address: MailAddress; expectedVersion?: number; before?: MailAddress }[] = [];
  if (a.kind !== 'DELETE') {
    const id = a.newAddress as string;
    const registered: MailAddress = {
      id,
      address: id,
      departmentId: a.departmentId,
      purpose: a.purpose ?? current?.purpose ?? '',
      status: 'ACTIVE',
      applicationId: a.id,
      registeredAt: now,
      version: wanted ? wanted.version + 1 : 1,
      createdAt: wanted?.createdAt ?? now,
      updatedAt: now,
    };
    out.push({ address: registered, expectedVersion: wanted?.version, before: wanted });
  }
  if (a.kind !== 'NEW' && current) {
    const deleted: MailAddress = {
      ...current,
      status: 'DELETED',
      deletedAt: now,
      deletionApplicationId: a.id,
      replacedBy: a.kind === 'CHANGE' ? a.newAddress : undefined,
      version: current.version + 1,
      updatedAt: now,
    };
    out.push({ address: deleted, expectedVersion: current.version, before: current });
  }
  return out;
}

/** What a mail application's rules read: the register's entries for the address in use and the address wanted. */
export interface MailRegisterState {
  current?: MailAddress;
  wanted?: MailAddress;
}

/** 様式第11号 on the shared workflow: the department's information manager applies, the system administrator decides (第28条). */
export const mailAddressForm: Form<MailAddressApplication, MailRegisterState> = {
  kind: 'MailAddressApplication',
  readsStateOn: ['submit', 'approve'],
  action: 'mailAddressApplication',
  article: () => ARTICLE,
  checkSubmit({ actor, now }, a, { current, wanted }) {
    assertMayApply(actor, a.departmentId, now);
    assertRegisterAllows(a, current, wanted);
    assertInAdvance(a, now); // 第28条: あらかじめ
  },
  assertMayDecide: (actor, _a, now) => assertMayDecide(actor, now),
  decider: () => ({ role: 'SYSTEM_ADMINISTRATOR' }),
  // 第28条: the register changes on approval, in the same transaction; a lost race meets DUPLICATE on its retry.
  approve: ({ now }, _before, after, _decision, { current, wanted }) => ({
    after,
    changes: approvalChanges(after, current, wanted, now).map((c) => ({
      kind: 'MailAddress' as const,
      before: c.before,
      after: c.address,
      action: c.address.status === 'ACTIVE' ? 'mailAddress.registered' : 'mailAddress.deleted',
      article: ARTICLE,
    })),
  }),
};

/** The register's keys of the addresses an application names (what its rules read there), whatever their form. */
export function namedAddresses(input: MailApplicationInput): Pick<MailAddressApplication, 'address' | 'newAddress'> {
  return {
    address: input.kind !== 'NEW' && input.address ? normalizeAddress(input.address) : undefined,
    newAddress: input.kind !== 'DELETE' && input.newAddress ? normalizeAddress(input.newAddress) : undefined,
  };
}

/** A new 様式第11号 of the department's information manager, drafted; when submitted at once, in advance (第28条). */
export function draftMailApplication(
  actor: Actor,
  departmentId: string,
  input: MailApplicationInput,
  { current, wanted }: MailRegisterState,
  submitNow: boolean,
  id: string,
  now: string,
): MailAddressApplication {
  assertMayApply(actor, departmentId, now);
  const fields = applicationFields(input);
  const draft: MailAddressApplication = {
    ...newApplication(actor, id, now),
    form: 'FORM_11',
    title: titleOf(fields),
    departmentId,
    ...fields,
  };
  assertRegisterAllows(draft, current, wanted);
  if (submitNow) assertInAdvance(draft, now); // 第28条: あらかじめ
  return draft;
}
