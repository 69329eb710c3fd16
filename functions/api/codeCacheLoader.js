'use strict';
/*
 * index.js of a bundled function (copied there by functions/api/bundle.js): loads the bundle, api.js beside it, the way
 * Node loads a CommonJS module, but compiles it with the V8 code cache the bundle step made (api.cache), when there is
 * one and this Node accepts it. V8 accepts a cache only from the same V8 version, the same flags and the same kind of
 * processor; otherwise it says so (`cachedDataRejected`) and compiles the source as usual: a rejected cache costs the
 * reading of the file and nothing else.
 *
 * What happened is told once, at load, as one JSON line in the function's log ("codeCache": accepted, rejected or
 * absent), with the Node version and processor, so the deployed function shows whether its cache is used.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire } = require('node:module');

const file = path.join(__dirname, 'api.js');
// Node's own wrapper for a CommonJS module, on a line of its own so the bundle's lines keep their numbers; and the
// `process` of whoever required this file (the same object on Lambda; a test runner's own, where it has one).
const WRAPPER = '(function (exports, require, module, __filename, __dirname, process) {\n';
let cachedData;
try {
  cachedData = fs.readFileSync(path.join(__dirname, 'api.cache'));
} catch {
  // none made (a bundle step without --code-cache): compiled from source
}
const script = new vm.Script(`${WRAPPER}${fs.readFileSync(file, 'utf8')}\n})`, { filename: file, lineOffset: -1, cachedData });
const api = { exports: {}, id: file, filename: file, loaded: false };
script.runInThisContext().call(api.exports, api.exports, createRequire(file), api, file, __dirname, process);
api.loaded = true;
const codeCache = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';

const level = (process.env.POWERTOOLS_LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'INFO').toUpperCase();
if (level !== 'SILENT' && !(codeCache !== 'rejected' && ['WARN', 'ERROR', 'CRITICAL'].includes(level))) {
  const rejected = codeCache === 'rejected';
  const message = {
    accepted: 'コードキャッシュを使用して読み込みました。 / Loaded with the code cache.',
    rejected: 'コードキャッシュが受け入れられず、ソースからコンパイルしました(バンドルを作成した Node・プロセッサと異なります)。 / The code cache was rejected (another Node or processor made it): compiled from source.',
    absent: 'コードキャッシュなしで読み込みました。 / Loaded without a code cache.',
  }[codeCache];
  // Straight to stdout, as Powertools' Logger writes: the function's JSON log format passes the line through as it is.
  process.stdout.write(`${JSON.stringify({ level: rejected ? 'WARN' : 'INFO', message, codeCache, node: process.version, arch: process.arch, timestamp: new Date().toISOString() })}\n`);
}

module.exports = api.exports;
// For the bundle step, which makes the cache from this very script once it has run (functions/api/bundle.js).
Object.defineProperty(module.exports, Symbol.for('regulation.codeCache'), { value: { script, codeCache } });
