/** The demo city's systems (第2条第5号): 情報系 and 業務系, internal and external, one decided but not installed. */
import { SystemRecord } from '../../domain/systems';

export type DemoSystem = Pick<SystemRecord, 'id' | 'name' | 'description' | 'category' | 'network' | 'purposes' | 'status' | 'owningDepartmentId' | 'educationOrResearchOnly'>;

export const DEMO_SYSTEMS: DemoSystem[] = [
  { id: 'demo-groupware', name: 'グループウェア', description: '全庁の掲示板・スケジュール・文書共有。', category: 'INFORMATION', network: 'INTERNAL', purposes: ['EFFICIENCY', 'LABOUR_REDUCTION'], status: 'INSTALLED', owningDepartmentId: 'digital', educationOrResearchOnly: false },
  { id: 'demo-zaimu', name: '財務会計システム', description: '予算編成・執行・決算。', category: 'INFORMATION', network: 'INTERNAL', purposes: ['EFFICIENCY', 'COST_SAVING'], status: 'INSTALLED', owningDepartmentId: 'zaisei', educationOrResearchOnly: false },
  { id: 'demo-homepage', name: '白石市ホームページ(電子案内)', description: '市民への情報提供。', category: 'INFORMATION', network: 'EXTERNAL', purposes: ['CITIZEN_WELFARE', 'ADMINISTRATIVE_STANDARDS'], status: 'INSTALLED', owningDepartmentId: 'digital', educationOrResearchOnly: false },
  { id: 'demo-juumin', name: '住民情報システム', description: '住民基本台帳・印鑑登録・証明書交付。', category: 'BUSINESS', network: 'INTERNAL', purposes: ['CITIZEN_WELFARE', 'EFFICIENCY'], status: 'INSTALLED', owningDepartmentId: 'shimin', educationOrResearchOnly: false },
  { id: 'demo-hoken', name: '保健福祉システム', description: '健診・予防接種・母子保健の記録。', category: 'BUSINESS', network: 'INTERNAL', purposes: ['CITIZEN_WELFARE'], status: 'INSTALLED', owningDepartmentId: 'kenkou', educationOrResearchOnly: false },
  { id: 'demo-kenshin-yoyaku', name: '健診オンライン予約', description: '市民が健診を予約するウェブサービス(決定済・未設置)。', category: 'BUSINESS', network: 'EXTERNAL', purposes: ['CITIZEN_WELFARE', 'LABOUR_REDUCTION'], status: 'DECIDED', owningDepartmentId: 'kenkou', educationOrResearchOnly: false },
  { id: 'demo-gakushu', name: '学習用端末管理システム', description: '学校の授業で使う端末の管理(教育専用、第8条ただし書)。', category: 'BUSINESS', network: 'EXTERNAL', purposes: ['ADMINISTRATIVE_STANDARDS'], status: 'INSTALLED', owningDepartmentId: 'kyouiku', educationOrResearchOnly: true },
];

/** A demo system as the seed writes it (version 1). */
export function demoSystemRecord(s: DemoSystem, actor: string, now: string): SystemRecord {
  // 業務系: the department whose work it processes (第10条第2項); 情報系: the department designated (第1項).
  const own = s.owningDepartmentId;
  const basis = s.category === 'BUSINESS' ? 'PROCESSING_DEPARTMENT' : 'DESIGNATED';
  return {
    ...s,
    processingDepartmentIds: s.category === 'BUSINESS' ? [own] : [],
    maintenance: { departmentId: own, basis, assignedBy: actor, assignedAt: now },
    costBearing: { departmentId: own, basis, assignedBy: actor, assignedAt: now },
    documents: [{ kind: 'OPERATIONS_MANUAL', title: `${s.name} 運用マニュアル`, location: '共有フォルダ/情報システム/運用' }],
    connectedSystemIds: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
    decidedAt: now,
    installedAt: s.status === 'INSTALLED' ? now : undefined,
  };
}

