/**
 * The demo city's 操作職員等 (第12条, 様式第5号): 市民課's information manager designated 職員 小林 on 住民情報システム
 * (業務系) by a 様式第5号 the system administrator received; the system administrator designated the contract
 * staff member 吉田 on グループウェア (情報系) directly.
 */
import { OperatorDesignation, OperatorReport, OperatorSlot } from '../../domain/operators';
import { Part, alongWith } from '../../domain/change';
import { SeedBatch, seedOf, seeded } from './seedBatch';

/**
 * Stable, and shaped like an id of its submission time (resolvers/support.ts newId), so it sorts among the applicant's
 * applications (myApplications) by when it was made.
 */
export const DEMO_REPORT_ID = '0lflu55s0000de0000005';

export function demoOperators(now: string): SeedBatch[] {
  const report: OperatorReport = {
    id: DEMO_REPORT_ID,
    form: 'FORM_5',
    title: '「住民情報システム」操作職員等指定・解除報告',
    systemId: 'demo-juumin',
    departmentId: 'shimin',
    entries: [{ action: 'DESIGNATE', personId: 'shimin-staff', effectiveOn: '2023-04-01' }],
    note: '人事異動による窓口担当の指定。',
    applicantId: 'shimin-manager',
    status: 'APPROVED',
    submittedAt: '2023-03-24T01:00:00.000Z',
    decision: { outcome: 'APPROVED', decidedBy: 'soumu-director', decidedAt: '2023-03-27T02:00:00.000Z', conditions: [] },
    version: 3,
    createdAt: '2023-03-24T01:00:00.000Z',
    updatedAt: '2023-03-27T02:00:00.000Z',
  };
  const juumin: OperatorDesignation = {
    id: 'demo-operator-juumin-shimin-staff',
    systemId: 'demo-juumin',
    personId: 'shimin-staff',
    validFrom: '2023-04-01',
    basis: 'REPORT',
    reportId: DEMO_REPORT_ID,
    designatedBy: 'shimin-manager',
    status: 'ACTIVE',
    version: 1,
    createdAt: report.submittedAt as string,
    updatedAt: report.submittedAt as string,
  };
  const groupware: OperatorDesignation = {
    id: 'demo-operator-groupware-contractor',
    systemId: 'demo-groupware',
    personId: 'digital-contractor',
    validFrom: '2024-04-01',
    basis: 'ADMINISTRATOR',
    designatedBy: 'soumu-director',
    status: 'ACTIVE',
    version: 1,
    createdAt: '2024-03-15T00:00:00.000Z',
    updatedAt: '2024-03-15T00:00:00.000Z',
  };
  // The person's slot on the system, new (its first version): the periods of their designations there.
  const slot = (d: OperatorDesignation): Part => ({
    part: 'OperatorSlot',
    value: {
      systemId: d.systemId,
      personId: d.personId,
      periods: [{ designationId: d.id, validFrom: d.validFrom, validUntil: '9999-12-31' }],
      version: 1,
    } satisfies OperatorSlot,
  });
  return [
    seeded(alongWith(seedOf('OperatorReport', report), { changes: seedOf('OperatorDesignation', juumin).changes, parts: [slot(juumin)] }), now, ['seed-opreport-juumin', 'seed-operator-juumin']),
    seeded(alongWith(seedOf('OperatorDesignation', groupware), { parts: [slot(groupware)] }), now, 'seed-operator-groupware'),
  ];
}
