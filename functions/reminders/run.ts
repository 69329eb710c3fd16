/**
 * The reminders job: finds what is due or overdue across the regulation, addresses each item to the person who must
 * act, and records the notices not recorded before, each with its audit event; then each person's digest of the day
 * (DAILY_DIGEST), the one mail they receive for their reminders (functions/mail/). The clock is a parameter: the job
 * never reads it, so a test (or `npm run reminders -- --at …`) runs it at a fixed instant.
 */
import { eventOf } from '../domain/audit';
import { Role, tokyoDate } from '../domain/people';
import { REMINDER_DAYS } from '../domain/passwords';
import { addDays } from '../domain/period';
import {
  DueItem,
  NOTICE_KINDS,
  Notice,
  NoticeKind,
  addressNotices,
  dailyDigests,
  notice,
  applicationWaiting,
  equipmentNotReturned,
  homepageCheckDue,
  homepageSecurityCheckDue,
  passwordReminder,
  provisionPastPeriod,
  waitingCutoff,
} from '../domain/reminders';
import { inboxPartition } from '../store/consultations';
import { listAllDepartments, listAllRoleHolders } from '../store/people';
import { changesOf } from '../store/kinds';
import { getNotices, listDueBy, listInboxSubmittedBefore } from '../store/reminders';
import { getSystem } from '../store/systems';
import { latestSecurityCheck } from '../store/homepageSystem';
import { Store } from '../store/store';
import { WriteConflict } from '../store/table';

/** Who the job acts as in the audit trail. */
export const REMINDERS_ACTOR = 'reminders';

/** A notice and its audit event are two of the 100 writes a transaction may hold. */
const NOTICES_PER_TRANSACTION = 50;

export type { Log } from '../api/log';
import type { Log } from '../api/log';

export interface ReminderSummary {
  at: string;
  /** Items found due, per kind (before addressing: one item may go to several holders of a role). */
  found: Record<NoticeKind, number>;
  /** Notices recorded by this run. */
  written: number;
  /** Notices due now that an earlier run had recorded already. */
  alreadyRecorded: number;
  /** Items whose role nobody holds today: logged and counted, never dropped silently. */
  unaddressed: number;
  /** Every notice due now (new and already recorded), oldest due first. */
  notices: (Notice & { new: boolean })[];
  unaddressedItems: DueItem[];
  /**
   * The day's digest of each person with reminders recorded today (DAILY_DIGEST): the one mail they receive for them.
   * Recorded after the reminders it lists; a later run on the same day finds it recorded and adds none.
   */
  digests: (Notice & { new: boolean })[];
  /** Digests recorded by this run. */
  digestsWritten: number;
}

/** Provided data past its period (第15条第4項第4号), keyed `<until>#<id>`: those that ended before today. */
interface ProvisionDue {
  id: string;
  title: string;
  departmentId: string;
  period: { from: string; until: string };
}
/** The contract of PASSWORD_DUE items (store of 第24条): `<dueOn>#<id>`. */
interface PasswordDue {
  id: string;
  personId: string;
  systemId: string;
  changedOn: string;
  dueOn: string;
}
/** The contract of EQUIPMENT_RETURN items (store of 第25条第3号): `<period.until>#<id>`. */
interface EquipmentDue {
  id: string;
  requestedBy: string;
  device?: string;
  systemId?: string;
  period: { from: string; until: string };
}

/** The deciding roles whose inboxes are read: city-wide ones, then the information manager of each department. */
const CITY_DECIDERS: Role[] = ['SYSTEM_ADMINISTRATOR', 'GENERAL_MANAGER', 'HOMEPAGE_OPERATIONS_MANAGER'];

/** Everything due at `now`, from every source, before it is addressed. */
export async function findDue(store: Store, now: string): Promise<DueItem[]> {
  const today = tokyoDate(now);
  const yesterday = addDays(today, -1);
  const due: (DueItem | undefined)[] = [];

  // 第15条第4項第4号: periods that ended before today.
  for (const { record } of await listDueBy<ProvisionDue>(store, 'PROVISION_RETURN', yesterday)) due.push(...provisionPastPeriod(record, now));

  // 第27条第2項第2号: pages due for their check by today.
  for (const { dueOn, record } of await listDueBy<{ id: string; title: string }>(store, 'HOMEPAGE_CHECK', today)) {
    due.push(homepageCheckDue(record, dueOn, now));
  }

  // 第27条第3項第1号: the homepage system's security check, once due.
  due.push(homepageSecurityCheckDue(await latestSecurityCheck(store), now));

  // 第24条第3項: passwords falling due within the first reminder's reach, and those overdue.
  const passwords = await listDueBy<PasswordDue>(store, 'PASSWORD_DUE', addDays(today, Math.max(...REMINDER_DAYS)));
  const systems = await Promise.all(passwords.map(({ record }) => getSystem(store, record.systemId)));
  passwords.forEach(({ record }, i) => due.push(passwordReminder(record, now, systems[i]?.name)));

  // 第25条第3号: devices whose period ended before today and are not back.
  for (const { record } of await listDueBy<EquipmentDue>(store, 'EQUIPMENT_RETURN', yesterday)) due.push(equipmentNotReturned(record, now));

  // Applications waiting 14 days or more for the role that decides them.
  const departments = await listAllDepartments(store);
  const deciders: { role: Role; departmentId?: string }[] = [
    ...CITY_DECIDERS.map((role) => ({ role })),
    ...departments.map((d) => ({ role: 'INFORMATION_MANAGER' as Role, departmentId: d.id })),
  ];
  const cutoff = waitingCutoff(now);
  const inboxes = await Promise.all(deciders.map((d) => listInboxSubmittedBefore(store, inboxPartition(d.role, d.departmentId), cutoff)));
  deciders.forEach((d, i) => inboxes[i].forEach((a) => due.push(applicationWaiting(a, d, now))));

  return due.filter((d): d is DueItem => d !== undefined);
}

/** Writes the notices not yet recorded, 50 (100 writes) a transaction; returns the ids another writer got to first. */
async function record(store: Store, notices: Notice[], now: string, log: Log): Promise<Set<string>> {
  const recordedElsewhere = new Set<string>();
  for (let i = 0; i < notices.length; i += NOTICES_PER_TRANSACTION) {
    let batch = notices.slice(i, i + NOTICES_PER_TRANSACTION);
    for (let attempt = 1; batch.length > 0; attempt++) {
      try {
        const recorded = batch.map((n) => notice.record(n));
        await store.commit(
          recorded.flatMap(changesOf),
          // One recording per notice: the notice's own id keys its event.
          recorded.flatMap((t) => t.changes.map((c) => eventOf(c, REMINDERS_ACTOR, now, t.record.id))),
        );
        break;
      } catch (e) {
        // Another run recorded some of them meanwhile: read again and write only what is still missing.
        if (!(e instanceof WriteConflict) || attempt >= 5) throw e;
        log('warn', 'reminders: a batch of notices collided; retrying what is still missing', { attempt, reasons: e.reasons });
        store.forget();
        const existing = await getNotices(store, batch.map((n) => n.id));
        batch.filter((_, j) => existing[j]).forEach((n) => recordedElsewhere.add(n.id));
        batch = batch.filter((_, j) => !existing[j]);
      }
    }
  }
  return recordedElsewhere;
}

/** One run of the job at `now`. */
export async function runReminders(store: Store, now: string, log: Log = () => undefined): Promise<ReminderSummary> {
  const items = await findDue(store, now);
  // An application's reminder may go to the system administrator, when no one else may decide it.
  const roles = [...new Set(items.flatMap((i) => ('role' in i.to ? [i.to.role, ...(i.applicantId ? ['SYSTEM_ADMINISTRATOR' as const] : [])] : [])))];
  const assignments = await listAllRoleHolders(store, roles);
  const { notices: addressed, unaddressed } = addressNotices(items, assignments, now);
  for (const item of unaddressed) {
    log('warn', 'reminders: nobody holds the role this item is due to', {
      kind: item.kind,
      subjectType: item.subjectType,
      subjectId: item.subjectId,
      dueOn: item.dueOn,
      to: item.to,
    });
  }

  // The same item may be found twice (never in practice): one notice per id.
  const notices = [...new Map(addressed.map((n) => [n.id, n])).values()];
  // BatchGetItem first: only what no earlier run recorded is written.
  const existing = await getNotices(store, notices.map((n) => n.id));
  const fresh = notices.filter((_, i) => !existing[i]);
  const recordedElsewhere = await record(store, fresh, now, log);

  const found = Object.fromEntries(NOTICE_KINDS.map((k) => [k, 0])) as Record<NoticeKind, number>;
  for (const item of items) found[item.kind]++;
  const isNew = new Set(fresh.filter((n) => !recordedElsewhere.has(n.id)).map((n) => n.id));
  const due = notices.map((n, i) => existing[i] ?? n);

  // Each person's reminders recorded today, in one digest (the one mail they get for them), written after them: a
  // run that stopped in between lists, when run again, those its first attempt recorded.
  const digests = dailyDigests(due, now);
  const digestsRecorded = await getNotices(store, digests.map((d) => d.id));
  const freshDigests = digests.filter((_, i) => !digestsRecorded[i]);
  const digestsElsewhere = await record(store, freshDigests, now, log);
  const newDigests = new Set(freshDigests.filter((d) => !digestsElsewhere.has(d.id)).map((d) => d.id));

  const summary: ReminderSummary = {
    at: now,
    found,
    written: isNew.size,
    alreadyRecorded: notices.length - isNew.size,
    unaddressed: unaddressed.length,
    notices: due
      .map((n) => ({ ...n, new: isNew.has(n.id) }))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind) || a.addresseeId.localeCompare(b.addresseeId)),
    unaddressedItems: unaddressed,
    digests: digests.map((d, i) => ({ ...(digestsRecorded[i] ?? d), new: newDigests.has(d.id) })),
    digestsWritten: newDigests.size,
  };
  log('info', 'reminders: run finished', {
    at: now,
    found,
    written: summary.written,
    alreadyRecorded: summary.alreadyRecorded,
    unaddressed: summary.unaddressed,
    digestsWritten: summary.digestsWritten,
  });
  return summary;
}
