/**
 * The scheduled Lambda: EventBridge invokes it daily (infra/reminders.ts) with a Scheduled Event; the run takes the event's
 * `time` as its clock, so a retry of the same event finds the same stages and records nothing twice.
 */
import type { Context, ScheduledEvent } from 'aws-lambda';
import { configFromEnv } from '../store/client';
import { Store } from '../store/store';
import { log } from '../api/log';
import { ReminderSummary, runReminders } from './run';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';


/** The instant of the run: the scheduled time of the event; the invocation time only when the event has none. */
export function instantOf(event: Partial<ScheduledEvent>): string {
  const at = event.time && !Number.isNaN(Date.parse(event.time)) ? event.time : new Date().toISOString();
  return new Date(Date.parse(at)).toISOString();
}

export type HandlerResult = Omit<ReminderSummary, 'notices' | 'unaddressedItems' | 'digests'>;

export async function handler(event: ScheduledEvent, context?: Pick<Context, 'awsRequestId'>): Promise<HandlerResult> {
  const store = new Store(configFromEnv());
  const now = instantOf(event);
  const requestId = context?.awsRequestId;
  try {
    const { notices: _notices, unaddressedItems: _items, digests: _digests, ...summary } = await runReminders(store, now, (level, message, fields) =>
      log(level, message, { requestId, eventId: event.id, ...fields }),
    );
    log('info', 'reminders: cost', { requestId, ...store.meter.snapshot() });
    return summary;
  } catch (e) {
    log('error', 'reminders: run failed', { requestId, eventId: event.id, error: e instanceof Error ? e.message : String(e) });
    throw e;
  }
}
