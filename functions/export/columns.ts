/**
 * What every register's export declares: its columns (the Japanese heading, the value of a row, whether it is a date)
 * and how its rows are read, page by page. The formats (csv.ts, xlsx.ts) and the entry point (export.ts) work from
 * this alone, so a register is one file of declarations.
 */
import { wareki, warekiTime } from '../domain/period';
import { Kind } from '../domain/kinds';
import { Context } from '../resolvers/context';

/** How a date a person reads is written: 和暦 (令和8年4月1日) or ISO-8601 (2026-04-01). */
export const DATE_STYLES = ['WAREKI', 'ISO'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

/**
 * The filters of a register, as its list in the API takes them. A register names the ones it takes (`filters`);
 * any other is refused, so a filter added to one register later is never silently ignored by another.
 */
export interface ExportFilters {
  /** The department (its code): the systems it owns, its data, its grants, its provisions, its addresses. */
  departmentId?: string;
  /** The audit trail of one object: its global id. */
  objectId?: string;
  /** The audit trail of what one person did: their id. */
  personId?: string;
  /** The systems register, as `systems(filter, orderBy)` takes them: statuses (comma-separated), a category, a network. */
  status?: string;
  category?: string;
  network?: string;
  /** Words of a name (on their own, as in the API). */
  text?: string;
  /** REGISTERED or NAME, and ASC or DESC. */
  orderBy?: string;
  direction?: string;
  /** Days of Japan's calendar (YYYY-MM-DD), both included: the audit trail, the server-room entries. */
  from?: string;
  until?: string;
}
export type FilterName = keyof ExportFilters;
/** Every filter a request may name (`?departmentId=…&status=INSTALLED,DECIDED`); each register takes some. */
export const FILTER_NAMES = ['departmentId', 'objectId', 'personId', 'status', 'category', 'network', 'text', 'orderBy', 'direction', 'from', 'until'] as const satisfies readonly FilterName[];

export type Cell = string | number | undefined;

export interface Column<R> {
  /** The heading, in Japanese. */
  header: string;
  /** The value of a row: text, a number, or for a date column the ISO date or instant as stored. */
  value(row: R): Cell;
  /** A date (`YYYY-MM-DD`) or an instant (ISO-8601), written as the user chose (`DateStyle`). */
  date?: 'DATE' | 'TIME';
  /** Width in characters in the workbook (Japanese text counts about two a character). */
  width?: number;
}

/** A row: the object of the register (asked its read rule) and what the row shows beside it. */
export type Row<T extends object = object> = { item: T };

export interface RegisterExport<R extends Row> {
  /** The register's name in the city's words: the sheet's name and the file's. */
  title: string;
  /** The kind of the rows' objects, whose read rule every row passes (functions/domain/kinds.ts), or an audit event. */
  kind: Kind | 'AuditEvent';
  /** The filters its list takes (the API's arguments). */
  filters: readonly FilterName[];
  columns: Column<R>[];
  /**
   * Its rows, page by page (export.ts leaves out a row whose object the viewer may not read). Refuses (throws a
   * Refusal) before the first page when the viewer may not read the register at all.
   */
  pages(ctx: Context, filters: ExportFilters): AsyncIterable<R[]>;
  /** Refuses (throws a Refusal naming the filter) a value of a filter its list would refuse, before any read. */
  check?(filters: ExportFilters): void;
}

/** 有/無 for a yes-or-no column. */
export const yesNo = (b: boolean | undefined): string => (b ? '有' : '無');

/** Several values in one cell, as the city's ledgers write them (the import reads the same separator). */
export const listed = (values: readonly (string | undefined)[] | undefined): string => (values ?? []).filter(Boolean).join('、');

/** An instant in Japan's time, ISO-8601 with its offset: 2026-04-01T10:30:00+09:00. */
function tokyoIso(instant: string): string {
  const t = new Date(Date.parse(instant) + 9 * 3600_000).toISOString();
  return `${t.slice(0, 19)}+09:00`;
}

/** A cell as written: a date column in the chosen style; nothing as an empty cell. */
export function cellText<R>(column: Column<R>, row: R, dates: DateStyle): string | number {
  const v = column.value(row);
  if (v === undefined || v === '') return '';
  if (!column.date || typeof v !== 'string') return v;
  if (column.date === 'DATE') return dates === 'WAREKI' ? wareki(v.slice(0, 10)) : v.slice(0, 10);
  return dates === 'WAREKI' ? warekiTime(v) : tokyoIso(v);
}
