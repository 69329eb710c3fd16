#!/usr/bin/env node
/*
 * Bundles the API Lambda for deployment:  node functions/api/bundle.js [--code-cache[=<node>]] [entry.js] [outdir]
 * Defaults: dist/functions/api/handler.js -> dist/bundle/api/api.js, loaded by dist/bundle/api/index.js (Lambda
 * handler `index.handler`; functions/api/codeCacheLoader.js).
 *
 * - `--code-cache` (what `cdk deploy` runs, cdk.json): after the bundle, V8's code cache of it, api.cache, made by the
 *   Node the Lambda runs (functions/api/lambdaNode.js: `npx -p node@24`) under the options Lambda starts it with,
 *   once the function has loaded and answered a first request. index.js compiles api.js with it: the cold start skips
 *   parsing and compiling what the cache holds. V8 takes it only from the same V8 version, flags and kind of
 *   processor; otherwise the function compiles from source as before and logs `"codeCache":"rejected"`.
 *
 * - type-graphql reads TypeScript's decorator metadata, which esbuild does not emit, so the bundle is made from
 *   tsc's JavaScript (`npm run build` first), never from the .ts sources.
 * - keepNames is essential: minified class names would rename every GraphQL type.
 * - The AWS SDK is bundled, not taken from the Lambda runtime, so its version is the one package-lock.json pins.
 * - Two packages are bundled apart, each as its own file beside index.js (apartPlugin below), required only when used,
 *   so a request that does not need them never parses them: the Tracer of Powertools for AWS Lambda with the X-Ray
 *   SDK it brings (~100 kB, tracer.js; functions/api/telemetry.ts, only where tracing is on), and exceljs with its zip
 *   writer (~1 MB, exceljs.js; functions/export/xlsx.ts, only for an .xlsx export).
 * - Only index.js, api.js, api.cache and the files apart go into the asset directory. The source map, esbuild's metafile (open it in
 *   https://esbuild.github.io/analyze/) and the collected licence comments go to <outdir>.meta/ beside it.
 * - `jose` is left out (external): it verifies local tokens only (LOCAL_JWT_SECRET), never set on Lambda, where the
 *   authorizer verifies tokens; auth.ts loads it lazily and fails closed without it.
 * - `graphql-scalars` and `class-validator` are narrowed to the exports the code uses (narrowPlugin below).
 * - `@holiday-jp/holiday_jp` is replaced by the names of the holidays from 2000 on (holidaysPlugin below).
 * - After writing, the bundle is loaded once in a child process, so a module that cannot be bundled (a dynamic
 *   require, a file read beside the source) fails here and not in Lambda.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { execFileSync } = require('node:child_process');
const esbuild = require('esbuild');
const { lambdaNode, lambdaNodeMajor, LAMBDA_NODE_OPTIONS } = require('./lambdaNode');

const ROOT = path.resolve(__dirname, '..', '..');
const TARGET_BYTES = 1.5 * 1024 * 1024;

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const DEFAULT_ENTRY = path.resolve(ROOT, 'dist/functions/api/handler.js');
const entry = path.resolve(ROOT, args[0] ?? DEFAULT_ENTRY);
const outdir = path.resolve(ROOT, args[1] ?? 'dist/bundle/api');
/** `--code-cache`: make api.cache with the Lambda's Node (functions/api/lambdaNode.js); `--code-cache=<node>`: with that one. */
const codeCacheFlag = process.argv.slice(2).find((a) => a === '--code-cache' || a.startsWith('--code-cache='));
const metaDir = `${outdir}.meta`;

/**
 * Modules replaced by a stub that throws when used. Each is reachable only through a feature this API does not
 * use, and together they are about a fifth of the bundle.
 */
const STUBS = {
  // class-validator's @IsPhoneNumber only (phone metadata, ~200 kB). With the stub, @IsPhoneNumber rejects every value.
  'libphonenumber-js': ['parsePhoneNumber'],
  // Apollo GraphOS usage reporting (APOLLO_KEY) and federated inline traces (~120 kB). City data is not reported to
  // Apollo's cloud, and the schema is not a subgraph, so neither plugin is ever loaded.
  '@apollo/usage-reporting-protobuf': ['Trace', 'Report', 'ReportHeader', 'google'],
};

const stubPlugin = {
  name: 'stubs',
  setup(build) {
    for (const [name, exportsList] of Object.entries(STUBS)) {
      const filter = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/.*)?$`);
      build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'stub', pluginData: { name, exportsList } }));
    }
    build.onLoad({ filter: /.*/, namespace: 'stub' }, ({ pluginData: { name, exportsList } }) => ({
      loader: 'js',
      contents:
        `const fail = () => { throw new Error(${JSON.stringify(`${name} is stubbed out of the Lambda bundle (functions/api/bundle.js)`)}); };\n` +
        exportsList.map((e) => `Object.defineProperty(exports, ${JSON.stringify(e)}, { enumerable: true, get: fail });`).join('\n'),
    }));
  },
};

/**
 * Packages our compiled code (and type-graphql's) require() as a whole, though it uses a few of their exports. A
 * require() of a package cannot be tree-shaken, so every importer gets instead a module that imports, from the
 * package's ESM build, just the names that importer uses (read from its compiled code); esbuild then bundles only
 * what those names need. Where the names cannot be told, the whole package is bundled as before, with a warning.
 */
const NARROWED = [
  // Three scalars of ~70, with their mocks and type definitions (~160 kB); its `exports` offers no path to one.
  'graphql-scalars',
  // A dozen decorators and validateOrReject; the whole index brings every validator of validator.js (~200 kB).
  'class-validator',
];

/** The names `importer` takes from `pkg`: `const x = require("pkg")` used only as `x.name`, or tsc's dynamic import. */
function namesUsed(code, pkg) {
  const req = `require\\(${JSON.stringify(pkg).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\)`;
  const dynamic = [...code.matchAll(new RegExp(`const \\{([\\w\\s,]+)\\} = await Promise\\.resolve\\(\\)\\.then\\(\\(\\) => __importStar\\(${req}\\)\\)`, 'g'))];
  const bound = [...code.matchAll(new RegExp(`(?:const|var|let) (\\w+) = ${req}`, 'g'))];
  if (dynamic.length + bound.length !== [...code.matchAll(new RegExp(req, 'g'))].length) return undefined;
  const names = new Set(dynamic.flatMap((m) => m[1].split(',').map((n) => n.trim()).filter(Boolean)));
  for (const [, binding] of bound) {
    const uses = [...code.matchAll(new RegExp(`\\b${binding}\\b(\\.(\\w+))?`, 'g'))].slice(1);
    if (uses.some((u) => !u[2])) return undefined;
    for (const u of uses) names.add(u[2]);
  }
  return names.size ? [...names].sort() : undefined;
}

const narrowPlugin = {
  name: 'narrowed',
  setup(build) {
    const filter = new RegExp(`^(${NARROWED.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, async (args) => {
      if (args.kind !== 'require-call' || !args.importer) return undefined;
      const names = namesUsed(fs.readFileSync(args.importer, 'utf8'), args.path);
      if (!names) return { warnings: [{ text: `${args.path}: cannot tell which exports ${rel(args.importer)} uses; bundling the whole package` }] };
      const esm = await build.resolve(args.path, { kind: 'import-statement', resolveDir: path.dirname(args.importer) });
      if (esm.errors.length) return { errors: esm.errors };
      return { path: `${args.path}:${names.join(',')}`, namespace: 'narrowed', pluginData: { names, entry: esm.path } };
    });
    build.onLoad({ filter: /.*/, namespace: 'narrowed' }, ({ pluginData: { names, entry } }) => ({
      loader: 'js',
      resolveDir: path.dirname(entry),
      contents: `export { ${names.join(', ')} } from ${JSON.stringify(entry)};`,
    }));
  },
};

/**
 * The working calendar (functions/domain/operatingHours.ts) reads only `holidays[date].name`. The package's table runs
 * from 1970 with the weekday and an English name (~170 kB); the bundle carries the dates and names from 2000 on, read
 * from the installed package at bundle time, so it is the same data, only less of it (~30 kB).
 */
const HOLIDAYS_FROM = '2000-01-01';
const holidaysPlugin = {
  name: 'holidays',
  setup(build) {
    build.onResolve({ filter: /^@holiday-jp\/holiday_jp$/ }, (args) => ({ path: args.path, namespace: 'holidays' }));
    build.onLoad({ filter: /.*/, namespace: 'holidays' }, () => {
      const all = require('@holiday-jp/holiday_jp').holidays;
      const lines = Object.entries(all)
        .filter(([date]) => date >= HOLIDAYS_FROM)
        .map(([date, h]) => `${date} ${h.name}`)
        .join('\n');
      return {
        loader: 'js',
        contents:
          `const holidays = {};\n` +
          `for (const line of ${JSON.stringify(lines)}.split('\\n')) holidays[line.slice(0, 10)] = { date: line.slice(0, 10), name: line.slice(11) };\n` +
          `module.exports = { holidays };`,
      };
    });
  },
};

/**
 * type-graphql's schema generator filters every field resolver of the program against the resolvers given, once for
 * each field of each object type: 3,000 fields × 600 field resolvers × 100 resolver classes, about 40 ms of every cold
 * start. The filter's result depends only on the resolvers given, so it is made once per schema build (kept by the
 * resolvers' array). The same list, the same order: the schema is the same (test/api/schema.test.ts checks the schema
 * the bundle serves). If type-graphql changes this line, the bundle step fails instead of leaving the slow one.
 */
const TYPE_GRAPHQL_FILTER = 'const filteredFieldResolversMetadata = fieldResolvers.filter(it => it.kind === "internal" || resolvers.includes(it.target));';
const typeGraphqlPlugin = {
  name: 'type-graphql-field-resolvers',
  setup(build) {
    build.onLoad({ filter: /type-graphql[\\/]build[\\/](cjs|esm)[\\/]schema[\\/]schema-generator\.js$/ }, (args) => {
      const code = fs.readFileSync(args.path, 'utf8');
      if (!code.includes(TYPE_GRAPHQL_FILTER)) return { errors: [{ text: `${rel(args.path)}: the field-resolver filter this bundle speeds up is not there any more; review typeGraphqlPlugin` }] };
      const once =
        'const filteredFieldResolversMetadata = (this.__fieldResolversOf ??= new WeakMap()).get(resolvers) ?? ' +
        'this.__fieldResolversOf.set(resolvers, fieldResolvers.filter(it => it.kind === "internal" || resolvers.includes(it.target))).get(resolvers);';
      return { contents: code.replace(TYPE_GRAPHQL_FILTER, once), loader: 'js' };
    });
  },
};

/**
 * Apollo hashes every query (its document cache key) with `@apollo/utils.createhash`, which takes node:crypto only
 * through `module.require` — absent in a bundle — and otherwise hashes in JavaScript (sha.js). The bundle gets
 * node:crypto directly.
 */
const createHashPlugin = {
  name: 'apollo-createhash',
  setup(build) {
    build.onResolve({ filter: /^@apollo\/utils\.createhash$/ }, (args) => ({ path: args.path, namespace: 'createhash' }));
    build.onLoad({ filter: /.*/, namespace: 'createhash' }, () => ({
      loader: 'js',
      contents: `const { createHash } = require('node:crypto');\nexports.createHash = (kind) => createHash(kind);`,
    }));
  },
};

/**
 * The SDK reaches some Node modules by `await import("node:http")` (its HTTP handler for an http endpoint, Lambda's
 * invoke store). An import() left in the bundle goes through the ES module loader on first use; these are built in,
 * so a require() does the same at once, and the bundle has no import() left (the code cache's loader needs none).
 */
const builtinImportPlugin = {
  name: 'builtin-dynamic-import',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'builtin-import' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'builtin-import' }, (args) => ({ loader: 'js', contents: `module.exports = require(${JSON.stringify(args.path)});` }));
  },
};

/** Packages bundled apart (see above): each require of one resolves to its file in the same directory. */
const APART = {
  '@aws-lambda-powertools/tracer': 'tracer.js',
  exceljs: 'exceljs.js',
  // The S3 client and its presigner (~0.2 MB), which functions/store/files.ts requires on first use: attachments and
  // large exports only.
  './s3': 's3.js',
};
/** A module of ours bundled apart: its path from the root, as tsc writes it, for the relative require that names it. */
const APART_MODULES = { './s3': 'dist/functions/store/s3.js' };
const apartPlugin = {
  name: 'apart',
  setup(build) {
    for (const [pkg, file] of Object.entries(APART)) {
      build.onResolve({ filter: new RegExp(`^${pkg.replace(/[/.]/g, '\\$&')}$`) }, (args) => {
        // A module of ours: only the one APART_MODULES names (another ./s3 elsewhere is bundled as usual).
        const ours = APART_MODULES[pkg];
        if (ours && path.resolve(args.resolveDir, `${pkg}.js`) !== path.join(ROOT, ours)) return undefined;
        return { path: `./${file}`, external: true };
      });
    }
  },
};

/**
 * The script that makes api.cache, run by the Lambda's Node with Lambda's options: it loads the function through its
 * index.js, as Lambda does, and for the API answers two requests (an anonymous `{ __typename }`, then one signed in,
 * against a stand-in table) so that what a first request runs is compiled too; then asks V8 for the code of
 * everything compiled so far. Prints the Node it ran.
 */
function produceCodeCache(dir, answerOnce) {
  return `
    const fs = require('node:fs');
    const http = require('node:http');
    fs.rmSync(${JSON.stringify(path.join(dir, 'api.cache'))}, { force: true });
    // A table that answers every call with nothing, so a signed-in request runs the SDK's whole path (build, sign,
    // send, parse) as a first request does; what it answers (no such person) does not matter.
    const table = http.createServer((req, res) => { req.resume(); req.on('end', () => { res.setHeader('content-type', 'application/x-amz-json-1.0'); res.end('{}'); }); });
    table.listen(0, '127.0.0.1', async () => {
      process.env.DYNAMODB_ENDPOINT = 'http://127.0.0.1:' + table.address().port;
      const m = require(${JSON.stringify(path.join(dir, 'index.js'))});
      const { script } = m[Symbol.for('regulation.codeCache')];
      const event = (claims) => ({
        version: '2.0', routeKey: 'POST /graphql', rawPath: '/graphql', rawQueryString: '',
        headers: { 'content-type': 'application/json' },
        requestContext: { http: { method: 'POST', path: '/graphql' }, requestId: 'code-cache', ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}) },
        body: JSON.stringify({ query: '{ __typename }' }), isBase64Encoded: false,
      });
      try {
        if (${answerOnce}) {
          const context = { awsRequestId: 'code-cache', getRemainingTimeInMillis: () => 10000 };
          const anonymous = await m.handler(event(), context);
          if (anonymous.statusCode !== 200) throw new Error('the request made to fill the code cache failed: ' + anonymous.body);
          await m.handler(event({ username: 'code-cache', token_use: 'access' }), context);
        }
        fs.writeFileSync(${JSON.stringify(path.join(dir, 'api.cache'))}, script.createCachedData());
        console.log('made by Node ' + process.version + ' ' + process.arch);
        process.exit(0);
      } catch (e) {
        console.error(e);
        process.exit(1);
      }
    });
  `;
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const rel = (p) => path.relative(process.cwd(), p) || '.';

/** Two builds of one package in the bundle (dual-package hazard): for graphql this breaks the schema at run time. */
function duplicatePackageBuilds(inputs) {
  const variantsByPackage = new Map();
  for (const input of inputs) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
    if (!m) continue;
    const [, pkg, file] = m;
    const variant =
      file.match(/^(?:dist\/)?(cjs|esm5?|esm2015|es|dist-cjs|dist-es|dist-types|lib|module|build)\//)?.[1] ??
      (file.endsWith('.mjs') ? 'mjs' : file.endsWith('.cjs') ? 'cjs-file' : null);
    if (!variant) continue;
    const key = `${pkg}`;
    const set = variantsByPackage.get(key) ?? new Set();
    set.add(variant);
    variantsByPackage.set(key, set);
  }
  const twins = (a, b) => (s) => s.has(a) && s.has(b);
  const suspicious = [twins('cjs', 'esm5'), twins('cjs', 'esm'), twins('cjs', 'esm2015'), twins('dist-cjs', 'dist-es'), twins('mjs', 'cjs')];
  return [...variantsByPackage].filter(([, set]) => suspicious.some((t) => t(set))).map(([pkg, set]) => `${pkg} (${[...set].join(', ')})`);
}

async function main() {
  if (!fs.existsSync(entry)) {
    console.error(`bundle: ${rel(entry)} not found. Compile first: npm run build`);
    process.exit(1);
  }

  const options = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // ESM builds first, so packages that ship one (AWS SDK, class-validator, graphql) are tree-shaken. Every
    // importer, require() or import, then resolves to the same file; the duplicate check below enforces that.
    mainFields: ['module', 'main'],
    minify: true,
    keepNames: true,
    sourcemap: 'external',
    legalComments: 'external',
    // Lambda's environment also sets NODE_ENV=production; defining it lets libraries drop development-only code.
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['jose'],
    metafile: true,
    write: false,
    logLevel: 'warning',
  };
  const result = await esbuild.build({ ...options, entryPoints: { api: entry }, outdir, plugins: [stubPlugin, narrowPlugin, holidaysPlugin, typeGraphqlPlugin, createHashPlugin, builtinImportPlugin, apartPlugin] });
  // Only a function whose code asks for a package apart gets its file (the GraphiQL page asks for neither).
  const [outputName, output] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint);
  const apart = [];
  for (const [pkg, file] of Object.entries(APART)) {
    if (!output.imports.some((i) => i.path === `./${file}`)) continue;
    const built = await esbuild.build({
      ...options,
      stdin: { contents: `module.exports = require(${JSON.stringify(APART_MODULES[pkg] ? `./${APART_MODULES[pkg]}` : pkg)});`, resolveDir: ROOT, sourcefile: file },
      outfile: path.join(outdir, file),
      sourcemap: false,
      legalComments: 'inline',
    });
    apart.push({ file, contents: built.outputFiles[0].contents });
  }

  const duplicates = duplicatePackageBuilds(Object.keys(output.inputs));
  if (duplicates.length > 0) {
    console.error(`bundle: two builds of the same package in ${outputName}: ${duplicates.join('; ')}`);
    process.exit(1);
  }

  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(metaDir, { recursive: true, force: true });
  fs.mkdirSync(outdir, { recursive: true });
  fs.mkdirSync(metaDir, { recursive: true });
  let code;
  for (const file of result.outputFiles) {
    const name = path.basename(file.path);
    if (name === 'api.js') code = file.contents;
    fs.writeFileSync(path.join(name === 'api.js' ? outdir : metaDir, name), file.contents);
  }
  fs.copyFileSync(path.join(__dirname, 'codeCacheLoader.js'), path.join(outdir, 'index.js'));
  fs.writeFileSync(path.join(metaDir, 'meta.json'), JSON.stringify(result.metafile));
  for (const { file, contents } of apart) fs.writeFileSync(path.join(outdir, file), contents);

  // Load it once, as Lambda would (the SDK makes no call until a request); and once more as Lambda with active
  // tracing runs it, which loads the Tracer and the X-Ray SDK (functions/api/telemetry.ts loads them only there).
  const bundle = path.join(outdir, 'index.js');
  const env = { PATH: process.env.PATH, NODE_ENV: 'production', TABLE_NAME: 'bundle-load-check', AWS_REGION: 'ap-northeast-1', NODE_NO_WARNINGS: '1' };
  const onLambda = { AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${lambdaNodeMajor()}.x`, AWS_LAMBDA_FUNCTION_NAME: 'bundle-load-check', POWERTOOLS_TRACE_ENABLED: 'true' };
  for (const [how, extra] of [['', {}], [' as on Lambda with tracing', onLambda]]) {
    try {
      execFileSync(
        process.execPath,
        // Each file apart loads on its own too (it is required only later, by a request that needs it).
        ['-e', `const m = require(${JSON.stringify(bundle)}); if (typeof m.handler !== 'function') { console.error('no exported handler'); process.exit(1); } ${apart.map(({ file }) => `require(${JSON.stringify(path.join(outdir, file))});`).join(' ')}`],
        { env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'], timeout: 30_000 },
      );
    } catch {
      console.error(`bundle: ${rel(bundle)} does not load${how} or does not export handler`);
      process.exit(1);
    }
  }

  let cacheNote = '';
  if (codeCacheFlag) {
    const node = codeCacheFlag.includes('=') ? { path: codeCacheFlag.slice(codeCacheFlag.indexOf('=') + 1) } : lambdaNode();
    const made = execFileSync(node.path, [...LAMBDA_NODE_OPTIONS, '-e', produceCodeCache(outdir, entry === DEFAULT_ENTRY)], {
      // Lambda's variables, with credentials as Lambda gives them (these are never sent anywhere but the stand-in table).
      env: { ...env, ...onLambda, POWERTOOLS_TRACE_ENABLED: 'false', LOG_LEVEL: 'SILENT', AWS_ACCESS_KEY_ID: 'code-cache', AWS_SECRET_ACCESS_KEY: 'code-cache', AWS_SESSION_TOKEN: 'code-cache' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    cacheNote = `; beside it api.cache ${mb(fs.statSync(path.join(outdir, 'api.cache')).size)} (V8 code cache, ${made.trim().split('\n').pop()})`;
  }

  const byPackage = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const key = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? '(this project)';
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  const top = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`bundle: ${rel(path.join(outdir, 'api.js'))} ${mb(code.length)} (${mb(zlib.gzipSync(code, { level: 9 }).length)} gzipped), loaded by index.js${apart.map(({ file, contents }) => `; beside it ${file} ${mb(contents.length)}, loaded when used`).join('')}${cacheNote}`);
  console.log(`bundle: largest: ${top.map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} kB`).join(', ')}`);
  if (code.length > TARGET_BYTES) {
    console.warn(`bundle: WARNING: over the ${mb(TARGET_BYTES)} target; see ${rel(path.join(metaDir, 'meta.json'))}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
