/**
 * Where a function writes what happened (the API, the reminders job and the mail sender write through `log`): the
 * Logger of Powertools for AWS Lambda, one JSON line per event for CloudWatch Logs Insights, with the service
 * (POWERTOOLS_SERVICE_NAME) and, during an invocation, its Lambda request id and the keys the handler appends (the
 * API's person and operation: functions/api/telemetry.ts). Never request bodies, tokens or mail bodies.
 */
import { Logger } from '@aws-lambda-powertools/logger';

export type Level = 'info' | 'warn' | 'error';
export type Log = (level: Level, message: string, fields?: Record<string, unknown>) => void;

const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;
type LogLevel = (typeof LEVELS)[number];

/**
 * POWERTOOLS_LOG_LEVEL, else LOG_LEVEL, in any case: Powertools itself takes only upper case, so the `silent` of the
 * tests and of `npm start`'s children would otherwise log at INFO. On Lambda the function's own log level (Advanced
 * Logging Controls, infra/lambdaFunction.ts) comes first.
 */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const named = (env.POWERTOOLS_LOG_LEVEL || env.LOG_LEVEL || 'INFO').toUpperCase();
  return (LEVELS as readonly string[]).includes(named) ? (named as LogLevel) : 'INFO';
}

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME || 'regulation', logLevel: logLevelFromEnv() });

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  logger[level](message, fields);
}
