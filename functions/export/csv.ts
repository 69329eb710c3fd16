/** CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Japanese as such), RFC 4180 quoting, CRLF line ends. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { TableWriter } from './writer';

const BOM = '\uFEFF';

/** A field, quoted when it holds a comma, a quote or a line break (a quote doubled), as RFC 4180 says. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: (string | number)[]) => `${cells.map(csvField).join(',')}\r\n`;

export function csvWriter(out: Writable, headers: string[]): TableWriter {
  let started = false;
  async function write(text: string): Promise<void> {
    // The stream's own back-pressure: wait while it holds more than it wants, so memory holds a page at most.
    if (!out.write(text, 'utf8')) await once(out, 'drain');
  }
  return {
    async page(rows) {
      const head = started ? '' : BOM + line(headers);
      started = true;
      await write(head + rows.map(line).join(''));
    },
    async end() {
      if (!started) await write(BOM + line(headers));
      out.end();
      await once(out, 'finish');
    },
  };
}
