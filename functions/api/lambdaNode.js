'use strict';
/*
 * The Node.js the deployed functions run: its major version, read from the runtime infra/lambdaFunction.ts names
 * (`lambda.Runtime.NODEJS_24_X`), and a binary of that major on this machine, from the npm package `node`
 * (`npx -p node@24`, fetched from the registry once and kept in npm's cache). The bundle step makes the code cache
 * with it (functions/api/bundle.js) and the bench measures under it (test/bench), whatever Node runs them.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The options Lambda's Node.js runtime starts node with (its bootstrap: `node --expose-gc --max-http-header-size 81920
 * --max-semi-space-size … --max-old-space-size … /var/runtime/index.mjs`). V8 accepts a code cache only under the
 * flags it was made with, and --expose-gc is one that counts (the heap sizes are not): the cache is made, and the cold
 * start measured, under these.
 */
const LAMBDA_NODE_OPTIONS = ['--expose-gc', '--max-http-header-size', '81920'];

/** 24 for `lambda.Runtime.NODEJS_24_X`. */
function lambdaNodeMajor() {
  const source = fs.readFileSync(path.join(ROOT, 'infra', 'lambdaFunction.ts'), 'utf8');
  const found = source.match(/lambda\.Runtime\.NODEJS_(\d+)_X\b/);
  if (!found) throw new Error('infra/lambdaFunction.ts names no lambda.Runtime.NODEJS_<major>_X');
  return Number(found[1]);
}

let resolved;
/** `{ path, version, major }` of a Node binary of the Lambda's major; throws, saying how to get one, when there is none. */
function lambdaNode() {
  if (resolved) return resolved;
  const major = lambdaNodeMajor();
  if (Number(process.versions.node.split('.')[0]) === major) return (resolved = { path: process.execPath, version: process.version, major });
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  try {
    const [binary, version] = execFileSync(npx, ['-y', '-p', `node@${major}`, 'node', '-p', 'process.execPath + "\\n" + process.version'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    })
      .trim()
      .split('\n');
    return (resolved = { path: binary, version, major });
  } catch (e) {
    throw new Error(`Node ${major} (the Lambda's) is not available: \`npx -y -p node@${major} node -v\` failed (${e.message.split('\n')[0]}). It needs the npm registry once; after that npm's cache holds it.`);
  }
}

module.exports = { lambdaNode, lambdaNodeMajor, LAMBDA_NODE_OPTIONS };
