/** The deploy parameters: CDK context (`cdk.json` or `-c key=value`) read into the stack's props. */
import { App } from 'aws-cdk-lib';
import type { RegulationApiStackProps } from './stack';

/** A context value given as a JSON array (cdk.json) or a comma-separated string (`-c allowedOrigins=a,b`). */
export function listContext(app: App, key: string): string[] {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : String(value).split(',');
  return list.map((v) => String(v).trim()).filter((v) => v.length > 0);
}

function numberContext(app: App, key: string): number | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`context ${key} must be a positive number, got ${String(value)}`);
  return n;
}

export function stackPropsFromContext(app: App): RegulationApiStackProps {
  const allowedOrigins = listContext(app, 'allowedOrigins');
  for (const origin of allowedOrigins) {
    // An origin is scheme://host[:port]: no path, no trailing slash, no wildcard.
    if (!/^(https:\/\/[a-z0-9.-]+|http:\/\/localhost)(:\d+)?$/.test(origin)) {
      throw new Error(`allowedOrigins: ${origin} is not an https origin (or http://localhost[:port])`);
    }
  }
  // Who is told of an alarm: `-c alarmEmails=a@city.example,b@city.example` (or a JSON array in cdk.json).
  const alarmEmails = listContext(app, 'alarmEmails');
  for (const email of alarmEmails) {
    if (!/^[^\s@,"]+@[^\s@,"]+\.[^\s@,"]+$/.test(email)) throw new Error(`alarmEmails: ${email} is not an e-mail address`);
  }
  return {
    description: '白石市行政情報ネットワークシステムの管理及び運営に関する規程: GraphQL API',
    allowedOrigins,
    throttleRateLimit: numberContext(app, 'throttleRateLimit'),
    throttleBurstLimit: numberContext(app, 'throttleBurstLimit'),
    oauthCallbackUrls: listContext(app, 'oauthCallbackUrls'),
    cognitoDomainPrefix: app.node.tryGetContext('cognitoDomainPrefix') || undefined,
    // Default dist/bundle/api, written by functions/api/bundle.js.
    apiCodePath: app.node.tryGetContext('apiCodePath') || undefined,
    // Default dist/bundle/reminders, written by functions/api/bundle.js from the reminders handler.
    remindersCodePath: app.node.tryGetContext('remindersCodePath') || undefined,
    // Default dist/bundle/mail, written by functions/api/bundle.js from the mail sender's handler.
    mailCodePath: app.node.tryGetContext('mailCodePath') || undefined,
    // Default dist/bundle/graphiql, written by functions/graphiql/bundle.js.
    graphiqlCodePath: app.node.tryGetContext('graphiqlCodePath') || undefined,
    alarmEmails,
  };
}
