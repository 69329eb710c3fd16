/**
 * `npm run bootstrap -- --person <id> --name <氏名> --department <code> [--department-name <名称>] [--title <職名>]
 * [--email <address>] [--user-pool-id <id>]`: makes the first system administrator (第4条) of a fresh deployment —
 * the department if it is new, the person, the role from today, each with its audit event, in one transaction — and,
 * with a user pool, the matching Cognito user (username = person id; Cognito mails a temporary password). Refuses
 * when an administrator is already on record. The table is TABLE_NAME in AWS_REGION with the credentials of the
 * environment (DYNAMODB_ENDPOINT for DynamoDB Local).
 */
import 'reflect-metadata';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { eventOf } from '../domain/audit';
import { BOOTSTRAP_ACTOR, FirstAdministratorInput, firstAdministrator } from '../domain/bootstrap';
import { PersonWithRoles } from '../domain/people';
import { Refusal } from '../domain/refusal';
import { configFromEnv } from '../store/client';
import { changesOf } from '../store/kinds';
import { getDepartment, getPersonRecord, roleHolders } from '../store/people';
import { Store } from '../store/store';
import { newId } from '../resolvers/support';

/** Makes the Cognito user of the administrator; an existing user of that name is taken as theirs. */
export type CreateSignIn = (user: { username: string; email?: string; name: string }) => Promise<'created' | 'exists'>;

/** Reads the table, asks the rule, and writes the administrator with the audit events; the person as written. */
export async function bootstrap(store: Store, input: FirstAdministratorInput, now: string, createSignIn?: CreateSignIn): Promise<PersonWithRoles> {
  const [administrators, department, person] = await Promise.all([
    roleHolders(store, 'SYSTEM_ADMINISTRATOR'),
    getDepartment(store, input.departmentCode),
    getPersonRecord(store, input.personId),
  ]);
  const t = firstAdministrator({ administrators, department, person }, input, newId(now), now);
  // The sign-in first: a table with an administrator who cannot sign in would refuse a second run.
  await createSignIn?.({ username: input.personId, email: input.email, name: input.name });
  await store.commit(changesOf(t), t.changes.map((c) => eventOf(c, BOOTSTRAP_ACTOR, now, newId(now))));
  return t.record as PersonWithRoles;
}

/** Cognito's AdminCreateUser (the SDK is loaded only when a user pool is given). */
export function cognitoSignIn(userPoolId: string, region: string): CreateSignIn {
  return async ({ username, email, name }) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { AdminCreateUserCommand, CognitoIdentityProviderClient, UsernameExistsException } = require('@aws-sdk/client-cognito-identity-provider') as typeof import('@aws-sdk/client-cognito-identity-provider');
    const client = new CognitoIdentityProviderClient({ region });
    try {
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: username,
          UserAttributes: [{ Name: 'name', Value: name }, ...(email ? [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }] : [])],
          DesiredDeliveryMediums: email ? ['EMAIL'] : undefined,
        }),
      );
      return 'created';
    } catch (e) {
      if (e instanceof UsernameExistsException) return 'exists';
      throw e;
    } finally {
      client.destroy();
    }
  };
}

const USAGE =
  '使い方 / Usage: npm run bootstrap -- --person <職員ID> --name <氏名> --department <課コード> [--department-name <課名>] [--division <部名>] [--title <職名>] [--email <メールアドレス>] [--user-pool-id <Cognito ユーザープールID>]';

export function parseArgs(argv: string[]): FirstAdministratorInput & { userPoolId?: string } {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`${USAGE}\n不明な引数 / unknown argument: ${argv[i]}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`${USAGE}\n--${m[1]} に値がありません / --${m[1]} needs a value`);
    flags[m[1]] = value;
  }
  const known = ['person', 'name', 'department', 'department-name', 'division', 'title', 'email', 'user-pool-id'];
  const unknown = Object.keys(flags).filter((k) => !known.includes(k));
  if (unknown.length) throw new Error(`${USAGE}\n不明な引数 / unknown argument: --${unknown[0]}`);
  for (const required of ['person', 'name', 'department']) if (!flags[required]) throw new Error(`${USAGE}\n--${required} は必須です / --${required} is required`);
  return {
    personId: flags.person,
    name: flags.name,
    departmentCode: flags.department,
    departmentName: flags['department-name'],
    division: flags.division,
    title: flags.title,
    email: flags.email,
    userPoolId: flags['user-pool-id'] ?? process.env.USER_POOL_ID,
  };
}

async function main(): Promise<void> {
  const { userPoolId, ...input } = parseArgs(process.argv.slice(2));
  const config = configFromEnv();
  const store = new Store(config);
  console.log(`表 / table: ${config.tableName} (${config.endpoint ?? config.region})`);
  const person = await bootstrap(store, input, new Date().toISOString(), userPoolId ? cognitoSignIn(userPoolId, config.region ?? 'ap-northeast-1') : undefined);
  console.log(`情報システム管理者を登録しました / the first system administrator: ${person.name} (${person.id}), ${person.departmentId}, from ${person.roleAssignments[0].validFrom}`);
  console.log(
    userPoolId
      ? `Cognito ユーザー ${person.id} を用意しました。仮パスワードはメールで届きます / Cognito user ${person.id} is ready; the temporary password comes by mail.`
      : `Cognito ユーザーは作成していません(--user-pool-id なし)。ユーザー名 ${person.id} で作成してください / no user pool given: create the Cognito user ${person.id}.`,
  );
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Refusal ? `${e.ja}\n${e.en}` : e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
