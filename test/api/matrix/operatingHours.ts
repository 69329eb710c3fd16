/** Rows of the authorization matrix for 操作時間 (第11条): the working calendar, maintenance stops and failures, and whether a system is in service. */
import { gid } from '../../support/api';
import { OK, Row, api, make, shiminSystem, unique } from '../../support/matrix';

const at = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

/** A 情報系 system of 市民課 whose maintenance the system administrator designated to デジタル推進課 (第10条第1項). */
async function informationSystemMaintainedByDigital() {
  const s = await shiminSystem({ category: 'INFORMATION' });
  return make('soumu-director', 'assignSystemResponsibility', { systemId: s.id, expectedVersion: s.version, kind: 'MAINTENANCE', basis: 'DESIGNATED', departmentId: gid('Department', 'digital') });
}

const stop = (systemId: string) => ({ systemId, scope: unique('全機能'), startsAt: at(24), endsAt: at(30), description: '定期保守。' });

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou                soumu-director              shimin-manager               kenkou-manager                      soumu-manager                       digital-manager                     shimin-staff
  // 第11条第2項: the working hours are the city's; the system administrator keeps the calendar.
  { mutation: 'updateWorkingCalendar', cells: ['FORBIDDEN 第11条第2項', OK,                  'FORBIDDEN 第11条第2項',    'FORBIDDEN 第11条第2項',          'FORBIDDEN 第11条第2項',          'FORBIDDEN 第11条第2項',          'FORBIDDEN 第11条第2項'],
    input: async () => {
      const { workingCalendar: c } = await api.data('soumu-director', `{ workingCalendar { version closedOnNationalHolidays weeklyHours { weekday start end }
        recurringClosedDays { from until name } extraClosedDates { date name } extraWorkingDates { date start end note } } }`);
      const { version, ...rest } = c;
      return { expectedVersion: version, ...rest };
    } },
  // 第10条第2項: a 業務系 system's stops are announced by the information manager of the department that maintains it.
  { mutation: 'announceMaintenanceStop', variant: '業務系 (第10条第2項)',
                                    cells: ['FORBIDDEN 第10条第2項',   OK,                        OK,                         'WRONG_DEPARTMENT 第10条第2項',   'WRONG_DEPARTMENT 第10条第2項',   'WRONG_DEPARTMENT 第10条第2項',   'FORBIDDEN 第10条第2項'],
    input: async () => stop((await shiminSystem()).id) },
  // 第10条第1項: a 情報系 system's, by the information manager the system administrator designated (here デジタル推進課).
  { mutation: 'announceMaintenanceStop', variant: '情報系 maintained by デジタル推進課 (第10条第1項)',
                                    cells: ['FORBIDDEN 第10条第1項',   OK,                        'WRONG_DEPARTMENT 第10条第1項', 'WRONG_DEPARTMENT 第10条第1項', 'WRONG_DEPARTMENT 第10条第1項',   OK,                                 'FORBIDDEN 第10条第1項'],
    input: async () => stop((await informationSystemMaintainedByDigital()).id) },
  { mutation: 'recordSystemFailure', cells: ['FORBIDDEN 第10条第2項',   OK,                        OK,                         'WRONG_DEPARTMENT 第10条第2項',   'WRONG_DEPARTMENT 第10条第2項',   'WRONG_DEPARTMENT 第10条第2項',   'FORBIDDEN 第10条第2項'],
    input: async () => ({ systemId: (await shiminSystem()).id, occurredAt: at(-1), description: '帳票サーバの障害。' }) },
  { mutation: 'endServiceInterruption', cells: ['FORBIDDEN 第10条第2項', OK,                      OK,                         'WRONG_DEPARTMENT 第10条第2項',   'WRONG_DEPARTMENT 第10条第2項',   'WRONG_DEPARTMENT 第10条第2項',   'FORBIDDEN 第10条第2項'],
    input: async () => {
      const s = await shiminSystem();
      const f = await make('shimin-manager', 'recordSystemFailure', { systemId: s.id, occurredAt: at(-1), description: '回線の障害。' });
      return { interruptionId: f.id, expectedVersion: f.version };
    } },
  { mutation: 'cancelMaintenanceStop', cells: ['FORBIDDEN 第10条第2項', OK,                       OK,                         'WRONG_DEPARTMENT 第10条第2項',   'WRONG_DEPARTMENT 第10条第2項',   'WRONG_DEPARTMENT 第10条第2項',   'FORBIDDEN 第10条第2項'],
    input: async () => {
      const s = await shiminSystem();
      const m = await make('shimin-manager', 'announceMaintenanceStop', stop(s.id));
      return { interruptionId: m.id, expectedVersion: m.version, reason: '延期。' };
    } },
];
