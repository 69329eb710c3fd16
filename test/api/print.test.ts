/**
 * GET /print/{id} through the real Lambda handler (API Gateway v2 events) against DynamoDB Local: the printUrl an
 * application gives its reader opens its 様式 for ten minutes; a tampered, expired or borrowed link, an unknown
 * viewer, and an object the viewer may not read all answer the same Japanese 404 page.
 */
import { createHmac } from 'node:crypto';
import { Api, gid, setupApi, v2Event } from '../support/api';
import { PRINT_HEADINGS, PrintCase, printCases, printUrlOf } from '../support/printForms';
import { LINK_SIGNING_KEY, linkSigningKey } from '../../functions/store/linkSigningKey';
import { Store } from '../../functions/store/store';
import { configFromEnv } from '../../functions/store/client';
import { ensureTable } from '../../functions/store/createTable';

let api: Api;
let cases: PrintCase[];
beforeAll(async () => {
  api = await setupApi();
  cases = await printCases(api.data);
}, 120_000);

/** Opens a link (path and query) as a browser would: no bearer token. */
async function open(link: string) {
  const url = new URL(link, 'https://abc123.execute-api.ap-northeast-1.amazonaws.com');
  return api.invoke(v2Event({ method: 'GET', path: url.pathname, rawQueryString: url.search.slice(1) }));
}

const NOT_FOUND = 'ページが見つかりません';

function expectNotFound(res: { status: number; headers: Record<string, string>; raw: string }) {
  expect(res.status).toBe(404);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.raw).toContain(NOT_FOUND);
}

/** A link re-signed with the table's key for another viewer or expiry: what only the key's holder can make. */
async function signedBy(store: Store, id: string, viewer: string, expires: number, part?: string) {
  const key = await linkSigningKey(store, () => Buffer.alloc(32), new Date().toISOString());
  const resource = `/print/${encodeURIComponent(id)}${part ? `?d=${part}` : ''}`;
  const s = createHmac('sha256', key).update(`${resource}\n${viewer}\n${expires}`).digest('base64url');
  return `/print/${encodeURIComponent(id)}?${part ? `d=${part}&` : ''}v=${encodeURIComponent(viewer)}&e=${expires}&s=${s}`;
}

describe('a printed 様式 through its signed link', () => {
  it.each(PRINT_HEADINGS)('%s: its printUrl opens the form as HTML, no-store, under a CSP that loads nothing', async (heading) => {
    const c = cases.find((x) => x.heading === heading)!;
    const link = await printUrlOf(api.data, c);
    expect(link).toMatch(/^\/print\/[^/?]+\?(d=agreement&)?v=[^&]+&e=\d+&s=[\w-]+$/);
    const res = await open(link);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.raw).toContain(heading);
    expect(res.raw).toContain(c.name);
    for (const s of c.shows) expect(res.raw).toContain(s.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    // Dates a person reads: 和暦.
    expect(res.raw).toMatch(/令和\d+年\d+月\d+日/);
    // Nothing the page loads from anywhere: no URL, no script.
    expect(res.raw).not.toMatch(/<script|<link|src=|url\(|@import|https?:\/\//i);
  });

  it('what a person typed is escaped: the title with <script> prints as text', async () => {
    const c = cases.find((x) => x.heading.startsWith('様式第1号'))!;
    const res = await open(await printUrlOf(api.data, c));
    expect(res.raw).toContain('&lt;script&gt;');
    expect(res.raw).not.toContain('<script>');
  });

  it('a link is the viewer’s: the same link with another viewer named, or a changed signature, expiry or document, is a 404', async () => {
    const c = cases.find((x) => x.heading.startsWith('様式第8号(第15条'))!;
    const link = await printUrlOf(api.data, c);
    expect((await open(link)).status).toBe(200);
    expectNotFound(await open(link.replace('v=shimin-staff', 'v=soumu-director')));
    expectNotFound(await open(link.replace(/s=([\w-])/, (_m, ch: string) => `s=${ch === 'A' ? 'B' : 'A'}`)));
    expectNotFound(await open(link.replace(/e=(\d+)/, (_m, e: string) => `e=${Number(e) + 60}`)));
    expectNotFound(await open(link.replace('?', '?d=agreement&')));
    expectNotFound(await open(link.split('?')[0]));
  });

  it('a link expires: signed with the right key but past its expiry (or further ahead than ten minutes), a 404', async () => {
    const c = cases.find((x) => x.heading.startsWith('様式第6号'))!;
    const now = Math.floor(Date.now() / 1000);
    // The same signing with a valid expiry works: the test can fail.
    expect((await open(await signedBy(api.store(), c.id, 'kenkou-staff', now + 300))).status).toBe(200);
    expectNotFound(await open(await signedBy(api.store(), c.id, 'kenkou-staff', now - 1)));
    expectNotFound(await open(await signedBy(api.store(), c.id, 'kenkou-staff', now + 24 * 3600)));
  });

  it('a viewer the table does not know as staff, and an id that names nothing, answer the same 404 page', async () => {
    const c = cases.find((x) => x.heading.startsWith('様式第11号'))!;
    const now = Math.floor(Date.now() / 1000);
    const unknown = await open(await signedBy(api.store(), c.id, 'nobody-here', now + 300));
    const missing = await open(await signedBy(api.store(), gid('MailAddressApplication', 'no-such-application'), 'shimin-staff', now + 300));
    expectNotFound(unknown);
    expectNotFound(missing);
    expect(missing.raw).toBe(unknown.raw);
  });

  it('第26条: a restricted object is never printed: a virus incident’s link, validly signed, is a 404 to a member of staff and to its reader alike', async () => {
    const id = gid('VirusIncident', 'demo-virus-open');
    const now = Math.floor(Date.now() / 1000);
    // Its reader reads it through the API: the object exists.
    expect((await api.data('soumu-director', 'query($id: ID!) { node(id: $id) { id } }', { id })).node).toEqual({ id });
    for (const viewer of ['shimin-staff', 'soumu-director']) expectNotFound(await open(await signedBy(api.store(), id, viewer, now + 300)));
  });

  it('only GET (and HEAD) print', async () => {
    const c = cases.find((x) => x.heading.startsWith('様式第2号'))!;
    const url = new URL(await printUrlOf(api.data, c), 'https://x');
    const res = await api.invoke(v2Event({ method: 'POST', path: url.pathname, rawQueryString: url.search.slice(1), body: '{}' }));
    expect(res.status).toBe(404);
  });
});

describe('the link signing key', () => {
  it('is made once: creators racing on an empty table all end with the one key that was stored', async () => {
    const config = { ...configFromEnv(), tableName: `${api.tableName}-key` };
    await ensureTable(config, { stream: false });
    const racers = Array.from({ length: 5 }, () => new Store(config));
    const keys = await Promise.all(racers.map((s, i) => linkSigningKey(s, () => Buffer.alloc(32, i + 1), new Date().toISOString())));
    const stored = await new Store(config).table.get(LINK_SIGNING_KEY.pk, LINK_SIGNING_KEY.sk);
    expect(stored?.key).toEqual(expect.any(String));
    for (const k of keys) expect(k.toString('base64')).toBe(stored!.key);
    // Each racer that found no key tried its own; one put won, and every other read the winner's.
    const tried = racers.filter((s) => s.meter.snapshot().calls.PutItem);
    expect(tried.length).toBeGreaterThanOrEqual(1);
    expect(new Set(keys.map((k) => k.toString('base64'))).size).toBe(1);
  });
});
