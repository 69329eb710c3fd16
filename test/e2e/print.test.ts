/**
 * The printed 様式 as a city clerk prints them: `npm start` (the compiled server, its own port and data folder), each
 * form's printUrl opened in headless Chromium and printed to PDF on A4 (`page.pdf`), as a browser's "Save as PDF"
 * does. Each prints on exactly one page, with a Japanese font embedded (Noto Serif CJK JP, from the machine: nothing
 * fetched), its title in the page, and every request the page made went to the local server.
 *
 * Needs Debian's `chromium` and `fonts-noto-cjk` (.ci/run installs both). Without Chromium this test fails and says
 * so: it is never skipped. PRINT_PDFS=<folder> keeps the PDFs to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { LocalServer } from '../support/localServer';
import { launchChromium, localData, pdfFonts, pdfPageCount } from '../support/printBrowser';
import { PRINT_HEADINGS, PrintCase, printCases, printUrlOf } from '../support/printForms';

const server = new LocalServer();
let browser: Browser | undefined;
let cases: PrintCase[] = [];

beforeAll(async () => {
  await server.start();
  browser = await launchChromium();
  cases = await printCases(localData(server));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server.remove();
});

const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true; // not a network request
  return ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
};

describe('each 様式 printed from Chromium', () => {
  it.each(PRINT_HEADINGS)('%s prints on one A4 page, in a Japanese font, loading nothing from outside the machine', async (heading) => {
    const c = cases.find((x) => x.heading === heading)!;
    const link = await printUrlOf(localData(server), c);
    const page = await browser!.newPage();
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    try {
      const res = await page.goto(`${server.base}${link}`);
      expect(res?.status()).toBe(200);
      // What the clerk reads before printing: the heading and the form's name, in the page's text.
      const text = await page.locator('main').innerText();
      expect(text).toContain(heading);
      expect(await page.locator('h1').innerText()).toBe(c.name);
      for (const s of c.shows) expect(text).toContain(s);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      if (process.env.PRINT_PDFS) {
        mkdirSync(process.env.PRINT_PDFS, { recursive: true });
        writeFileSync(join(process.env.PRINT_PDFS, `${heading.replace(/[()\s]/g, '_')}.pdf`), pdf);
      }
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfPageCount(pdf)).toBe(1);
      expect(pdfFonts(pdf).some((f) => /NotoSerifCJK/i.test(f))).toBe(true);
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.map((r) => r.url()).filter((u) => !isLocal(u))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a link opened after it was tampered with shows the Japanese 404 page, not the form', async () => {
    const c = cases.find((x) => x.heading.startsWith('様式第8号(第15条'))!;
    const link = await printUrlOf(localData(server), c);
    const page = await browser!.newPage();
    try {
      const res = await page.goto(`${server.base}${link.replace('v=shimin-staff', 'v=soumu-director')}`);
      expect(res?.status()).toBe(404);
      expect(await page.locator('h1').innerText()).toBe('ページが見つかりません');
    } finally {
      await page.close();
    }
  });
});
