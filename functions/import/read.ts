/**
 * The city's registers as they come: `.csv` in UTF-8 (with or without BOM) or Shift_JIS (Windows-31J, as Excel in
 * Japan writes it), or `.xlsx` (its first sheet). The first row names the columns; each further row becomes the cells
 * under those names, with its row number as a person sees it in Excel.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

export interface Row {
  /** The row number in the file (the header is row 1). */
  line: number;
  cells: Record<string, string>;
}

export interface Sheet {
  columns: string[];
  rows: Row[];
  /** How the file was read: `UTF-8`, `Shift_JIS` or `xlsx`. */
  encoding: string;
}

/** The text of a CSV file: UTF-8 when it decodes as such (BOM or not), else Shift_JIS. */
export function decodeCsv(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const iconv = require('iconv-lite') as typeof import('iconv-lite');
    return { text: iconv.decode(bytes, 'CP932'), encoding: 'Shift_JIS' };
  }
}

function sheetOf(table: string[][], encoding: string): Sheet {
  const [header = [], ...body] = table;
  const columns = header.map((h) => h.trim());
  const rows = body
    .map((cells, i) => ({ line: i + 2, cells: Object.fromEntries(columns.map((c, j) => [c, (cells[j] ?? '').trim()])) }))
    .filter((r) => Object.values(r.cells).some((v) => v !== ''));
  return { columns, rows, encoding };
}

export async function readSheet(path: string): Promise<Sheet> {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') {
    const { text, encoding } = decodeCsv(readFileSync(path));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('csv-parse/sync') as typeof import('csv-parse/sync');
    return sheetOf(parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][], encoding);
  }
  if (ext === '.xlsx') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ExcelJS = require('exceljs') as typeof import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.worksheets[0];
    const table: string[][] = [];
    sheet?.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const v = cell.value;
        // Dates in Excel cells are Date objects: the calendar date, as the register means it.
        cells[col - 1] = v instanceof Date ? v.toISOString().slice(0, 10) : cell.text ?? '';
      });
      table[n - 1] = cells;
    });
    return sheetOf(Array.from(table, (r) => r ?? []), 'xlsx');
  }
  throw new Error(`${path}: .csv か .xlsx のファイルを指定してください / give a .csv or .xlsx file`);
}
