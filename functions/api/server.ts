/**
 * The Apollo server shared by the Lambda handler and the local server: limits (depth, cost), authentication of
 * the operation, the cost of each response in `extensions.cost`, and errors that never leak internals.
 */
import { ValidationErrorLike, describeValidation } from './validation';
import { ApolloServer, ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError, NoFragmentCyclesRule, OperationDefinitionNode, ValidationRule, print, validate } from 'graphql';
import { requestFingerprint } from '../resolvers/idempotency';
import depthLimit from 'graphql-depth-limit';
import { getPersonWithRoles } from '../store/people';
import { StoreConfig } from '../store/client';
import { Store } from '../store/store';
import { Context } from '../resolvers/context';
import { Identification } from './auth';
import { getSchema } from './schema';
import { log } from './log';
import { noPartialDataOfRefusals } from './partialData';
import * as estimator from './estimate';
import { fragmentsOf, operationNameOf, rootFieldKeys } from './selections';
import { Language, Message, aboutTheRequest, apiError, currentLanguage, isOurs, say } from './language';

export const LIMITS = {
  /** Deepest selection accepted. */
  depth: 12,
  /** Largest request body, in bytes. */
  bodyBytes: 64 * 1024,
};

/** Most DynamoDB calls a request may be estimated to make (estimate.ts); env `MAX_DYNAMODB_CALLS`. */
export function maxDynamodbCalls(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger(env.MAX_DYNAMODB_CALLS, 100);
}

/** Most mutations (root mutation fields, aliases and fragments included) one request may run; env `MAX_MUTATIONS_PER_REQUEST`. */
export function maxMutationsPerRequest(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger(env.MAX_MUTATIONS_PER_REQUEST, 10);
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
}

function httpError(message: Message, language: Language, code: string, status: number, extra: Record<string, unknown> = {}): GraphQLError {
  return apiError(message, language, { extensions: { code, http: { status }, ...extra } });
}

const INTERNAL_ERROR: Message = ['内部エラーが発生しました。', 'Internal server error.'];

function isIntrospectionOnly(operation: OperationDefinitionNode | undefined | null): boolean {
  return (
    !!operation &&
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((s) => s.kind === 'Field' && s.name.value.startsWith('__'))
  );
}

/** The estimate made for each request, reported in `extensions.cost.estimatedCalls`. */
const estimates = new WeakMap<Context, number>();

const limitsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart({ request }) {
    // "" names no operation (GraphiQL sends it for an unnamed query), before Apollo picks the operation to run.
    request.operationName = operationNameOf(request.operationName);
    return {
      async didResolveOperation({ request, document, schema, operation, contextValue }) {
        if (contextValue.rejection) throw contextValue.rejection;
        if (contextValue.idempotencyKey && operation?.operation === 'mutation') {
          contextValue.requestFingerprint = requestFingerprint(request.query ?? print(document), request.operationName, request.variables);
        }
        if (!contextValue.signedIn && !isIntrospectionOnly(operation)) {
          throw httpError(
            ['サインインしてください: `Authorization: Bearer <トークン>` を送ってください。', 'Sign in: send `Authorization: Bearer <token>`.'],
            contextValue.language,
            'UNAUTHENTICATED',
            401,
          );
        }
        if (!operation) return;
        const fragments = fragmentsOf(document);
        if (operation.operation === 'mutation') {
          const count = rootFieldKeys(operation.selectionSet, fragments, request.variables).size;
          const limit = maxMutationsPerRequest();
          if (count > limit) {
            throw httpError(
              [
                `1 回のリクエストで実行できる変更 (mutation) は ${limit} 件までです (このリクエストは ${count} 件)。リクエストを分けて送ってください。`,
                `At most ${limit} mutations run in one request (this one has ${count}); send them in several requests.`,
              ],
              contextValue.language,
              'TOO_MANY_MUTATIONS',
              400,
              { mutations: count, limit },
            );
          }
        }
        let estimate: estimator.Estimate;
        try {
          estimate = estimator.estimateCalls({ schema, operation, fragments, variables: request.variables, ctx: contextValue });
        } catch (e) {
          // Estimating reads the variables first; ones that do not fit the schema are the client's error (a
          // GraphQLError says so). Anything else is a fault of ours: an internal error, its message never shown.
          if (e instanceof GraphQLError) throw httpError([e.message, e.message], contextValue.language, 'BAD_USER_INPUT', 400);
          throw e;
        }
        // The calls already made (reading the viewer's roles) count too: the estimate bounds the whole response.
        const estimatedCalls = contextValue.store.meter.snapshot().dynamodbCalls + estimate.calls;
        estimates.set(contextValue, estimatedCalls);
        const budget = maxDynamodbCalls();
        if (estimatedCalls > budget) {
          const costliest = estimate.costliest ? `最も多いのは ${estimate.costliest.path} (${estimate.costliest.calls} 回)。` : '';
          const costliestEn = estimate.costliest ? ` The costliest field is ${estimate.costliest.path} (${estimate.costliest.calls} calls).` : '';
          throw httpError(
            [
              `DynamoDB 呼び出しの見積り (${estimatedCalls} 回) が上限 (${budget} 回) を超えています。${costliest}` +
                'ページ (first) を小さくするか、別名 (alias) や一覧の中の一覧を減らすか、リクエストを分けてください。',
              `The estimated DynamoDB calls (${estimatedCalls}) exceed the budget (${budget}).${costliestEn} ` +
                'Ask for smaller pages, fewer aliases or fewer lists nested in lists, or split the request.',
            ],
            contextValue.language,
            'QUERY_TOO_COSTLY',
            400,
            { estimatedCalls, budget, ...(estimate.costliest ? { costliest: estimate.costliest } : {}) },
          );
        }
      },
    };
  },
};

/** The request each error arose in, so formatError (which sees no context) can log its id. */
const requestIdOfError = new WeakMap<object, string>();

const costPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const e of errors) {
          requestIdOfError.set(e, contextValue.requestId);
          if (e.originalError) requestIdOfError.set(e.originalError, contextValue.requestId);
        }
      },
      async willSendResponse({ response, contextValue }: GraphQLRequestContext<Context>) {
        // Messages follow Accept-Language (Japanese unless the client asks for English): a cache must key on it.
        response.http.headers.set('vary', 'accept-language');
        const body = response.body;
        if (body?.kind === 'single' && contextValue?.store) {
          const cost = contextValue.store.meter.snapshot();
          // A request refused or answered before its estimate ran nothing after it was read: what it made is its bound.
          const estimatedCalls = estimates.get(contextValue) ?? cost.dynamodbCalls;
          body.singleResult.extensions = { ...body.singleResult.extensions, cost: { ...cost, estimatedCalls } };
        }
        // Input the API refused while executing (a string over its limit, a page too large, a foreign cursor) is
        // a malformed request like any other: 400, when nothing else went wrong.
        const errors = body?.kind === 'single' ? body.singleResult.errors : undefined;
        if (errors?.length && errors.every((e) => e.extensions?.code === 'BAD_USER_INPUT') && (response.http.status ?? 200) === 200) {
          response.http.status = 400;
        }
        // A fault of ours is a 500 (API Gateway's 5xx metrics count it), with the request id to find its log line.
        if (body?.kind === 'single' && errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
          response.http.status = 500;
          body.singleResult.errors = errors.map((e) =>
            e.extensions?.code === 'INTERNAL_SERVER_ERROR' ? { ...e, extensions: { ...e.extensions, requestId: contextValue?.requestId } } : e,
          );
        }
      },
    };
  },
};

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_MUTATIONS',
]);

/**
 * Client errors pass as they are (ours already in the request's language); anything else is logged and answered
 * without internal detail. Input refused by class-validator is described field by field, in Japanese (or in
 * class-validator's English on `Accept-Language: en`). The messages graphql-js and Apollo write about the request
 * itself (a syntax error, an unknown field or argument, a variable of the wrong type, a request without a query)
 * stay in their English, since they speak of the document — the developer's, not the staff's — in GraphQL's terms;
 * in Japanese they get a lead (`リクエストが正しくありません: …`) so a person sees what happened.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const language = currentLanguage();
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const validation = formatted.extensions?.validationErrors as ValidationErrorLike[] | undefined;
    if (validation) {
      const problems = describeValidation(validation, language);
      const list = problems.map((p) => `${p.field.join('.')}: ${p.message}`);
      return {
        message: say([`入力内容が正しくありません: ${list.join(' ')}`, `Invalid input: ${list.join('; ')}`], language),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code, problems },
      };
    }
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    const message = isOurs(error) ? formatted.message : say(aboutTheRequest(formatted.message), language);
    return { ...formatted, message, extensions };
  }
  const requestId = typeof error === 'object' && error !== null ? requestIdOfError.get(error) : undefined;
  log('error', 'unhandled error', { requestId, error: describe(unwrapResolverError(error)), path: formatted.path });
  return {
    message: say(INTERNAL_ERROR, language),
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}

function describe(e: unknown): Record<string, unknown> {
  return e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { value: String(e) };
}

/**
 * The depth limit, guarded: graphql-depth-limit follows fragment spreads recursively and never returns from a
 * fragment that spreads itself. Such a document is invalid anyway (graphql's NoFragmentCyclesRule, which Apollo
 * runs beside this one, says so with a 400); the limit then has nothing to measure.
 */
const depthRule: ValidationRule = (context) =>
  validate(context.getSchema(), context.getDocument(), [NoFragmentCyclesRule]).length > 0 ? {} : depthLimit(LIMITS.depth)(context);

/**
 * Every answer is the viewer's own and may not be kept by a browser or a proxy: `Cache-Control: no-store`. Apollo's
 * cache-control plugin, which would say the same, is off: it computes a cache policy field by field on every request
 * (its hook wraps every resolver), for answers that are never cacheable.
 */
const noStore: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/** `plugins`: the deployed function's own (its telemetry: functions/api/requestTelemetry.ts), after these. */
export function createApolloServer(plugins: ApolloServerPlugin<Context>[] = []): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema: getSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Apollo's two preflight headers, and `authorization`: a browser sends that cross-site only after a CORS preflight,
    // so a signed-in GET (GraphQL over HTTP) is no CSRF risk. Without one, GETs and form/text bodies stay blocked.
    csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization'] },
    validationRules: [depthRule],
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), noStore, limitsPlugin, noPartialDataOfRefusals, costPlugin, ...plugins],
    formatError,
  });
}

/**
 * The context of one request. Roles are read from the table here, on every request, so a reassignment takes
 * effect at once. A request without a token may only introspect (GraphiQL loads the schema before sign-in).
 */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

export async function createContext(
  identification: Identification,
  config: StoreConfig,
  requestId: string,
  language: Language,
  idempotencyKey?: string,
): Promise<Context> {
  const store = new Store(config);
  const clock = () => new Date().toISOString();
  const anonymous = { signedIn: false, viewer: undefined as never, store, clock, requestId, language, mutationsRun: 0, refusals: [] };
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return {
      ...anonymous,
      rejection: httpError(
        [
          'Idempotency-Key は英数字と . _ : - の 8〜128 文字で指定してください (UUID で構いません)。',
          'Idempotency-Key must be 8 to 128 letters, digits or . _ : - (a UUID will do).',
        ],
        language,
        'BAD_REQUEST',
        400,
      ),
    };
  }
  // Refusals are raised once the operation is known (limitsPlugin), so even they carry `extensions.cost`.
  if ('invalid' in identification) {
    return { ...anonymous, rejection: httpError(identification.invalid, language, 'UNAUTHENTICATED', 401) };
  }
  // No resolver of ours runs for an anonymous request: limitsPlugin lets it through only to introspect.
  if ('anonymous' in identification) return anonymous;
  let found: Awaited<ReturnType<typeof getPersonWithRoles>>;
  try {
    found = await getPersonWithRoles(store, identification.personId);
  } catch (e) {
    // The table did not answer (unreachable, missing, throttled): a fault of ours, answered like any other — 500,
    // the request id, no detail — once the operation is known, so the answer carries `extensions.cost` too.
    log('error', 'unhandled error', { requestId, error: describe(e), path: ['viewer (context)'] });
    return { ...anonymous, rejection: httpError(INTERNAL_ERROR, language, 'INTERNAL_SERVER_ERROR', 500, { requestId }) };
  }
  if (!found) {
    return {
      ...anonymous,
      rejection: httpError(
        [`${identification.personId} は職員として登録されていません。`, `${identification.personId} is not registered as city staff.`],
        language,
        'FORBIDDEN',
        403,
      ),
    };
  }
  return { signedIn: true, viewer: found, store, clock, requestId, language, idempotencyKey, mutationsRun: 0, refusals: [] };
}
