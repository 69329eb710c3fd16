// The offline GraphiQL page: built from node_modules, served from the local server's own origin, and out of the way
// of API clients (a request for JSON at /graphql goes to Apollo).
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { ensureGraphiqlBuilt, serveGraphiql } from "../../functions/local/graphiql";

jest.setTimeout(180_000);

const NOT_HANDLED = "x-not-handled-by-graphiql";

let server: http.Server;
let port: number;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request: the path is sent as written (fetch would normalise "/graphiql/../x" away before sending it). */
function request(rawPath: string, headers: http.OutgoingHttpHeaders = {}, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const HTML = { Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

beforeAll(async () => {
  const dir = await ensureGraphiqlBuilt();
  server = http.createServer((req, res) => {
    if (serveGraphiql(req, res, dir)) return;
    // Stands in for Apollo.
    res.writeHead(200, { "Content-Type": "application/json", [NOT_HANDLED]: "1" }).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** The src/href of every <script> and <link> in the page. */
function referencedUrls(html: string): string[] {
  const urls: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const m = /\s(?:src|href)="([^"]*)"/i.exec(tag);
    if (m) urls.push(m[1]);
  }
  return urls;
}

describe("GraphiQL page", () => {
  it("a browser opening /graphql gets the page, in UTF-8, with the sign-in help", async () => {
    const page = await request("/graphql", HTML);
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers[NOT_HANDLED]).toBeUndefined();
    const html = page.body.toString("utf8");
    expect(html).toContain('<meta charset="utf-8" />');
    expect(html).toContain('<div id="graphiql">');
    expect(html).toContain("<title>白石市 行政情報ネットワークシステム API — GraphiQL</title>");
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");

    const root = await request("/", HTML);
    expect(root.status).toBe(200);
    expect(root.body.toString("utf8")).toBe(html);
  });

  it("the page loads only assets from its own origin, each with its content type", async () => {
    const html = (await request("/graphql", HTML)).body.toString("utf8");
    const urls = referencedUrls(html);
    expect(urls.filter((u) => /^(https?:)?\/\//i.test(u))).toEqual([]);

    const assets = urls.filter((u) => u.startsWith("/graphiql/"));
    expect(assets.some((u) => u.endsWith(".js"))).toBe(true);
    expect(assets.some((u) => u.endsWith(".css"))).toBe(true);
    for (const url of assets) {
      const asset = await request(url);
      expect({ url, status: asset.status }).toEqual({ url, status: 200 });
      expect(asset.headers["content-type"]).toBe(url.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
      expect(asset.headers["cache-control"]).toContain("immutable");
      expect(asset.body.length).toBeGreaterThan(0);
    }
  });

  it("the app bundle carries the sign-in help and names its workers and fonts, all served here", async () => {
    const html = (await request("/graphql", HTML)).body.toString("utf8");
    const script = referencedUrls(html).find((u) => u.endsWith(".js"));
    const style = referencedUrls(html).find((u) => u.endsWith(".css"));
    const js = (await request(script!)).body.toString("utf8");
    // esbuild escapes non-ASCII in the bundle; unescape before looking for the Japanese help.
    const text = js.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    // Matched as booleans: a failure must not print five megabytes of bundle.
    const help = ['{"Authorization": "Bearer "}', "npm run token -- <person id>", "デモのシステム管理者", "see the demo people in the README"];
    expect(help.filter((h) => !text.includes(h))).toEqual([]);

    const workers = [...new Set(js.match(/(editor|json|graphql)\.worker-[A-Z0-9]+\.js/g) ?? [])];
    expect(workers.map((w) => w.split(".")[0]).sort()).toEqual(["editor", "graphql", "json"]);
    for (const worker of workers) {
      const reply = await request(`/graphiql/${worker}`);
      expect(reply.status).toBe(200);
      expect(reply.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    }

    const css = (await request(style!)).body.toString("utf8");
    const fonts = [...new Set(css.match(/[\w.-]+\.ttf/g) ?? [])];
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      const reply = await request(`/graphiql/${font}`);
      expect(reply.status).toBe(200);
      expect(reply.headers["content-type"]).toBe("font/ttf");
    }
  });

  it.each([
    "/graphiql/../package.json",
    "/graphiql/%2e%2e/package.json",
    "/graphiql/..%2fpackage.json",
    "/graphiql/..%5cpackage.json",
    "/graphiql/../.graphiql/stamp.json",
    "/graphiql/",
    "/graphiql/no-such-file.js",
  ])("refuses %s", async (rawPath) => {
    const reply = await request(rawPath);
    expect(reply.status).toBe(404);
    expect(reply.headers[NOT_HANDLED]).toBeUndefined();
    expect(reply.body.toString("utf8")).not.toContain('"name"');
  });

  it("leaves API requests to Apollo: JSON at /graphql, and any POST", async () => {
    const json = await request("/graphql", { Accept: "application/json" });
    expect(json.headers[NOT_HANDLED]).toBe("1");
    const noAccept = await request("/graphql");
    expect(noAccept.headers[NOT_HANDLED]).toBe("1");
    const post = await request("/graphql", HTML, "POST");
    expect(post.headers[NOT_HANDLED]).toBe("1");
    const other = await request("/health", HTML);
    expect(other.headers[NOT_HANDLED]).toBe("1");
  });

  it("serveGraphiql returns false for a JSON request without touching the response", () => {
    const req = { method: "GET", url: "/graphql", headers: { accept: "application/json" } } as unknown as http.IncomingMessage;
    const res = {
      writeHead: () => {
        throw new Error("must not answer");
      },
      end: () => {
        throw new Error("must not answer");
      },
    } as unknown as http.ServerResponse;
    expect(serveGraphiql(req, res, "/nonexistent")).toBe(false);
  });
});
