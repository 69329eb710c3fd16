import { Duration, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { RegulationFunction } from './lambdaFunction';
import { StackPart } from './part';

export interface GraphiqlPageProps {
  /** The HTTP API of /graphql: the page is served on the same origin, so it calls the API without CORS. */
  readonly httpApi: apigwv2.HttpApi;
  /** The page's URL (GET /graphiql), the app client's callback. */
  readonly pageUrl: string;
  readonly hostedDomain: cognito.UserPoolDomain;
  readonly client: cognito.IUserPoolClient;
  /** Directory holding the bundled page function with its site/ (functions/graphiql/bundle.js). */
  readonly codePath: string;
  readonly logRetention: logs.RetentionDays;
}

/**
 * GraphiQL for the city's staff on the deployed stack: GET /graphiql (the page) and GET /graphiql/{file} (its
 * config.json and content-hashed assets), answered by a small function from the page built into its asset. The two
 * routes are public: the page holds nothing of the city's, and whoever opens it signs in on Cognito's hosted page
 * before the API (behind its JWT authorizer) answers anything.
 */
export class GraphiqlPage extends StackPart {
  public readonly function: lambda.Function;

  constructor(scope: Construct, id: string, props: GraphiqlPageProps) {
    super(scope, id);
    this.function = new RegulationFunction(this, 'GraphiqlFunction', {
      description: 'GraphiQL page and assets (public), signing in through the Cognito hosted page',
      roleDescription: 'GraphiQL page function: its own log group, nothing else',
      codePath: props.codePath,
      bundleHint: 'build the GraphiQL page bundle first (npm run build && node functions/graphiql/bundle.js)',
      memorySize: 256,
      timeout: Duration.seconds(5),
      serviceName: 'regulation-graphiql',
      logRetention: props.logRetention,
      statements: [],
      environment: {
        COGNITO_DOMAIN: props.hostedDomain.baseUrl(),
        COGNITO_CLIENT_ID: props.client.userPoolClientId,
        GRAPHIQL_URL: props.pageUrl,
      },
    }).function;
    Validations.of(this.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason: 'Invoked only synchronously by API Gateway, which returns the error to the caller; there are no asynchronous invocations to keep.',
    });

    const integration = new HttpLambdaIntegration('GraphiqlIntegration', this.function, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    });
    const routes = props.httpApi.addRoutes({
      path: '/graphiql',
      methods: [apigwv2.HttpMethod.GET],
      integration,
      authorizer: new apigwv2.HttpNoneAuthorizer(),
    });
    routes.push(
      ...props.httpApi.addRoutes({
        path: '/graphiql/{file}',
        methods: [apigwv2.HttpMethod.GET],
        integration,
        authorizer: new apigwv2.HttpNoneAuthorizer(),
      }),
    );
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'The GraphiQL page and its static assets are public by design: they hold no city data. The page signs in on the Cognito hosted page (authorization code with PKCE) and /graphql stays behind the JWT authorizer.',
      });
    }
  }
}
