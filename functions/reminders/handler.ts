/**
 * The scheduled Lambda: EventBridge invokes it daily (infra/reminders.ts) with a Scheduled Event; the run takes the event's
 * `time` as its clock, so a retry of the same event finds the same stages and records nothing twice. Each run is
 * logged, measured (ReminderRuns, NoticesWritten, DigestsWritten, UnaddressedItems, DynamoDbCalls, ConsumedCapacity)
 * and traced (functions/api/telemetry.ts).
 */
import type { Context, ScheduledEvent } from 'aws-lambda';
import { configFromEnv } from '../store/client';
import { Store, documentClient } from '../store/store';
import { log, logger } from '../api/log';
import { MetricUnit, invocation, metrics, recordCost, traced } from '../api/telemetry';
import { ReminderSummary, runReminders } from './run';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

traced(documentClient(configFromEnv()));

/** The instant of the run: the scheduled time of the event; the invocation time only when the event has none. */
export function instantOf(event: Partial<ScheduledEvent>): string {
  const at = event.time && !Number.isNaN(Date.parse(event.time)) ? event.time : new Date().toISOString();
  return new Date(Date.parse(at)).toISOString();
}

export type HandlerResult = Omit<ReminderSummary, 'notices' | 'unaddressedItems' | 'digests'>;

export async function handler(event: ScheduledEvent, context?: Pick<Context, 'awsRequestId'>): Promise<HandlerResult> {
  const store = new Store(configFromEnv());
  const now = instantOf(event);
  return invocation(
    context,
    async () => {
      logger.appendKeys({ eventId: event.id });
      try {
        const { notices: _notices, unaddressedItems: _items, digests: _digests, ...summary } = await runReminders(store, now, log);
        log('info', 'reminders: cost', { ...store.meter.snapshot() });
        metrics.addMetric('NoticesWritten', MetricUnit.Count, summary.written);
        metrics.addMetric('DigestsWritten', MetricUnit.Count, summary.digestsWritten);
        metrics.addMetric('UnaddressedItems', MetricUnit.Count, summary.unaddressed);
        return summary;
      } catch (e) {
        log('error', 'reminders: run failed', { error: e instanceof Error ? e.message : String(e) });
        throw e;
      }
    },
    () => {
      metrics.addMetric('ReminderRuns', MetricUnit.Count, 1);
      recordCost(store.meter.snapshot());
    },
  );
}
