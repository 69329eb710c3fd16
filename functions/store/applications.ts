/**
 * The register of applications, every form (様式第1号–第3号, 第5号, 第6号, 第8号, 第10号, 第11号): by form, by status,
 * within a period of the day each was filed (submitted; a draft, the day it was made), newest first. Read from index
 * entries (registerIndex.ts) the one write path keeps beside each application: four a record, at the levels the
 * filters ask for.
 */
import { APPLICATION_STATUSES, ApplicationStatus } from '../domain/workflow';
import { ApplicationRecord } from '../domain/forms';
import { ENTRY_PREFIX, EntryRef, IndexEntry, listEntries } from './registerIndex';
import type { Store } from './store';
import { ListPage, PageRequest, Period, instantsWithin } from './table';

/** What the register of applications is asked for. */
export interface ApplicationSearch {
  forms?: string[];
  statuses?: ApplicationStatus[];
  period?: Period;
}

/** The moment an application counts as filed: its submission, or (a draft, one never submitted) its making. */
const filedAt = (a: ApplicationRecord & { createdAt?: string }) => a.submittedAt ?? a.createdAt ?? a.updatedAt;

const partition = (level: string) => `${ENTRY_PREFIX}Application#${level}`;

/**
 * An application's entries: every application; its form; its status; its form and status — each ordered by the
 * moment it was filed. A submission or a decision moves the entries of the status (and of the filing moment).
 */
export function applicationEntries(a: ApplicationRecord & { createdAt?: string }): IndexEntry[] {
  const sk = `${filedAt(a)}#${a.id}`;
  return ['*', `f=${a.form}`, `s=${a.status}`, `f=${a.form}&s=${a.status}`].map((level) => ({ pk: partition(level), sk }));
}

/** The partitions that hold exactly what is asked: one, one a form, one a status, or one a form and status. */
export function applicationPartitions(search: ApplicationSearch): string[] {
  const forms = search.forms?.length ? search.forms : undefined;
  const statuses = search.statuses?.length ? [...new Set(search.statuses)].sort((a, b) => APPLICATION_STATUSES.indexOf(a) - APPLICATION_STATUSES.indexOf(b)) : undefined;
  if (forms && statuses) return [...new Set(forms)].flatMap((f) => statuses.map((s) => partition(`f=${f}&s=${s}`)));
  if (forms) return [...new Set(forms)].map((f) => partition(`f=${f}`));
  if (statuses) return statuses.map((s) => partition(`s=${s}`));
  return [partition('*')];
}

/**
 * The register as asked, newest filed first: one Query a partition (with the period as a key condition), merged,
 * then the page's applications, each read by its kind (`load`, one BatchGetItem through the store's DataLoader).
 */
export function searchApplications(store: Store, search: ApplicationSearch, request: PageRequest, load: (refs: EntryRef[]) => Promise<(object | undefined)[]>): Promise<ListPage<object>> {
  return listEntries(store, { list: 'Application', partitions: applicationPartitions(search), between: instantsWithin('', search.period), descending: true }, request, load);
}
