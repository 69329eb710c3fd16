/**
 * The Node.js the Lambda functions run, for the bench: the processes that run the handler run this Node, not the one
 * the bench itself was started with (Node 20 on the development machines, older than the Lambda's).
 *
 * The runtime is read from infra/lambdaFunction.ts (`lambda.Runtime.NODEJS_<major>_X`), where every function of the
 * stack gets it, so the bench follows a change of runtime without a second place to edit. The binary comes from the
 * npm package `node` (`npx -y -p node@<major> node`), fetched once into npm's cache; its path is resolved once per
 * process. Without it the bench stops: it must not measure another Node and call it the Lambda's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FUNCTION_ENVIRONMENT } from '../../infra/lambdaFunction';

export interface LambdaNode {
  /** Absolute path of the node binary. */
  path: string;
  /** `process.version` of that binary, e.g. v24.21.0. */
  version: string;
  major: number;
}

const INFRA_FILE = join('infra', 'lambdaFunction.ts');

/** The repository's root: the nearest directory above this file holding infra/lambdaFunction.ts (from src or dist). */
function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, INFRA_FILE)) && existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`bench: ${INFRA_FILE} not found above ${__dirname}`);
  }
}

let runtime: { name: string; major: number } | undefined;

/** The Lambda runtime of the stack's functions, `nodejs24.x` and its major, as infra/lambdaFunction.ts declares it. */
export function lambdaRuntime(): { name: string; major: number } {
  if (!runtime) {
    const file = join(repositoryRoot(), INFRA_FILE);
    const majors = new Set([...readFileSync(file, 'utf8').matchAll(/lambda\.Runtime\.NODEJS_(\d+)_X\b/g)].map((m) => Number(m[1])));
    if (majors.size !== 1) {
      throw new Error(`bench: expected one lambda.Runtime.NODEJS_<major>_X in ${file}, found ${majors.size ? [...majors].join(', ') : 'none'}`);
    }
    const [major] = majors;
    runtime = { name: `nodejs${major}.x`, major };
  }
  return runtime;
}

let resolved: LambdaNode | undefined;

/** The node binary of the Lambda's major (resolved once; the first call may download it into npm's cache). */
export function lambdaNode(): LambdaNode {
  if (resolved) return resolved;
  const { major, name } = lambdaRuntime();
  const command = `npx -y -p node@${major} node`;
  let out: string;
  try {
    out = execFileSync('npx', ['-y', '-p', `node@${major}`, 'node', '-p', 'JSON.stringify([process.execPath, process.version])'], {
      cwd: tmpdir(), // npm's cache, not this project's node_modules
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr?.trim();
    throw new Error(
      `bench: the Lambda runs ${name} (infra/lambdaFunction.ts), and Node ${major} could not be had with \`${command}\`` +
        `${stderr ? `: ${stderr.split('\n').slice(-3).join(' ')}` : ''}. The bench measures the handler under the Lambda's Node only: ` +
        `make \`${command} -v\` work (network access to the npm registry once, or an npm cache holding node@${major}), then run it again.`,
      { cause: e },
    );
  }
  const [path, version] = JSON.parse(out.trim().split('\n').pop() as string) as [string, string];
  const got = Number(/^v(\d+)\./.exec(version)?.[1]);
  if (got !== major || !existsSync(path)) throw new Error(`bench: \`${command}\` gave ${version} at ${path}, not Node ${major}`);
  resolved = { path, version, major };
  return resolved;
}

/**
 * The options Lambda's Node.js runtime starts node with for a function of 1,024 MB (infra/api.ts): its bootstrap's
 * `--expose-gc --max-http-header-size 81920` and the heap sizes it gives that memory. The young generation's size
 * counts in the resident set, so the handler's processes run under these. (functions/api/lambdaNode.js's
 * LAMBDA_NODE_OPTIONS and coldStart.ts say the same; one of them should import the other once both are in.)
 */
export const LAMBDA_NODE_ARGS: readonly string[] = ['--expose-gc', '--max-http-header-size', '81920', '--max-semi-space-size=16', '--max-old-space-size=921'];

/**
 * The environment a process running the API's handler gets, as on Lambda: the function's variables
 * (infra/lambdaFunction.ts and infra/api.ts: NODE_ENV, FUNCTION_ENVIRONMENT with its log level INFO, the Tracer off)
 * and the runtime's (region, function name, so metrics are on, execution environment), pointed at the bench's
 * table; nothing of this machine's (no LOCAL_JWT_SECRET: callers are identified by the authorizer's claims).
 */
export function lambdaEnvironment(table: { tableName: string; endpoint: string }): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    AWS_REGION: 'ap-northeast-1',
    TABLE_NAME: table.tableName,
    DYNAMODB_ENDPOINT: table.endpoint,
    ...FUNCTION_ENVIRONMENT,
    POWERTOOLS_SERVICE_NAME: 'regulation-api',
    POWERTOOLS_TRACE_ENABLED: 'false', // as infra/api.ts deploys the API (traceSdkCalls: false)
    AWS_EXECUTION_ENV: `AWS_Lambda_${lambdaRuntime().name}`,
    AWS_LAMBDA_FUNCTION_NAME: 'regulation-api',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    LAMBDA_TASK_ROOT: tmpdir(),
    _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
    AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
  };
}
