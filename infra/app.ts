#!/usr/bin/env node
import { App, Tags } from 'aws-cdk-lib';
import { addNagChecks } from './nag';
import { RegulationApiStack } from './stack';

/** A context value given as a JSON array (cdk.json) or a comma-separated string (`-c allowedOrigins=a,b`). */
function listContext(app: App, key: string): string[] {
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

const app = new App();

const allowedOrigins = listContext(app, 'allowedOrigins');
for (const origin of allowedOrigins) {
  // An origin is scheme://host[:port]: no path, no trailing slash, no wildcard.
  if (!/^(https:\/\/[a-z0-9.-]+|http:\/\/localhost)(:\d+)?$/.test(origin)) {
    throw new Error(`allowedOrigins: ${origin} is not an https origin (or http://localhost[:port])`);
  }
}

new RegulationApiStack(app, app.node.tryGetContext('stackName') ?? 'ShiroishiRegulationApi', {
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
});

Tags.of(app).add('project', 'shiroishi-network-regulation');
addNagChecks(app);
