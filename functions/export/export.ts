/**
 * Every register as .xlsx or .csv: `exportRegister` reads it page by page through the same lists and read rules as the
 * API and writes each page as it comes, so a register of any length is exported in the memory of one page.
 */
import type { Writable } from 'node:stream';
import { refuse } from '../domain/refusal';
import { Context } from '../resolvers/context';
import { fromGlobalId } from '../../graphql/globalId';
import { DateStyle, ExportFilters, FilterName, RegisterExport, Row, cellText } from './columns';
import { csvWriter } from './csv';
import { xlsxWriter } from './xlsx';
import { readableOnly } from './pages';
import { auditTrail } from './auditTrail';
import { dataUseGrants } from './dataUseGrants';
import { datasets } from './datasets';
import { externalProvisions } from './externalProvisions';
import { mailAddresses } from './mailAddresses';
import { operators } from './operators';
import { serverRoomEntries } from './serverRoomEntries';
import { systems } from './systems';
import { virusIncidents } from './virusIncidents';

/** Each register by the name its URL and `npm run export` use. */
export const REGISTERS = {
  systems,
  datasets,
  dataUseGrants,
  externalProvisions,
  mailAddresses,
  operators,
  serverRoomEntries,
  virusIncidents,
  auditTrail,
} satisfies Record<string, RegisterExport<Row>>;
export type RegisterName = keyof typeof REGISTERS;

export const FORMATS = ['xlsx', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export interface ExportOptions {
  format: Format;
  dates: DateStyle;
  filters: ExportFilters;
}

export function isRegister(name: string): name is RegisterName {
  return Object.prototype.hasOwnProperty.call(REGISTERS, name);
}

/** An id a filter names: the API's global id, or the plain key (a department's code, a person's id) a clerk types. */
function keyOf(value: string, type: 'Department' | 'Person'): string {
  const decoded = fromGlobalId(value);
  return decoded?.type === type ? decoded.key : value;
}

/** The filters as the register's list takes them; one it does not take is refused, never silently ignored. */
function checkedFilters(register: RegisterName, filters: ExportFilters): ExportFilters {
  const takes: readonly FilterName[] = REGISTERS[register].filters;
  for (const name of Object.keys(filters) as FilterName[]) {
    if (filters[name] !== undefined && !takes.includes(name)) {
      refuse('INVALID_VALUE', [`${REGISTERS[register].title}は ${name} で絞り込めません(${takes.join('・') || '絞込みなし'})。`, `${register} cannot be filtered by ${name}.`], undefined, [name]);
    }
  }
  return {
    ...filters,
    departmentId: filters.departmentId && keyOf(filters.departmentId, 'Department'),
    personId: filters.personId && keyOf(filters.personId, 'Person'),
  };
}

/**
 * The filters of a register checked as its export will check them — one it does not take, a value its list would
 * refuse — without reading anything: what a download link is checked by when it is made.
 */
export function checkExport(register: RegisterName, filters: ExportFilters): void {
  const checked = checkedFilters(register, filters);
  (REGISTERS[register] as RegisterExport<Row>).check?.(checked);
}

/** The file's name: the register's Japanese name and the day (Japan's), e.g. 行政システム台帳_2026-04-01.xlsx. */
export function fileName(register: RegisterName, format: Format, now: string): string {
  const day = new Date(Date.parse(now) + 9 * 3600_000).toISOString().slice(0, 10);
  return `${REGISTERS[register].title}_${day}.${format}`;
}

/**
 * Reads the first page before anything is written: a register the viewer may not read is refused (a Refusal, with its
 * article) before a byte goes out, and the caller can still answer with an error. Then `write` writes every page.
 */
export async function startExport(ctx: Context, register: RegisterName, options: ExportOptions): Promise<{ write(out: Writable): Promise<{ rows: number }> }> {
  const definition: RegisterExport<Row> = REGISTERS[register];
  const pages = definition.pages(ctx, checkedFilters(register, options.filters))[Symbol.asyncIterator]();
  const first = await pages.next();
  return {
    async write(out) {
      const writer =
        options.format === 'csv' ? csvWriter(out, definition.columns.map((c) => c.header)) : xlsxWriter(out, definition.title, definition.columns);
      let rows = 0;
      for (let page = first; !page.done; page = await pages.next()) {
        const shown = new Set(await readableOnly(ctx, definition.kind, page.value.map((r) => r.item)));
        const kept = page.value.filter((r) => shown.has(r.item));
        await writer.page(kept.map((r) => definition.columns.map((c) => cellText(c, r, options.dates))));
        rows += kept.length;
      }
      await writer.end();
      return { rows };
    },
  };
}

/** Exports a register to `out` (ended when done): the rows the viewer may read, in the chosen format and date style. */
export async function exportRegister(ctx: Context, register: RegisterName, options: ExportOptions, out: Writable): Promise<{ rows: number }> {
  return (await startExport(ctx, register, options)).write(out);
}
