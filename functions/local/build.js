#!/usr/bin/env node
/*
 * `npm run build`: compiles the TypeScript with tsc into dist/, and does nothing when nothing it reads has changed.
 *
 * - What tsc reads is fingerprinted: the path, size and modification time of every file tsconfig.json includes, and of
 *   tsconfig.json and package-lock.json (the compiler's version). After a build that succeeds, the fingerprint is kept in
 *   dist/.build-fingerprint; a build that finds the same fingerprint there stops at once (a few milliseconds), so
 *   `npm start`, `npm run token` and the other commands start an unchanged tree without compiling it again.
 * - Otherwise tsc runs incrementally (dist/.tsbuildinfo): it rechecks and emits what the change touches.
 * - A failed build keeps no fingerprint, so the next run compiles again and shows the errors again.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'dist');
const FINGERPRINT = path.join(OUT, '.build-fingerprint');
const BUILD_INFO = path.join(OUT, '.tsbuildinfo');

const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'));
/** `functions/**\/*.ts` → the folder `functions`; the excludes as folders (`functions/local/graphiql/app/**`). */
const folderOf = (pattern) => pattern.replace(/\/?\*\*.*$/, '');
const included = tsconfig.include.map(folderOf);
const excluded = new Set((tsconfig.exclude ?? []).map((p) => path.join(ROOT, folderOf(p))));

function* sources(dir) {
  if (excluded.has(dir)) return;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* sources(full);
    else if (e.name.endsWith('.ts')) yield full;
  }
}

function fingerprint() {
  const hash = createHash('sha256');
  const files = [...included.flatMap((d) => [...sources(path.join(ROOT, d))]), path.join(ROOT, 'tsconfig.json'), path.join(ROOT, 'package-lock.json')];
  for (const file of files.sort()) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    hash.update(`${path.relative(ROOT, file)}\0${stat ? `${stat.size}\0${stat.mtimeMs}` : '-'}\n`);
  }
  return hash.digest('hex');
}

const now = fingerprint();
if (fs.existsSync(FINGERPRINT) && fs.readFileSync(FINGERPRINT, 'utf8') === now) process.exit(0);

fs.rmSync(FINGERPRINT, { force: true });
const tsc = require.resolve('typescript/bin/tsc');
const run = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.json'), '--incremental', '--tsBuildInfoFile', BUILD_INFO], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
fs.writeFileSync(FINGERPRINT, now);
