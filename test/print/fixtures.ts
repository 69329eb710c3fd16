/** The people, departments and objects the printed forms name, as the pure renderers receive them (`Related`). */
import type { Decision } from '../../functions/domain/workflow';
import { Related, emptyRelated } from '../../functions/print/layout';

export function related(): Related {
  const r = emptyRelated();
  const base = { version: 1, createdAt: '2026-04-01T00:00:00Z', updatedAt: '2026-04-01T00:00:00Z' };
  for (const [id, name] of [['shimin', '市民課'], ['kenkou', '健康推進課'], ['digital', 'デジタル推進課'], ['tokubetsu', '市長・副市長(特別職)'], ['soumu', '総務課']]) {
    r.departments.set(id, { id, name, ...base });
  }
  for (const [id, name, departmentId, title] of [
    ['shimin-manager', '伊藤 大輔', 'shimin', '市民課長'],
    ['kenkou-manager', '渡辺 由美', 'kenkou', '健康推進課長'],
    ['soumu-director', '佐藤 健一', 'soumu', '総務部長'],
    ['fuku-shichou', '白石 一郎', 'tokubetsu', '副市長'],
    ['soumu-assistant', '阿部 恵', 'soumu', '総務課長補佐'],
    ['shimin-staff', '小林 さくら', 'shimin', '主事'],
  ]) {
    r.people.set(id, { id, name, departmentId, title, ...base });
  }
  r.systems.set('juumin', { id: 'juumin', name: '住民情報システム', category: 'BUSINESS', network: 'INTERNAL', purposes: ['CITIZEN_WELFARE', 'EFFICIENCY'], status: 'INSTALLED', owningDepartmentId: 'shimin' } as never);
  r.systems.set('groupware', { id: 'groupware', name: 'グループウェア', category: 'INFORMATION', network: 'INTERNAL', purposes: ['EFFICIENCY'], status: 'INSTALLED', owningDepartmentId: 'digital' } as never);
  r.datasets.set('ds-juumin', { id: 'ds-juumin', systemId: 'juumin', departmentId: 'shimin', name: '住民基本台帳データ', containsPersonalInformation: true, ...base } as never);
  r.pages.set('page-mynumber', { id: 'page-mynumber', departmentId: 'shimin', title: 'マイナンバーカードの申請', path: '/kurashi/mynumber' } as never);
  r.categories.set('cat-kurashi', { id: 'cat-kurashi', name: 'くらし・手続き', createdBy: 'soumu-manager', ...base });
  return r;
}

/** Approved on 2026-04-10 (Tokyo) by the system administrator's acting person, with a condition. */
export const ACTING_DECISION: Decision = {
  outcome: 'APPROVED',
  decidedBy: 'soumu-assistant',
  decidedAt: '2026-04-10T01:00:00Z',
  conditions: ['稼働前に操作研修を行うこと'],
  actingFor: 'soumu-director',
};

/** The workflow part of an application submitted on 2026-04-03 (Tokyo). */
export const SUBMITTED = { status: 'SUBMITTED' as const, version: 2, submittedAt: '2026-04-02T23:30:00Z', createdAt: '2026-04-01T00:00:00Z', updatedAt: '2026-04-02T23:30:00Z' };
