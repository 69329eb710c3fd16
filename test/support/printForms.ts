/**
 * One application of every printable 様式 in the demo city, made through the API as the regulation lets (and decided
 * where a decision block should show), for the print tests: through the Lambda handler or the local server alike.
 */
import { GraphQLObjectType, getNamedType } from 'graphql';
import { DEMO_REPORT_ID } from '../../functions/local/demo/operators';
import { getSchema } from '../../functions/api/schema';
import { tokyoDate } from '../../functions/domain/people';
import { toGlobalId } from '../../graphql/globalId';

const gid = toGlobalId;
/** A date `offset` days from today, by the city's calendar. */
const day = (offset: number) => tokyoDate(new Date(Date.now() + offset * 86_400_000).toISOString());

/** A GraphQL request as a person; its data (failing on any error). */
export type Data = (personId: string, query: string, variables?: Record<string, unknown>) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface PrintCase {
  /** What the page's heading says, e.g. 様式第8号(第15条関係). */
  heading: string;
  /** The form's name as printed. */
  name: string;
  id: string;
  /** A title or a value the page must show. */
  shows: string[];
  /** Who prints it. */
  viewer: string;
  /** `agreement` for an external provision's agreement. */
  part?: 'agreement';
}

/** The heading of every printable document, in the order of the forms. */
export const PRINT_HEADINGS = [
  '様式第1号(第7条関係)',
  '様式第2号(第8条関係)',
  '様式第3号(第9条関係)',
  '様式第5号(第12条関係)',
  '様式第6号(第14条関係)',
  '様式第8号(第15条関係)',
  '様式第8号 付属(第15条第3項・第4項関係)',
  '様式第10号(第27条関係)',
  '様式第11号(第28条関係)',
];

let serial = 0;
/** Names made unique per run (tests share a table across files); plain for a fresh city (the README's screenshot). */
let unique = (s: string) => `${s}${Date.now().toString(36)}${++serial}`;

async function make(data: Data, personId: string, field: string, input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const mutation = getSchema().getMutationType()!.getFields()[field];
  const payload = getNamedType(mutation.type) as GraphQLObjectType;
  const [object] = Object.keys(payload.getFields()).filter((f) => f !== 'userErrors');
  const objectType = getNamedType(payload.getFields()[object].type) as GraphQLObjectType;
  const selection = 'version' in objectType.getFields() ? 'id version' : 'id';
  const type = mutation.args[0].type.toString();
  const out = await data(personId, `mutation($input: ${type}) { ${field}(input: $input) { ${object} { ${selection} } userErrors { code message } } }`, { input });
  const answer = out[field];
  if (answer.userErrors.length) throw new Error(`${field} as ${personId} refused: ${JSON.stringify(answer.userErrors)}`);
  return answer[object];
}

/** The printable documents: forms 1, 2, 3, 5, 6, 8 (and its agreement), 10 and 11. */
export async function printCases(data: Data, { plainNames = false } = {}): Promise<PrintCase[]> {
  if (plainNames) unique = (s) => s;
  const system = await make(data, 'shimin-manager', 'registerSystem', {
    name: unique('窓口予約システム'),
    category: 'BUSINESS',
    network: 'INTERNAL',
    purposes: ['CITIZEN_WELFARE', 'EFFICIENCY'],
    owningDepartmentId: gid('Department', 'shimin'),
  });
  const form1Title = unique('窓口予約システムの決定<script>');
  const form1 = await make(data, 'shimin-manager', 'draftConsultation', { systemId: system.id, action: 'DECIDE', title: form1Title, details: '窓口の待ち時間を減らすため、予約制を導入する。\n令和8年度中に稼働。', plannedOn: day(30), submit: true });
  await make(data, 'soumu-director', 'decideApplication', { applicationId: form1.id, expectedVersion: form1.version, outcome: 'APPROVED', conditions: ['個人情報の取扱いを事前に確認すること'] });
  const form2Title = unique('健診オンライン予約の設置');
  const form2 = await make(data, 'kenkou-manager', 'draftConsultation', { systemId: gid('System', 'demo-kenshin-yoyaku'), action: 'INSTALL', title: form2Title, details: '決定済みの健診予約システムを設置する。', submit: true });
  const form3Title = unique('保健福祉システムとグループウェアの接続');
  const form3 = await make(data, 'kenkou-manager', 'draftConsultation', { systemId: gid('System', 'demo-hoken'), action: 'CONNECT', connectSystemId: gid('System', 'demo-groupware'), title: form3Title, details: '健診日程の掲示のため接続する。', submit: true });
  const form6 = await make(data, 'kenkou-manager', 'applyForDataUse', {
    datasetId: gid('Dataset', 'demo-ds-juumin'),
    requestingDepartmentId: gid('Department', 'kenkou'),
    purpose: unique('健診の受診案内の送付'),
    items: ['氏名', '住所', '生年月日'],
    legalBases: [{ kind: 'INTERNAL_USE' }],
    period: { from: day(1), until: day(90) },
    submit: true,
  });
  const recipient = unique('宮城県観光課');
  const form8 = await make(data, 'digital-manager', 'consultExternalProvision', {
    datasetIds: [gid('Dataset', 'demo-ds-shisetsu')],
    recipient,
    recipientAbroad: false,
    includesPersonalInformation: false,
    purpose: '施設案内地図の作成',
    items: ['施設名', '所在地', '開館時間'],
    method: '集計表の電子ファイルを庁内便で送付',
    legalBases: [{ kind: 'OTHER_LAW', citation: '統計法第33条' }],
    period: { from: day(1), until: day(180) },
    submit: true,
  });
  let { version } = await make(data, 'fuku-shichou', 'decideApplication', { applicationId: form8.id, expectedVersion: form8.version, outcome: 'APPROVED', conditions: ['作成後の原票を廃棄すること'], requiredClauses: ['再委託の禁止'] });
  for (const [i, clause] of ['CONFIDENTIALITY', 'NO_OTHER_PURPOSE_OR_THIRD_PARTY', 'NO_COPYING', 'RETURN_OR_DISPOSAL'].entries()) {
    ({ version } = await make(data, 'digital-manager', 'recordAgreementClause', { provisionId: form8.id, expectedVersion: version, clause, reference: `協定書第${i + 1}条` }));
  }
  const form11Address = `${unique('madoguchi')}@city.shiroishi.miyagi.jp`;
  const form11 = await make(data, 'shimin-manager', 'applyForMailAddress', { kind: 'NEW', departmentId: gid('Department', 'shimin'), newAddress: form11Address, purpose: '窓口予約の問合せ用。', submit: true });
  const links = await data('soumu-director', 'query($id: ID!) { node(id: $id) { ... on HomepagePage { topPageLinkRequests(first: 1) { nodes { id title } } } } }', { id: gid('HomepagePage', 'demo-page-mynumber') });
  const form10 = links.node.topPageLinkRequests.nodes[0];
  return [
    { heading: '様式第1号(第7条関係)', name: '行政システム決定の協議書', id: form1.id, shows: [form1Title, '佐藤 健一', '個人情報の取扱いを事前に確認すること'], viewer: 'shimin-staff' },
    { heading: '様式第2号(第8条関係)', name: '行政システムの設置等の協議書', id: form2.id, shows: [form2Title, '健診オンライン予約'], viewer: 'shimin-staff' },
    { heading: '様式第3号(第9条関係)', name: 'ネットワークシステム接続の協議書', id: form3.id, shows: [form3Title, 'グループウェア', '保健福祉システム'], viewer: 'shimin-staff' },
    { heading: '様式第5号(第12条関係)', name: '業務系システム操作職員等指定・解除報告書', id: gid('OperatorReport', DEMO_REPORT_ID), shows: ['住民情報システム'], viewer: 'shimin-staff' },
    { heading: '様式第6号(第14条関係)', name: 'データ利用承認申請書', id: form6.id, shows: ['市民課 情報管理責任者 様', '住民基本台帳データ', '生年月日'], viewer: 'kenkou-staff' },
    { heading: '様式第8号(第15条関係)', name: 'データの外部提供協議書', id: form8.id, shows: ['総括管理責任者 様', recipient, '白石 一郎', '作成後の原票を廃棄すること', '統計法第33条', '公共施設一覧'], viewer: 'shimin-staff' },
    { heading: '様式第8号 付属(第15条第3項・第4項関係)', name: '協定書等 記載事項確認表', id: form8.id, part: 'agreement', shows: ['秘密保持に関する事項', '協定書第1条', '再委託の禁止', '第8号'], viewer: 'shimin-staff' },
    { heading: '様式第10号(第27条関係)', name: 'ホームページトップページリンク設定・解除依頼書', id: form10.id, shows: [form10.title, 'ホームページ運用管理者 様'], viewer: 'shimin-staff' },
    { heading: '様式第11号(第28条関係)', name: '電子メール利用等申請書', id: form11.id, shows: [form11Address, '情報システム管理者 様'], viewer: 'shimin-staff' },
  ];
}

/** The viewer's printUrl of a case, as the API answers it. */
export async function printUrlOf(data: Data, c: Pick<PrintCase, 'id' | 'part' | 'viewer'>): Promise<string> {
  const out = await data(c.viewer, 'query($id: ID!) { node(id: $id) { ... on Application { printUrl } ... on ExternalProvision { agreement { printUrl } } } }', { id: c.id });
  return c.part === 'agreement' ? out.node.agreement.printUrl : out.node.printUrl;
}
