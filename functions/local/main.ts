/**
 * `npm start`: DynamoDB Local with its data in ./.data/ (unless DYNAMODB_ENDPOINT names another), the table, the
 * demo city on first start, and the API with GraphiQL at http://localhost:4000/graphql (PORT changes the port).
 */
import 'reflect-metadata';

// Node 20 is supported locally; the deployed function runs a current Node.js.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { join } from 'node:path';
import { configFromEnv } from '../store/client';
import { ensureTable } from '../store/createTable';
import { Store } from '../store/store';
import { ensureGraphiqlBuilt } from './graphiql';
import { createLocalServer } from './http';
import { dataDir, localSecret } from './paths';
import { seedDemoCity } from './seed';
import { startDynamoLocal, RunningDynamo } from './dynamoLocal';

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 4000);
  let dynamo: RunningDynamo | undefined;
  if (!process.env.DYNAMODB_ENDPOINT) {
    const path = join(dataDir(), 'dynamodb');
    console.log(`Starting DynamoDB Local (data in ${path}) …`);
    dynamo = await startDynamoLocal({ path });
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  }
  const config = configFromEnv();
  const table = await ensureTable(config);
  const seeded = await seedDemoCity(new Store(config));
  console.log(`Table ${config.tableName}: ${table}${seeded ? ', demo city seeded' : ''}.`);
  const graphiqlDir = await ensureGraphiqlBuilt();
  const server = await createLocalServer({ config, localSecret: localSecret(), graphiqlDir });
  server.listen(port, () => {
    console.log(`\nGraphiQL and the API: http://localhost:${port}/graphql`);
    console.log('Sign in: `npm run token -- shimin-manager` prints a token; put it in GraphiQL\'s Headers tab as');
    console.log('  {"Authorization": "Bearer <token>"}');
  });
  const stop = async () => {
    server.close();
    await dynamo?.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(async (e) => {
  console.error(e);
  process.exit(1);
});
