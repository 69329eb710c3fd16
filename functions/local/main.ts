/**
 * `npm start`: DynamoDB Local with its data in ./.data/ (unless DYNAMODB_ENDPOINT names another), the table, the
 * demo city on first start, and the API with GraphiQL at http://localhost:4000/graphql (PORT changes the port). With
 * its own DynamoDB Local, it also mails every notice written from then on into a local mail catcher (functions/local/
 * mail.ts), whose page it prints. Attachments' files go to a local S3 (s3rver, functions/local/s3Local.ts) with its data
 * in ./.data/s3/ (unless S3_ENDPOINT names another), its address printed too.
 *
 * If DynamoDB Local dies while the server runs, the server says so and exits with a non-zero code rather than
 * answering INTERNAL_SERVER_ERROR to every request: the data folder is kept, and `npm start` starts both again.
 */
import 'reflect-metadata';

// Node 20 is supported locally; the deployed function runs a current Node.js.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { configFromEnv } from '../store/client';
import { ensureTable } from '../store/createTable';
import { Store } from '../store/store';
import { ensureGraphiqlBuilt } from './graphiql';
import { createLocalServer } from './http';
import { dataDir, localSecret } from './paths';
import { seedDemoCity } from './seed';
import { INDEX_VERSION, indexVersion, markIndexed, reindex } from '../admin/reindex';
import { startDynamoLocal, RunningDynamo } from './dynamoLocal';
import { LocalMail, startLocalMail } from './mail';
import { RunningS3, startS3Local } from './s3Local';
import { LOCAL_BUCKET } from '../store/files';

/** The exit code when DynamoDB Local dies under the server (README; test/e2e/engineDies.test.ts). */
const ENGINE_DIED_EXIT_CODE = 3;

let dynamo: RunningDynamo | undefined;
/** The engine's process from the moment it is spawned, before it answers (and `dynamo` is set). */
let engineProcess: ChildProcess | undefined;
let server: Server | undefined;
let mail: LocalMail | undefined;
let s3: RunningS3 | undefined;
let stopping = false;

/** What a person reads when the engine has gone: what happened, that the data is kept, what to do. */
function engineDiedMessage(path: string, code: number | null, signal: NodeJS.Signals | null, output: string): string {
  const how = signal ? `シグナル ${signal}` : `終了コード ${code}`;
  const howEn = signal ? `signal ${signal}` : `exit code ${code}`;
  const tail = output.trim().split('\n').slice(-10).join('\n');
  return [
    '',
    `エラー: DynamoDB Local(ローカルのデータベース)が予期せず終了しました(${how})。`,
    'データベースなしでは API が応答できないため、サーバーを停止します。',
    `データは ${path} に残っています(消えていません)。もう一度 \`npm start\` で起動してください。`,
    '繰り返し起きる場合は、Java のメモリやディスクの空き容量を確認してください。',
    '',
    `Error: DynamoDB Local (the local database) exited unexpectedly (${howEn}).`,
    'The API cannot answer without it, so the server stops.',
    `The data in ${path} is kept. Run \`npm start\` again to start both.`,
    ...(tail ? ['', 'DynamoDB Local の最後の出力 / its last output:', tail] : []),
    '',
  ].join('\n');
}

async function shutdown(code: number): Promise<never> {
  stopping = true;
  server?.close();
  server?.closeAllConnections();
  // The mail reader first: it reads the engine's stream.
  await mail?.stop().catch(() => mail?.kill());
  await s3?.stop().catch(() => undefined);
  if (dynamo) await dynamo.stop();
  else if (engineProcess && engineProcess.exitCode === null && engineProcess.signalCode === null) engineProcess.kill('SIGTERM');
  process.exit(code);
}

async function main(): Promise<void> {
  // Registered first: a Ctrl-C during startup also stops the engine (else it outlives the server).
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const port = Number(process.env.PORT || 4000);
  if (!process.env.DYNAMODB_ENDPOINT) {
    const path = join(dataDir(), 'dynamodb');
    console.log(`Starting DynamoDB Local (data in ${path}) …`);
    const engine = await startDynamoLocal({ path, onSpawn: (child) => (engineProcess = child) });
    dynamo = engine;
    engine.process.once('exit', (code, signal) => {
      if (stopping) return;
      stopping = true;
      console.error(engineDiedMessage(path, code, signal, engine.output()));
      server?.close();
      server?.closeAllConnections();
      mail?.kill();
      process.exit(ENGINE_DIED_EXIT_CODE);
    });
    process.env.DYNAMODB_ENDPOINT = engine.endpoint;
  }
  const config = configFromEnv();
  const table = await ensureTable(config);
  const seeded = await seedDemoCity(new Store(config));
  // A table written by an earlier version gets the index entries this one reads (functions/admin/reindex.ts).
  let reindexed: { objects: number } | undefined;
  if (table === 'created') await markIndexed(new Store(config));
  else if ((await indexVersion(new Store(config))) < INDEX_VERSION) reindexed = await reindex(new Store(config));
  console.log(`Table ${config.tableName}: ${table}${seeded ? ', demo city seeded' : ''}${reindexed ? `, ${reindexed.objects} records indexed` : ''}.`);
  // Mail only from a DynamoDB Local of our own: another endpoint (a deployed table) has its own sender, and its
  // people must not get their mail in a local catcher.
  if (dynamo) {
    const quiet = process.env.LOG_LEVEL === 'silent';
    mail = await startLocalMail({
      config,
      dataDir: dataDir(),
      linkBaseUrl: `http://localhost:${port}/graphql`,
      log: (level, message, fields) => {
        if (quiet && level === 'info') return;
        if (level === 'info' && message !== 'mail: sent') return;
        (level === 'info' ? console.log : console.error)(`${message} ${JSON.stringify(fields ?? {})}`);
      },
    });
  }
  // Attachments' files: a local S3 unless S3_ENDPOINT names another; GraphiQL's page may PUT to it (CORS).
  if (!process.env.S3_ENDPOINT) {
    const directory = join(dataDir(), 's3');
    s3 = await startS3Local({ directory, bucket: process.env.ATTACHMENTS_BUCKET || LOCAL_BUCKET, origins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`], port: process.env.S3_PORT ? Number(process.env.S3_PORT) : undefined });
    process.env.S3_ENDPOINT = s3.endpoint;
    process.env.ATTACHMENTS_BUCKET = s3.bucket;
  }
  const graphiqlDir = await ensureGraphiqlBuilt();
  server = await createLocalServer({ config, localSecret: localSecret(), graphiqlDir });
  server.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') {
      console.error(`\nエラー: ポート ${port} は使用中です。PORT=${port + 1} npm start のように別のポートを指定してください。`);
      console.error(`Error: port ${port} is in use. Choose another one, e.g. PORT=${port + 1} npm start.`);
    } else {
      console.error(e);
    }
    void shutdown(1);
  });
  server.listen(port, () => {
    console.log(`\nGraphiQL and the API: http://localhost:${port}/graphql`);
    console.log(
      mail
        ? `Mail (every notice mailed, caught locally by maildev): ${mail.webUrl}`
        : 'Mail: off (DYNAMODB_ENDPOINT names another DynamoDB; its notices are mailed where it is deployed)',
    );
    console.log(
      s3
        ? `添付ファイル / Attachments (local S3, data in ${join(dataDir(), 's3')}): ${s3.endpoint}/${s3.bucket}`
        : `添付ファイル / Attachments: ${process.env.S3_ENDPOINT} (S3_ENDPOINT), bucket ${process.env.ATTACHMENTS_BUCKET || LOCAL_BUCKET}`,
    );
    console.log('サインイン: GraphiQL の右上「サインイン」で職員を選ぶ / Sign in: choose a person under 「サインイン」 in GraphiQL,');
    console.log('  or `npm run token -- shimin-manager` prints a token for the Headers tab: {"Authorization": "Bearer <token>"}');
  });
}

main().catch(async (e) => {
  if (stopping) return; // the engine died during startup: already reported
  console.error(e);
  // A failed start stops the engine it started, which would otherwise be left running.
  await shutdown(1);
});
