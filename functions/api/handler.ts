/**
 * The Lambda entry point: API Gateway HTTP API (payload v2) → Apollo. Deployed, the JWT authorizer has already
 * verified the caller's Cognito access token and its claims arrive in the event. Each request is logged, measured
 * and traced (functions/api/requestTelemetry.ts); the table's client is traced where X-Ray is on. GET /print/{id}
 * (a printed 様式 behind a signed link, no authorizer) is answered by functions/api/print.ts.
 */
import 'reflect-metadata';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { configFromEnv } from '../store/client';
import { documentClient } from '../store/store';
import { identify } from './auth';
import { checkBody, normaliseOperationNameInBody, normaliseOperationNameInQuery } from './request';
import { createApolloServer, createContext } from './server';
import { currentLanguage, languageOf, speaking } from './language';
import { identified, observeRequest, refusedBeforeGraphql, requestTelemetryPlugin } from './requestTelemetry';
import { traced } from './telemetry';
import { exportHandler, isExportPath } from '../export/http';
import { isPrintPath, servePrintEvent } from './print';

const config = configFromEnv();
traced(documentClient(config));
const server = createApolloServer([requestTelemetryPlugin]);

type Claims = Parameters<typeof identify>[1];

const lambdaHandler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
  middleware: [
    async (event) => {
      const body = event.body && event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
      const contentType = event.headers?.['content-type'];
      const rejected = checkBody(body, contentType, currentLanguage());
      if (rejected) {
        refusedBeforeGraphql(rejected.code);
        return { statusCode: rejected.status, headers: rejected.headers, body: rejected.body };
      }
      // `"operationName": ""` (POST) and `operationName=` (GET) mean no operation name: dropped before Apollo.
      if (body && contentType?.toLowerCase().startsWith('application/json')) {
        const parsed: unknown = JSON.parse(body);
        const normalised = normaliseOperationNameInBody(parsed);
        if (normalised !== parsed) {
          event.body = JSON.stringify(normalised);
          event.isBase64Encoded = false;
        }
      }
      if (event.rawQueryString) {
        const search = normaliseOperationNameInQuery(event.rawQueryString);
        if (search !== event.rawQueryString) {
          event.rawQueryString = search;
          if (event.queryStringParameters?.operationName === '') delete event.queryStringParameters.operationName;
        }
      }
    },
  ],
  context: async ({ event, context }) => {
    const claims = (event as Partial<APIGatewayProxyEventV2WithJWTAuthorizer>).requestContext?.authorizer?.jwt?.claims as Claims;
    const identification = await identify(event.headers?.authorization, claims, process.env.LOCAL_JWT_SECRET);
    if ('personId' in identification) identified(identification.personId);
    return createContext(identification, config, context.awsRequestId, currentLanguage(), event.headers?.['idempotency-key']);
  },
});

/**
 * Each request in its language (`Accept-Language`, read once here: functions/api/language.ts), for the checks before
 * GraphQL, the resolvers' Context and the errors Apollo formats.
 */
export const handler: typeof lambdaHandler = (event, context, callback) =>
  speaking(languageOf(event.headers), () =>
    observeRequest(context, () => {
      if (isPrintPath(event.rawPath)) return servePrintEvent(event, config, context.awsRequestId);
      if (isExportPath(event.rawPath)) return exportHandler(event, context, config, currentLanguage());
      return lambdaHandler(event, context, callback) as Promise<APIGatewayProxyStructuredResultV2>;
    }),
  );
