/**
 * 操作の時間 (第11条) through the real Lambda handler: the working calendar, maintenance stops and failures, and
 * whether a system is in service at an instant, and why (not). The server clock is real time, so instants are
 * relative to today.
 */
import { Api, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

/** The Tokyo date `offset` days from today. */
const tokyoDate = (offset: number) => new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
/** The instant of a Tokyo wall-clock time on a date. */
const jst = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`).toISOString();
/** The next date after today falling on `weekday` (0 = Sunday … 6 = Saturday). */
function next(weekday: number): string {
  for (let n = 1; n <= 7; n++) if (new Date(`${tokyoDate(n)}T00:00:00Z`).getUTCDay() === weekday) return tokyoDate(n);
  throw new Error('unreachable');
}
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

const STATUS = `query($id: ID!, $at: DateTimeISO) { systemServiceStatus(systemId: $id, at: $at) {
  at inService reason article closedDay { date kind name } nextInServiceAt
  interruption { id kind scope article state } interruptions { id } } }`;
const INTERRUPTION_FIELDS = 'id kind scope startsAt endsAt description article state version announcedAt announcedBy { personId } recordedBy { personId } viewerCanEnd viewerCanCancel';
const ANNOUNCE = `mutation($input: AnnounceMaintenanceStopInput!) { announceMaintenanceStop(input: $input) { interruption { ${INTERRUPTION_FIELDS} } userErrors { code message article field } } }`;
const FAILURE = `mutation($input: RecordSystemFailureInput!) { recordSystemFailure(input: $input) { interruption { ${INTERRUPTION_FIELDS} } userErrors { code message article field } } }`;
const END = `mutation($input: EndServiceInterruptionInput!) { endServiceInterruption(input: $input) { interruption { ${INTERRUPTION_FIELDS} } userErrors { code message article field } } }`;
const CANCEL = `mutation($input: CancelMaintenanceStopInput!) { cancelMaintenanceStop(input: $input) { interruption { ${INTERRUPTION_FIELDS} cancelledAt cancellationReason } userErrors { code message article field } } }`;
const CALENDAR = `{ workingCalendar { id version timeZone closedOnNationalHolidays weeklyHours { weekday start end } recurringClosedDays { from until name }
  extraClosedDates { date name } extraWorkingDates { date start end note } viewerCanUpdate updatedBy { personId } auditTrail(first: 10) { nodes { action actor { personId } } } } }`;
const UPDATE = `mutation($input: UpdateWorkingCalendarInput!) { updateWorkingCalendar(input: $input) { calendar { id version extraClosedDates { date name } } userErrors { code message article field } } }`;

const status = async (system: string, at?: string, who = 'shimin-staff') => (await api.data(who, STATUS, { id: gid('System', system), at })).systemServiceStatus;

describe('第11条: is the system in service, and if not, why (the demo city)', () => {
  it('第11条第2項: 住民情報システム (業務系) is not in service next Sunday: a closed day; it is back on a working morning', async () => {
    const sunday = next(0);
    const s = await status('demo-juumin', jst(sunday, '10:00'));
    expect(s).toMatchObject({ inService: false, reason: 'CLOSED_DAY', article: '第11条第2項', closedDay: { date: sunday } });
    if (s.closedDay.kind === 'WEEKLY_DAY_OFF') expect(s.closedDay.name).toBe('日曜日');
    expect(s.nextInServiceAt > jst(sunday, '10:00')).toBe(true);
    expect(s.nextInServiceAt.slice(11)).toBe('23:30:00.000Z'); // 08:30 in Tokyo
  });

  it('第11条第1項: グループウェア (情報系) is in service next Sunday, all day; on Saturday it stops for the maintenance announced in advance', async () => {
    expect(await status('demo-groupware', jst(next(0), '03:00'))).toMatchObject({ inService: true, reason: 'ALL_DAY', article: '第11条第1項', interruption: null });
    const saturday = await status('demo-groupware', jst(next(6), '10:00'));
    expect(saturday).toMatchObject({
      inService: false,
      reason: 'MAINTENANCE_STOP',
      article: '第11条第1項第1号',
      interruption: { id: gid('ServiceInterruption', 'demo-maintenance-groupware'), kind: 'MAINTENANCE', state: 'SCHEDULED', article: '第11条第1項第1号' },
      nextInServiceAt: jst(next(6), '18:00'),
    });
  });

  it('System.serviceStatus defaults to now; System.serviceInterruptions lists the past failure of 住民情報システム', async () => {
    const data = await api.data('shimin-staff', `{ node(id: "${gid('System', 'demo-juumin')}") { ... on System { serviceStatus { at inService reason }
      viewerCanManageInterruptions serviceInterruptions(first: 10) { nodes { id kind state scope recordedBy { personId } } } } } }`);
    expect(Math.abs(Date.parse(data.node.serviceStatus.at) - Date.now())).toBeLessThan(60_000);
    expect(data.node.viewerCanManageInterruptions).toBe(false);
    expect(data.node.serviceInterruptions.nodes).toEqual([
      { id: gid('ServiceInterruption', 'demo-failure-juumin'), kind: 'FAILURE', state: 'ENDED', scope: '証明書交付機能', recordedBy: { personId: 'shimin-manager' } },
    ]);
  });

  it('第8条: a system decided but not installed is not in service', async () => {
    expect(await status('demo-kenshin-yoyaku')).toMatchObject({ inService: false, reason: 'NOT_INSTALLED', article: '第8条' });
  });
});

describe('第11条第1項第2号: a failure stops a 情報系 system until it is ended', () => {
  it('財政課 records a failure of 財務会計システム; the system is out of service with no next time; ending it restores service', async () => {
    const f = await ok(api, 'zaisei-manager', FAILURE, { systemId: gid('System', 'demo-zaimu'), occurredAt: hoursFromNow(-1), description: 'データベースの障害。' });
    expect(f).toMatchObject({ kind: 'FAILURE', state: 'ONGOING', endsAt: null, article: '第11条第1項第2号', recordedBy: { personId: 'zaisei-manager' }, viewerCanEnd: true, viewerCanCancel: false });
    expect(await status('demo-zaimu')).toMatchObject({ inService: false, reason: 'FAILURE', article: '第11条第1項第2号', interruption: { id: f.id }, nextInServiceAt: null });

    const errors = await refused(api, 'zaisei-manager', END, { interruptionId: f.id, expectedVersion: f.version + 1 });
    expect(errors).toEqual([expect.objectContaining({ code: 'STALE_VERSION', field: ['expectedVersion'] })]);
    expect(await refused(api, 'kenkou-manager', END, { interruptionId: f.id, expectedVersion: f.version })).toEqual([
      expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第10条第1項' }),
    ]);
    expect(await refused(api, 'zaisei-manager', END, { interruptionId: f.id, expectedVersion: f.version, endedAt: hoursFromNow(1) })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', field: ['endedAt'] }),
    ]);

    const ended = await ok(api, 'zaisei-manager', END, { interruptionId: f.id, expectedVersion: f.version });
    expect(ended).toMatchObject({ state: 'ENDED', version: 2, viewerCanEnd: false });
    expect(await status('demo-zaimu')).toMatchObject({ inService: true, reason: 'ALL_DAY' });
    expect(await refused(api, 'zaisei-manager', END, { interruptionId: f.id, expectedVersion: 2 })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    const trail = await api.data('soumu-director', `query($id: ID!) { auditTrail(objectId: $id, first: 10) { nodes { action article actor { personId } } } }`, { id: f.id });
    expect(trail.auditTrail.nodes).toEqual([
      { action: 'failure.recorded', article: '第11条第1項第2号', actor: { personId: 'zaisei-manager' } },
      { action: 'failure.ended', article: '第11条第1項第2号', actor: { personId: 'zaisei-manager' } },
    ]);
  });

  it('a failure in the future is not recorded', async () => {
    expect(await refused(api, 'zaisei-manager', FAILURE, { systemId: gid('System', 'demo-zaimu'), occurredAt: hoursFromNow(2), description: 'x' })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第11条第1項第2号', field: ['occurredAt'] }),
    ]);
  });
});

describe('第11条各項第1号: maintenance stops', () => {
  it('第11条第1項第1号: a 情報系 stop announced after it started is refused (NOT_IN_ADVANCE), and nothing is written', async () => {
    const errors = await refused(api, 'digital-manager', ANNOUNCE, { systemId: gid('System', 'demo-homepage'), scope: '全体', startsAt: hoursFromNow(-1), endsAt: hoursFromNow(2), description: '緊急保守。' });
    expect(errors).toEqual([expect.objectContaining({ code: 'NOT_IN_ADVANCE', article: '第11条第1項第1号', field: ['startsAt'] })]);
  });

  it('第11条第2項第1号: a 業務系 stop under way is recorded without advance announcement; it stops the system in working hours; cut short, service is back', async () => {
    const m = await ok(api, 'kenkou-manager', ANNOUNCE, { systemId: gid('System', 'demo-hoken'), scope: '予防接種記録機能', startsAt: hoursFromNow(-1), endsAt: hoursFromNow(3), description: '緊急のパッチ適用。' });
    expect(m).toMatchObject({ state: 'ONGOING', article: '第11条第2項第1号', announcedBy: { personId: 'kenkou-manager' }, viewerCanEnd: true, viewerCanCancel: false });
    const during = await status('demo-hoken');
    expect(during.interruptions).toEqual([{ id: m.id }]);
    if (during.reason !== 'CLOSED_DAY' && during.reason !== 'OUTSIDE_WORKING_HOURS') {
      expect(during).toMatchObject({ inService: false, reason: 'MAINTENANCE_STOP', article: '第11条第2項第1号' });
    }
    expect(await refused(api, 'kenkou-manager', END, { interruptionId: m.id, expectedVersion: 1, endedAt: hoursFromNow(4) })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第11条第2項第1号', field: ['endedAt'] }),
    ]);
    const cut = await ok(api, 'soumu-director', END, { interruptionId: m.id, expectedVersion: 1 });
    expect(cut).toMatchObject({ state: 'ENDED', version: 2 });
    expect((await status('demo-hoken')).interruptions).toEqual([]);
  });

  it('a stop not yet begun is cancelled; it leaves the list and stops nothing; it cannot be cancelled twice', async () => {
    const startsAt = hoursFromNow(48);
    const m = await ok(api, 'digital-manager', ANNOUNCE, { systemId: gid('System', 'demo-homepage'), scope: 'お知らせ機能', startsAt, endsAt: hoursFromNow(50), description: 'CMS更新。' });
    expect(m).toMatchObject({ state: 'SCHEDULED', viewerCanEnd: false, viewerCanCancel: true });
    expect(await status('demo-homepage', hoursFromNow(49))).toMatchObject({ reason: 'MAINTENANCE_STOP', interruption: { id: m.id } });
    expect(await refused(api, 'digital-manager', END, { interruptionId: m.id, expectedVersion: 1 })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(await refused(api, 'shimin-manager', CANCEL, { interruptionId: m.id, expectedVersion: 1 })).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第10条第1項' })]);

    const c = await ok(api, 'digital-manager', CANCEL, { interruptionId: m.id, expectedVersion: 1, reason: '日程変更。' });
    expect(c).toMatchObject({ state: 'CANCELLED', cancellationReason: '日程変更。', viewerCanCancel: false });
    expect(await status('demo-homepage', hoursFromNow(49))).toMatchObject({ inService: true, reason: 'ALL_DAY', interruptions: [] });
    expect(await refused(api, 'digital-manager', CANCEL, { interruptionId: m.id, expectedVersion: 2 })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    const list = await api.data('digital-manager', `{ node(id: "${gid('System', 'demo-homepage')}") { ... on System { serviceInterruptions(first: 10) { nodes { id } } } } }`);
    expect(list.node.serviceInterruptions.nodes).not.toContainEqual({ id: m.id });
    const node = await api.data('shimin-staff', `query($id: ID!) { node(id: $id) { ... on ServiceInterruption { state system { id } } } }`, { id: m.id });
    expect(node.node).toEqual({ state: 'CANCELLED', system: { id: gid('System', 'demo-homepage') } });
  });

  it('第10条: staff and other departments are refused; scope and period are required', async () => {
    const input = { systemId: gid('System', 'demo-juumin'), scope: '全体', startsAt: hoursFromNow(24), endsAt: hoursFromNow(26), description: '保守。' };
    expect(await refused(api, 'shimin-staff', ANNOUNCE, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第10条第2項' })]);
    expect(await refused(api, 'kenkou-manager', ANNOUNCE, input)).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第10条第2項' })]);
    expect(await refused(api, 'shimin-manager', ANNOUNCE, { ...input, endsAt: hoursFromNow(23) })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['endsAt'] })]);
    expect(await refused(api, 'shimin-manager', ANNOUNCE, { ...input, scope: '   ' })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['scope'] })]);
    expect(await refused(api, 'shimin-manager', ANNOUNCE, { ...input, systemId: gid('Department', 'shimin') })).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['systemId'] })]);
  });
});

describe('第11条第2項: the working calendar (last: it changes what follows)', () => {
  it('everyone reads it: Mon–Fri 08:30–17:15 Asia/Tokyo, national holidays and 年末年始 closed; only the administrator may update it', async () => {
    const { workingCalendar: c } = await api.data('shimin-staff', CALENDAR);
    expect(c).toMatchObject({
      id: gid('WorkingCalendar', 'city'),
      version: 1,
      timeZone: 'Asia/Tokyo',
      closedOnNationalHolidays: true,
      recurringClosedDays: [{ from: '12-29', until: '01-03', name: '年末年始' }],
      extraClosedDates: [],
      viewerCanUpdate: false,
      updatedBy: { personId: 'soumu-director' },
    });
    expect(c.weeklyHours.map((h: { weekday: string }) => h.weekday)).toEqual(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY']);
    expect(c.weeklyHours[0]).toEqual({ weekday: 'MONDAY', start: '08:30', end: '17:15' });
    expect((await api.data('soumu-director', CALENDAR)).workingCalendar.viewerCanUpdate).toBe(true);
  });

  async function input(extra: Record<string, unknown> = {}) {
    const { workingCalendar: c } = await api.data('soumu-director', CALENDAR);
    return {
      expectedVersion: c.version,
      closedOnNationalHolidays: c.closedOnNationalHolidays,
      weeklyHours: c.weeklyHours,
      recurringClosedDays: c.recurringClosedDays,
      extraClosedDates: c.extraClosedDates,
      extraWorkingDates: c.extraWorkingDates,
      ...extra,
    };
  }

  it("an extra closed date of the city closes 業務系 systems that day; refusals write nothing", async () => {
    const wednesday = next(3);
    const closed = [{ date: wednesday, name: '庁舎電気設備点検' }];
    expect(await refused(api, 'shimin-manager', UPDATE, await input({ extraClosedDates: closed }))).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第11条第2項' })]);
    expect(await refused(api, 'soumu-director', UPDATE, await input({ extraClosedDates: closed, expectedVersion: 7 }))).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    expect(await refused(api, 'soumu-director', UPDATE, await input({ weeklyHours: [{ weekday: 'MONDAY', start: '25:00', end: '17:15' }] }))).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第11条第2項', field: ['weeklyHours', '0', 'start'] }),
    ]);

    const c = await ok(api, 'soumu-director', UPDATE, await input({ extraClosedDates: closed }));
    expect(c).toMatchObject({ version: 2, extraClosedDates: closed });
    const s = await status('demo-juumin', jst(wednesday, '10:00'));
    if (s.closedDay?.kind !== 'NATIONAL_HOLIDAY') expect(s).toMatchObject({ reason: 'CLOSED_DAY', closedDay: { kind: 'CITY_CLOSED_DAY', name: '庁舎電気設備点検' } });
    const { workingCalendar } = await api.data('soumu-director', CALENDAR);
    expect(workingCalendar.auditTrail.nodes.at(-1)).toEqual({ action: 'workingCalendar.updated', actor: { personId: 'soumu-director' } });
  });

  it('two updates from the same version race: exactly one wins, the other is told the calendar changed', async () => {
    const base = await input();
    const results = await Promise.all([
      api.data('soumu-director', UPDATE, { input: { ...base, extraClosedDates: [{ date: next(4), name: 'A' }] } }),
      api.data('soumu-director', UPDATE, { input: { ...base, extraClosedDates: [{ date: next(5), name: 'B' }] } }),
    ]);
    const payloads = results.map((r) => r.updateWorkingCalendar);
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    expect(payloads.filter((p) => p.userErrors.length > 0)[0].userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    expect((await api.data('soumu-director', CALENDAR)).workingCalendar.version).toBe(base.expectedVersion + 1);
  });
});
