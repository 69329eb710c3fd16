/**
 * Headless Chromium for the printed forms (Debian's /usr/bin/chromium driven by playwright-core, which downloads
 * nothing), and the GraphQL of `npm start` as the print fixtures use it (test/support/printForms.ts).
 */
import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';
import type { Data } from './printForms';
import type { LocalServer } from './localServer';

export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium が見つかりません(${CHROMIUM})。様式の印刷の試験に必要です: apt-get install -y chromium fonts-noto-cjk\n` +
        `Chromium not found at ${CHROMIUM}; printing the forms needs it: apt-get install -y chromium fonts-noto-cjk (Debian). .ci/run installs it.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** GraphQL over HTTP to the local server as a person (one token per person, as `npm run token` prints it). */
export function localData(server: LocalServer): Data {
  const tokens = new Map<string, string>();
  return async (personId, query, variables) => {
    if (!tokens.has(personId)) tokens.set(personId, server.token(personId));
    const res = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(personId)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    if (res.status !== 200 || body.errors) throw new Error(`${res.status} ${JSON.stringify(body)}`);
    return body.data;
  };
}

/** Pages in a PDF Chromium printed: its page objects (`/Type /Page`, not `/Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** The fonts a PDF embeds, by the names their descriptors give (subset prefixes dropped). */
export function pdfFonts(pdf: Buffer): string[] {
  return [...new Set([...pdf.toString('latin1').matchAll(/\/(?:BaseFont|FontName)\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]()]+)/g)].map((m) => m[1]))];
}
