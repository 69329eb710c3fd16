/**
 * The Node.js the Lambda functions run, for the bench: the processes that run the handler run this Node, not the one
 * the bench itself was started with (Node 20 on the development machines, older than the Lambda's).
 *
 * The major comes from the runtime infra/lambdaFunction.ts gives every function (`lambda.Runtime.NODEJS_<major>_X`),
 * and the binary from the npm package `node` (`npx -y -p node@<major> node`, fetched once into npm's cache), both by
 * functions/api/lambdaNode.js, which the bundle step uses to make the code cache: one place for both. Here, typed,
 * resolved once per process and checked; without it the bench stops: it must not measure another Node and call it the
 * Lambda's.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FUNCTION_ENVIRONMENT } from '../../infra/lambdaFunction';

export interface LambdaNode {
  /** Absolute path of the node binary. */
  path: string;
  /** `process.version` of that binary, e.g. v24.21.0. */
  version: string;
  major: number;
}

// Plain JavaScript beside the bundle step (functions/api/bundle.js), required from dist/test/bench.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const shared = require('../../../functions/api/lambdaNode') as {
  lambdaNode: () => LambdaNode;
  lambdaNodeMajor: () => number;
  LAMBDA_NODE_OPTIONS: string[];
};

/** The Lambda runtime of the stack's functions, `nodejs24.x` and its major, as infra/lambdaFunction.ts declares it. */
export function lambdaRuntime(): { name: string; major: number } {
  const major = shared.lambdaNodeMajor();
  return { name: `nodejs${major}.x`, major };
}

let resolved: LambdaNode | undefined;

/** The node binary of the Lambda's major (resolved once; the first call may download it into npm's cache). */
export function lambdaNode(): LambdaNode {
  if (resolved) return resolved;
  const node = shared.lambdaNode(); // throws, saying how to get it, when there is none
  const got = Number(/^v(\d+)\./.exec(node.version)?.[1]);
  if (got !== node.major || !existsSync(node.path)) {
    throw new Error(`bench: the Lambda runs ${lambdaRuntime().name}, but the Node found for it is ${node.version} at ${node.path}; see \`npx -y -p node@${node.major} node -v\``);
  }
  resolved = node;
  return resolved;
}

/**
 * node's options as Lambda's Node.js runtime starts a function of 1,024 MB (infra/api.ts): its bootstrap's
 * (functions/api/lambdaNode.js LAMBDA_NODE_OPTIONS) and the heap sizes it gives that memory, as coldStart.ts runs
 * node. The young generation's size counts in the resident set, so the handler's processes run under these.
 */
export const LAMBDA_NODE_ARGS: readonly string[] = [...shared.LAMBDA_NODE_OPTIONS, '--max-semi-space-size=16', '--max-old-space-size=921'];

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
