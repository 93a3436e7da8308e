import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type { EventRow } from '../db/schema';
import type { Ports } from '../platform/ports';
import { notifyConfig } from './config';
import { isNotifiable, planNotifications } from './plan';

/**
 * Called by the webhook consumer with every outbox event of its batch; no D1 read when none of them
 * is one a customer hears of.
 */
export async function planCustomerNotifications(
  platform: Ports,
  db: DrizzleD1Database,
  events: readonly EventRow[],
  now: number,
): Promise<void> {
  if (!events.some((e) => isNotifiable(e.type))) return;
  const config = notifyConfig(platform);
  await planNotifications(platform, db, events, {
    now,
    reminderBeforeMs: config.reminderBeforeMs,
  });
}
