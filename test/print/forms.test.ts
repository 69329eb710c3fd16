/**
 * The printed 様式, rendered by the pure functions of functions/print/: each form's heading, addressee by role, the
 * date in 和暦, the applicant, every field of the form, the decision block; what a person typed escaped everywhere.
 */
import type { Consultation } from '../../functions/domain/consultations';
import type { DataUseApplication } from '../../functions/domain/dataUse';
import type { MailAddressApplication } from '../../functions/domain/email';
import type { ExternalProvision } from '../../functions/domain/externalProvision';
import type { TopPageLinkRequest } from '../../functions/domain/homepage';
import type { OperatorReport } from '../../functions/domain/operators';
import { printedOf } from '../../functions/print/forms';
import { escapeHtml, html } from '../../functions/print/html';
import { ACTING_DECISION, SUBMITTED, related } from './fixtures';

const consultation = (over: Partial<Consultation>): Consultation => ({
  id: 'c1', form: 'FORM_1', action: 'DECIDE', systemId: 'juumin', title: '住民情報システムの決定', details: '窓口の待ち時間を減らす。\n令和8年度中に稼働。',
  plannedOn: '2026-07-01', applicantDepartmentId: 'shimin', applicantId: 'shimin-manager', ...SUBMITTED, ...over,
});
const dataUse: DataUseApplication = {
  id: 'd1', form: 'FORM_6', title: '住民基本台帳データの利用', datasetId: 'ds-juumin', owningDepartmentId: 'shimin', requestingDepartmentId: 'kenkou',
  purpose: '健診の受診案内', items: ['氏名', '住所'], period: { from: '2026-05-01', until: '2027-03-31' }, legalBases: [{ kind: 'OTHER_LAW', citation: '健康増進法第19条の2' }],
  applicantId: 'kenkou-manager', ...SUBMITTED,
};
const provision: ExternalProvision = {
  id: 'p1', form: 'FORM_8', title: '宮城県への提供', departmentId: 'shimin', datasetIds: ['ds-juumin'], recipient: '宮城県統計課', recipientAbroad: false,
  includesPersonalInformation: true, purpose: '統計の作成', items: ['世帯人員'], method: '電子ファイルの送付', period: { from: '2026-05-01', until: '2026-09-30' },
  requiredItems: [{ id: 'r1', title: '再委託の禁止', requiredBy: 'fuku-shichou', requiredAt: '2026-04-10T01:00:00Z' }],
  agreement: { clauses: [{ clause: 'CONFIDENTIALITY', reference: '協定書第3条', recordedBy: 'shimin-manager', recordedAt: '2026-04-11T01:00:00Z' }], documentReference: '協定書第12号' },
  applicantId: 'shimin-manager', ...SUBMITTED, status: 'APPROVED',
  decision: { outcome: 'APPROVED', decidedBy: 'fuku-shichou', decidedAt: '2026-04-10T01:00:00Z', conditions: [] },
  inspectionCount: 0,
  incidentCount: 0,
};
const report: OperatorReport = {
  id: 'o1', form: 'FORM_5', title: '操作職員の指定', systemId: 'juumin', departmentId: 'shimin', entries: [{ action: 'DESIGNATE', personId: 'shimin-staff', effectiveOn: '2026-04-15' }],
  applicantId: 'shimin-manager', ...SUBMITTED, status: 'APPROVED', decision: { outcome: 'APPROVED', decidedBy: 'soumu-director', decidedAt: '2026-04-10T01:00:00Z', conditions: [] },
};
const linkRequest: TopPageLinkRequest = {
  id: 't1', form: 'FORM_10', title: 'マイナンバーのリンク', action: 'SET', pageId: 'page-mynumber', departmentId: 'shimin', linkTitle: 'マイナンバーカード',
  categoryId: 'cat-kurashi', displayPeriod: { from: '2026-05-01' }, applicantId: 'shimin-manager', ...SUBMITTED,
};
const mailApplication: MailAddressApplication = {
  id: 'm1', form: 'FORM_11', title: '窓口用アドレス', kind: 'NEW', departmentId: 'shimin', newAddress: 'madoguchi@city.shiroishi.miyagi.jp', purpose: '問合せ用',
  wantedFrom: '2026-05-01', applicantId: 'shimin-manager', ...SUBMITTED,
};

function print(kind: string, record: object, part?: string): string {
  const printed = printedOf(kind, part);
  if (!printed) throw new Error(`${kind} is not printable`);
  return printed.render(record, related());
}

/** The text of a page, tags dropped, entities read back. */
const text = (page: string) => page.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('each form as its 様式', () => {
  it.each([
    ['様式第1号(第7条関係)', '行政システム決定の協議書', 'Consultation', consultation({}), ['情報システム管理者 様', '住民情報システム(業務系・内部のみ、市民課)', '市民福祉の向上、事務の効率化', '令和8年7月1日']],
    ['様式第2号(第8条関係)', '行政システムの設置等の協議書', 'Consultation', consultation({ form: 'FORM_2', action: 'CHANGE', proposedChanges: { name: '新住民情報システム', purposes: ['COST_SAVING'] } }), ['行政システムの変更', '名称: 新住民情報システム', '目的: 経費の節減']],
    ['様式第3号(第9条関係)', 'ネットワークシステム接続の協議書', 'Consultation', consultation({ form: 'FORM_3', action: 'CONNECT', connectSystemId: 'groupware' }), ['接続先の行政システム', 'グループウェア(情報系・内部のみ、デジタル推進課)']],
    ['様式第5号(第12条関係)', '業務系システム操作職員等指定・解除報告書', 'OperatorReport', report, ['指定', '市民課 小林 さくら', '令和8年4月15日', '受理']],
    ['様式第6号(第14条関係)', 'データ利用承認申請書', 'DataUseApplication', dataUse, ['市民課 情報管理責任者 様', '住民基本台帳データ', '健康推進課', '氏名', '令和8年5月1日 〜 令和9年3月31日', '健康増進法第19条の2']],
    ['様式第8号(第15条関係)', 'データの外部提供協議書', 'ExternalProvision', provision, ['総括管理責任者 様', '宮城県統計課', '含む', '電子ファイルの送付', '未締結', '特別職) 白石 一郎', '承認']],
    ['様式第10号(第27条関係)', 'ホームページトップページリンク設定・解除依頼書', 'TopPageLinkRequest', linkRequest, ['ホームページ運用管理者 様', 'マイナンバーカードの申請(/kurashi/mynumber)', 'くらし・手続き', '令和8年5月1日 〜 (定めなし)']],
    ['様式第11号(第28条関係)', '電子メール利用等申請書', 'MailAddressApplication', mailApplication, ['情報システム管理者 様', '新規', 'madoguchi@city.shiroishi.miyagi.jp', '令和8年5月1日']],
  ])('%s %s: heading, addressee, date in 和暦, applicant and the form’s fields', (heading, name, kind, record, shows) => {
    const page = print(kind, record);
    const t = text(page);
    expect(t).toContain(heading);
    expect(page).toContain(`<h1>${name}</h1>`);
    // Submitted 2026-04-02T23:30Z: 4月3日 in Tokyo.
    expect(t).toContain('令和8年4月3日');
    expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    for (const s of shows) expect(t).toContain(s);
    expect(page).toContain('@page { size: A4 portrait;');
    expect(page).toContain('"Noto Serif CJK JP", "Yu Mincho", "MS Mincho", serif');
  });

  it('the applicant block names the department, the role and the person', () => {
    const t = text(print('DataUseApplication', dataUse));
    expect(t).toMatch(/主管課\s*健康推進課/);
    expect(t).toMatch(/職名\s*情報管理責任者\(健康推進課長\)/);
    expect(t).toMatch(/氏名\s*渡辺 由美/);
  });
});

describe('the decision block', () => {
  it('names the decider, the date in 和暦, the outcome, the conditions, and for whom an acting person decided', () => {
    const t = text(print('Consultation', consultation({ status: 'APPROVED', decision: ACTING_DECISION })));
    expect(t).toMatch(/決裁者\s*総務課 阿部 恵/);
    expect(t).toMatch(/決裁日\s*令和8年4月10日/);
    expect(t).toMatch(/結果\s*承認/);
    expect(t).toMatch(/条件\s*稼働前に操作研修を行うこと/);
    expect(t).toMatch(/職務代理\s*総務課 佐藤 健一\(情報システム管理者\)の職務代理として決裁/);
  });

  it('is blank while undecided, and a draft says so', () => {
    const t = text(print('Consultation', consultation({ status: 'DRAFT', submittedAt: undefined })));
    expect(t).toContain('(未決裁)');
    expect(t).toContain('下書き(未提出)');
    // A draft is dated when it was made.
    expect(t).toContain('令和8年4月1日');
  });
});

describe('the agreement of an external provision', () => {
  it('第15条第4項: lists 第1号〜第7号 and each item the general manager required (第8号), each as held or not, with where it stands', () => {
    const page = print('ExternalProvision', provision, 'agreement');
    const t = text(page);
    expect(t).toContain('協定書等 記載事項確認表');
    expect(t).toContain('協定書第12号');
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) expect(t).toContain(`第${n}号`);
    expect(t).toMatch(/第1号秘密保持に関する事項✓ 済協定書第3条/);
    expect(t).toMatch(/第2号目的外の使用及び第三者への提供の禁止に関する事項未/);
    expect(t).toMatch(/第8号その他総括管理責任者が必要と認める事項: 再委託の禁止未/);
    expect(t).toContain('記載されていない事項があります');
  });

  it('is printed only as a part of an external provision', () => {
    expect(printedOf('Consultation', 'agreement')).toBeUndefined();
    expect(printedOf('ExternalProvision', 'other')).toBeUndefined();
    expect(printedOf('VirusIncident')).toBeUndefined();
  });
});

describe('escaping', () => {
  it('what a person typed is text, wherever it is printed: title, fields, lists, the recipient', () => {
    const evil = '<img src=x onerror="alert(1)">&\'';
    const page = print('ExternalProvision', { ...provision, title: evil, recipient: evil, purpose: evil, items: [evil], decision: { ...provision.decision!, conditions: [evil] } });
    expect(page).not.toContain('<img');
    expect(page.split('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;').length - 1).toBeGreaterThanOrEqual(5);
  });

  it('html`` escapes interpolations, keeps nested html``, joins arrays and prints nothing for null', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html`<p>${'<b>'}${html`<i>${'&'}</i>`}${['a', html`<br>`, 'b']}${null}${undefined}${false}${0}</p>`.text).toBe('<p>&lt;b&gt;<i>&amp;</i>a<br>b0</p>');
  });
});
