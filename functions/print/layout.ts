/**
 * The page every printed 様式 shares: A4 portrait, print CSS inline, a Mincho font stack that needs nothing from the
 * network; the heading (様式第N号(第N条関係)), the date in 和暦, the addressee by role, the applicant, the form's
 * fields, and the decision block. Pure: the objects a form names are handed in (`Related`), already read.
 */
import type { Department, Person } from '../domain/people';
import { tokyoDate } from '../domain/people';
import { wareki } from '../domain/period';
import type { Dataset } from '../domain/datasets';
import type { HomepageCategory, HomepagePage } from '../domain/homepage';
import type { SystemRecord } from '../domain/systems';
import type { ApplicationStatus, Decision, DecisionOutcome } from '../domain/workflow';
import { Markup, Printable, html } from './html';

/** The objects a form names, by id, read before rendering. */
export interface Related {
  people: Map<string, Person>;
  departments: Map<string, Department>;
  systems: Map<string, SystemRecord>;
  datasets: Map<string, Dataset>;
  pages: Map<string, HomepagePage>;
  categories: Map<string, HomepageCategory>;
}

/** The ids a form names, to be read before it is rendered. */
export type Refs = { [K in keyof Related]?: (string | undefined)[] };

export const emptyRelated = (): Related => ({ people: new Map(), departments: new Map(), systems: new Map(), datasets: new Map(), pages: new Map(), categories: new Map() });

/** What one application's printed page holds. */
export interface Sheet {
  /** 様式第8号 */
  form: string;
  /** 第15条関係 */
  article: string;
  /** データの外部提供協議書 */
  name: string;
  /** The addressee by role: 総括管理責任者, or 総務課 情報管理責任者. */
  addressee: string;
  /** When it was submitted (a draft: when it was made), an ISO instant. */
  dated: string;
  applicant: { personId: string; departmentId: string; role: string };
  /** The sentence above the fields: 下記のとおり協議します。 */
  lead: string;
  subject: string;
  fields: [label: string, value: Printable][];
  /** A table or checklist below the fields (様式第5号's entries, the agreement's clauses). */
  more?: Markup;
  status: ApplicationStatus;
  decision?: Decision;
  /** The words of the outcomes where they are not 承認・不承認・差戻し (様式第5号: 受理). */
  outcomeWords?: Partial<Record<DecisionOutcome, string>>;
  /** The deciding role, for 職務代理 (…の職務代理). */
  deciderRole: string;
}

const OUTCOME_WORDS: Record<DecisionOutcome, string> = { APPROVED: '承認', REJECTED: '不承認', RETURNED: '差戻し' };
const STATUS_NOTE: Partial<Record<ApplicationStatus, string>> = { DRAFT: '下書き(未提出)', WITHDRAWN: '取下げ済み', RETURNED: '差戻し中' };

/** A date (YYYY-MM-DD or an instant) as printed: 令和8年4月1日; empty when absent. */
export function dateJa(value: string | undefined): string {
  if (!value) return '';
  return wareki(value.length === 10 ? value : tokyoDate(value));
}

export function personName(related: Related, id: string | undefined): string {
  if (!id) return '';
  return related.people.get(id)?.name ?? '(不明な職員)';
}

export function departmentName(related: Related, id: string | undefined): string {
  if (!id) return '';
  return related.departments.get(id)?.name ?? '(不明な主管課)';
}

/** 総務課 白石 太郎: a person with their department. */
export function personWithDepartment(related: Related, id: string | undefined): string {
  if (!id) return '';
  const p = related.people.get(id);
  return p ? `${departmentName(related, p.departmentId)} ${p.name}` : '(不明な職員)';
}

/** A list printed as lines. */
export function lines(values: readonly string[] | undefined): Markup {
  return html`${(values ?? []).map((v, i) => html`${i ? html`<br>` : ''}${v}`)}`;
}

/** Text as typed, its line breaks kept. */
export function paragraph(text: string | undefined): Markup {
  return html`<span class="text">${text ?? ''}</span>`;
}

/** A period of dates: 令和8年4月1日 〜 令和9年3月31日 (open: 〜 定めなし). */
export function periodJa(p: { from: string; until?: string } | undefined): string {
  if (!p) return '';
  return `${dateJa(p.from)} 〜 ${p.until ? dateJa(p.until) : '(定めなし)'}`;
}

/** The people and departments every sheet names: the applicant, the decider, the one acted for. */
export function sheetRefs(r: { applicantId: string; decision?: Decision }, departmentIds: (string | undefined)[]): Refs {
  return { people: [r.applicantId, r.decision?.decidedBy, r.decision?.actingFor], departments: departmentIds };
}

const CSS = `
@page { size: A4 portrait; margin: 18mm 18mm 16mm 20mm; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0; font-family: "Noto Serif CJK JP", "Yu Mincho", "MS Mincho", serif; font-size: 10.5pt; line-height: 1.55; color: #000; }
.sheet { width: 172mm; margin: 0 auto; }
@media screen { body { background: #eee; } .sheet { background: #fff; min-height: 263mm; margin: 8mm auto; padding: 14mm 16mm; width: 210mm; box-shadow: 0 0 4px #999; } }
.form-no { font-size: 10pt; margin: 0; }
.status { float: right; border: 1px solid #000; padding: 0 2mm; font-size: 9pt; }
.dated { text-align: right; margin: 3mm 0 0; }
h1 { font-size: 15pt; text-align: center; letter-spacing: 0.2em; margin: 6mm 0 5mm; font-weight: bold; }
.addressee { margin: 0 0 3mm; font-size: 11pt; }
.applicant { margin: 0 0 4mm auto; width: 92mm; border-collapse: collapse; }
.applicant th { text-align: left; font-weight: normal; width: 22mm; padding: 0.4mm 0; }
.applicant td { padding: 0.4mm 0; }
.lead { margin: 3mm 0; }
.ki { text-align: center; margin: 2mm 0; }
table.fields, table.grid { width: 100%; border-collapse: collapse; margin: 0 0 4mm; page-break-inside: avoid; }
table.fields th, table.fields td, table.grid th, table.grid td { border: 0.3mm solid #000; padding: 1.2mm 2mm; vertical-align: top; text-align: left; }
table.fields th { width: 44mm; font-weight: normal; background: #f3f3f3; }
table.grid th { font-weight: normal; background: #f3f3f3; }
table.grid td.mark { text-align: center; width: 12mm; }
.text { white-space: pre-wrap; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; font-weight: bold; }
.decision th { width: 44mm; }
.note { font-size: 8.5pt; margin: 1mm 0 0; }
@media print { .sheet { width: auto; margin: 0; padding: 0; box-shadow: none; } body { background: #fff; } }
`;

/** A whole page: the head with its inline CSS and the body. */
export function page(title: string, body: Markup): string {
  return html`<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new Markup(CSS)}</style>
</head>
<body>
<main class="sheet">
${body}
</main>
</body>
</html>
`.text;
}

/** The decision block: 決裁者, 決裁日 (和暦), 結果, 理由, 条件, 職務代理. Blank lines while undecided. */
export function decisionBlock(related: Related, d: Decision | undefined, deciderRole: string, outcomeWords: Sheet['outcomeWords'] = {}): Markup {
  const outcome = d ? (outcomeWords[d.outcome] ?? OUTCOME_WORDS[d.outcome]) : '';
  const acting = d?.actingFor ? `${personWithDepartment(related, d.actingFor)}(${deciderRole})の職務代理として決裁` : d ? 'なし' : '';
  return html`<h2>決裁</h2>
<table class="fields decision">
<tr><th>決裁者</th><td>${d ? personWithDepartment(related, d.decidedBy) : '(未決裁)'}</td></tr>
<tr><th>決裁日</th><td>${d ? dateJa(d.decidedAt) : ''}</td></tr>
<tr><th>結果</th><td>${outcome}</td></tr>
<tr><th>理由</th><td>${paragraph(d?.reason)}</td></tr>
<tr><th>条件</th><td>${lines(d?.conditions)}</td></tr>
<tr><th>職務代理</th><td>${acting}</td></tr>
</table>`;
}

/** What every application's sheet takes from its record: the date it bears, its title, its applicant, where it stands, its decision. */
export function sheetOf(
  r: { title: string; applicantId: string; status: ApplicationStatus; submittedAt?: string; createdAt: string; decision?: Decision },
  s: Omit<Sheet, 'dated' | 'subject' | 'status' | 'decision' | 'applicant'> & { applicant: Omit<Sheet['applicant'], 'personId'> },
): Sheet {
  const applicant = { ...s.applicant, personId: r.applicantId };
  return { ...s, applicant, dated: r.submittedAt ?? r.createdAt, subject: r.title, status: r.status, decision: r.decision };
}

/** The page of one application, laid out as its 様式. */
export function sheetPage(s: Sheet, related: Related): string {
  const applicant = related.people.get(s.applicant.personId);
  const note = STATUS_NOTE[s.status];
  const body = html`<p class="form-no">${s.form}(${s.article})${note ? html`<span class="status">${note}</span>` : ''}</p>
<p class="dated">${dateJa(s.dated)}</p>
<p class="addressee">${s.addressee} 様</p>
<table class="applicant">
<tr><th>主管課</th><td>${departmentName(related, s.applicant.departmentId)}</td></tr>
<tr><th>職名</th><td>${s.applicant.role}${applicant?.title ? `(${applicant.title})` : ''}</td></tr>
<tr><th>氏名</th><td>${applicant?.name ?? '(不明な職員)'}</td></tr>
</table>
<h1>${s.name}</h1>
<p class="lead">${s.lead}</p>
<p class="ki">記</p>
<table class="fields">
<tr><th>件名</th><td>${s.subject}</td></tr>
${s.fields.map(([label, value]) => html`<tr><th>${label}</th><td>${value}</td></tr>\n`)}
</table>
${s.more ?? ''}
${decisionBlock(related, s.decision, s.deciderRole, s.outcomeWords)}`;
  return page(`${s.form} ${s.name}「${s.subject}」`, body);
}
