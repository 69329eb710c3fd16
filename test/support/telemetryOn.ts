/**
 * Imported first by a test of what the functions tell operations, before any module of the functions: their metrics
 * and logs on, as on Lambda (the rest of the suite keeps them off and silent: globalSetup.ts).
 */
process.env.POWERTOOLS_METRICS_DISABLED = 'false';
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
process.env.POWERTOOLS_METRICS_NAMESPACE = 'ShiroishiRegulation';
process.env.POWERTOOLS_SERVICE_NAME = 'regulation-api';

export {};
