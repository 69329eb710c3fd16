#!/usr/bin/env node
// Builds the offline GraphiQL page served by the local server (`npm start`) into `.graphiql/` at the repo root:
//
//   .graphiql/index.html         the page (asset names filled in)
//   .graphiql/assets/*           the app bundle, its CSS and fonts, the three Monaco workers (content-hashed names,
//                                served as /graphiql/<name>)
//   .graphiql/stamp.json         what the output was built from; when it still matches, the build is skipped
//
// Everything comes from node_modules; the page loads nothing from another origin. GraphiQL's own
// `setup-workers/esm.sh` entry fetches the workers from esm.sh, so the workers are bundled here instead and the app
// points `MonacoEnvironment.getWorker` at them.
//
// Usage: node functions/local/graphiql/build.js [--force]     (or require it and call ensureBuilt())
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const APP_DIR = path.join(__dirname, "app");
// The sign-in shared with the deployed page function (functions/graphiql/*.ts), which the app imports.
const SHARED_DIR = path.join(__dirname, "..", "..", "graphiql");
const OUT_NAME = ".graphiql";
const ASSETS = "assets";
const STAMP = "stamp.json";
const TITLE = "白石市 行政情報ネットワークシステム API — GraphiQL";
// The three Monaco workers GraphiQL 5 asks for, by the label it passes to getWorker.
const WORKERS = {
  editor: ["monaco-editor", "esm/vs/editor/editor.worker.js"],
  json: ["monaco-editor", "esm/vs/language/json/json.worker.js"],
  graphql: ["monaco-graphql", "esm/graphql.worker.js"],
};
// Packages whose versions decide the output; a change to any of them rebuilds.
const PACKAGES = ["graphiql", "@graphiql/react", "@graphiql/toolkit", "monaco-editor", "monaco-graphql", "react", "react-dom", "graphql", "esbuild"];

function findRepoRoot(start) {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "node_modules"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`graphiql build: no package.json with node_modules above ${start}`);
  }
}

const ROOT = findRepoRoot(__dirname);

/** The folder of package `name` as Node would find it from `fromDir` (ignores "exports", which hide package.json). */
function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`graphiql build: cannot find package ${name} from ${fromDir}; run npm install`);
  }
}

function packageVersion(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
}

/** The same copies the app bundle gets: monaco is resolved from @graphiql/react, as GraphiQL itself imports it. */
function packageDirs() {
  const graphiql = packageDir("graphiql", APP_DIR);
  const react = packageDir("@graphiql/react", graphiql);
  const dirs = {
    graphiql,
    "@graphiql/react": react,
    "@graphiql/toolkit": packageDir("@graphiql/toolkit", APP_DIR),
    "monaco-editor": packageDir("monaco-editor", react),
    "monaco-graphql": packageDir("monaco-graphql", react),
    react: packageDir("react", APP_DIR),
    "react-dom": packageDir("react-dom", APP_DIR),
    graphql: packageDir("graphql", APP_DIR),
    esbuild: packageDir("esbuild", __dirname),
  };
  return dirs;
}

function listFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/** What the output depends on: package versions and a hash of the app sources (and those it imports) and of this script. */
function computeStamp(dirs) {
  const hash = crypto.createHash("sha256");
  const shared = listFiles(SHARED_DIR).filter((f) => f.endsWith(".ts"));
  for (const file of [__filename, ...listFiles(APP_DIR), ...shared]) {
    hash.update(path.relative(__dirname, file).split(path.sep).join("/")).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  const versions = {};
  for (const name of PACKAGES) versions[name] = packageVersion(dirs[name]);
  return { versions, sources: hash.digest("hex") };
}

function readStamp(outDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(outDir, STAMP), "utf8"));
  } catch {
    return undefined;
  }
}

/** Up to date when the recorded inputs are the current ones and every file the build wrote is still there. */
function isUpToDate(outDir, stamp) {
  const old = readStamp(outDir);
  if (!old || JSON.stringify(old.versions) !== JSON.stringify(stamp.versions) || old.sources !== stamp.sources) return false;
  return Array.isArray(old.files) && old.files.every((f) => fs.existsSync(path.join(outDir, f)));
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function html({ script, style }) {
  return `<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>${escapeHtml(TITLE)}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/graphiql/${style}" />
    <script type="module" src="/graphiql/${script}"></script>
    <style>
      html, body, #graphiql { height: 100%; margin: 0; }
      #graphiql > .loading { font-family: system-ui, sans-serif; padding: 2rem; color: #555; }
    </style>
  </head>
  <body>
    <div id="graphiql"><p class="loading">GraphiQL を読み込んでいます… / Loading GraphiQL…</p></div>
    <noscript>GraphiQL には JavaScript が必要です。 / GraphiQL needs JavaScript.</noscript>
  </body>
</html>
`;
}

function realPath(file) {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** The metafile output matching `predicate`, with its path relative to `outdir`. */
function outputFor(metafile, outdir, predicate) {
  for (const [file, meta] of Object.entries(metafile.outputs)) {
    if (predicate(meta)) return { file: path.relative(outdir, path.resolve(ROOT, file)).split(path.sep).join("/"), meta };
  }
  throw new Error("graphiql build: output not found in metafile");
}

async function build(outDir, dirs, stamp, log) {
  const esbuild = require(dirs.esbuild);
  const started = Date.now();
  // Build next to the final folder and swap it in at the end, so a half-written page is never served.
  const tmpDir = `${outDir}.tmp-${process.pid}-${Date.now()}`;
  const assetsDir = path.join(tmpDir, ASSETS);
  fs.rmSync(tmpDir, { recursive: true, force: true });
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    outdir: assetsDir,
    entryNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    define: { "process.env.NODE_ENV": '"production"' },
    metafile: true,
    logLevel: "warning",
  };
  try {
    // 1. The workers, each a self-contained ES module (loaded as module workers).
    const workerEntries = {};
    for (const [label, [pkg, file]] of Object.entries(WORKERS)) workerEntries[`${label}.worker`] = path.join(dirs[pkg], file);
    const workers = await esbuild.build({ ...common, entryPoints: workerEntries });
    const workerFiles = {};
    for (const [label, [pkg, file]] of Object.entries(WORKERS)) {
      // Compared as real paths: esbuild names an entry by its real path, and node_modules may be a symlink (a git
      // worktree sharing another checkout's node_modules, pnpm).
      const entry = fs.realpathSync(path.join(dirs[pkg], file));
      workerFiles[label] = outputFor(workers.metafile, assetsDir, (m) => m.entryPoint !== undefined && realPath(path.resolve(ROOT, m.entryPoint)) === entry).file;
    }

    // 2. The app, told the worker file names.
    const app = await esbuild.build({
      ...common,
      entryPoints: { index: path.join(APP_DIR, "index.tsx") },
      jsx: "automatic",
      loader: { ".ttf": "file", ".woff": "file", ".woff2": "file", ".svg": "file", ".png": "file" },
      define: { ...common.define, __GRAPHIQL_WORKERS__: JSON.stringify(workerFiles) },
    });
    const main = outputFor(app.metafile, assetsDir, (m) => m.entryPoint !== undefined && m.entryPoint.endsWith("index.tsx"));
    if (!main.meta.cssBundle) throw new Error("graphiql build: the app produced no CSS bundle");
    const style = path.relative(assetsDir, path.resolve(ROOT, main.meta.cssBundle)).split(path.sep).join("/");
    // Served by ../graphiql.ts: /graphiql/<name> is assets/<name>.
    fs.writeFileSync(path.join(tmpDir, "index.html"), html({ script: main.file, style }));

    const files = listFiles(tmpDir).map((f) => path.relative(tmpDir, f).split(path.sep).join("/"));
    const bytes = files.reduce((n, f) => n + fs.statSync(path.join(tmpDir, f)).size, 0);
    fs.writeFileSync(path.join(tmpDir, STAMP), `${JSON.stringify({ ...stamp, files, bytes, builtAt: new Date().toISOString() }, null, 2)}\n`);

    fs.rmSync(outDir, { recursive: true, force: true });
    try {
      fs.renameSync(tmpDir, outDir);
    } catch (err) {
      // Another process swapped in its build at the same moment; use it if it is current.
      if (!isUpToDate(outDir, stamp)) throw err;
      fs.rmSync(tmpDir, { recursive: true, force: true });
    }
    log(`graphiql: built ${path.relative(ROOT, outDir)}/ (${files.length} files, ${(bytes / 1048576).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Builds `.graphiql/` unless it is already up to date. Resolves to the absolute output folder.
 * @param {{ force?: boolean, log?: (msg: string) => void }} [options]
 * @returns {Promise<string>}
 */
async function ensureBuilt(options = {}) {
  const log = options.log || ((msg) => console.log(msg));
  const outDir = path.join(ROOT, OUT_NAME);
  const dirs = packageDirs();
  const stamp = computeStamp(dirs);
  if (!options.force && isUpToDate(outDir, stamp)) {
    log(`graphiql: ${OUT_NAME}/ is up to date`);
    return outDir;
  }
  await build(outDir, dirs, stamp, log);
  return outDir;
}

module.exports = { ensureBuilt, outDir: path.join(ROOT, OUT_NAME), ASSETS, TITLE };

if (require.main === module) {
  ensureBuilt({ force: process.argv.includes("--force") }).catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
