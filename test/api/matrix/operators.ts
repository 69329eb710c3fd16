/** Rows of the authorization matrix for 操作職員等 (第12条, 様式第5号): who may operate a system. */
import { gid } from '../../support/api';
import { OK, Row, api, day, make, shiminPerson, shiminSystem } from '../../support/matrix';

/** A 情報系 system of 市民課 and a person the system administrator designated on it from today. */
async function directDesignation() {
  const system = await shiminSystem({ category: 'INFORMATION' });
  return make('soumu-director', 'designateOperator', { systemId: system.id, personId: await shiminPerson(), validFrom: day(0) });
}

/** A 業務系 system of 市民課 and a person its information manager designated from tomorrow on 様式第5号. */
async function reportedDesignation() {
  const system = await shiminSystem();
  const report = await make('shimin-manager', 'reportOperators', { systemId: system.id, entries: [{ action: 'DESIGNATE', personId: await shiminPerson(), effectiveOn: day(1) }], submit: true });
  const data = await api.data('shimin-manager', 'query($id: ID!) { node(id: $id) { ... on OperatorReport { designations { id version } } } }', { id: report.id });
  return data.node.designations[0] as { id: string; version: number };
}

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou                soumu-director              shimin-manager               kenkou-manager                      soumu-manager                       digital-manager                     shimin-staff
  // 第12条第1項: the system administrator designates and releases the operators of a 情報系 system.
  { mutation: 'designateOperator', variant: '情報系',
                                    cells: ['FORBIDDEN 第12条第1項',   OK,                        'FORBIDDEN 第12条第1項',    'FORBIDDEN 第12条第1項',          'FORBIDDEN 第12条第1項',          'FORBIDDEN 第12条第1項',          'FORBIDDEN 第12条第1項'],
    input: async () => { const s = await shiminSystem({ category: 'INFORMATION' }); return { systemId: s.id, personId: await shiminPerson(), validFrom: day(0) }; } },
  // 第12条第2項: a 業務系 system's operators are designated by its information manager on 様式第5号, by no one directly.
  { mutation: 'designateOperator', variant: '業務系',
                                    cells: ['FORBIDDEN 第12条第2項',   'FORBIDDEN 第12条第2項',   'FORBIDDEN 第12条第2項',    'FORBIDDEN 第12条第2項',          'FORBIDDEN 第12条第2項',          'FORBIDDEN 第12条第2項',          'FORBIDDEN 第12条第2項'],
    input: async () => { const s = await shiminSystem(); return { systemId: s.id, personId: await shiminPerson(), validFrom: day(1) }; } },
  { mutation: 'releaseOperator', variant: '情報系',
                                    cells: ['FORBIDDEN 第12条第1項',   OK,                        'FORBIDDEN 第12条第1項',    'FORBIDDEN 第12条第1項',          'FORBIDDEN 第12条第1項',          'FORBIDDEN 第12条第1項',          'FORBIDDEN 第12条第1項'],
    input: async () => { const d = await directDesignation(); return { designationId: d.id, expectedVersion: d.version, effectiveOn: day(1) }; } },
  { mutation: 'releaseOperator', variant: '業務系',
                                    cells: ['FORBIDDEN 第12条第2項',   'FORBIDDEN 第12条第2項',   'FORBIDDEN 第12条第2項',    'FORBIDDEN 第12条第2項',          'FORBIDDEN 第12条第2項',          'FORBIDDEN 第12条第2項',          'FORBIDDEN 第12条第2項'],
    input: async () => { const d = await reportedDesignation(); return { designationId: d.id, expectedVersion: d.version, effectiveOn: day(2) }; } },
  // 第12条第2項: the information manager of the 業務系 system's department reports (様式第5号); the SA receives it (decideApplication).
  { mutation: 'reportOperators', variant: '業務系',
                                    cells: ['FORBIDDEN 第12条第2項',   'FORBIDDEN 第12条第2項',   OK,                         'WRONG_DEPARTMENT 第12条第2項',   'WRONG_DEPARTMENT 第12条第2項',   'WRONG_DEPARTMENT 第12条第2項',   'FORBIDDEN 第12条第2項'],
    input: async () => { const s = await shiminSystem(); return { systemId: s.id, entries: [{ action: 'DESIGNATE', personId: await shiminPerson(), effectiveOn: day(1) }], submit: true }; } },
  // 第12条第1項: a 情報系 system's operators are the system administrator's to designate, not reported.
  { mutation: 'reportOperators', variant: '情報系',
                                    cells: ['FORBIDDEN 第12条第1項',   'FORBIDDEN 第12条第1項',   'FORBIDDEN 第12条第1項',    'FORBIDDEN 第12条第1項',          'FORBIDDEN 第12条第1項',          'FORBIDDEN 第12条第1項',          'FORBIDDEN 第12条第1項'],
    input: async () => { const s = await shiminSystem({ category: 'INFORMATION' }); return { systemId: s.id, entries: [{ action: 'DESIGNATE', personId: gid('Person', 'shimin-staff'), effectiveOn: day(1) }], submit: true }; } },
];
