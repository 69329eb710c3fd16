/**
 * `npm run screenshot:print`: docs/print-form8.png, 様式第8号 as it prints — `npm start` on a data folder of its own,
 * the demo city's 総務課 consulting on providing 公共施設一覧 outside (approved by the deputy mayor), its printUrl
 * opened in headless Chromium with print media emulated at A4's width. Needs /usr/bin/chromium and fonts-noto-cjk.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { LocalServer } from './localServer';
import { launchChromium, localData } from './printBrowser';
import { printCases, printUrlOf } from './printForms';

/** A4 at 96 dpi: 210 mm wide, 297 mm tall. */
const A4 = { width: 794, height: 1123 };
const out = join(__dirname, '..', '..', '..', 'docs', 'print-form8.png');

async function main(): Promise<void> {
  const server = new LocalServer();
  const browser = await launchChromium();
  try {
    await server.start();
    const data = localData(server);
    const form8 = (await printCases(data, { plainNames: true })).find((c) => c.heading === '様式第8号(第15条関係)');
    if (!form8) throw new Error('no 様式第8号 among the printed forms');
    const page = await browser.newPage({ viewport: A4, deviceScaleFactor: 1.5 });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${server.base}${await printUrlOf(data, form8)}`);
    // The page as printed: the sheet with @page's margins around it, on white.
    await page.addStyleTag({ content: 'body { padding: 18mm 18mm 16mm 20mm; }' });
    await page.screenshot({ path: out, fullPage: false });
    console.log(`wrote ${out}`);
  } finally {
    await browser.close();
    await server.remove();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
