/**
 * The Apollo server shared by the Lambda handler and the local server: limits (depth, cost), authentication of
 * the operation, the cost of each response in `extensions.cost`, and errors that never leak internals.
 */
import { ApolloServer, ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError, NoFragmentCyclesRule, OperationDefinitionNode, ValidationRule, print, validate } from 'graphql';
import { requestFingerprint } from '../resolvers/idempotency';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, ComplexityEstimator } from 'graphql-query-complexity';
import { getPersonWithRoles } from '../store/people';
import { StoreConfig } from '../store/client';
import { Store } from '../store/store';
import { Context } from '../resolvers/context';
import { Identification } from './auth';
import { getSchema } from './schema';
import { log } from './log';
import { noPartialDataOfRefusals } from './partialData';

export const LIMITS = {
  /** Deepest selection accepted. */
  depth: 12,
  /** Highest estimated cost: each field costs 1, a connection multiplies its selection by `first`. */
  cost: 20_000,
  /** Largest request body, in bytes. */
  bodyBytes: 64 * 1024,
};

/** A connection costs `first` times what each of its items selects. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' ? Math.max(1, args.first) : Array.isArray(args.ids) ? args.ids.length : undefined;
  return first === undefined ? undefined : 1 + first * childComplexity;
};

function httpError(message: string, code: string, status: number, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status }, ...extra } });
}

function isIntrospectionOnly(operation: OperationDefinitionNode | undefined | null): boolean {
  return (
    !!operation &&
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((s) => s.kind === 'Field' && s.name.value.startsWith('__'))
  );
}

const limitsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema, operation, contextValue }) {
        if (contextValue.rejection) throw contextValue.rejection;
        if (contextValue.idempotencyKey && operation?.operation === 'mutation') {
          contextValue.requestFingerprint = requestFingerprint(request.query ?? print(document), request.operationName, request.variables);
        }
        if (!contextValue.signedIn && !isIntrospectionOnly(operation)) {
          throw httpError('Sign in: send `Authorization: Bearer <token>`. サインインしてください。', 'UNAUTHENTICATED', 401);
        }
        let cost: number;
        try {
          cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch (e) {
          // Estimating reads the variables first; ones that do not fit the schema are the client's error.
          throw httpError(e instanceof Error ? e.message : 'The variables do not fit the schema.', 'BAD_USER_INPUT', 400);
        }
        if (cost > LIMITS.cost) {
          throw httpError(`The query is too costly (${cost}, limit ${LIMITS.cost}). Ask for smaller pages or fewer fields.`, 'QUERY_TOO_COSTLY', 400, {
            cost,
            limit: LIMITS.cost,
          });
        }
      },
    };
  },
};

const costPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }: GraphQLRequestContext<Context>) {
        const body = response.body;
        if (body?.kind === 'single' && contextValue?.store) {
          body.singleResult.extensions = { ...body.singleResult.extensions, cost: contextValue.store.meter.snapshot() };
        }
        // Input the API refused while executing (a string over its limit, a page too large, a foreign cursor) is
        // a malformed request like any other: 400, when nothing else went wrong.
        const errors = body?.kind === 'single' ? body.singleResult.errors : undefined;
        if (errors?.length && errors.every((e) => e.extensions?.code === 'BAD_USER_INPUT') && (response.http.status ?? 200) === 200) {
          response.http.status = 400;
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
]);

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function describeValidation(errors: ValidationErrorLike[], path: string[] = []): { field: string[]; message: string }[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((message) => ({ field: [...path, e.property], message })),
    ...describeValidation(e.children ?? [], [...path, e.property]),
  ]);
}

/** Client errors pass as they are; anything else is logged and answered without internal detail. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const validation = formatted.extensions?.validationErrors as ValidationErrorLike[] | undefined;
    if (validation) {
      const problems = describeValidation(validation);
      return {
        message: `Invalid input: ${problems.map((p) => `${p.field.join('.')}: ${p.message}`).join('; ')}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code, problems },
      };
    }
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log('error', 'unhandled error', { error: describe(unwrapResolverError(error)), path: formatted.path });
  return { message: 'Internal server error. 内部エラーが発生しました。', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
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

export function createApolloServer(): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema: getSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Apollo's two preflight headers, and `authorization`: a browser sends that cross-site only after a CORS preflight,
    // so a signed-in GET (GraphQL over HTTP) is no CSRF risk. Without one, GETs and form/text bodies stay blocked.
    csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization'] },
    validationRules: [depthRule],
    plugins: [ApolloServerPluginLandingPageDisabled(), limitsPlugin, noPartialDataOfRefusals, costPlugin],
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
  idempotencyKey?: string,
): Promise<Context> {
  const store = new Store(config);
  const clock = () => new Date().toISOString();
  const anonymous = { signedIn: false, viewer: undefined as never, store, clock, requestId, mutationsRun: 0 };
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return {
      ...anonymous,
      rejection: httpError('Idempotency-Key must be 8 to 128 letters, digits or . _ : - (a UUID will do).', 'BAD_REQUEST', 400),
    };
  }
  // Refusals are raised once the operation is known (limitsPlugin), so even they carry `extensions.cost`.
  if ('invalid' in identification) {
    return { ...anonymous, rejection: httpError(identification.invalid, 'UNAUTHENTICATED', 401) };
  }
  // No resolver of ours runs for an anonymous request: limitsPlugin lets it through only to introspect.
  if ('anonymous' in identification) return anonymous;
  const found = await getPersonWithRoles(store, identification.personId);
  if (!found) {
    return { ...anonymous, rejection: httpError(`${identification.personId} is not registered as city staff. 職員として登録されていません。`, 'FORBIDDEN', 403) };
  }
  return { signedIn: true, viewer: found, store, clock, requestId, idempotencyKey, mutationsRun: 0 };
}
