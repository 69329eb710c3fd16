// The offline GraphiQL page of the local server. The page and its assets are built once by graphiql/build.js into
// `.graphiql/` at the repo root (skipped while up to date); this module serves them next to Apollo:
//
//   GET /graphql or / asking for HTML  -> the page (an API client asking for JSON still reaches Apollo)
//   GET /graphiql/<name>               -> a built asset, cached for good (names are content-hashed)
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import type * as http from "node:http";
import * as path from "node:path";
import { ASSETS, CONFIG_PATH, METHOD_NOT_ALLOWED, NOT_FOUND, SignIn, assetHeaders, assetName, configResponse, pageHeaders } from "../graphiql/page";

const BUILD_SCRIPT = path.join("functions", "local", "graphiql", "build.js");
const OUT_NAME = ".graphiql";
const LOCAL: SignIn = { kind: "local" };

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
 * Serves the GraphiQL page and its assets from `dir` (what ensureGraphiqlBuilt resolved to), the page signing in with
 * the local "sign in as" list. Returns true when it answered the request, false when the request is not for it (the
 * caller hands it to Apollo).
 */
export function serveGraphiql(req: http.IncomingMessage, res: http.ServerResponse, dir: string): boolean {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const readOnly = req.method === "GET" || req.method === "HEAD";

  if (pathname === "/graphql" || pathname === "/") {
    const accept = req.headers.accept ?? "";
    if (!readOnly || !accept.includes("text/html")) return false;
    sendFile(req, res, path.join(dir, "index.html"), { ...pageHeaders(LOCAL), Vary: "Accept" });
    return true;
  }
  if (pathname === CONFIG_PATH && readOnly) {
    const { headers, body } = configResponse(LOCAL);
    res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
    return true;
  }
  if (!pathname.startsWith("/graphiql/")) return false;
  if (!readOnly) {
    res.writeHead(METHOD_NOT_ALLOWED.status, METHOD_NOT_ALLOWED.headers).end(METHOD_NOT_ALLOWED.body);
    return true;
  }
  const name = assetName(pathname);
  if (name === undefined) {
    res.writeHead(NOT_FOUND.status, NOT_FOUND.headers).end(NOT_FOUND.body);
    return true;
  }
  sendFile(req, res, path.join(dir, ASSETS, name), assetHeaders(name));
  return true;
}

function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, headers: Record<string, string>): void {
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) {
      res.writeHead(NOT_FOUND.status, NOT_FOUND.headers).end(NOT_FOUND.body);
      return;
    }
    res.writeHead(200, { ...headers, "Content-Length": String(stat.size) });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    const stream = fs.createReadStream(file);
    stream.on("error", () => res.destroy());
    stream.pipe(res);
  });
}
