// The offline GraphiQL page of the local server. The page and its assets are built once by graphiql/build.js into
// `.graphiql/` at the repo root (skipped while up to date); this module serves them next to Apollo:
//
//   GET /graphql or / asking for HTML  -> the page (an API client asking for JSON still reaches Apollo)
//   GET /graphiql/<name>               -> a built asset, cached for good (names are content-hashed)
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import type * as http from "node:http";
import * as path from "node:path";

const BUILD_SCRIPT = path.join("functions", "local", "graphiql", "build.js");
const OUT_NAME = ".graphiql";
const ASSETS = "assets";
const ASSET_PREFIX = "/graphiql/";

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

// Everything the page needs is on this origin; the browser refuses anything else. Monaco injects <style> elements,
// fonts are partly data: URLs.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The repo root: the first folder above `start` holding package.json and the GraphiQL build script. */
function findRepoRoot(): string {
  // Compiled, this file runs from dist/functions/local; under ts-jest from functions/local.
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, BUILD_SCRIPT))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`graphiql: cannot find the repo root (a folder with package.json and ${BUILD_SCRIPT}) above ${__dirname}`);
}

let building: Promise<string> | undefined;

/**
 * Builds the GraphiQL page into `.graphiql/` unless it is already up to date (build.js compares a stamp of the
 * package versions and a hash of the app sources), and resolves to that folder. The build runs in a child process
 * (esbuild misbehaves inside jest's sandbox) and at most once per process.
 */
export function ensureGraphiqlBuilt(): Promise<string> {
  building ??= new Promise<string>((resolve, reject) => {
    const root = findRepoRoot();
    const child = execFile(process.execPath, [path.join(root, BUILD_SCRIPT)], { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`graphiql: the build failed (${err.message.trim()})\n${stdout}${stderr}`));
      } else {
        for (const line of `${stdout}${stderr}`.split("\n")) if (line.trim()) console.log(line);
        resolve(path.join(root, OUT_NAME));
      }
    });
    child.stdin?.end();
  });
  building.catch(() => {
    building = undefined; // let a later call try again
  });
  return building;
}

/**
 * Serves the GraphiQL page and its assets from `dir` (what ensureGraphiqlBuilt resolved to). Returns true when it
 * answered the request, false when the request is not for it (the caller hands it to Apollo).
 */
export function serveGraphiql(req: http.IncomingMessage, res: http.ServerResponse, dir: string): boolean {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const readOnly = req.method === "GET" || req.method === "HEAD";

  if (pathname === "/graphql" || pathname === "/") {
    const accept = req.headers.accept ?? "";
    if (!readOnly || !accept.includes("text/html")) return false;
    sendFile(req, res, path.join(dir, "index.html"), {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-cache",
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "Referrer-Policy": "no-referrer",
      "X-Frame-Options": "DENY",
      Vary: "Accept",
    });
    return true;
  }

  if (!pathname.startsWith(ASSET_PREFIX)) return false;
  if (!readOnly) {
    res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" }).end("Method Not Allowed\n");
    return true;
  }
  const file = assetPath(dir, pathname.slice(ASSET_PREFIX.length));
  if (file === undefined) {
    notFound(res);
    return true;
  }
  sendFile(req, res, file, {
    "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    "Cache-Control": "public, max-age=31536000, immutable",
  });
  return true;
}

/** The file an asset URL names, or undefined when the name is not a plain file name inside the assets folder. */
function assetPath(dir: string, encoded: string): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  // Built names are flat and plain ("index-AB12CD34.js"): no separators, no dot files, no "..".
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name) || name.includes("..")) return undefined;
  const assets = path.resolve(dir, ASSETS);
  const file = path.resolve(assets, name);
  return path.dirname(file) === assets ? file : undefined;
}

function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, headers: Record<string, string>): void {
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) {
      notFound(res);
      return;
    }
    res.writeHead(200, { ...headers, "Content-Length": String(stat.size), "X-Content-Type-Options": "nosniff" });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    const stream = fs.createReadStream(file);
    stream.on("error", () => res.destroy());
    stream.pipe(res);
  });
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" }).end("Not Found\n");
}
