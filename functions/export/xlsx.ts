/**
 * An Excel workbook written with exceljs's streaming WorkbookWriter: each row is committed (written out and dropped)
 * as it is added, strings inline rather than in a shared table, so memory does not grow with the rows. One sheet: a
 * bold header row, frozen, with the widths the register's columns declare.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import { TableWriter } from './writer';

export function xlsxWriter(out: Writable, sheetName: string, columns: { header: string; width?: number }[]): TableWriter {
  // Required here, not imported above: the deployed bundle keeps exceljs in a file of its own (functions/api/bundle.js),
  // parsed only by a request for an .xlsx export.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof ExcelJSModule;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '白石市 行政情報ネットワークシステム';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  return {
    async page(rows) {
      for (const cells of rows) sheet.addRow(cells).commit();
      // exceljs writes into its zip stream as rows are committed; wait while the destination is full.
      if (out.writableNeedDrain) await once(out, 'drain');
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
