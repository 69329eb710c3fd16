#!/usr/bin/env node
/*
 * Bundles the deployed GraphiQL page function with the page it serves:  node functions/graphiql/bundle.js [outdir]
 * Default outdir dist/bundle/graphiql (what infra/graphiql.ts deploys):
 *
 *   index.js              the function (dist/functions/graphiql/handler.js bundled by functions/api/bundle.js)
 *   site/index.html       the page, built by functions/local/graphiql/build.js (the same page `npm start` serves)
 *   site/assets/*         its assets, and beside each text asset over 1 kB a .gz copy: the app script is about 5 MB,
 *                         Lambda answers at most 6 MB, and a browser asks for gzip anyway
 *
 * `npm run build` first (the function is bundled from tsc's JavaScript, as every function is).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { execFileSync } = require('node:child_process');
const { ensureBuilt, ASSETS } = require('../local/graphiql/build.js');

const ROOT = path.resolve(__dirname, '..', '..');
const COMPRESSIBLE = /\.(js|css|json|svg|ttf|map|html)$/i;

async function main() {
  const outdir = path.resolve(ROOT, process.argv[2] ?? 'dist/bundle/graphiql');
  execFileSync(process.execPath, [path.join(ROOT, 'functions', 'api', 'bundle.js'), path.join(ROOT, 'dist', 'functions', 'graphiql', 'handler.js'), outdir], { stdio: 'inherit' });
  const built = await ensureBuilt();
  const site = path.join(outdir, 'site');
  fs.rmSync(site, { recursive: true, force: true });
  fs.mkdirSync(path.join(site, ASSETS), { recursive: true });
  fs.copyFileSync(path.join(built, 'index.html'), path.join(site, 'index.html'));
  let plain = 0;
  let gzipped = 0;
  for (const name of fs.readdirSync(path.join(built, ASSETS))) {
    const data = fs.readFileSync(path.join(built, ASSETS, name));
    fs.writeFileSync(path.join(site, ASSETS, name), data);
    plain += data.length;
    if (COMPRESSIBLE.test(name) && data.length > 1024) {
      const gz = zlib.gzipSync(data, { level: 9 });
      fs.writeFileSync(path.join(site, ASSETS, `${name}.gz`), gz);
      gzipped += gz.length;
    }
  }
  const mb = (n) => `${(n / 1048576).toFixed(2)} MB`;
  console.log(`graphiql: ${path.relative(ROOT, site)}/ ${mb(plain)} (${mb(gzipped)} of gzip copies)`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
