/** 通知: what is due goes to the one who must act, once per stage. */
import { DueItem, addressNotices, holdersOf, waitingStage } from '../../functions/domain/reminders';
import { RoleAssignment } from '../../functions/domain/people';

const NOW = '2026-06-15T00:00:00Z';
const a = (personId: string, role: RoleAssignment['role'], departmentId?: string, validUntil?: string): RoleAssignment => ({
  id: `${personId}-${role}`,
  personId,
  role,
  departmentId,
  validFrom: '2023-04-01',
  validUntil,
  version: 1,
  createdAt: NOW,
});
const CITY = [a('soumu-director', 'SYSTEM_ADMINISTRATOR'), a('shimin-manager', 'INFORMATION_MANAGER', 'shimin'), a('old-shimin', 'INFORMATION_MANAGER', 'shimin', '2026-03-31'), a('soumu-manager', 'HOMEPAGE_OPERATIONS_MANAGER')];

const item = (extra: Partial<DueItem>): DueItem => ({
  kind: 'PASSWORD_OVERDUE',
  subjectType: 'PasswordChange',
  subjectId: 'shimin-staff|demo-juumin',
  dueOn: '2026-06-01',
  stage: 'overdue',
  message: '住民情報システムのパスワードの更新期限を過ぎています。',
  to: { personId: 'shimin-staff' },
  ...extra,
});

describe('addressing notices', () => {
  it('a notice to a person goes to that person, citing the article of its kind', () => {
    const { notices } = addressNotices([item({})], CITY, NOW);
    expect(notices).toEqual([expect.objectContaining({ addresseeId: 'shimin-staff', article: '第24条第3項', id: 'PASSWORD_OVERDUE#shimin-staff|demo-juumin#overdue#shimin-staff' })]);
  });

  it('a notice to a role goes to whoever holds it today, of that department', () => {
    expect(holdersOf(CITY, 'INFORMATION_MANAGER', NOW, 'shimin')).toEqual(['shimin-manager']);
    const { notices } = addressNotices([item({ kind: 'PROVISION_PAST_PERIOD', to: { role: 'INFORMATION_MANAGER', departmentId: 'shimin' } })], CITY, NOW);
    expect(notices.map((n) => [n.addresseeId, n.article])).toEqual([['shimin-manager', '第15条第4項第4号']]);
  });

  it('a role nobody holds leaves the item unaddressed, not lost', () => {
    const { notices, unaddressed } = addressNotices([item({ to: { role: 'GENERAL_MANAGER' } })], CITY, NOW);
    expect(notices).toEqual([]);
    expect(unaddressed).toHaveLength(1);
  });

  it('the same item at the same stage has the same id (the job may run twice); a new stage is a new notice', () => {
    const first = addressNotices([item({ stage: '7' })], CITY, NOW).notices[0].id;
    expect(addressNotices([item({ stage: '7' })], CITY, '2026-06-16T00:00:00Z').notices[0].id).toBe(first);
    expect(addressNotices([item({ stage: '1' })], CITY, NOW).notices[0].id).not.toBe(first);
  });
});

describe('applications waiting for a decision', () => {
  it('reminded at 14 days, then every further 14', () => {
    expect(waitingStage('2026-06-02T00:00:00Z', NOW)).toBeUndefined();
    expect(waitingStage('2026-06-01T00:00:00Z', NOW)).toBe('waiting-14');
    expect(waitingStage('2026-05-18T00:00:00Z', NOW)).toBe('waiting-28');
  });
});
