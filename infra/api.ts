import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { GLOBAL_INDEXES } from '../functions/store/tableSchema';
import { AttachmentsBucket } from './attachments';
import { StaffUserPool } from './auth';
import { RegulationFunction } from './lambdaFunction';
import { StackPart } from './part';
import { RegulationTable } from './table';

/**
 * What the API function may do to the table. Request paths read with GetItem/BatchGetItem/Query and write every
 * state change with its audit event in one TransactWriteItems. TransactWriteItems (and TransactGetItems) is not an
 * IAM action of its own: IAM checks each item's action (Put → PutItem, Update → UpdateItem,
 * ConditionCheck → ConditionCheckItem, Delete → DeleteItem). No Scan, no DeleteItem: nothing in the regulation's
 * record is deleted. If the store ever needs Delete, add 'dynamodb:DeleteItem' here.
 */
export const API_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:ConditionCheckItem',
] as const;
/** On the global secondary indexes only Query is possible (and Scan, which is not granted). */
export const API_INDEX_ACTIONS = ['dynamodb:Query'] as const;

export interface GraphqlApiProps {
  readonly table: RegulationTable;
  /** The bucket of attachments' files (infra/attachments.ts): the function signs URLs to its attachments/ only. */
  readonly attachments: AttachmentsBucket;
  /** The user pool whose access tokens the JWT authorizer accepts, for `userPoolClient` and GraphiQL's client. */
  readonly userPool: StaffUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  /** Directory holding the bundled API (index.js exporting `handler`), as written by functions/api/bundle.js. */
  readonly codePath: string;
  /** Browser origins allowed by CORS; none: no CORS preflight. */
  readonly allowedOrigins: string[];
  /** Requests per second, steady and in a burst, on the default stage. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /** Retention of the function's and the access logs. */
  readonly logRetention: logs.RetentionDays;
}

/**
 * The GraphQL API: its Lambda function, and the HTTP API in front of it (POST/GET /graphql behind a JWT authorizer on
 * the user pool, a throttled `$default` stage with a JSON access log), with GraphiQL's app client. GraphiQL's public
 * routes on the same HTTP API are added by infra/graphiql.ts.
 */
export class GraphqlApi extends StackPart {
  public readonly function: lambda.Function;
  public readonly httpApi: apigwv2.HttpApi;
  /** The URL portals call (POST/GET with `Authorization: Bearer <Cognito access token>`). */
  public readonly graphqlUrl: string;
  /** GraphiQL's page (GET /graphiql), public, on the same origin as /graphql. */
  public readonly graphiqlUrl: string;
  /** GraphiQL's app client (authorization code with PKCE), whose tokens the authorizer accepts too. */
  public readonly graphiqlClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: GraphqlApiProps) {
    super(scope, id);
    const { table } = props;

    // ---- Function ----------------------------------------------------------------------------------------------
    this.function = new RegulationFunction(this, 'ApiFunction', {
      description: 'GraphQL API (Apollo Server + type-graphql) for the network-system regulation',
      roleDescription: 'GraphQL API function: its own log group and the regulation table, nothing else',
      codePath: props.codePath,
      bundleHint: 'build the API bundle first (npm run build && node functions/api/bundle.js)',
      memorySize: 1024,
      timeout: Duration.seconds(10),
      serviceName: 'regulation-api',
      // X-Ray subsegments of each DynamoDB call cost every request about 3 ms (a quarter of a typical one): off here,
      // on for the jobs; README, Performance.
      traceSdkCalls: false,
      table,
      logRetention: props.logRetention,
      statements: [
        new iam.PolicyStatement({
          sid: 'RegulationTable',
          actions: [...API_TABLE_ACTIONS],
          resources: [table.tableArn],
        }),
        new iam.PolicyStatement({
          sid: 'RegulationTableIndexes',
          actions: [...API_INDEX_ACTIONS],
          // Each index by name, not index/*: an index added later is granted when it is added to tableSchema.ts.
          resources: GLOBAL_INDEXES.map((index) => table.indexArn(index.indexName)),
        }),
        ...props.attachments.apiStatements(),
      ],
      environment: { ATTACHMENTS_BUCKET: props.attachments.bucket.bucketName },
    }).function;
    props.attachments.acknowledgeGrant(this.function.role?.node.tryFindChild('DefaultPolicy') ?? this.function);
    Validations.of(this.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked only synchronously by API Gateway, which returns the error to the caller; a dead-letter queue receives only asynchronous invocations, and there are none.',
    });

    // ---- HTTP API ----------------------------------------------------------------------------------------------
    // No default authorizer: each route names its own (below, and GraphiQL's public ones in infra/graphiql.ts).
    const origins = props.allowedOrigins;
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: 'shiroishi-regulation-api',
      description: 'GraphQL API for the network-system regulation (POST/GET /graphql)',
      createDefaultStage: false,
      corsPreflight:
        origins.length > 0
          ? {
              allowOrigins: origins,
              allowMethods: [apigwv2.CorsHttpMethod.GET, apigwv2.CorsHttpMethod.POST, apigwv2.CorsHttpMethod.OPTIONS],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'apollo-require-preflight', 'x-apollo-operation-name'],
              allowCredentials: false,
              maxAge: Duration.hours(1),
            }
          : undefined,
    });

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        // One JSON object per request (HTTP API $context variables).
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            httpMethod: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            protocol: '$context.protocol',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
            user: '$context.authorizer.claims.username',
            authorizerError: '$context.authorizer.error',
            error: '$context.error.message',
          }),
        ),
      },
    });

    // GraphiQL signs in on the hosted page and comes back to its own URL with the code.
    this.graphiqlUrl = `${stage.url}graphiql`;
    this.graphiqlClient = props.userPool.addGraphiqlClient(this.graphiqlUrl);

    // The authorizer of /graphql. A JWT authorizer: issuer https://cognito-idp.<region>.amazonaws.com/<poolId>,
    // audience the portal's and GraphiQL's client ids.
    // API Gateway checks `aud` when present (ID tokens) and otherwise `client_id` (access tokens), so the access
    // token the portal sends as `Authorization: Bearer <token>` passes; the function reads its `username` claim.
    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', props.userPool, {
      userPoolClients: [props.userPoolClient, this.graphiqlClient],
      identitySource: ['$request.header.Authorization'],
    });

    const integration = new HttpLambdaIntegration('GraphqlIntegration', this.function, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    });
    this.httpApi.addRoutes({
      path: '/graphql',
      methods: [apigwv2.HttpMethod.POST, apigwv2.HttpMethod.GET],
      integration,
      authorizer,
    });
    // GET /print/{id}: an application printed as its 様式 (functions/api/print.ts), on the API function. A browser
    // opening the link carries no token: the link's signature (HMAC-SHA256, one viewer, ten minutes) is the check, and
    // the function reads the viewer afresh and asks the object's read rule again.
    for (const route of this.httpApi.addRoutes({ path: '/print/{id}', methods: [apigwv2.HttpMethod.GET], integration, authorizer: new apigwv2.HttpNoneAuthorizer() })) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'A printed form is opened by a browser from a link, which carries no bearer token: the link itself is signed (HMAC-SHA256 under a key kept in the table) for one viewer and ten minutes, and the function checks it, then asks the object’s read rule for that viewer, answering 404 otherwise.',
      });
    }
    // Register exports (functions/export/http.ts): the same function, the same authorizer.
    this.httpApi.addRoutes({ path: '/export/{file}', methods: [apigwv2.HttpMethod.GET], integration, authorizer });
    // GET /download/{file}: an export opened by a browser from `exportLink`, signed like a print link (one viewer,
    // ten minutes); the function checks the signature and asks the read rules again.
    for (const route of this.httpApi.addRoutes({ path: '/download/{file}', methods: [apigwv2.HttpMethod.GET], integration, authorizer: new apigwv2.HttpNoneAuthorizer() })) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'A register is downloaded by a browser from a link, which carries no bearer token: the link itself is signed (HMAC-SHA256 under a key kept in the table) for one viewer and ten minutes, and the function checks it, then keeps only the rows that viewer may read, answering 404 to a link that does not hold.',
      });
    }

    this.graphqlUrl = `${stage.url}graphql`;
  }
}
