/**
 * 管理運営委員会 (第30条–第34条): the committee's seats, read from the role assignments in force; its meetings
 * (newest first, each with the composition it was convened under) and its working groups. Key layout in README.md.
 */
import { Composition, Meeting, MotionRecord, SECRETARIAT_ROLE, WorkingGroup, compositionOn } from '../domain/committee';
import { listAllRoleHolders } from './people';
import { Store, compact, fromItem, listPage } from './store';
import { Item, PageRequest } from './table';

export const meetingKey = (id: string) => ({ pk: `MEETING#${id}`, sk: 'MEETING' });
/** A motion decided at a meeting, beside it: one Query lists a meeting's motions in the order decided. */
export const motionKey = (meetingId: string, id: string) => ({ pk: `MEETING#${meetingId}`, sk: `MOTION#${id}` });
export const workingGroupKey = (id: string) => ({ pk: `WORKGROUP#${id}`, sk: 'WORKGROUP' });

export function meetingItem(m: Meeting): Item {
  return { ...meetingKey(m.id), entity: 'CommitteeMeeting', kindPk: 'CommitteeMeeting', kindSk: `${m.heldOn}#${m.id}`, ...compact(m) };
}

export function motionItem(x: MotionRecord): Item {
  return { ...motionKey(x.meetingId, x.id), entity: 'CommitteeMotion', ...compact(x) };
}

export function workingGroupItem(g: WorkingGroup): Item {
  return { ...workingGroupKey(g.id), entity: 'WorkingGroup', kindPk: 'WorkingGroup', kindSk: `${g.establishedOn}#${g.id}`, ...compact(g) };
}

async function load<T>(store: Store, key: { pk: string; sk: string }): Promise<T | undefined> {
  const item = await store.load(key.pk, key.sk);
  return item && fromItem<T>(item);
}

export const getMeeting = (store: Store, id: string) => load<Meeting>(store, meetingKey(id));
export const getWorkingGroup = (store: Store, id: string) => load<WorkingGroup>(store, workingGroupKey(id));


/**
 * 第32条: the committee on the day of `now`, from the assignments of 総括管理責任者, 情報システム管理者 and 情報管理責任者;
 * 第34条: its secretariat, デジタル推進課長.
 */
export async function currentComposition(store: Store, now: string): Promise<Composition> {
  const roles = await listAllRoleHolders(store, ['GENERAL_MANAGER', 'SYSTEM_ADMINISTRATOR', 'INFORMATION_MANAGER', SECRETARIAT_ROLE]); // a few people each
  return compositionOn(roles, now);
}

/** Meetings, the newest (by the day held) first. */
export async function listMeetings(store: Store, request: PageRequest) {
  return listPage<Meeting>(await store.table.query({ index: 'byKind', partition: 'CommitteeMeeting', ...request, descending: true }), store);
}

/** A meeting's motions, in the order decided: one Query on its partition. */
export async function listMotions(store: Store, meetingId: string, request: PageRequest) {
  return listPage<MotionRecord>(await store.table.query({ partition: meetingKey(meetingId).pk, prefix: 'MOTION#', ...request }), store);
}

/** Every motion of a meeting, for its minutes (the whole record, page after page). */
export async function listAllMotions(store: Store, meetingId: string): Promise<MotionRecord[]> {
  return (await store.table.queryAll({ partition: meetingKey(meetingId).pk, prefix: 'MOTION#' })).map((i) => fromItem<MotionRecord>(i));
}

/** Working groups (部会), the newest first. */
export async function listWorkingGroups(store: Store, request: PageRequest) {
  return listPage<WorkingGroup>(await store.table.query({ index: 'byKind', partition: 'WorkingGroup', ...request, descending: true }), store);
}
