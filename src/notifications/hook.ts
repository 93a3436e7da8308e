import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type { EventRow } from '../db/schema';
import { notifyConfig } from './config';
import { isNotifiable, planNotifications } from './plan';

/** Called by the webhook consumer for every outbox event it handles; cheap for events no customer hears of. */
export async function planCustomerNotifications(
  env: Env,
  db: DrizzleD1Database,
  event: EventRow,
  now: number,
): Promise<void> {
  if (!isNotifiable(event.type)) return;
  const config = notifyConfig(env);
  await planNotifications(env, db, event, {
    now,
    reminderBeforeMs: config.reminderBeforeMs,
  });
}
