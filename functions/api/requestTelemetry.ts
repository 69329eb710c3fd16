/**
 * The API function's account of each request (deployed only; the local server does without): every log line of the
 * request carries its Lambda request id, the person (`personId`, once the caller is identified) and the operation;
 * one line `api: request` ends it, with its status, duration and cost (never its body); and its metrics (EMF,
 * functions/api/telemetry.ts):
 *
 * | metric | dimensions | what |
 * |---|---|---|
 * | `Requests` | service, operation | one per request |
 * | `DynamoDbCalls`, `ConsumedCapacity` | service, operation | the request's calls and capacity units (read + write) |
 * | `Faults` | service, operation | 1 for a request answered 500 (a fault of ours), else 0 |
 * | `Refusals` | service, code | each refusal: a mutation's userError code (SELF_DECISION, STALE_VERSION, …) or a top-level error's (UNAUTHENTICATED, QUERY_TOO_COSTLY, …) |
 *
 * `operation` is bounded by the schema, never by what a client writes: the root field the request runs (its name,
 * not an alias), `(multiple)` when it runs several (listed in the line's `rootFields`), `(none)` when no operation
 * was read (a body refused before GraphQL, a document that does not parse). The client's `operationName`, free text,
 * is logged, never a dimension.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import type { Context } from '../resolvers/context';
import { CostMeter, CostReport } from '../store/client';
import { log, logger } from './log';
import { fragmentsOf, rootFieldNames } from './selections';
import { MetricUnit, annotate, invocation, metrics, recordCost } from './telemetry';

export const NO_OPERATION = '(none)';
export const SEVERAL_OPERATIONS = '(multiple)';

interface Seen {
  operation: string;
  operationName?: string;
  rootFields?: string[];
  personId?: string;
  refusals: string[];
  cost?: CostReport;
}

const current = new AsyncLocalStorage<Seen>();

/** Runs one request of the API function, with its logs keyed, its metrics recorded and flushed, its trace annotated. */
export async function observeRequest(
  context: LambdaContext,
  run: () => Promise<APIGatewayProxyStructuredResultV2>,
): Promise<APIGatewayProxyStructuredResultV2> {
  const seen: Seen = { operation: NO_OPERATION, refusals: [] };
  const started = performance.now();
  let status = 500;
  return invocation(
    context,
    () =>
      current.run(seen, async () => {
        const result = await run();
        status = result.statusCode ?? 200;
        return result;
      }),
    () => report(seen, status, performance.now() - started),
  );
}

/** The caller, once their token names them (before the table says whether they are staff). */
export function identified(personId: string): void {
  const seen = current.getStore();
  if (!seen) return;
  seen.personId = personId;
  logger.appendKeys({ personId });
  annotate('personId', personId);
}

/** A request refused before GraphQL read it (a body too large, JSON that does not parse). */
export function refusedBeforeGraphql(code: string): void {
  current.getStore()?.refusals.push(code);
}

export const requestTelemetryPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, operation }) {
        const seen = current.getStore();
        if (!seen || !operation) return;
        const names = [...rootFieldNames(operation.selectionSet, fragmentsOf(document), request.variables)];
        const fields = names.length > 1 ? names.filter((n) => n !== '__typename') : names;
        seen.rootFields = fields;
        seen.operation = fields.length === 1 ? fields[0] : fields.length > 1 ? SEVERAL_OPERATIONS : NO_OPERATION;
        seen.operationName = operation.name?.value;
        logger.appendKeys({ operation: seen.operation, ...(seen.operationName ? { operationName: seen.operationName } : {}) });
        annotate('operation', seen.operation);
      },
      async willSendResponse({ response, contextValue }) {
        const seen = current.getStore();
        if (!seen) return;
        if (contextValue?.store) seen.cost = contextValue.store.meter.snapshot();
        seen.refusals.push(...(contextValue?.refusals ?? []));
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        for (const e of errors) {
          const code = e.extensions?.code;
          if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') seen.refusals.push(code);
        }
      },
    };
  },
};

function report(seen: Seen, status: number, durationMs: number): void {
  const cost = seen.cost ?? new CostMeter().snapshot();
  log('info', 'api: request', {
    status,
    durationMs: Math.round(durationMs),
    ...(seen.rootFields && seen.rootFields.length > 1 ? { rootFields: seen.rootFields } : {}),
    ...(seen.refusals.length ? { refusals: seen.refusals } : {}),
    dynamodbCalls: cost.dynamodbCalls,
    readCapacityUnits: cost.readCapacityUnits,
    writeCapacityUnits: cost.writeCapacityUnits,
  });
  metrics.addDimension('operation', seen.operation);
  metrics.addMetric('Requests', MetricUnit.Count, 1);
  metrics.addMetric('Faults', MetricUnit.Count, status >= 500 ? 1 : 0);
  recordCost(cost);
  const byCode = new Map<string, number>();
  for (const code of seen.refusals) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  for (const [code, count] of byCode) metrics.singleMetric().addDimension('code', code).addMetric('Refusals', MetricUnit.Count, count);
}
