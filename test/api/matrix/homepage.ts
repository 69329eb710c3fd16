/** Rows of the authorization matrix for ホームページ (第27条, 様式第10号): pages, categories, top-page links and the periodic check. */
import { gid } from '../../support/api';
import { Made, OK, Row, make, unique } from '../../support/matrix';

const KURASHI = gid('HomepageCategory', 'demo-cat-kurashi');

/** A fresh page of 市民課, drafted by its staff; opened by its information manager when `open`. */
async function shiminPage(open: boolean): Promise<Made> {
  const p = await make('shimin-staff', 'draftHomepagePage', {
    departmentId: gid('Department', 'shimin'),
    title: unique('権限表のページ'),
    path: `/matrix/${unique('page-')}`,
    categoryId: KURASHI,
    postingPeriod: { from: '2024-04-01' },
  });
  return open ? make('shimin-manager', 'openHomepagePage', { pageId: p.id, expectedVersion: p.version }) : p;
}

/** 様式第10号 of 市民課's information manager for a fresh open page, submitted. */
async function linkRequest(): Promise<Made> {
  const page = await shiminPage(true);
  return make('shimin-manager', 'requestTopPageLink', { pageId: page.id, action: 'SET', submit: true });
}

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou                     soumu-director                   shimin-manager                   kenkou-manager                        soumu-manager                         digital-manager                       shimin-staff
  // 第27条第2項第4号: the homepage operations manager (総務課長) coordinates the categories.
  { mutation: 'createHomepageCategory', cells: ['FORBIDDEN 第27条第2項第4号', 'FORBIDDEN 第27条第2項第4号', 'FORBIDDEN 第27条第2項第4号', 'FORBIDDEN 第27条第2項第4号',     OK,                                   'FORBIDDEN 第27条第2項第4号',         'FORBIDDEN 第27条第2項第4号'],
    input: async () => ({ name: unique('権限表カテゴリ') }) },
  // 第27条第4項第3号: the department's staff or its information manager drafts its pages.
  { mutation: 'draftHomepagePage',  cells: ['FORBIDDEN 第27条第4項第3号', 'FORBIDDEN 第27条第4項第3号', OK,                             'WRONG_DEPARTMENT 第27条第4項第3号', 'WRONG_DEPARTMENT 第27条第4項第3号', 'WRONG_DEPARTMENT 第27条第4項第3号', OK],
    input: async () => ({ departmentId: gid('Department', 'shimin'), title: '権限表のページ', path: `/matrix/${unique('draft-')}`, categoryId: KURASHI, postingPeriod: { from: '2024-04-01' } }) },
  // 第27条第4項第1号: the department's information manager, as ホームページ情報管理者, approves opening, stopping, abolishing.
  { mutation: 'openHomepagePage',   cells: ['FORBIDDEN 第27条第4項第1号', 'FORBIDDEN 第27条第4項第1号', OK,                             'WRONG_DEPARTMENT 第27条第4項第1号', 'WRONG_DEPARTMENT 第27条第4項第1号', 'WRONG_DEPARTMENT 第27条第4項第1号', 'FORBIDDEN 第27条第4項第1号'],
    input: async () => { const p = await shiminPage(false); return { pageId: p.id, expectedVersion: p.version }; } },
  // 第27条第4項第2号: the department's information manager coordinates with the departments its page's information relates to.
  { mutation: 'setHomepagePageRelatedDepartments', cells: ['FORBIDDEN 第27条第4項第2号', 'FORBIDDEN 第27条第4項第2号', OK,          'WRONG_DEPARTMENT 第27条第4項第2号', 'WRONG_DEPARTMENT 第27条第4項第2号', 'WRONG_DEPARTMENT 第27条第4項第2号', 'FORBIDDEN 第27条第4項第2号'],
    input: async () => { const p = await shiminPage(false); return { pageId: p.id, expectedVersion: p.version, departmentIds: [gid('Department', 'kenkou')] }; } },
  { mutation: 'recordHomepageCoordination', cells: ['FORBIDDEN 第27条第4項第2号', 'FORBIDDEN 第27条第4項第2号', OK,                 'WRONG_DEPARTMENT 第27条第4項第2号', 'WRONG_DEPARTMENT 第27条第4項第2号', 'WRONG_DEPARTMENT 第27条第4項第2号', 'FORBIDDEN 第27条第4項第2号'],
    input: async () => {
      const d = await shiminPage(false);
      const p = await make('shimin-manager', 'setHomepagePageRelatedDepartments', { pageId: d.id, expectedVersion: d.version, departmentIds: [gid('Department', 'kenkou')] });
      return { pageId: p.id, expectedVersion: p.version, departmentId: gid('Department', 'kenkou'), withPersonId: gid('Person', 'kenkou-manager'), on: '2024-04-01', outcome: 'AGREED' };
    } },
  { mutation: 'stopHomepagePage',   cells: ['FORBIDDEN 第27条第4項第1号', 'FORBIDDEN 第27条第4項第1号', OK,                             'WRONG_DEPARTMENT 第27条第4項第1号', 'WRONG_DEPARTMENT 第27条第4項第1号', 'WRONG_DEPARTMENT 第27条第4項第1号', 'FORBIDDEN 第27条第4項第1号'],
    input: async () => { const p = await shiminPage(true); return { pageId: p.id, expectedVersion: p.version }; } },
  { mutation: 'abolishHomepagePage', cells: ['FORBIDDEN 第27条第4項第1号', 'FORBIDDEN 第27条第4項第1号', OK,                            'WRONG_DEPARTMENT 第27条第4項第1号', 'WRONG_DEPARTMENT 第27条第4項第1号', 'WRONG_DEPARTMENT 第27条第4項第1号', 'FORBIDDEN 第27条第4項第1号'],
    input: async () => { const p = await shiminPage(true); return { pageId: p.id, expectedVersion: p.version }; } },
  // 第27条第2項第2号: the homepage operations manager checks posting periods and content periodically.
  { mutation: 'recordHomepageCheck', cells: ['FORBIDDEN 第27条第2項第2号', 'FORBIDDEN 第27条第2項第2号', 'FORBIDDEN 第27条第2項第2号', 'FORBIDDEN 第27条第2項第2号',   OK,                                   'FORBIDDEN 第27条第2項第2号',         'FORBIDDEN 第27条第2項第2号'],
    input: async () => { const p = await shiminPage(true); return { pageId: p.id, expectedVersion: p.version, note: '確認済。' }; } },
  // 第27条第4項第4号: the information manager of the page's department sends 様式第10号 …
  { mutation: 'requestTopPageLink', cells: ['FORBIDDEN 第27条第4項第4号', 'FORBIDDEN 第27条第4項第4号', OK,                             'WRONG_DEPARTMENT 第27条第4項第4号', 'WRONG_DEPARTMENT 第27条第4項第4号', 'WRONG_DEPARTMENT 第27条第4項第4号', 'FORBIDDEN 第27条第4項第4号'],
    input: async () => { const p = await shiminPage(true); return { pageId: p.id, action: 'SET' }; } },
  // … to the homepage operations manager, who decides it (the link is set in the same transaction).
  { mutation: 'decideApplication', variant: '様式第10号 (第27条第4項第4号: the homepage operations manager)',
                                    cells: ['FORBIDDEN 第27条第4項第4号', 'FORBIDDEN 第27条第4項第4号', 'FORBIDDEN 第27条第4項第4号', 'FORBIDDEN 第27条第4項第4号',   OK,                                   'FORBIDDEN 第27条第4項第4号',         'FORBIDDEN 第27条第4項第4号'],
    input: async () => { const r = await linkRequest(); return { applicationId: r.id, expectedVersion: r.version, outcome: 'APPROVED' }; } },
];
