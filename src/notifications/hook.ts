import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type { EventRow } from '../db/schema';
import type { Ports } from '../platform/ports';
import { notifyConfig } from './config';
import { isNotifiable, planNotifications } from './plan';

/** Called by the webhook consumer for every outbox event it handles; cheap for events no customer hears of. */
export async function planCustomerNotifications(
  platform: Ports,
  db: DrizzleD1Database,
  event: EventRow,
  now: number,
): Promise<void> {
  if (!isNotifiable(event.type)) return;
  const config = notifyConfig(platform);
  await planNotifications(platform, db, event, {
    now,
    reminderBeforeMs: config.reminderBeforeMs,
  });
}
